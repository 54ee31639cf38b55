// 16:9 PowerPoint slides (one per chart, or a deck), written in the browser by PptxGenJS, which is
// loaded only when a slide is asked for (it is larger than the rest of the export code together).
// A chart with a slide table (plan targets) becomes native table slides, paged here, text that can be
// searched and edited; every other chart becomes one picture slide. The table path needs no DOM.
import type { ChartModel, SlideTable } from '../charts/common';
import {
  BODY_PT,
  CELL_MARGIN,
  columnWidths,
  pageRowHeight,
  pageSlideTable,
  rowHeight,
  W,
  X,
} from './slideTable';
import { LINE, lineCount, lineIn } from './textMeasure';
import type { ExportMeta } from './render';
import type { Lang } from '../i18n/bilingual';
import { t } from '../i18n/onDemandMessages';

export interface SlideChart {
  model: ChartModel;
  meta: ExportMeta;
}

type Pptx = InstanceType<typeof import('pptxgenjs').default>;
type Slide = ReturnType<Pptx['addSlide']>;
type TableRow = Parameters<Slide['addTable']>[0][number];

// The slide: 10 × 5.625 in (LAYOUT_16x9); content W wide from x X (slideTable.ts).
const SLIDE_H = 5.625;
const BOTTOM = 0.12; // margin under the source line
/** Text box insets (in): PowerPoint's defaults, written out so every renderer uses the same. */
const INSET_X = 0.1;
const INSET_Y = 0.05;

const TITLE_PT = 22;
const SUBTITLE_PT = 11;
const LEGEND_PT = 11;
const SOURCE_PT = 9;
/**
 * Of the height left for the table, what the paging may plan to fill. Lines are as tall everywhere (exact line
 * spacing, LINE) but fonts are not as wide: the rest is spare for a row that wraps once more than estimated.
 */
const FILL = 0.92;

/** The height (in) of a text box that holds `text` at `pt` across `widthIn`, insets included. */
function boxHeight(text: string, pt: number, widthIn: number, bold = false): number {
  const lines = lineCount(text, widthIn - 2 * INSET_X, pt, bold);
  return lines * lineIn(pt) + 2 * INSET_Y + 0.02;
}

// ---------------------------------------------------------------------------------------------------------
// Writing the slides.

function text(
  slide: Slide,
  s: string,
  box: { y: number; h: number; x?: number; w?: number },
  style: { pt: number; font: string; color: string; bold?: boolean },
): void {
  slide.addText(s, {
    x: box.x ?? X,
    y: box.y,
    w: box.w ?? W,
    h: box.h,
    fontSize: style.pt,
    bold: style.bold ?? false,
    fontFace: style.font,
    color: style.color,
    margin: [INSET_X * 72, INSET_X * 72, INSET_Y * 72, INSET_Y * 72], // PptxGenJS order: l, r, b, t (pt)
    lineSpacing: style.pt * LINE,
    valign: 'top',
    fit: 'none',
  });
}

/** The source line's box: one line as it always was (y 5.2, 0.35 in), taller upwards when it wraps. */
function sourceBox(s: string): { y: number; h: number } {
  const h = Math.max(0.35, boxHeight(s, SOURCE_PT, W));
  return { y: Math.min(5.2, SLIDE_H - BOTTOM - h), h };
}

async function pictureSlide(pptx: Pptx, c: SlideChart, font: string): Promise<void> {
  const { renderPng } = await import('./render');
  const slide = pptx.addSlide();
  slide.addText(c.meta.title, {
    x: X,
    y: 0.2,
    w: W,
    h: 0.5,
    fontSize: TITLE_PT,
    bold: true,
    fontFace: font,
    color: '222222',
  });
  slide.addText(c.meta.subtitle, {
    x: X,
    y: 0.68,
    w: W,
    h: 0.35,
    fontSize: SUBTITLE_PT,
    fontFace: font,
    color: '555555',
  });
  // The chart without its own title block: the slide carries title and source as editable text.
  const png = await renderPng(
    c.model,
    { title: '', subtitle: '', sourceLine: '' },
    { width: 1100, height: 520, pixelRatio: 2 },
  );
  // The picture's bottom 0.2 in is blank (the export keeps room for a source line it does not draw here), so
  // a one-line source sits over it as it always has; a longer one takes room from the picture, which shrinks.
  const src = sourceBox(c.meta.sourceLine);
  const h = Math.min(W * (520 / 1100), src.y + 0.2 - 1.05);
  const w = h * (1100 / 520);
  slide.addImage({ data: await dataUrl(png), x: X + (W - w) / 2, y: 1.05, w, h });
  if (c.meta.sourceLine) text(slide, c.meta.sourceLine, src, { pt: SOURCE_PT, font, color: '555555' });
}

