// How many labels ECharts' label layout hid because they would have overprinted another (the chart then says so
// under it): the labels the option asks for (a data item's `label.show`, a line's `endLabel.show`) less those on
// screen (a mark's text content, not ignored: an end label is its line's). Counting the hidden ones directly
// would count stale ones too: zrender keeps a label that is no longer asked for, hidden.
import type { EChartsType } from 'echarts/core';

interface Node {
  ignore?: boolean;
  invisible?: boolean;
  childrenRef?: () => Node[];
  getTextContent?: () => Node | undefined;
}

interface SeriesOption {
  name?: string;
  data?: ({ value?: unknown; label?: { show?: boolean } } | null)[];
  endLabel?: { show?: boolean };
}

export function hiddenLabels(chart: EChartsType, option: { series?: unknown }): number {
  let asked = 0;
  // A series the reader turned off in the legend draws none of its labels.
  const legend = (chart.getOption() as { legend?: { selected?: Record<string, boolean> }[] }).legend;
  const off = legend?.[0]?.selected ?? {};
  for (const s of (option.series ?? []) as SeriesOption[]) {
    if (s.name !== undefined && off[s.name] === false) continue;
    const data = s.data ?? [];
    for (const d of data) if (d?.label?.show && d.value !== null) asked++;
    if (s.endLabel?.show && data.some((d) => d && d.value !== null && d.value !== undefined)) asked++;
  }
  if (!asked) return 0;
  let drawn = 0;
  const visit = (el: Node) => {
    if (el.ignore || el.invisible) return;
    const label = el.getTextContent?.();
    if (label && !label.ignore) drawn++;
    for (const child of el.childrenRef?.() ?? []) visit(child);
  };
  for (const root of chart.getZr().storage.getRoots() as unknown as Node[]) visit(root);
  return Math.max(0, asked - drawn);
}
