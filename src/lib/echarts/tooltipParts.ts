// Split out so the tooltip, which only a pointer over a mark needs, loads once the first picture is on screen
// and the page is idle (setup.ts useTooltips), not on first load: ≈8 KB gzip of the first load measured.
export { TooltipComponent } from 'echarts/components';
