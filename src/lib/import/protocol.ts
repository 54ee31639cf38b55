// Messages between the main thread (client.ts) and the import worker (src/workers/import.worker.ts).
// Example: main -> worker  { file: Blob (a handle: the worker reads the bytes), ctx: { datasetId: 'my', fileName: 'a.csv', ... } }
//          worker -> main  { type: 'progress', fraction: 0.42 } ... then exactly one
//                          { type: 'result', result: { ok: true, ..., table: PackedTable (buffers transferred) } }
//                       or { type: 'result', result: { ok: false, code: 'xlsx', message: { zh, en } } }

import type { ImportContext } from './types';
import type { WireResult } from './index';

export interface ImportRequest {
  /**
   * The uploaded file itself (cloning a Blob copies a handle, not its bytes): the worker reads it, so a
   * 55 MB file never sits in the main thread's memory nor costs it the read.
   */
  file: Blob;
  ctx: ImportContext;
}

export type ImportWorkerMessage =
  /** Share of the worker's work done (decode + parse), 0..1, at most about once per percent. */
  | { type: 'progress'; fraction: number }
  /** The last message: a refusal, or the summary with columnar observations (see src/lib/table/wire.ts). */
  | { type: 'result'; result: WireResult };
