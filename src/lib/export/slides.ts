// 16:9 PowerPoint slides (one chart's, or the briefing deck), written in the browser by PptxGenJS, which is
// loaded only when a slide is asked for. A chart on category axes becomes a native PowerPoint chart with its
// data embedded (nativeChart.ts, chartXml.ts, pptxCharts.ts), or a picture where the user asks for one; plan
// targets become native table slides (tableSlides.ts). Every chart slide carries its title, a takeaway, the whole
// source line and speaker notes quoting each figure's sentence. The deck adds a title and a sources slide.
import type { ChartModel } from '../charts/common';
import { placeName } from '../charts/common';
import type { Dataset } from '../data/dataset';
import type { ExportMeta } from './render';
import type { Lang } from '../i18n/bilingual';
import { t } from '../i18n/onDemandMessages';
import { listed, unitLabel } from '../i18n/format';
import { nativePlots, type NativePlot } from './nativeChart';
import { W, X } from './slideTable';
import type { ChartStyle } from './chartXml';
import {
  boxHeight,
  header,
  sourceBox,
  sourceLine,
  text,
  SLIDE_H,
  TABLE_TEXT,
  type Header,
  type Pptx,
} from './slideBoxes';
import { tableSlides } from './tableSlides';
import { sourceParagraphs, speakerNotes, takeaway } from './slideText';

export interface SlideChart {
  model: ChartModel;
  meta: ExportMeta;
}

export interface DeckOptions {
  data: Dataset;
  /** Charts as pictures instead of native charts (the user's choice: "图片"). */
  picture?: boolean;
  /** The cities compared (the deck's title slide names them). */
  cities?: readonly string[];
  /** The day the deck is made (title slide); today by default. */
  date?: Date;
}

const CHART_GAP = 0.15;
const MAX_SERIES = 255;

async function pictureInto(slide: ReturnType<Pptx['addSlide']>, c: SlideChart, top: number) {
  const { renderPng } = await import('./render');
  // The chart without its own title block: the slide carries title and source as editable text.
  const png = await renderPng(
    c.model,
    { title: '', subtitle: '', sourceLine: '' },
    { width: 1100, height: 520, pixelRatio: 2 },
  );
  // The picture's bottom 0.2 in is blank (the export keeps room for a source line it does not draw here).
  const room = sourceBox(c.meta.sourceLine).y + 0.2 - top;
  const h = Math.min(W * (520 / 1100), room);
  const w = h * (1100 / 520);
  slide.addImage({ data: await dataUrl(png), x: X + (W - w) / 2, y: top, w, h });
}

async function dataUrl(blob: Blob): Promise<string> {
  const buf = new Uint8Array(await blob.arrayBuffer());
  let bin = '';
  for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return `data:image/png;base64,${btoa(bin)}`;
}

/** A chart's slides: returns the native plots placed, in the order their chart parts were added. */
async function chartSlides(pptx: Pptx, c: SlideChart, lang: Lang, opts: DeckOptions): Promise<NativePlot[]> {
  const ds = opts.data;
  const font = t(lang, 'slideFont');
  const plots = nativePlots(c.model, lang, (o) => unitLabel(o.unit, lang, ds.units));
  const head: Header = {
    title: c.meta.title,
    lead: takeaway(c.model, plots, ds, lang),
    subtitle: c.meta.subtitle,
  };
  const notes = speakerNotes(c.model, ds, lang, head.lead);
  if (c.model.slideTable) {
    // The subtitle describes the chart's bars; a table slide has its own legend instead.
    const tableHead = { ...head, subtitle: '', leadPt: TABLE_TEXT.lead };
    for (const s of tableSlides(pptx, tableHead, c.meta.sourceLine, c.model.slideTable, lang, font))
      s.addNotes(notes);
    return [];
  }
  const slide = pptx.addSlide();
  slide.addNotes(notes);
  const top = header(slide, head, font) + 0.05;
  sourceLine(slide, c.meta.sourceLine, font);
  // A chart holds at most 255 series in PowerPoint and Excel (a series per kind of each of dozens of cities
  // could pass it): such a chart goes in as a picture.
  const tooMany = plots.some((p) => p.series.length > MAX_SERIES);
  if (opts.picture || !plots.length || tooMany) {
    if (!c.model.empty) await pictureInto(slide, c, top);
    return [];
  }
  // Several plots (high-tech: the count, and the additions) stand side by side: a 16:9 slide is wide, and
  // stacked they left each a strip under a long source line.
  const room = sourceBox(c.meta.sourceLine).y - 0.05 - top;
  const w = (W - CHART_GAP * (plots.length - 1)) / plots.length;
  plots.forEach((_, i) => {
    // A placeholder PptxGenJS frames and packages; its part and workbook are replaced (pptxCharts.ts).
    slide.addChart(pptx.ChartType.bar, [{ name: '-', labels: ['-'], values: [0] }], {
      x: X + i * (w + CHART_GAP),
      y: top,
      w,
      h: room,
    });
  });
  return plots;
}

