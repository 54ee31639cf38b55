// The import worker run in a test: its module installs `self.onmessage`, so it is given a stand-in scope that
// records what it posts (each message structured-cloned with its transfer list, as postMessage would).
// Example: const w = await startWorker(); const posted = await w.run(new Blob([csv]), context());
import { vi } from 'vitest';
import type { HashRequest, ImportRequest, ImportWorkerMessage } from '../../../src/lib/import/protocol';
import type { ImportContext } from '../../../src/lib/import/types';

export interface Posted {
  message: ImportWorkerMessage;
  transfer: Transferable[];
}

export async function startWorker() {
  const posted: Posted[] = [];
  const scope: {
    onmessage: ((e: MessageEvent<ImportRequest | HashRequest>) => Promise<void>) | null;
    postMessage: (m: ImportWorkerMessage, o?: { transfer?: Transferable[] }) => void;
  } = {
    onmessage: null,
    postMessage: (message, o) => {
      posted.push({
        message: structuredClone(message, { transfer: o?.transfer ?? [] }),
        transfer: o?.transfer ?? [],
      });
    },
  };
  vi.stubGlobal('self', scope);
  await import('../../../src/workers/import.worker');
  return {
    posted,
    scope,
    /** One request, as the main thread would post it (the request cloned): what the worker posted back. */
    async run(file: Blob, ctx: ImportContext): Promise<Posted[]> {
      posted.length = 0;
      await scope.onmessage!({ data: structuredClone({ file, ctx }) } as MessageEvent<ImportRequest>);
      return posted.slice();
    },
  };
}
