// The ECharts parts the app registers at start-up (setup.ts), and only those: the benchmark's bare
// echarts/core page (bench/bare) registers this same list, so the floor it measures has the app's parts.
// Export-only parts are not here: they load on demand (exportParts.ts); nor is the tooltip, which loads once the
// first picture is on screen (tooltipParts.ts).
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

export const STARTUP_PARTS = [BarChart, LineChart, GridComponent, LegendPlainComponent, CanvasRenderer];
