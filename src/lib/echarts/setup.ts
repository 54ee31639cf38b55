// The one module that imports the ECharts runtime: only the parts the charts use are registered
// (parts.ts), keeping the first load near the echarts/core floor. Export-only parts are registered on demand.
import * as echarts from 'echarts/core';
import { STARTUP_PARTS } from './parts';

echarts.use(STARTUP_PARTS);

let exportReady: Promise<void> | null = null;

/**
 * Load and register what only exports use, once: the SVG renderer and the title component that draws
 * the title block and source line into images (≈10 KB gzip that the first load does not need).
 */
export function useExportParts(): Promise<void> {
  // The label layout too (with the tooltip): an export's labels are laid out as on screen.
  exportReady ??= Promise.all([import('./exportParts'), useTooltips()]).then(([m]) =>
    echarts.use([m.SVGRenderer, m.TitleComponent]),
  );
  return exportReady;
}

let tooltipsReady: Promise<void> | null = null;

/**
 * Load and register the tooltip component and the label layout, once: charts are drawn without them (a
 * tooltip needs a pointer, the first picture does not) and take them when they have arrived (Chart.svelte:
 * the setOption that gives a chart its tooltip draws it again, its labels laid out).
 */
export function useTooltips(): Promise<void> {
  tooltipsReady ??= import('./tooltipParts').then((m) => echarts.use([m.TooltipComponent, m.LabelLayout]));
  return tooltipsReady;
}

export { echarts };
export type { EChartsType } from 'echarts/core';
