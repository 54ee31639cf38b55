import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HashRequest, ImportRequest, ImportWorkerMessage } from '../../../src/lib/import/protocol';
import type { ImportContext } from '../../../src/lib/import/types';
import { importBytes, importColumnarBytes, toWire, type WireResult } from '../../../src/lib/import/index';
import { clonableContext, fromWire, importFile, releaseImportWorker } from '../../../src/lib/import/client';
import { parseContext } from '../../../src/lib/import/context';
import { context, fixture } from '../../fixtures/upload/context';
import { startWorker } from './workerScope';

// The worker module in a stand-in scope that records what it posts (workerScope.ts).
const { posted, scope, run } = await startWorker();
const runWorker = (bytes: Uint8Array<ArrayBuffer>, ctx: ImportContext) => run(new Blob([bytes]), ctx);

function bigCsv(rows: number): Uint8Array<ArrayBuffer> {
  const lines = ['城市,指标,年份,数值,单位'];
  for (let i = 0; i < rows; i++)
    lines.push(`城市${i % 50},研发经费投入强度,${1990 + (i % 30)},${(i % 997) / 10},%`);
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.stubGlobal('self', scope);
});

/** The SHA-256 of the bytes, worked out here independently of the importer. */
async function sha256(bytes: Uint8Array): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}

describe('the import worker', () => {
  it('posts progress, then one result whose columns are transferred, which rebuilds to the same rows', async () => {
    const bytes = bigCsv(30_000);
    const messages = await runWorker(bytes, context());
    const progress = messages
      .filter((m) => m.message.type === 'progress')
      .map((m) => (m.message as { fraction: number }).fraction);
    expect(progress.length).toBeGreaterThan(2);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!).toBeGreaterThan(progress[i - 1]!);
    const last = messages.find((m) => m.message.type === 'result')!;
    expect(messages.filter((m) => m.message.type === 'result')).toHaveLength(1);
    // The file's SHA-256 only when asked (once the main thread has indexed the rows), never beside that work.
    expect(messages.some((m) => m.message.type === 'fingerprint')).toBe(false);
    posted.length = 0;
    await scope.onmessage!({ data: { type: 'hash' } } as MessageEvent<HashRequest>);
    expect(posted.map((p) => p.message)).toEqual([{ type: 'fingerprint', fingerprint: await sha256(bytes) }]);
    const result = (last.message as { result: WireResult }).result;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(last.transfer.length).toBe(10);
    const rebuilt = await fromWire(result, undefined, undefined);
    const direct = importBytes(bytes, context());
    expect(rebuilt).toEqual(direct);
    expect(rebuilt.ok && rebuilt.rows).toEqual(direct.ok && direct.rows);
  });

  it('refuses a file that can no longer be read, saying so', async () => {
    const gone = new Blob(['x']);
    Object.defineProperty(gone, 'arrayBuffer', {
      value: () => Promise.reject(new DOMException('the file changed', 'NotReadableError')),
    });
    posted.length = 0;
    await scope.onmessage!({ data: { file: gone, ctx: context() } } as MessageEvent<ImportRequest>);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.message).toMatchObject({ type: 'result', result: { ok: false, code: 'unreadable' } });
  });

  it('reads a workbook inside the worker, its reader loaded there on demand (no DOM in a worker)', async () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const messages = await runWorker(fixture('workbooks/long-basic.xlsx'), context('long-basic.xlsx'));
    const last = messages.find((m) => m.message.type === 'result')!.message;
    expect(last).toMatchObject({ type: 'result', result: { ok: true, sheet: '数据', layout: 'long' } });
    if (last.type === 'result' && last.result.ok) expect(last.result.table.n).toBe(6);
  });

  it('posts a refusal as its result', async () => {
    const messages = await runWorker(fixture('renamed-xlsx.csv'), context());
    expect(messages.at(-1)!.message).toMatchObject({
      type: 'result',
      result: { ok: false, code: 'damaged' },
    });
    expect(messages.at(-1)!.transfer).toEqual([]);
  });

  it('sends strings packed: one string for all quotes, not one clone per row', () => {
    const wire = toWire(importColumnarBytes(bigCsv(1000), context()));
    expect(wire.ok).toBe(true);
    if (!wire.ok) return;
    expect(typeof wire.table.quotes.text).toBe('string');
    expect(wire.table.quotes.ends).toBeInstanceOf(Uint32Array);
    expect(typeof wire.table.dict.text).toBe('string');
    expect(wire.table.value).toBeInstanceOf(Float64Array);
    expect(wire.table.n).toBe(1000);
  });
});

