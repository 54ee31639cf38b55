// Draw a chart's spec off screen, with title, unit and source line drawn in, for PNG / SVG / slides.
// The same ChartModel the screen uses, so an export can never disagree with the dashboard.
import { echarts, useExportParts } from '../echarts/setup';
import type { ChartModel } from '../charts/common';

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

type Grid = { top?: number | string; bottom?: number | string } & Record<string, unknown>;

function shiftGrid(g: Grid): Grid {
  return {
    ...g,
    top: typeof g.top === 'number' ? g.top + 56 : g.top,
    bottom: typeof g.bottom === 'number' ? g.bottom + 30 : g.bottom,
  };
}

/** The on-screen option plus a title block and a source line; tooltips off (nothing to hover on paper). */
export function exportOption(model: ChartModel, meta: ExportMeta, background: 'white' | 'transparent') {
  const o = model.option as Record<string, unknown>;
  const grid = o.grid as Grid | Grid[] | undefined;
  const legend = o.legend as Record<string, unknown> | undefined;
  return {
    ...o,
    backgroundColor: background === 'white' ? '#ffffff' : 'transparent',
    tooltip: { show: false },
    // Title block on top, source line at the bottom: two title components (no graphic component needed).
    title: [
      {
        text: meta.title + (meta.page ?? ''),
        subtext: meta.subtitle,
        left: 12,
        top: 6,
        textStyle: { fontSize: 16, fontWeight: 'bold', color: '#222' },
        subtextStyle: { fontSize: 11, color: '#555', width: 900, overflow: 'truncate' },
      },
      {
        text: meta.sourceLine,
        left: 12,
        bottom: 4,
        textStyle: { fontSize: 10, fontWeight: 'normal', color: '#555', width: 930, overflow: 'truncate' },
      },
    ],
    legend: legend ? { ...legend, top: 52 } : undefined,
    grid: Array.isArray(grid) ? grid.map(shiftGrid) : grid ? shiftGrid(grid) : undefined,
  };
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
    chart.setOption(exportOption(model, meta, background), { notMerge: true });
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
    chart.setOption(exportOption(model, meta, background), { notMerge: true });
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
