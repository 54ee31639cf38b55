// How many labels ECharts' label layout hid because they would have overprinted another (the chart then says so
// under it): the labels the option asks for (a data item's `label.show`, a line's `endLabel.show`) less those on
// screen (text drawn for a mark: zrender gives a mark's label a `__hostTarget`). Counting the hidden ones
// directly would count stale ones too: zrender keeps a label that is no longer asked for, hidden.
import type { EChartsType } from 'echarts/core';

interface SeriesOption {
  data?: ({ value?: unknown; label?: { show?: boolean } } | null)[];
  endLabel?: { show?: boolean };
}

export function hiddenLabels(chart: EChartsType, option: { series?: unknown }): number {
  let asked = 0;
  for (const s of (option.series ?? []) as SeriesOption[]) {
    const data = s.data ?? [];
    for (const d of data) if (d?.label?.show && d.value !== null) asked++;
    if (s.endLabel?.show && data.some((d) => d && d.value !== null && d.value !== undefined)) asked++;
  }
  if (!asked) return 0;
  const drawn = chart
    .getZr()
    .storage.getDisplayList()
    .filter((el) => el.type === 'text' && (el as { __hostTarget?: unknown }).__hostTarget).length;
  return Math.max(0, asked - drawn);
}
