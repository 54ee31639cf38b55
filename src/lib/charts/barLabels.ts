// Which bar value labels fit side by side. ECharts prints every label it is given, so on a narrow plot
// (a phone) neighbouring labels overprinted into an unreadable smear. The positions follow ECharts' own
// bar layout (barCategoryGap 20 %, barGap 30 %, barMaxWidth); text widths are estimated from the
// characters (no DOM here), which is close enough to tell "fits" from "overprints".
// Example: keptLabels([{ x: 10, width: 40, priority: 1 }, { x: 30, width: 40, priority: 0 }]) -> Set {0}

/** Plot margins of the bar charts' grids (left 56 + right 24 + the value axis labels), CSS px. */
const GRID_MARGINS = 110;
/** Labels may touch or overlap this much (CSS px) before one gives way: the estimate errs wide. */
const TOLERANCE = 8;

/** Width in CSS px of `text` at 12 px (its widest line): CJK full width, digits and punctuation narrower. */
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

/**
 * centreOf(width, periods, series)(p, i) -> x of bar i (of `series` per period) in period p, CSS px from
 * the plot's left edge, for a chart `width` px wide.
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
  /** Estimated width, CSS px. */
  width: number;
  /** Higher keeps its label first (bounds, targets, half-years before plain values, then taller bars). */
  priority: number;
}

/** Indices of the labels kept: by priority, each kept unless it overprints one already kept. */
export function keptLabels(spots: readonly LabelSpot[]): Set<number> {
  const order = spots.map((_, i) => i).sort((a, b) => spots[b]!.priority - spots[a]!.priority || a - b);
  const kept: number[] = [];
  for (const i of order) {
    const s = spots[i]!;
    const clear = kept.every((j) => {
      const o = spots[j]!;
      return Math.abs(s.x - o.x) >= (s.width + o.width) / 2 - TOLERANCE;
    });
    if (clear) kept.push(i);
  }
  return new Set(kept);
}
