// How a chart gets from the series on screen to a new option. ECharts makes a new series' marks in code
// it has not yet run hot: twelve new 35-point lines (an upload's cities) in one update made one
// 60-110 ms task. An option that brings `splitAt` or more new series is drawn in steps that add `step`
// of them at a time (one queued redraw each); the last step is the option itself.
// Example: drawSteps(option with 12 new series, shown) -> [4 new, 8 new, option]

type Series = { id?: unknown };

function seriesOf(option: object): Series[] {
  const series = (option as { series?: unknown }).series;
  return Array.isArray(series) ? (series as Series[]) : [];
}

/** The string ids of `option`'s series ('' for a series without one). */
export function seriesIds(option: object): string[] {
  return seriesOf(option).map((s) => (typeof s.id === 'string' ? s.id : ''));
}

/** The options to draw in order, ending with `option`; series without an id are in every step. */
export function drawSteps<T extends object>(
  option: T,
  shown: ReadonlySet<string>,
  splitAt = 6,
  step = 4,
): T[] {
  const fresh = seriesIds(option).filter((id) => id && !shown.has(id));
  if (fresh.length < splitAt) return [option];
  const series = seriesOf(option);
  const steps: T[] = [];
  for (let n = step; n < fresh.length; n += step) {
    const added = new Set(fresh.slice(0, n));
    const keep = (s: Series) => typeof s.id !== 'string' || !s.id || shown.has(s.id) || added.has(s.id);
    steps.push({ ...option, series: series.filter(keep) });
  }
  steps.push(option);
  return steps;
}
