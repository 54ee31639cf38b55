// The redraw queue: one chart per frame, each in a task after the frame (not inside it; the first not after the
// frame that lays out the change), charts on screen first, only the newest redraw of a chart.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let frames: (() => void)[] = [];
let report: ((entries: { target: object; isIntersecting: boolean }[]) => void) | null = null;

beforeEach(() => {
  vi.resetModules();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(cb: typeof report) {
        report = cb;
      }
      observe() {}
      unobserve() {}
    },
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** Run the frames that are due now; returns how many ran. */
function nextFrame(): number {
  const due = frames;
  frames = [];
  due.forEach((f) => f());
  return due.length;
}

/** Run the tasks posted so far (the redraws a frame scheduled). */
const tasks = () => vi.runOnlyPendingTimers();

describe('redraw queue', () => {
  it('draws one chart per frame, the ones on screen first', async () => {
    const q = await import('../../src/lib/echarts/redraws');
    const [a, b, c] = [{}, {}, {}] as unknown as Element[];
    for (const box of [a, b, c]) q.watchChart(box!);
    report?.([{ target: c!, isIntersecting: true }]);
    const drawn: string[] = [];
    q.queueRedraw(a!, () => drawn.push('a'));
    q.queueRedraw(b!, () => drawn.push('b'));
    q.queueRedraw(c!, () => drawn.push('c'));
    tasks();
    expect(drawn).toEqual([]); // nothing in the task that queued them, nor before a frame
    nextFrame();
    tasks();
    expect(drawn).toEqual([]); // nor after the frame that lays out the change
    nextFrame();
    expect(drawn).toEqual([]); // nor inside the next frame
    tasks();
    expect(drawn).toEqual(['c']); // but in a task after it
    tasks();
    expect(drawn).toEqual(['c']); // the next one waits for the next frame
    nextFrame();
    tasks();
    nextFrame();
    tasks();
    expect(drawn).toEqual(['c', 'a', 'b']);
    expect(nextFrame()).toBe(0); // and then the queue rests
  });

  it('runs only the newest redraw of a chart, and forgets dropped or unwatched ones', async () => {
    const q = await import('../../src/lib/echarts/redraws');
    const [a, b] = [{}, {}] as unknown as Element[];
    const unwatchB = q.watchChart(b!);
    q.watchChart(a!);
    const drawn: string[] = [];
    q.queueRedraw(a!, () => drawn.push('a1'));
    q.queueRedraw(a!, () => drawn.push('a2'));
    q.queueRedraw(b!, () => drawn.push('b'));
    expect(q.isQueued(a!)).toBe(true);
    unwatchB();
    nextFrame();
    nextFrame();
    tasks();
    q.queueRedraw(a!, () => drawn.push('a3'));
    q.dropRedraw(a!);
    nextFrame();
    nextFrame();
    tasks();
    expect(drawn).toEqual(['a2']);
    expect(q.isQueued(a!)).toBe(false);
  });
});