function titleSlide(pptx: Pptx, charts: readonly SlideChart[], lang: Lang, opts: DeckOptions): void {
  const font = t(lang, 'slideFont');
  const slide = pptx.addSlide();
  const title = t(lang, 'deckTitle');
  text(
    slide,
    title,
    { y: 1.5, h: boxHeight(title, 36, W, true) },
    { pt: 36, font, color: '1F3B57', bold: true },
  );
  const ds = opts.data;
  const reports = new Set(charts.flatMap((c) => c.model.sources));
  const date = (opts.date ?? new Date()).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
  const lines = [
    opts.cities?.length
      ? t(lang, 'deckCities', {
          cities: listed(
            opts.cities.map((id) => placeName(ds, id, lang)),
            lang,
          ),
        })
      : '',
    t(lang, 'deckFigures', { charts: charts.length, reports: reports.size }),
    t(lang, 'deckMade', { date }),
  ].filter(Boolean);
  let y = 2.6;
  for (const line of lines) {
    const h = boxHeight(line, 16, W);
    text(slide, line, { y, h }, { pt: 16, font, color: '333333' });
    y += h;
  }
}

/** The reports the deck draws from, as many slides as their paragraphs need. */
function sourcesSlides(pptx: Pptx, charts: readonly SlideChart[], lang: Lang, opts: DeckOptions): void {
  const font = t(lang, 'slideFont');
  const paragraphs = sourceParagraphs(
    opts.data,
    charts.flatMap((c) => c.model.sources),
    lang,
  ).map((p) => `• ${p}`);
  const head: Header = { title: t(lang, 'sourcesTitle'), lead: t(lang, 'sourcesNote'), subtitle: '' };
  const bottom = SLIDE_H - 0.3;
  let slide: ReturnType<Pptx['addSlide']> | null = null;
  let y = 0;
  for (const p of paragraphs) {
    const h = boxHeight(p, 12, W);
    if (!slide || y + h > bottom) {
      slide = pptx.addSlide();
      y = header(slide, head, font) + 0.1;
    }
    text(slide, p, { y, h }, { pt: 12, font, color: '222222' });
    y += h;
  }
}

/**
 * buildDeck(charts, lang, opts) -> .pptx Blob, 16:9. One chart: its slide (or slides); several: the briefing
 * deck, a title slide, the charts' slides and the sources.
 */
export async function buildDeck(charts: SlideChart[], lang: Lang, opts: DeckOptions): Promise<Blob> {
  const { default: PptxGenJS } = await import('pptxgenjs');
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9'; // 10 × 5.625 in
  const deck = charts.length > 1;
  pptx.title = deck ? t(lang, 'deckTitle') : (charts[0]?.meta.title ?? '');
  if (deck) titleSlide(pptx, charts, lang, opts);
  const plots: NativePlot[] = [];
  for (const c of charts) plots.push(...(await chartSlides(pptx, c, lang, opts)));
  if (deck) sourcesSlides(pptx, charts, lang, opts);
  const style: ChartStyle = {
    font: t(lang, 'slideFont'),
    lang: lang === 'zh' ? 'zh-CN' : 'en-US',
    pt: 12,
    labelPt: 11,
    legend: 'b',
    targetWords: t(lang, 'seriesTarget'),
  };
  const { finishDeck } = await import('./pptxCharts');
  return finishDeck((await pptx.write({ outputType: 'arraybuffer' })) as ArrayBuffer, plots, style);
}
