// A chart model as a reviewer reads it, for small snapshots: only what encodes the figures. One line per axis,
// per series (id, type, legend name, colour, line style, end label) and per mark (category, value, symbol, fill,
// outline, hatching, label), then the table rows and the footnotes. Grid, fonts, tooltips and the rest of the
// option are left out: they do not say how a figure is drawn. "joined across nulls" is a line drawn on through
// the categories where it has no mark (another series' half-year, a year not reported, a masked figure).
//   series line:a line «甲市» #e55659 joined across nulls end label «甲市»
// ("marks": a line series whose line is not drawn, e.g. targets and half-years).
//     2021年  3.48 circle hollow
//     2022年  null                      <- no mark: a masked figure is never a 0
import type { ChartModel } from '../../../src/lib/charts/common';

type Style = {
  color?: string;
  opacity?: number;
  borderType?: string;
  borderWidth?: number;
  decal?: unknown;
};
type Item = {
  value: number | null;
  ref?: string;
  symbol?: string;
  itemStyle?: Style;
  label?: { formatter?: string };
};
export type Series = {
  id?: string;
  type: string;
  name: string;
  color?: string;
  symbol?: string;
  connectNulls?: boolean;
  data: Item[];
  lineStyle?: { type?: string; opacity?: number };
  endLabel?: { formatter?: string };
  xAxisIndex?: number;
  yAxisIndex?: number;
};
type Axis = {
  type: string;
  data?: string[];
  name?: string;
  min?: number;
  max?: number;
  interval?: number;
  show?: boolean;
};
type Option = { series: Series[]; xAxis: Axis | Axis[]; yAxis: Axis | Axis[] };

/** The background a hollow mark is filled with (light theme). */
const BG = '#ffffff';

export const optionOf = (m: ChartModel) => m.option as unknown as Option;
export const seriesOf = (m: ChartModel) => optionOf(m).series;
/** Every data item of every series (a line's gaps are `{ value: null }`). */
export const itemsOf = (m: ChartModel) => seriesOf(m).flatMap((s) => s.data);

const num = (v: number) => String(Number(v.toPrecision(6)));
const text = (s: string) => s.replaceAll('\n', '↵');
/** Columns a line takes in a review (Chinese characters are two wide). */
const columns = (s: string) =>
  [...s].reduce((n, c) => n + (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);

/** '3.48 circle hollow «≥3.48%»', '31.12 bar hatched opacity 0.55 «31.12 H1»', 'null' */
export function markText(item: Item, s: Pick<Series, 'type' | 'symbol'>): string {
  if (item.value === null) return 'null';
  const st = item.itemStyle ?? {};
  const symbol = item.symbol ?? (s.type === 'bar' ? 'bar' : s.symbol === 'none' ? '' : (s.symbol ?? s.type));
  const words = [num(item.value), symbol].filter(Boolean);
  if (st.color === BG) words.push('hollow');
  if (st.borderType === 'dashed' && st.borderWidth) words.push('dashed');
  if (st.decal) words.push('hatched');
  if (st.opacity !== undefined && st.opacity !== 1) words.push(`opacity ${st.opacity}`);
  if (item.label?.formatter) words.push(`«${text(item.label.formatter)}»`);
  return words.join(' ');
}

/** A category axis's labels as drawn: rich-text markup `{style|text}` (plan targets) read as its text. */
export function labelsOf(a: Axis | undefined): string[] {
  return (a?.data ?? []).map((d) => d.replace(/\{\w+\|([^}]*)\}/g, '$1'));
}

function axisLines(name: 'x' | 'y', axes: Axis | Axis[]): string[] {
  const list = [axes].flat();
  return list.flatMap((a, i) => {
    const key = list.length > 1 ? `${name}${i}` : name;
    const title = a.name ? ` «${text(a.name)}»` : '';
    if (a.show === false) return `${key}: hidden`;
    if (a.type === 'category') {
      const labels = labelsOf(a).map(text);
      if (i > 0 && JSON.stringify(labelsOf(a)) === JSON.stringify(labelsOf(list[0])))
        return `${key}${title}: as ${name}0`;
      const one = labels.join(' | ');
      return columns(one) <= 90
        ? `${key}${title}: ${one}`
        : [`${key}${title}:`, ...labels.map((l) => `  ${l}`)];
    }
    const range = a.max === undefined ? '' : ` ${a.min ?? ''}–${a.max}`;
    const every = a.interval === undefined ? '' : ` every ${a.interval}`;
    return `${key}${title}: value${range}${every}`;
  });
}

export interface PictureOptions {
  /** Leave the table out (a scenario about the marks of many cities). */
  table?: boolean;
}

/** The readable picture of a chart model (see the top of this file). */
export function picture(m: ChartModel, opts: PictureOptions = {}): string {
  const o = optionOf(m);
  const [xs, ys] = [[o.xAxis].flat(), [o.yAxis].flat()];
  const categoriesOf = (s: Series) => {
    const x = xs[s.xAxisIndex ?? 0];
    return x?.type === 'category' ? labelsOf(x) : labelsOf(ys[s.yAxisIndex ?? 0]);
  };
  const lines = [...axisLines('x', o.xAxis), ...axisLines('y', o.yAxis)];
  for (const s of o.series) {
    const style = [
      s.color,
      s.lineStyle?.type === 'dashed' ? 'dashed' : '',
      s.symbol === 'none' ? 'no symbols' : '',
      s.connectNulls ? 'joined across nulls' : '',
      s.endLabel?.formatter ? `end label «${text(s.endLabel.formatter)}»` : '',
    ].filter(Boolean);
    lines.push(
      // A line series whose line is not drawn is marks alone (charts/common.ts MARKS_ONLY).
      `series ${s.id ?? ''} ${s.type === 'line' && s.lineStyle?.opacity === 0 ? 'marks' : s.type} «${text(s.name)}»${style.length ? ' ' + style.join(' ') : ''}`,
    );
    const cats = categoriesOf(s);
    const width = Math.max(0, ...cats.map((c) => columns(text(c))));
    s.data.forEach((item, i) => {
      const cat = text(cats[i] ?? String(i));
      lines.push(`  ${cat}${' '.repeat(width - columns(cat))}  ${markText(item, s)}`);
    });
  }
  if (opts.table !== false) {
    lines.push(`table ${m.table.columns.join(' | ')}`);
    for (const r of m.table.rows) lines.push(`  ${r.cells.map(text).join(' | ')}`.trimEnd());
    if (m.table.total !== m.table.rows.length) lines.push(`  (${m.table.total} rows in all)`);
  }
  lines.push('footnotes');
  for (const f of m.footnotes) lines.push(`  ${text(f)}`);
  if (m.pages) lines.push(`page ${m.pages.page} of ${m.pages.count}`);
  if (m.awaiting?.length)
    lines.push('awaiting data (folded)', ...m.awaiting.map((g) => `  ${g.title}: ${g.items.join(' | ')}`));
  return lines.map((l) => l.trimEnd()).join('\n');
}