async function dataUrl(blob: Blob): Promise<string> {
  const buf = new Uint8Array(await blob.arrayBuffer());
  let bin = '';
  for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return `data:image/png;base64,${btoa(bin)}`;
}

const BORDER = { type: 'solid' as const, pt: 0.75, color: 'BFC5CC' };

function tableSlides(pptx: Pptx, c: SlideChart, table: SlideTable, lang: Lang, font: string): void {
  const continued = t(lang, 'slideContinued');
  const colW = columnWidths(table);
  // Bottom up: source line, legend above it; top down: title, subtitle; the table between.
  const src = c.meta.sourceLine ? sourceBox(c.meta.sourceLine) : { y: SLIDE_H - BOTTOM, h: 0 };
  const legendH = table.legend ? boxHeight(table.legend, LEGEND_PT, W) : 0;
  const legendY = src.y - legendH;
  // The title is measured with the longest page mark it can carry, so every page has the same layout.
  const titleH = boxHeight(c.meta.title + t(lang, 'slidePage', { page: 88, pages: 88 }), TITLE_PT, W, true);
  const subH = c.meta.subtitle ? boxHeight(c.meta.subtitle, SUBTITLE_PT, W) : 0;
  const titleY = 0.15;
  const subY = titleY + titleH;
  const tableY = subY + subH + 0.08;
  const header = rowHeight(table.columns, colW, true);
  const budget = (legendY - 0.06 - tableY) * FILL - header;
  const pages = pageSlideTable(table, budget, continued);

  const cell = (s: string, opts: Record<string, unknown> = {}) => ({
    text: s,
    options: {
      fontFace: font,
      fontSize: BODY_PT,
      color: '222222',
      margin: CELL_MARGIN,
      lineSpacing: BODY_PT * LINE,
      valign: 'middle' as const,
      border: BORDER,
      ...opts,
    },
  });
  const headerRow: TableRow = table.columns.map((s, i) =>
    cell(s, { bold: true, fill: { color: 'E4E9F0' }, align: i === 0 ? 'left' : 'center' }),
  );

  pages.forEach((rows, p) => {
    const slide = pptx.addSlide();
    const mark = pages.length > 1 ? t(lang, 'slidePage', { page: p + 1, pages: pages.length }) : '';
    text(
      slide,
      c.meta.title + mark,
      { y: titleY, h: titleH },
      { pt: TITLE_PT, font, color: '222222', bold: true },
    );
    if (c.meta.subtitle)
      text(slide, c.meta.subtitle, { y: subY, h: subH }, { pt: SUBTITLE_PT, font, color: '555555' });
    const body: TableRow[] = rows.map((r) =>
      r.kind === 'group'
        ? [
            cell(r.continued ? r.title + continued : r.title, {
              bold: true,
              colspan: Math.max(1, table.columns.length),
              fill: { color: 'F3F5F8' },
              align: 'left',
            }),
          ]
        : table.columns.map((_, i) => cell(r.cells[i] ?? '', { align: i === 0 ? 'left' : 'center' })),
    );
    // Rows are written as tall as the estimate; a renderer that needs more grows the row.
    const rowH = [header, ...rows.map((r) => pageRowHeight(r, colW, continued))];
    slide.addTable([headerRow, ...body], { x: X, y: tableY, w: W, colW, rowH, autoPage: false });
    if (table.legend)
      text(slide, table.legend, { y: legendY, h: legendH }, { pt: LEGEND_PT, font, color: '444444' });
    if (c.meta.sourceLine) text(slide, c.meta.sourceLine, src, { pt: SOURCE_PT, font, color: '555555' });
  });
}

/**
 * buildDeck([{model, meta}]) -> .pptx Blob, 16:9: per chart one slide with title, chart image and source note,
 * or, for a chart with a slide table, as many table slides as its rows need ("(1/3)", header on each).
 */
export async function buildDeck(charts: SlideChart[], lang: Lang): Promise<Blob> {
  const { default: PptxGenJS } = await import('pptxgenjs');
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9'; // 10 × 5.625 in
  pptx.title = charts.length === 1 ? (charts[0]?.meta.title ?? '') : t(lang, 'deckTitle');
  const font = t(lang, 'slideFont');
  for (const c of charts) {
    if (c.model.slideTable) tableSlides(pptx, c, c.model.slideTable, lang, font);
    else await pictureSlide(pptx, c, font);
  }
  return (await pptx.write({ outputType: 'blob' })) as Blob;
}
