// Redraws after a change (a city toggled, an upload merged) run one chart per frame, charts on
// screen first. One ECharts update costs 4-13 ms on the 2-core machines here; five in the task
// that handled the click made it 50-60 ms long. Queued, the click's own task only rebuilds the
// models and the DOM, and no frame carries more than one chart's update. A chart's first draw is
// not queued: it happens as soon as the chart's box is measured (Chart.svelte).
// Each redraw runs in a task of its own just after a frame, not inside it, and the first one skips the
// frame after the change: that frame and the next lay out the change's DOM (new table rows, then the
// hidden tables that follow a task later: 35-60 ms after a big upload). A chart drawn in such a frame
// made one task of both (110-130 ms); drawn before the DOM is laid out, ECharts' tooltip reads a
// computed style and pays the layout inside the chart's own task.
// Example: queueRedraw(box, () => chart.setOption(next)) -> drawn after the second frame (on-screen boxes first)

const queued = new Map<Element, () => void>();
const onScreen = new Set<Element>();
let observer: IntersectionObserver | null = null;
let frame = 0;

/** Follow whether `box` is on screen (so its redraws go first); returns the function that stops. */
export function watchChart(box: Element): () => void {
  if (typeof IntersectionObserver === 'function') {
    observer ??= new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (e.isIntersecting) onScreen.add(e.target);
        else onScreen.delete(e.target);
      }
    });
    observer.observe(box);
  }
  return () => {
    observer?.unobserve(box);
    onScreen.delete(box);
    queued.delete(box);
  };
}

/** Redraw `box` after a coming frame; a newer redraw for the same box replaces a queued one. */
export function queueRedraw(box: Element, redraw: () => void): void {
  queued.set(box, redraw);
  frame ||= requestAnimationFrame(() => (frame = requestAnimationFrame(afterFrame)));
}

function afterFrame(): void {
  setTimeout(next, 0);
}

/** Whether a redraw of `box` is waiting (it will apply the box's latest size too). */
export function isQueued(box: Element): boolean {
  return queued.has(box);
}

/** Forget a queued redraw (the chart is back to what is on screen). */
export function dropRedraw(box: Element): void {
  queued.delete(box);
}

function next(): void {
  frame = 0;
  let box: Element | undefined;
  for (const b of queued.keys()) {
    box ??= b;
    if (onScreen.has(b)) {
      box = b;
      break;
    }
  }
  if (!box) return;
  const redraw = queued.get(box);
  queued.delete(box);
  if (queued.size) frame = requestAnimationFrame(afterFrame);
  redraw?.();
}
