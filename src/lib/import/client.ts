// Main-thread entry point: imports an uploaded File/Blob in a module worker and indexes the rows in slices,
// so no main-thread task runs long; where no Worker can be started (file:// pages, strict CSP) the same import
// runs on the main thread in slices. The only importer module that touches DOM APIs.
// Example: await importFile(input.files[0], { datasetId: 'my', fileName: 'wuhu.csv', indicators, places }, (f) => bar = f)
//   -> ImportResult (see types.ts); progress goes 0 -> 1 (worker decode + parse to 0.9, indexing the rows to 1).

import { indexInSlices, pause, SLICE_MS } from '../table/slices';
import { unpackTable } from '../table/wire';
import type {
  ImportContext,
  ImportFailure,
  ImportResult,
  ImportSuccess,
  ImportSummary,
  ProgressFn,
} from './types';
import type { HashRequest, ImportRequest, ImportWorkerMessage } from './protocol';
import type { WireResult } from './index';
import { checkSize } from './limits';
import { importSuccess } from './result';
import { parseContext } from './context';
import { fingerprintOf } from './fingerprint';
import { both } from '../i18n/uploadPanelMessages';

export interface ImportFileOptions {
  /** Cancels the import: the worker is stopped and the promise resolves to a refusal with code 'aborted'. */
  signal?: AbortSignal;
  /** false = never start a worker (tests, or a page known to forbid them). Default true. */
  worker?: boolean;
  /**
   * Called once the outcome is known (counts, issues, refusal), before the rows are indexed on the
   * main thread: for a million rows that takes some slices, and the report need not wait.
   */
  onSummary?: (summary: ImportSummary) => void;
  /**
   * Called once per import with the file's SHA-256 (undefined for a refused file, or where it cannot be worked
   * out), after the result: hashed where the bytes are read, so neither the report nor this thread waits for it.
   */
  onFingerprint?: (fingerprint: string | undefined) => void;
}

/**
 * A copy of the context a worker can receive (Svelte `$state` proxies cannot be posted). The importer checks it
 * with its schema where it runs (import/context.ts): in the worker, off this thread, or below when there is none.
 */
export function clonableContext(ctx: ImportContext): ImportContext {
  const picked = Object.fromEntries(CONTEXT_FIELDS.map((k) => [k, ctx[k]]));
  return JSON.parse(JSON.stringify(picked)) as ImportContext;
}

/** The fields of a context that travel to the worker (a proxy's other keys, if any, never do). */
const CONTEXT_FIELDS = [
  'datasetId',
  'fileName',
  'indicators',
  'places',
  'maxBytes',
  'sheet',
  'mapping',
  'maxCells',
  'maxInflatedBytes',
  'readAs',
  'pasted',
] as const satisfies readonly (keyof ImportContext)[];

const ABORTED: ImportFailure = {
  ok: false,
  code: 'aborted',
  message: both('importCancelled'),
};

/** Indexes a result's rows in time slices; progress 0.9 -> 1. */
async function indexResult(
  result: ImportSuccess,
  onProgress: ProgressFn | undefined,
  signal: AbortSignal | undefined,
): Promise<ImportResult> {
  const done = await indexInSlices(result.table, {
    onProgress: (f) => onProgress?.(0.9 + 0.1 * f),
    stopped: () => !!signal?.aborted,
  });
  return done ? result : ABORTED;
}

/** The worker's packed table as an ImportSuccess (its rows not indexed yet). */
function unwire(w: Extract<WireResult, { ok: true }>): ImportSuccess {
  const { table, ...summary } = w;
  return importSuccess({ ...summary, table: unpackTable(table) });
}

/** The worker's packed table as an ImportSuccess, indexed in slices (so showing it scans nothing at once). */
export function fromWire(
  w: Extract<WireResult, { ok: true }>,
  onProgress: ProgressFn | undefined,
  signal: AbortSignal | undefined,
): Promise<ImportResult> {
  return indexResult(unwire(w), onProgress, signal);
}

/** Reports the outcome (onSummary: the report need not wait), then indexes the rows. */
function deliver(
  result: ImportResult,
  onProgress: ProgressFn | undefined,
  options: ImportFileOptions,
): Promise<ImportResult> | ImportResult {
  if (!result.ok) return result;
  const { table: _table, lines: _lines, ...summary } = result;
  options.onSummary?.(summary);
  return indexResult(result, onProgress, options.signal);
}

