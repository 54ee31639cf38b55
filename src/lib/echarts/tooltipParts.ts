// Split out so what only the finished picture needs loads once the first picture is on screen and the page is
// idle (setup.ts useTooltips), not on first load: the tooltip (≈8 KB gzip), which only a pointer over a mark
// needs, and the label layout (≈4.5 KB), which moves labels that would overprint apart and hides the smaller
// mark's where moving is not enough.
export { TooltipComponent } from 'echarts/components';
export { LabelLayout } from 'echarts/features';
