// Split out so export-only ECharts parts load when something is exported, not on first load.
export { SVGRenderer } from 'echarts/renderers';
export { TitleComponent } from 'echarts/components';
