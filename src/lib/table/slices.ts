// One loop for work over a big table's rows on the main thread: in time slices that yield between them, so no
// task runs long while an upload is indexed or a stored table is checked (a million rows, ~400 ms of work).
import { emptyIndex, indexRows, rememberIndex } from './rowIndex';
import type { RowTable } from './table';

/** Lets the browser run other tasks (input, paint) between slices of work. */
export function pause(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'undefined') {
      setTimeout(resolve, 0);
      return;
    }
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

export interface SliceOptions {
  /** Called after each slice with the share of rows done (0 -> 1). */
  onProgress?: (done: number) => void;
  /** Checked after each pause: true stops the loop. */
  stopped?: () => boolean;
}

/** About this long per slice on the 2-core machines here. */
export const SLICE_MS = 12;
/** Rows between clock reads. */
const STEP = 5000;

/**
 * inSlices(n, (from, to) => …) runs the work over rows [0, n) in ranges, pausing about every SLICE_MS.
 * The work returns false to stop early. Resolves true when every row was done.
 */
export async function inSlices(
  n: number,
  work: (from: number, to: number) => boolean | void,
  options: SliceOptions = {},
): Promise<boolean> {
  let from = 0;
  while (from < n) {
    const started = performance.now();
    do {
      const to = Math.min(n, from + STEP);
      if (work(from, to) === false) return false;
      from = to;
    } while (from < n && performance.now() - started < SLICE_MS);
    options.onProgress?.(from / n);
    if (from < n) {
      await pause();
      if (options.stopped?.()) return false;
    }
  }
  return true;
}

/**
 * Indexes `t` in time slices and keeps the index (then tableIndex(t) scans nothing). `check(from, to)`, when
 * given, runs over each range first; false from it stops the loop. Resolves false when stopped.
 */
export async function indexInSlices(
  t: RowTable,
  options: SliceOptions & { check?: (from: number, to: number) => boolean } = {},
): Promise<boolean> {
  const index = emptyIndex();
  const { check } = options;
  const done = await inSlices(
    t.n,
    (from, to) => {
      if (check && !check(from, to)) return false;
      indexRows(t, index, from, to);
    },
    options,
  );
  if (done) rememberIndex(t, index);
  return done;
}
