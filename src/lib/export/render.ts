// Draw a chart's spec off screen, with title, unit and source line drawn in, for PNG / SVG / slides.
// The same ChartModel the screen uses, so an export can never disagree with the dashboard.
import { echarts, useExportParts, type EChartsType } from '../echarts/setup';
import type { ChartModel } from '../charts/common';
import { lineCount } from './textMeasure';

export interface ExportMeta {
  title: string;
  /** A picture of one page of a chart shown in pages: '（2/5）' after its title. Slides number their own. */
  page?: string;
  subtitle: string;
  sourceLine: string;
}

export interface RenderOpts {
  width?: number;
  height?: number;
  pixelRatio?: number;
  background?: 'white' | 'transparent';
}

type Grid = { top?: number | string; bottom?: number | string; height?: number | string } & Record<
  string,
  unknown
>;

/** A picture's size, CSS px. */
export interface Size {
  width: number;
  height: number;
}

/** How many lines the title, the subtitle and the source line take. */
export interface ExportLines {
  title: number;
  subtitle: number;
  source: number;
}

/**
 * The title block and the source line: font size, line height (CSS px) and the width they wrap at, as the picture's
 * width less this. Every text wraps over as many lines as it needs, never cut; the plot makes room for it.
 */
const TITLE = { size: 16, line: 20, inset: 24 };
const SUBTITLE = { size: 11, line: 14, inset: 60 };
const SOURCE = { size: 10, line: 13, inset: 30 };
/** Room for a one-line title block above the plot and a one-line source line below it, CSS px. */
const HEAD = 56;
const FOOT = 30;

const titleText = (meta: ExportMeta) => meta.title + (meta.page ?? '');

/**
 * estimateLines(meta, size) -> { title: 1, subtitle: 1, source: 4 }: the lines each text wraps to, estimated from
 * its characters (the slide writer's estimate, on the wide side; its inches and points are px / 96 and px × 0.75).
 */
export function estimateLines(meta: ExportMeta, size: Size): ExportLines {
  const lines = (text: string, s: typeof TITLE, bold = false) =>
    text ? lineCount(text, (size.width - s.inset) / 96, s.size * 0.75, bold) : 1;
  return {
    title: lines(titleText(meta), TITLE, true),
    subtitle: lines(meta.subtitle, SUBTITLE),
    source: lines(meta.sourceLine, SOURCE),
  };
}

/**
 * The export's layout: each wrapped line of the title block pushes the legend and the plot down, each of the
 * source line pushes the plot up. A grid of a fixed share of the picture's height (the high-tech chart's two)
 * gives up its share of that room, so grids stacked one over the other keep the gap between them.
 */
function exportGrids(grid: Grid | Grid[] | undefined, head: number, foot: number, height: number) {
  const grids = Array.isArray(grid) ? grid : grid ? [grid] : [];
  const share = (g: Grid) =>
    typeof g.height === 'string' && g.height.endsWith('%') ? parseFloat(g.height) : 0;
  const shares = grids.reduce((n, g) => n + share(g), 0);
  const taken = head - HEAD + foot - FOOT;
  const out = grids.map((g): Grid => {
    const own = (share(g) / 100) * height;
    return {
      ...g,
      top: typeof g.top === 'number' ? g.top + head : g.top,
      bottom: typeof g.bottom === 'number' ? g.bottom + foot : g.bottom,
      ...(own && taken > 0 ? { height: Math.max(own / 4, own - (taken * share(g)) / shares) } : {}),
    };
  });
  return Array.isArray(grid) ? out : out[0];
}

/**
 * The on-screen option plus a title block and a source line; tooltips off (nothing to hover on paper). `size` is
 * the picture's; `lines` what the texts wrap to (estimated unless known: setExportOption counts them as drawn).
 */
export function exportOption(
  model: ChartModel,
  meta: ExportMeta,
  background: 'white' | 'transparent',
  size: Size = { width: 960, height: 540 },
  lines: ExportLines = estimateLines(meta, size),
) {
  const o = model.option as Record<string, unknown>;
  const legend = o.legend as Record<string, unknown> | undefined;
  const head = HEAD + TITLE.line * (lines.title - 1) + SUBTITLE.line * (lines.subtitle - 1);
  const foot = FOOT + SOURCE.line * (lines.source - 1);
  // 'break' keeps a Latin word whole (breaking one only when it is longer than the line) and breaks CJK text
  // between any two characters; with no height, nothing is ever cut.
  const wrap = (s: typeof TITLE) => ({ width: size.width - s.inset, overflow: 'break', lineHeight: s.line });
  return {
    ...o,
    backgroundColor: background === 'white' ? '#ffffff' : 'transparent',
    tooltip: { show: false },
    // Title block on top, source line at the bottom (growing upwards as it wraps): two title components.
    title: [
      {
        text: titleText(meta),
        subtext: meta.subtitle,
        left: 12,
        top: 6,
        itemGap: 6,
        textStyle: { fontSize: TITLE.size, fontWeight: 'bold', color: '#222', ...wrap(TITLE) },
        subtextStyle: { fontSize: SUBTITLE.size, color: '#555', ...wrap(SUBTITLE) },
      },
      {
        text: meta.sourceLine,
        left: 12,
        bottom: 4,
        textStyle: { fontSize: SOURCE.size, fontWeight: 'normal', color: '#555', ...wrap(SOURCE) },
      },
    ],
    // A legend below the plot (a phone's) stays there, above the source line; one on top goes under the title.
    legend: legend
      ? typeof legend.bottom === 'number'
        ? { ...legend, bottom: legend.bottom + foot }
        : { ...legend, top: 52 + head - HEAD }
      : undefined,
    grid: exportGrids(o.grid as Grid | Grid[] | undefined, head, foot, size.height),
  };
}

