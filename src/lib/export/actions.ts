// The export buttons' work: file names and formats for one chart. Heavy parts load on demand.
import type { ChartModel } from '../charts/common';
import type { ExportMeta, RenderOpts } from './render';
import { download, renderPng, renderSvg } from './render';
import { chartCsv } from './csv';
import type { Lang } from '../i18n/bilingual';
import { t } from '../i18n/onDemandMessages';
import type { Dataset } from '../data/dataset';
import type { DeckOptions } from './slides';

export type ExportKind = 'png' | 'svg' | 'csv' | 'pptx' | 'xlsx';

/** fileStem('rd-intensity', 'zh') -> 'rd-intensity-zh' */
function fileStem(chartId: string, lang: string): string {
  return `${chartId}-${lang}`;
}

export async function exportChart(
  kind: ExportKind,
  chartId: string,
  model: ChartModel,
  meta: ExportMeta,
  lang: Lang,
  opts: RenderOpts,
  deck: DeckOptions,
): Promise<void> {
  const stem = fileStem(chartId, lang);
  opts = pictureSize(model, opts);
  if (kind === 'png') download(await renderPng(model, meta, opts), `${stem}.png`);
  else if (kind === 'svg')
    download(
      new Blob([await renderSvg(model, meta, opts)], { type: 'image/svg+xml;charset=utf-8' }),
      `${stem}.svg`,
    );
  else if (kind === 'csv')
    download(new Blob([chartCsv(model, deck.data, lang)], { type: 'text/csv;charset=utf-8' }), `${stem}.csv`);
  else if (kind === 'xlsx') {
    const { buildWorkbook } = await import('./xlsx');
    download(await buildWorkbook([{ title: meta.title, model }], deck.data, lang), `${stem}.xlsx`);
  } else {
    const { buildDeck } = await import('./slides');
    download(await buildDeck([{ model, meta }], lang, deck), `${stem}.pptx`);
  }
}

/** The briefing deck: a title slide, every headline chart's slides, the sources. */
export async function exportDeck(
  charts: { model: ChartModel; meta: ExportMeta }[],
  lang: Lang,
  deck: DeckOptions,
): Promise<void> {
  const { buildDeck } = await import('./slides');
  download(await buildDeck(charts, lang, deck), t(lang, 'deckFileName'));
}

/** The whole dashboard's data: one sheet per headline chart and the sources, in the view's language. */
export async function exportWorkbook(
  charts: { model: ChartModel; meta: ExportMeta }[],
  lang: Lang,
  data: Dataset,
): Promise<void> {
  const { buildWorkbook } = await import('./xlsx');
  const sheets = charts.map((c) => ({ title: c.meta.title, model: c.model }));
  download(await buildWorkbook(sheets, data, lang), t(lang, 'workbookFileName'));
}

/** The largest canvas a picture is drawn on, in device pixels (iOS Safari refuses larger ones). */
const MAX_PIXELS = 16_000_000;

/**
 * The size a picture is drawn at: 960 × 540 CSS px, or as tall as a long chart needs (every plan target on one
 * page) so no row is squeezed; the pixel ratio lowered where that would pass MAX_PIXELS.
 */
export function pictureSize(model: ChartModel, opts: RenderOpts): RenderOpts {
  const { width = 960, pixelRatio = 2 } = opts;
  const height = opts.height ?? (model.height ? Math.max(540, model.height + 110) : 540);
  const most = Math.sqrt(MAX_PIXELS / (width * height));
  return { ...opts, width, height, pixelRatio: Math.min(pixelRatio, Math.floor(most * 10) / 10) };
}

/** Copy the PNG to the clipboard where the browser allows it; false when it does not. */
export async function copyPng(model: ChartModel, meta: ExportMeta, opts: RenderOpts = {}): Promise<boolean> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) return false;
  try {
    const blob = await renderPng(model, meta, pictureSize(model, opts));
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
    return true;
  } catch {
    return false;
  }
}
