// Module worker that imports one uploaded file off the main thread (started by src/lib/import/client.ts with
// `new Worker(new URL(...), { type: 'module' })`). Protocol in src/lib/import/protocol.ts:
// receives { file (a Blob, read here), ctx }; posts { type: 'progress', fraction } messages, one
// { type: 'result', result } whose typed arrays are transferred back (no per-row structured cloning), and after an
// accepted result, asked { type: 'hash' }, the file's { type: 'fingerprint' }.
// A work report (a .docx, a text of prose, pasted text) is read by the same importColumnarFile: it fetches the
// report extractor (src/lib/extract, its own chunk) the first time one is read, and the result is a refusal with
// code 'report' carrying the text and the extraction (ReportRead), posted as any refusal is (nothing transferred).

import { importColumnarFile, toWire, type WireResult } from '../lib/import/index';
import { tableBuffers } from '../lib/table/wire';
import type { HashRequest, ImportRequest, ImportWorkerMessage } from '../lib/import/protocol';
import { both } from '../lib/i18n/importMessages';
import { parseContext } from '../lib/import/context';
import { fingerprintOf } from '../lib/import/fingerprint';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ImportRequest | HashRequest>) => Promise<void>) | null;
  postMessage(message: ImportWorkerMessage, options?: { transfer?: Transferable[] }): void;
}

const scope = self as unknown as WorkerScope;

/** The bytes of the file last accepted, kept for its fingerprint until the main thread asks for it. */
let accepted: Uint8Array | null = null;

scope.onmessage = async (e: MessageEvent<ImportRequest | HashRequest>): Promise<void> => {
  if ('type' in e.data) {
    const bytes = accepted;
    accepted = null;
    scope.postMessage({ type: 'fingerprint', fingerprint: (bytes && (await fingerprintOf(bytes))) ?? null });
    return;
  }
  const { file, ctx } = e.data;
  let last = -1;
  let result: WireResult;
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch (err) {
    // The file changed or went away since it was chosen (NotReadableError).
    const detail = err instanceof Error ? err.message : String(err);
    scope.postMessage({
      type: 'result',
      result: {
        ok: false,
        code: 'unreadable',
        message: both('fileUnreadable', { detail }),
      },
    });
    return;
  }
  try {
    result = toWire(
      await importColumnarFile(new Uint8Array(bytes), parseContext(ctx), (fraction) => {
        if (fraction - last >= 0.01 || (fraction === 1 && last !== 1)) {
          last = fraction;
          scope.postMessage({ type: 'progress', fraction });
        }
      }),
    );
  } catch (err) {
    // The importer does not throw on bad input; this is a bug, reported as a refusal rather than a hang.
    const detail = err instanceof Error ? err.message : String(err);
    result = {
      ok: false,
      code: 'internal',
      message: both('importInternal', { detail }),
    };
  }
  scope.postMessage({ type: 'result', result }, { transfer: result.ok ? tableBuffers(result.table) : [] });
  // Hashed when asked (HashRequest), once the main thread has indexed the rows: never beside its work.
  if (result.ok) accepted = new Uint8Array(bytes);
};
