// How many value labels ECharts' label layout hid because they would have overprinted another (the chart then
// says so under it). zrender marks such a label `ignore` while keeping it for the emphasis state
// (labelLayoutHelper.ts hideOverlap): a label never asked for has no such state.
import type { EChartsType } from 'echarts/core';

interface Node {
  ignore?: boolean;
  states?: { emphasis?: { ignore?: boolean } };
  childrenRef?: () => Node[];
  getTextContent?: () => Node | undefined;
}

export function hiddenLabels(chart: EChartsType): number {
  let n = 0;
  const visit = (el: Node) => {
    const label = el.getTextContent?.();
    if (label?.ignore && label.states?.emphasis?.ignore === false) n++;
    for (const child of el.childrenRef?.() ?? []) visit(child);
  };
  for (const root of chart.getZr().storage.getRoots() as unknown as Node[]) visit(root);
  return n;
}
