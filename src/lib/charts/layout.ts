// Where the words of a time chart go, estimated before ECharts draws (no DOM here): the legend wrapped
// into as many rows as the names need (never paged: every city named at once), the category labels
// every one shown (rotated where they do not fit side by side), the room end labels need on the right.
// Text widths are estimated from the characters (CJK full width, digits and punctuation narrower): close
// enough to tell "fits" from "does not".
import type { ChartInput } from './common';
import { PHONE_PLOT } from './common';
import type { Lang } from '../i18n/messages';

/** The size of every word a chart draws, CSS px: 12 on the dashboard, larger in presentation mode. */
export function textPx(input: Pick<ChartInput, 'scale'>): number {
  return Math.round(12 * (input.scale ?? 1));
}

/** Width in CSS px of `text` at 12 px (its widest line). labelWidth('同比') -> 24 */
export function labelWidth(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) {
    let w = 0;
    for (const ch of line) {
      if (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch)) w += 12;
      else if (/[0-9]/.test(ch)) w += 6.7;
      else if (/[.,:;' ]/.test(ch)) w += 3.2;
      else if (ch === '%') w += 10;
      else w += 7;
    }
    widest = Math.max(widest, w);
  }
  return widest;
}

/** Width of `text` drawn at `px`. */
export function textWidth(text: string, px: number): number {
  return (labelWidth(text) * px) / 12;
}

const ICON = 25; // ECharts' legend itemWidth
const ICON_GAP = 5; // between the icon and its name
const ITEM_GAP = 10; // between items, and between rows

/**
 * The legend as rows that wrap within the chart's width (ECharts' plain legend wraps by itself; the rows
 * are counted here so the plot starts below them). On a phone it sits below the plot.
 * legendRows(['芜湖市', '福州市'], 800, 12) -> 1
 */
export function legendRows(names: readonly string[], width: number, px: number): number {
  let rows = names.length ? 1 : 0;
  let x = 0;
  for (const name of names) {
    const w = ICON + ICON_GAP + textWidth(name, px);
    if (x > 0 && x + w > width) {
      rows++;
      x = 0;
    }
    x += w + ITEM_GAP;
  }
  return rows;
}

export interface LegendBlock {
  legend: Record<string, unknown>;
  /** Room the legend takes at the top (0 when it sits below). */
  top: number;
  /** Room it takes at the bottom. */
  bottom: number;
  /** The chart's height, CSS px: a legend of many rows makes the chart taller, not the plot smaller. */
  height: number;
}

/** The wrapped legend of `names` (distinct series names, in order) and the room it takes. */
export function legendBlock(names: readonly string[], input: ChartInput): LegendBlock {
  const px = textPx(input);
  const width = input.width ?? 800;
  const rowH = Math.max(14, px * 1.25) + ITEM_GAP;
  const height = legendRows([...new Set(names)], width - 16, px) * rowH;
  const below = width < PHONE_PLOT;
  return {
    legend: {
      type: 'plain',
      left: 'center',
      width: width - 16,
      itemGap: ITEM_GAP,
      textStyle: { fontSize: px },
      top: below ? 'auto' : 0,
      bottom: below ? 0 : 'auto',
    },
    top: below ? 0 : height,
    bottom: below ? height : 0,
    height: 380 + Math.max(0, height - 30),
  };
}

/** Plot margins outside the category axis's length (value axis labels and name, padding), CSS px. */
const AXIS_MARGINS = 90;

/**
 * The category axis's labels, every one shown: side by side where they fit, a half-year's words under its
 * year where that makes them fit ('2019\n上半年'), else turned 45° (90° where even that is too tight); never
 * thinned. `extraRight`: room kept right of the plot (end labels).
 */
export function categoryLabels(
  labels: readonly string[],
  input: ChartInput,
  extraRight = 0,
): { axisLabel: Record<string, unknown> } {
  const px = textPx(input);
  const slot = Math.max(1, (input.width ?? 800) - AXIS_MARGINS - extraRight) / Math.max(1, labels.length);
  const fits = (ls: readonly string[]) => Math.max(0, ...ls.map((l) => textWidth(l, px))) + 6 <= slot;
  // Every property said each time: a redraw merges the axis into the one drawn before.
  const axisLabel = {
    interval: 0,
    fontSize: px,
    lineHeight: Math.round(px * 1.15),
    hideOverlap: false,
    rotate: 0,
    formatter: '{value}',
  };
  if (fits(labels)) return { axisLabel };
  if (fits(labels.map(stack))) return { axisLabel: { ...axisLabel, formatter: stack } };
  return { axisLabel: { ...axisLabel, rotate: px * 1.3 <= slot ? 45 : 90 } };
}

/** stack('2019上半年') -> '2019\n上半年'; stack('2019 H1') -> '2019\nH1'; a year stays as it is. */
function stack(label: string): string {
  return label.replace(/^(\d{4})\s?(?=[^\d年])/, '$1\n');
}