function newWorker(): Worker | null {
  try {
    return new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

// A worker started ahead of the upload (its module fetched and compiled while the page is idle), so
// an import starts parsing at once. Each import uses it up; the next one is started after it.
let spare: Worker | null = null;

/** Start the import worker ahead of time (call when the upload UI appears). */
export function prewarmImportWorker(): void {
  if (spare || typeof Worker !== 'function') return;
  const w = newWorker();
  // A worker that cannot load (a page that forbids it) is dropped; the import then makes its own
  // attempt and falls back to the main thread as before.
  if (w)
    w.onerror = (ev: ErrorEvent) => {
      ev.preventDefault();
      if (spare === w) spare = null;
      w.terminate();
    };
  spare = w;
}

/** Stop the worker started ahead of time, if any (the upload UI went away). */
export function releaseImportWorker(): void {
  spare?.terminate();
  spare = null;
}

function startWorker(): Worker | null {
  const w = spare ?? newWorker();
  spare = null;
  return w;
}

/**
 * Runs the import in a worker; resolves null if the worker could not run (then the caller falls back). An accepted
 * result keeps the worker until it has sent the file's fingerprint (`onFingerprint`, called exactly once then).
 */
function viaWorker(
  worker: Worker,
  file: Blob,
  ctx: ImportContext,
  onProgress: ProgressFn | undefined,
  signal: AbortSignal | undefined,
  onFingerprint: (fingerprint: string | undefined) => void,
  /** Given, for an accepted result, the way to ask the worker for the file's fingerprint. */
  onKept: (askHash: () => void) => void,
): Promise<WireResult | null | 'aborted'> {
  return new Promise((resolve) => {
    let settled = false;
    let hashing = false;
    const stop = (): void => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const finish = (r: WireResult | null | 'aborted'): void => {
      if (hashing) {
        hashing = false;
        stop();
        onFingerprint(undefined);
      }
      if (settled) return;
      settled = true;
      if (r !== null && r !== 'aborted' && r.ok) {
        hashing = true;
        const ask: HashRequest = { type: 'hash' };
        onKept(() => {
          if (hashing) worker.postMessage(ask);
        });
      } else stop();
      resolve(r);
    };
    const onAbort = (): void => finish('aborted');
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<ImportWorkerMessage>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress?.(0.9 * m.fraction);
      else if (m.type === 'result') finish(m.result);
      else if (m.type === 'fingerprint' && hashing) {
        hashing = false;
        stop();
        onFingerprint(m.fingerprint ?? undefined);
      }
    };
    // A module worker that cannot load (file://, CSP) reports here, after construction succeeded.
    worker.onerror = (ev: ErrorEvent) => {
      ev.preventDefault();
      finish(null);
    };
    worker.onmessageerror = () => finish(null);
    const request: ImportRequest = { file, ctx };
    try {
      worker.postMessage(request);
    } catch {
      finish(null); // could not be sent: run on the main thread instead
    }
  });
}

/**
 * Imports an uploaded file. Files over ctx.maxBytes (default 60 MB) are refused before they are read.
 * Never rejects for a bad file: every outcome is an ImportResult (a context the app could not have made is
 * refused by its schema: in the worker as an internal error, without one by a throw).
 */
export async function importFile(
  file: Blob,
  ctx: ImportContext,
  onProgress?: ProgressFn,
  options: ImportFileOptions = {},
): Promise<ImportResult> {
  const plain = clonableContext(ctx);
  const tooLarge = checkSize(file.size, plain);
  if (tooLarge) return tooLarge;
  const { signal } = options;
  if (signal?.aborted) return ABORTED;

  // Exactly once per import: the worker's hash, the main thread's, or undefined for a refusal.
  let told = false;
  const tell = (fp: string | undefined): void => {
    if (told) return;
    told = true;
    options.onFingerprint?.(fp);
  };
  const worker = options.worker === false ? null : startWorker();
  if (worker) {
    let askHash = (): void => {};
    const r = await viaWorker(worker, file, plain, onProgress, signal, tell, (ask) => (askHash = ask));
    prewarmImportWorker(); // for the next file
    if (r === 'aborted') return ABORTED;
    if (r !== null) {
      if (!r.ok) tell(undefined);
      const out = await deliver(r.ok ? unwire(r) : r, onProgress, options);
      askHash(); // now that the rows are indexed: hashing beside that work would slow this thread
      return out;
    }
  }
  // No worker: the file is read here. The importer itself is loaded only now, so the main bundle does not
  // carry it (the worker has its own copy).
  const [{ importBytesInSlices }, buffer] = await Promise.all([import('./index'), file.arrayBuffer()]);
  const bytes = new Uint8Array(buffer);
  let lastPause = performance.now();
  const result = await importBytesInSlices(bytes, parseContext(plain), onProgress, async () => {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    if (performance.now() - lastPause < SLICE_MS) return;
    await pause();
    lastPause = performance.now();
  }).catch((err: unknown) => {
    if (err instanceof DOMException && err.name === 'AbortError') return ABORTED;
    throw err;
  });
  if (result.ok) void fingerprintOf(bytes).then(tell);
  else tell(undefined);
  return deliver(result, onProgress, options);
}

/**
 * Reads pasted text as a work report (the same worker, as a UTF-8 Blob): resolves to a refusal, code 'report'
 * carrying the text and what the extractor found in it (`report`), or another code with the reason.
 */
export function importReportText(
  text: string,
  ctx: ImportContext,
  onProgress?: ProgressFn,
  options: ImportFileOptions = {},
): Promise<ImportResult> {
  const file = new Blob([text], { type: 'text/plain' });
  return importFile(file, { ...ctx, readAs: 'report', pasted: true }, onProgress, options);
}

// Every field of the context travels: a field added to the schema but not to CONTEXT_FIELDS fails the type check.
type Untravelled = Exclude<keyof ImportContext, (typeof CONTEXT_FIELDS)[number]>;
const everyField: [Untravelled] extends [never] ? true : false = true;
void everyField;