/** A Worker stand-in that runs the real worker module's handler, asynchronously, with cloning and transfer. */
class LoopbackWorker {
  onmessage: ((e: MessageEvent<ImportWorkerMessage>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  static last: LoopbackWorker | null = null;
  static all: LoopbackWorker[] = [];
  /** What the main thread posted, before cloning: the request and its transfer list. */
  sent: Array<{ request: ImportRequest | HashRequest; transfer: Transferable[] }> = [];
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    LoopbackWorker.last = this;
    LoopbackWorker.all.push(this);
  }
  postMessage(request: ImportRequest | HashRequest, transfer: Transferable[] = []) {
    this.sent.push({ request, transfer });
    const data = structuredClone(request, { transfer });
    setTimeout(async () => {
      posted.length = 0;
      await scope.onmessage!({ data } as MessageEvent<ImportRequest>);
      for (const p of posted)
        setTimeout(
          () =>
            !this.terminated && this.onmessage?.({ data: p.message } as MessageEvent<ImportWorkerMessage>),
          0,
        );
    }, 0);
  }
  terminate() {
    this.terminated = true;
  }
}

describe('importFile on the main thread', () => {
  // Each test starts without a worker started ahead by the one before.
  afterEach(() => releaseImportWorker());

  it('runs a module worker and resolves with the same result as importBytes, progress ending at 1', async () => {
    vi.stubGlobal('Worker', LoopbackWorker);
    LoopbackWorker.all = [];
    const bytes = bigCsv(20_000);
    const seen: number[] = [];
    let summary: unknown = null;
    const file = new Blob([bytes]);
    const readHere = vi.spyOn(file, 'arrayBuffer');
    const heard: Array<string | undefined> = [];
    const r = await importFile(file, context(), (f) => seen.push(f), {
      onSummary: (s) => (summary = s),
      onFingerprint: (fp) => heard.push(fp),
    });
    const [used, spare] = LoopbackWorker.all;
    // The worker reads the file: the main thread posts the Blob (a handle) and never reads its bytes.
    // The request, then (after the result) the ask for the file's fingerprint.
    expect(used!.sent.map((m) => ('type' in m.request ? m.request.type : 'import'))).toEqual([
      'import',
      'hash',
    ]);
    expect((used!.sent[0]!.request as ImportRequest).file).toBe(file);
    expect(used!.sent[0]!.transfer).toEqual([]);
    expect(readHere).not.toHaveBeenCalled();
    expect(used!.options).toEqual({ type: 'module' });
    expect(String(used!.url)).toMatch(/workers\/import\.worker\.ts$/);
    // The next file's worker is already started, and that one is used next.
    expect(LoopbackWorker.all).toHaveLength(2);
    expect(spare!.terminated).toBe(false);
    expect(r).toEqual(importBytes(bytes, context()));
    expect(seen.at(-1)).toBe(1);
    // The report's summary came first: everything but the rows, the same counts.
    expect(summary).toMatchObject({ ok: true, counts: r.ok ? r.counts : null });
    expect(summary).not.toHaveProperty('rows');
    // The fingerprint came from the worker, once, and the worker was stopped after it.
    await vi.waitFor(() => expect(heard).toEqual([expect.any(String)]));
    expect(heard[0]).toBe(await sha256(bytes));
    expect(used!.terminated).toBe(true);
    await importFile(new Blob([bytes]), context());
    await vi.waitFor(() => expect(spare!.terminated).toBe(true));
    expect(LoopbackWorker.all).toHaveLength(3);
  });

  it('refuses a file over the limit before reading it', async () => {
    const huge = { size: 61 * 1024 * 1024, arrayBuffer: vi.fn() } as unknown as Blob;
    const r = await importFile(huge, context());
    expect(r).toMatchObject({ ok: false, code: 'too-large' });
    expect(huge.arrayBuffer).not.toHaveBeenCalled();
  });

  it('falls back to the main thread when a Worker cannot be constructed (file:// pages)', async () => {
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new DOMException('blocked', 'SecurityError');
        }
      },
    );
    const bytes = fixture('gb18030-wide.csv');
    expect(await importFile(new Blob([bytes]), context())).toEqual(importBytes(bytes, context()));
  });

  it('falls back to the main thread when the worker fails to load', async () => {
    vi.stubGlobal(
      'Worker',
      class {
        onerror: ((e: { preventDefault(): void }) => void) | null = null;
        postMessage() {
          setTimeout(() => this.onerror?.({ preventDefault() {} }), 0);
        }
        terminate() {}
      },
    );
    const bytes = fixture('cells.csv');
    expect(await importFile(new Blob([bytes]), context())).toEqual(importBytes(bytes, context()));
  });

  it('gives the fingerprint once without a worker too, and none for a refused file', async () => {
    const bytes = fixture('cells.csv');
    const heard: Array<string | undefined> = [];
    await importFile(new Blob([bytes]), context(), undefined, {
      worker: false,
      onFingerprint: (f) => heard.push(f),
    });
    const expected = await sha256(bytes);
    await vi.waitFor(() => expect(heard).toEqual([expected]));
    const refused: Array<string | undefined> = [];
    const r = await importFile(new Blob([fixture('image.png')]), context(), undefined, {
      onFingerprint: (f) => refused.push(f),
    });
    expect(r.ok).toBe(false);
    expect(refused).toEqual([undefined]);
  });

  it('without a worker, works in slices and still reports progress to 1', async () => {
    const seen: number[] = [];
    const bytes = bigCsv(50_000);
    const r = await importFile(new Blob([bytes]), context(), (f) => seen.push(f), { worker: false });
    expect(r.ok && r.rows.length).toBe(50_000);
    expect(seen.at(-1)).toBe(1);
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(
      await importFile(new Blob([bigCsv(10)]), context(), undefined, { signal: controller.signal }),
    ).toMatchObject({
      ok: false,
      code: 'aborted',
    });
  });

  it('sends a plain copy of the context, so reactive proxies (Svelte $state) can be posted', () => {
    const proxied = new Proxy(context(), {});
    const ctx = { ...context(), indicators: new Proxy(context().indicators, {}) } as ImportContext;
    expect(() => structuredClone(ctx)).toThrow();
    expect(() => structuredClone(clonableContext(ctx))).not.toThrow();
    expect(clonableContext(proxied)).toEqual({ ...context(), maxBytes: undefined });
    // …and the worker's check of it gives the same fields back, as fresh objects.
    expect(parseContext(clonableContext(proxied))).toEqual({ ...context(), maxBytes: undefined });
  });
});