type Drawn = { type: string; parent?: { style?: { text?: unknown } } | null };

/**
 * The lines ECharts drew each text in (one text span a line). Its wrapping measures the font as the page has it at
 * that moment (after a few slow measurements it takes every ASCII character as wide as "a"), so no estimate can be
 * sure to match it.
 */
function drawnLines(chart: EChartsType, meta: ExportMeta): ExportLines {
  const zr = chart.getZr() as unknown as { storage: { getDisplayList(update: boolean): Drawn[] } };
  const spans = new Map<unknown, number>();
  for (const el of zr.storage.getDisplayList(true))
    if (el.type === 'tspan' && el.parent) spans.set(el.parent, (spans.get(el.parent) ?? 0) + 1);
  const of = (text: string) => {
    let n = 1;
    for (const [parent, count] of spans)
      if ((parent as NonNullable<Drawn['parent']>).style?.text === text) n = Math.max(n, count);
    return n;
  };
  return { title: of(titleText(meta)), subtitle: of(meta.subtitle), source: of(meta.sourceLine) };
}

/**
 * Draw the export on `chart`: with room for the lines estimated, then, where ECharts wrapped a text to another
 * number of lines, again with room for the lines it drew (the same text, width and font wrap the same way again).
 */
export function setExportOption(
  chart: EChartsType,
  model: ChartModel,
  meta: ExportMeta,
  background: 'white' | 'transparent',
  size: Size,
): void {
  const estimated = estimateLines(meta, size);
  chart.setOption(exportOption(model, meta, background, size, estimated), { notMerge: true });
  const drawn = drawnLines(chart, meta);
  if ((Object.keys(drawn) as (keyof ExportLines)[]).some((k) => drawn[k] !== estimated[k]))
    chart.setOption(exportOption(model, meta, background, size, drawn), { notMerge: true });
}

/** dataUrlToBlob('data:image/png;base64,…') -> Blob, without fetch (CSP connect-src stays 'self'). */
function dataUrlToBlob(url: string): Blob {
  const [head, body = ''] = url.split(',', 2);
  const type = /data:([^;]+)/.exec(head ?? '')?.[1] ?? 'application/octet-stream';
  const bin = atob(body);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}

function offscreen(width: number, height: number): HTMLDivElement {
  const div = document.createElement('div');
  div.style.cssText = `position:fixed;left:-20000px;top:0;width:${width}px;height:${height}px;`;
  document.body.appendChild(div);
  return div;
}

/** renderPng(model, meta) -> PNG Blob, 960×540 CSS px at pixelRatio 2 (1920 px wide) by default. */
export async function renderPng(model: ChartModel, meta: ExportMeta, opts: RenderOpts = {}): Promise<Blob> {
  const { width = 960, height = 540, pixelRatio = 2, background = 'white' } = opts;
  await useExportParts();
  const div = offscreen(width, height);
  const chart = echarts.init(div, undefined, {
    renderer: 'canvas',
    width,
    height,
    devicePixelRatio: pixelRatio,
  });
  try {
    setExportOption(chart, model, meta, background, { width, height });
    const url = chart.getDataURL({
      type: 'png',
      pixelRatio,
      backgroundColor: background === 'white' ? '#ffffff' : 'transparent',
    });
    return dataUrlToBlob(url);
  } finally {
    chart.dispose();
    div.remove();
  }
}

/** renderSvg(model, meta) -> an SVG document with text as text (Chinese intact, escaped by zrender). */
export async function renderSvg(model: ChartModel, meta: ExportMeta, opts: RenderOpts = {}): Promise<string> {
  await useExportParts();
  const { width = 960, height = 540, background = 'white' } = opts;
  const div = offscreen(width, height);
  const chart = echarts.init(div, undefined, { renderer: 'svg', width, height });
  try {
    setExportOption(chart, model, meta, background, { width, height });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
    div.remove();
  }
}

/** Save a Blob under a file name (the browser's download). */
export function download(blob: Blob, fileName: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
