// The picture export's title block and source line (exportOption, setExportOption): every text wraps over as many
// lines as it needs, never cut with "…", and the plot makes room for it. Drawn by ECharts itself as renderPng and
// renderSvg draw it (server-side SVG, with its own character widths in place of a browser's), so the lines checked
// are the lines ECharts wraps to.
import { afterEach, describe, expect, it } from 'vitest';
import { input } from './helpers';
import type { ChartId } from '../../src/lib/data/types';
import type { Lang } from '../../src/lib/i18n/bilingual';
import { chartSpec } from '../../src/lib/charts/registry';
import { estimateLines, exportOption, setExportOption, type ExportMeta } from '../../src/lib/export/render';
import type { ChartModel } from '../../src/lib/charts/common';
import { echarts, useExportParts, type EChartsType } from '../../src/lib/echarts/setup';

const ALL = ['wuhu', 'wuhu_county', 'fuzhou', 'haimen', 'x_city'];
const W = 960;
const H = 540;

type TitleOption = { text: string; subtext?: string; textStyle: Record<string, unknown> } & Record<
  string,
  unknown
>;
type GridOption = { top?: number | string; bottom?: number | string; height?: number | string };
type Exported = { title: TitleOption[]; grid: GridOption | GridOption[]; legend?: { top: number } };

async function chart(id: ChartId, lang: Lang) {
  const inp = await input({ lang, cities: ALL });
  const model = chartSpec(id).build({ ...inp, width: 800, page: 'all' });
  const meta: ExportMeta = { title: id, subtitle: '', sourceLine: model.footnotes[0] ?? '' };
  return { model, meta };
}

const exported = (...args: Parameters<typeof exportOption>) => exportOption(...args) as unknown as Exported;
const gridsOf = (o: Exported) => (Array.isArray(o.grid) ? o.grid : [o.grid]);
const bottomOf = (o: Exported) => gridsOf(o).at(-1)?.bottom as number;

interface Text {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

let drawn: EChartsType | null = null;
afterEach(() => {
  drawn?.dispose();
  drawn = null;
});

/**
 * Every text the export draws (one per wrapped line), with its box, CSS px from the top left: ECharts' own layout
 * and wrapping, drawn as renderPng and renderSvg draw it.
 */
async function draw(model: ChartModel, meta: ExportMeta): Promise<Text[]> {
  await useExportParts();
  drawn = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: W, height: H });
  setExportOption(drawn, model, meta, 'white', { width: W, height: H });
  type Rect = { x: number; y: number; width: number; height: number; applyTransform(m: number[]): void };
  type El = {
    type: string;
    style?: { text?: unknown };
    transform?: number[];
    getBoundingRect(): { clone(): Rect };
  };
  const zr = drawn.getZr() as unknown as { storage: { getDisplayList(update: boolean): El[] } };
  const texts: Text[] = [];
  for (const el of zr.storage.getDisplayList(true)) {
    const text = el.style?.text;
    if (el.type !== 'tspan' || typeof text !== 'string' || !text.trim()) continue;
    const r = el.getBoundingRect().clone();
    if (el.transform) r.applyTransform(el.transform);
    texts.push({ text, x: r.x, y: r.y, width: r.width, height: r.height });
  }
  return texts;
}

const bare = (s: string) => s.replace(/\s+/g, '');

/** The lowest texts of the picture that, read top down, make up `whole`; none when they do not. */
function linesOf(texts: readonly Text[], whole: string): Text[] {
  const want = bare(whole);
  const byY = [...texts].sort((a, b) => a.y - b.y);
  let read = '';
  for (let i = byY.length - 1; i >= 0; i--) {
    read = bare(byY[i]!.text) + read;
    if (read === want) return byY.slice(i);
    if (!want.endsWith(read)) return [];
  }
  return [];
}

