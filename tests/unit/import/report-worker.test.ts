// A report through the worker and the client: the worker posts it on the refusal channel (code 'report', the text
// and the extraction structured-cloned, nothing transferred), and pasted text goes the same way
// (importReportText), in a worker or on the main thread.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { ImportContext } from '../../../src/lib/import/types';
import { clonableContext, importReportText } from '../../../src/lib/import/client';
import { context } from '../../fixtures/upload/context';
import { startWorker } from './workerScope';

const worker = await startWorker();

const REPORT = readFileSync(new URL('../../fixtures/reports/qingshan-2024.txt', import.meta.url), 'utf8');

const runWorker = (file: Blob, ctx: ImportContext) => worker.run(file, ctx);

describe('a report through the worker', () => {
  it('posts code "report" with the text and the extraction, transferring nothing', async () => {
    const ctx = clonableContext(context('q.txt', { readAs: 'report' }));
    expect(ctx.readAs).toBe('report');
    const out = await runWorker(new Blob([REPORT]), ctx);
    const last = out[out.length - 1]!;
    expect(last.transfer).toEqual([]);
    expect(last.message).toMatchObject({ type: 'result', result: { ok: false, code: 'report' } });
    const result = last.message.type === 'result' ? last.message.result : null;
    expect(result && !result.ok && result.report?.text).toBe(REPORT);
    expect(result && !result.ok && result.report?.extraction.candidates.length).toBeGreaterThan(0);
  });
});

describe('pasted text from the client', () => {
  it('passes readAs and pasted to the importer (main thread: no worker here)', async () => {
    const r = await importReportText(REPORT.replace(/\n/g, '\r\n'), context('粘贴的文字'), undefined, {
      worker: false,
    });
    expect(r).toMatchObject({ ok: false, code: 'report' });
    expect(!r.ok && r.report).toMatchObject({ format: 'paste', encoding: 'UTF-8', text: REPORT });
    expect(clonableContext({ ...context('x'), readAs: 'report', pasted: true })).toMatchObject({
      readAs: 'report',
      pasted: true,
    });
  });
});