/** Lines beyond this many get no end labels: their names could not stay beside them (the legend names them). */
const MOST_END_LABELS = 8;

/** Room right of the plot for end labels naming each line (none on a phone: its legend names them). */
export function endLabelRoom(names: readonly string[], input: ChartInput): number {
  if ((input.width ?? 800) < PHONE_PLOT || !names.length || names.length > MOST_END_LABELS) return 0;
  return Math.ceil(Math.max(...names.map((n) => textWidth(n, textPx(input)))) + 10);
}

/**
 * Give each city's full-year line ('line:<city>') its end label, shown where endLabelRoom leaves room, and
 * return that room. Said even when off: a redraw merges a series into the one with its id, which kept its label.
 */
export function nameLineEnds(series: readonly Record<string, unknown>[], input: ChartInput): number {
  const lines = series.filter((x) => String(x.id).startsWith('line:'));
  const right = endLabelRoom(
    lines.map((x) => String(x.name)),
    input,
  );
  const fontSize = textPx(input);
  for (const x of lines)
    x.endLabel = { show: right > 0, formatter: x.name, color: x.color, fontSize, distance: 4 };
  return right;
}

/**
 * Whether the value axis may be logarithmic: only where every value is above zero and they span more
 * than two orders of magnitude (a log axis of values that do not is harder to read, and has no zero).
 * valueScale([30, 30000], true) -> { offered: true }
 */
export function valueScale(values: readonly (number | null)[], allowLog: boolean): { offered: boolean } {
  const v = values.filter((x): x is number => x !== null);
  if (!allowLog || !v.length || v.some((x) => x <= 0)) return { offered: false };
  return { offered: Math.max(...v) / Math.min(...v) > 100 };
}

/** A rank axis's labels: '第1' on top (the axis is inverted), '#1' in English. */
export function rankLabel(lang: Lang): string {
  return lang === 'zh' ? '第{value}' : '#{value}';
}

/** Plot margins of the bar charts' grids (left 56 + right 24 + the value axis labels), CSS px. */
const GRID_MARGINS = 110;
/**
 * Labels may overlap this much (CSS px) before one moves. None: ECharts hides a label at the slightest
 * overlap, and a move up costs nothing (8 px let '368' and 'Target 360' on a phone overlap by 4 and hide).
 */
const TOLERANCE = 0;

/**
 * barCentres(width, periods, series)(p, i) -> x of bar i (of `series` per period) in period p, CSS px from the
 * plot's left edge: ECharts' own bar layout (barCategoryGap 20 %, barGap 30 %, barMaxWidth), every series
 * keeping its slot in every period.
 */
export function barCentres(width: number, periods: number, series: number, maxBar = 36) {
  const category = Math.max(1, width - GRID_MARGINS) / Math.max(1, periods);
  const k = Math.max(1, series);
  const bar = Math.min(maxBar, (0.8 * category) / (k + 0.3 * (k - 1)));
  const group = k * bar + (k - 1) * 0.3 * bar;
  return (p: number, i: number) => p * category + (category - group) / 2 + i * 1.3 * bar + bar / 2;
}

export interface LabelSpot {
  /** Centre of the label (its bar), CSS px. */
  x: number;
  /** Its text (lines split by \n). */
  text: string;
  /** Set here: how far up it moves, CSS px (negative), for the label layout's `dy`. */
  dy?: number;
}

/**
 * Labels that would print over a neighbour's move up, a level at a time (ECharts' own `moveOverlap` shifts every
 * label of a chart in one column, across all bars): each takes the lowest of `levels` rows where no label near
 * it sits; one that finds none stays, and the label layout hides it where it still overprints (the smaller
 * bar's). ECharts takes the move as the label layout's `dy` (it overrides a label's own offset).
 * staggerLabels([{ x: 10, text: '38.08' }, { x: 30, text: '26.83' }], 12) -> the second's dy -14.4
 */
export function staggerLabels(spots: readonly LabelSpot[], px: number, levels = 3): void {
  const placed: { x: number; width: number; height: number; level: number }[] = [];
  for (const s of [...spots].sort((a, b) => a.x - b.x)) {
    const width = textWidth(s.text, px);
    const height = s.text.split('\n').length * px * 1.2 + 2;
    const clashing = (level: number) =>
      placed.filter((p) => p.level === level && Math.abs(p.x - s.x) < (p.width + width) / 2 - TOLERANCE);
    // Up past the labels in the way, a row at a time: each row as tall as the tallest label in the way.
    let [level, dy] = [0, 0];
    for (let c = clashing(0); c.length && level < levels; c = clashing(level)) {
      dy -= Math.max(...c.map((p) => p.height));
      level++;
    }
    if (level === levels) [level, dy] = [0, 0];
    placed.push({ x: s.x, width, height, level });
    s.dy = dy;
  }
}
