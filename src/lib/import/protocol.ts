// Messages between the main thread (client.ts) and the import worker (src/workers/import.worker.ts).
// Example: main -> worker  { file: Blob (a handle: the worker reads the bytes), ctx: { datasetId: 'my', fileName: 'a.csv', ... } }
//          worker -> main  { type: 'progress', fraction: 0.42 } ... then exactly one
//                          { type: 'result', result: { ok: true, ..., table: PackedTable (buffers transferred) } }
//          main -> worker  { type: 'hash' } (after an accepted result, once its rows are indexed)
//          worker -> main  { type: 'fingerprint', fingerprint: '<64 hex digits>' | null }
//                       or { type: 'result', result: { ok: false, code: 'damaged', message: { zh, en } } }
//          a work report (a .docx, prose, pasted text: ctx.readAs / ctx.pasted) comes back on the refusal channel:
//                          { type: 'result', result: { ok: false, code: 'report', message, report: ReportRead } }

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

/** After an accepted result, the main thread asks for the file's fingerprint once it has room (rows indexed). */
export interface HashRequest {
  type: 'hash';
}

export type ImportWorkerMessage =
  /** Share of the worker's work done (decode + parse), 0..1, at most about once per percent. */
  | { type: 'progress'; fraction: number }
  /** A refusal, or the summary with columnar observations (see src/lib/table/wire.ts). */
  | { type: 'result'; result: WireResult }
  /**
   * The answer to a HashRequest, the last message: the file's SHA-256 (null where it cannot be worked out). Asked
   * for once the rows are indexed: hashing 55 MB beside the main thread's work would slow it on two cores.
   */
  | { type: 'fingerprint'; fingerprint: string | null };