describe('picture export: the source line', () => {
  it('wraps at the picture’s width with a line height, never truncated', async () => {
    const { model, meta } = await chart('high-tech', 'en');
    const o = exported(model, meta, 'white');
    const source = o.title[1]!;
    expect(source.text, 'the whole source line is given to ECharts').toBe(meta.sourceLine);
    expect(source.textStyle).toMatchObject({ overflow: 'break', width: 930, lineHeight: 13 });
    expect(JSON.stringify(o.title), 'no text of the title block or the source line is cut').not.toContain(
      'truncate',
    );
  });

  it('gives the plot’s bottom one more line height of room for each line the source line wraps to', async () => {
    const { model, meta } = await chart('rd-intensity', 'en');
    const bottom = (sourceLine: string) => bottomOf(exported(model, { ...meta, sourceLine }, 'white'));
    const one = bottom('Sources: Wuhu Municipal Science and Technology Bureau');
    const own = (model.option as { grid: { bottom: number } }).grid.bottom;
    expect(one, 'one line: the room it always had').toBe(own + 30);
    expect(bottom(meta.sourceLine), 'three lines of 13 px').toBe(one + 2 * 13);
    expect(bottom(`${meta.sourceLine} ${meta.sourceLine}`), 'twice as long: more room still').toBeGreaterThan(
      one + 4 * 13,
    );
  });

  for (const [id, lang] of [
    ['high-tech', 'en'],
    ['rd-intensity', 'en'],
    ['tech-contracts', 'zh'],
    ['high-tech', 'zh'],
  ] as const) {
    it(`${id} (${lang}): every character is drawn, in lines inside the picture and below the plot`, async () => {
      const { model, meta } = await chart(id, lang);
      const texts = await draw(model, meta);
      const lines = linesOf(texts, meta.sourceLine);
      const last = [...texts].sort((a, b) => a.y - b.y).slice(-8);
      expect(
        lines.length,
        `the source line is the picture’s lowest text, whole; the lowest are ${JSON.stringify(last)}`,
      ).toBeGreaterThan(1);
      expect(
        texts.some((t) => t.text.includes('…')),
        'nothing ends in “…”',
      ).toBe(false);
      for (const l of lines) {
        expect(l.x, l.text).toBeGreaterThanOrEqual(0);
        expect(l.x + l.width, l.text).toBeLessThanOrEqual(W);
        expect(l.y + l.height, l.text).toBeLessThanOrEqual(H);
      }
      const top = Math.min(...lines.map((l) => l.y));
      const above = texts.filter((t) => !lines.includes(t));
      const lowest = above.reduce((a, b) => (a.y + a.height > b.y + b.height ? a : b));
      expect(lowest.y + lowest.height, `"${lowest.text}" stays above the source line`).toBeLessThan(top);
    });
  }

  it('a very long source line takes room from the plot and stays inside the picture', async () => {
    const { model, meta } = await chart('high-tech', 'en');
    const sourceLine = [meta.sourceLine, meta.sourceLine, meta.sourceLine].join('; ');
    const texts = await draw(model, { ...meta, sourceLine });
    const lines = linesOf(texts, sourceLine);
    expect(lines.length, 'whole, and the lowest text').toBeGreaterThan(8);
    expect(Math.max(...lines.map((l) => l.y + l.height))).toBeLessThanOrEqual(H);
    const top = Math.min(...lines.map((l) => l.y));
    const above = texts.filter((t) => !lines.includes(t));
    expect(Math.max(...above.map((t) => t.y + t.height)), 'the axis labels stay above it').toBeLessThan(top);
  });

  it('makes room for the lines ECharts drew where its font is wider than the estimate', async () => {
    const { model, meta } = await chart('rd-intensity', 'en');
    // ECharts' own widths here take a capital W as wider than the estimate does (as a wide font would be drawn):
    // it wraps to four or more lines more than estimated, past the room one line leaves spare.
    const sourceLine = `Sources: ${Array(500).fill('WWWW').join(' ')}`;
    const estimate = estimateLines({ ...meta, sourceLine }, { width: W, height: H }).source;
    const texts = await draw(model, { ...meta, sourceLine });
    const lines = linesOf(texts, sourceLine);
    expect(lines.length, 'more lines than estimated: the case this is about').toBeGreaterThan(estimate + 3);
    const top = Math.min(...lines.map((l) => l.y));
    const above = texts.filter((t) => !lines.includes(t));
    expect(Math.max(...above.map((t) => t.y + t.height)), 'the axis labels stay above it').toBeLessThan(top);
  });

  it('keeps the gap between the high-tech chart’s two stacked plots as the source line grows', async () => {
    const { model, meta } = await chart('high-tech', 'en');
    const gap = (sourceLine: string) => {
      const [upper, lower] = gridsOf(
        exported(model, { ...meta, sourceLine }, 'white', { width: W, height: H }),
      );
      const px = (v: number | string | undefined) =>
        typeof v === 'string' ? (parseFloat(v) / 100) * H : (v as number);
      return H - px(lower!.bottom) - px(lower!.height) - (px(upper!.top) + px(upper!.height));
    };
    const short = gap('Sources: Wuhu');
    expect(short).toBeGreaterThan(10);
    expect(gap(meta.sourceLine)).toBeCloseTo(short, 6);
  });

  it('leaves a picture without a source line (a slide’s) laid out as before', async () => {
    const { model } = await chart('rd-intensity', 'zh');
    const o = exported(model, { title: '', subtitle: '', sourceLine: '' }, 'white', {
      width: 1100,
      height: 520,
    });
    const own = (model.option as { grid: { top: number; bottom: number } }).grid;
    expect(gridsOf(o)[0]).toMatchObject({ top: own.top + 56, bottom: own.bottom + 30 });
  });
});

describe('picture export: the title block', () => {
  it('wraps a long subtitle and moves the legend and the plot down by its extra lines', async () => {
    const { model, meta } = await chart('rd-intensity', 'en');
    const short = exported(model, { ...meta, subtitle: 'R&D intensity over time by city' }, 'white');
    const subtitle = Array(4).fill('R&D intensity over time by city; dashed lines are references').join('; ');
    const long = exported(model, { ...meta, subtitle }, 'white');
    expect(long.title[0]!.subtext).toBe(subtitle);
    expect(long.title[0]!.subtextStyle).toMatchObject({ overflow: 'break', width: 900, lineHeight: 14 });
    const extra = (gridsOf(long)[0]!.top as number) - (gridsOf(short)[0]!.top as number);
    expect(extra, 'whole lines of 14 px').toBeGreaterThan(0);
    expect(extra % 14).toBe(0);
    expect(long.legend!.top - short.legend!.top).toBe(extra);
    const texts = await draw(model, { ...meta, subtitle });
    const legend = texts.find((t) => t.text === 'Wuhu');
    const sub = texts.filter((t) => subtitle.includes(t.text) && t.y < 200);
    expect(bare(sub.map((t) => t.text).join('')), 'the whole subtitle is drawn').toBe(bare(subtitle));
    expect(Math.max(...sub.map((t) => t.y + t.height)), 'above the legend').toBeLessThanOrEqual(legend!.y);
  });
});
