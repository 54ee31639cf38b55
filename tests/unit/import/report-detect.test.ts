// Text files and pasted text: a table stays a table, prose is read as a work report (in any encoding the table
// reader decodes), readAs switches either way, and bad input (too long, empty, not a report, a workbook asked to
// be a report) is refused with the file named. Hostile text reaches the review verbatim.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import {
  importAnyBytes,
  importBytes,
  importBytesInSlices,
  importColumnarFile,
  MAX_REPORT_CHARS,
  readsAsProse,
} from '../../../src/lib/import/index';
import { reportFromText, reportText } from '../../../src/lib/import/report';
import { looksTabular } from '../../../src/lib/import/prose';
import { containerOf } from '../../../src/lib/import/workbook/container';
import type { ImportContext, ImportResult } from '../../../src/lib/import/types';
import { context, fixture } from '../../fixtures/upload/context';

const reportFile = (name: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/reports/${name}`, import.meta.url)));
const REPORT = readFileSync(new URL('../../fixtures/reports/qingshan-2024.txt', import.meta.url), 'utf8');
const utf8 = (s: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(s) as Uint8Array<ArrayBuffer>;
const paste = (s: string, extra: Partial<ImportContext> = {}): Promise<ImportResult> =>
  importAnyBytes(utf8(s), context('粘贴', { readAs: 'report', pasted: true, ...extra }));

const CSV = '城市,指标,年份,数值\n芜湖,研发经费投入强度,2022,3.10\n福州,研发经费投入强度,2022,2.95\n';
const NOVEL =
  '第一章\n\n那一年的春天来得特别早，村口的老槐树刚刚冒出新芽。\n他站在门口，望着远处的山，心里想着，明天一定要去城里看看。\n母亲说：“路上小心，早点回来。”\n他点点头，背起包袱，头也不回地走了。\n';

function expectReport(r: ImportResult) {
  expect(r).toMatchObject({ ok: false, code: 'report' });
  if (r.ok || !r.report) throw new Error(`not a report: ${r.ok ? 'table' : r.code}`);
  return r.report;
}

describe('telling a report from a table', () => {
  it('reads the made-up report (.txt, UTF-8) as a report, its text exactly what the extractor saw', async () => {
    const r = await importAnyBytes(reportFile('qingshan-2024.txt'), context('青山市2024年工作总结.txt'));
    const report = expectReport(r);
    expect(!r.ok && r.message.zh).toMatch(/青山市2024年工作总结\.txt.*是一份工作报告：请核对从中读出的数字/);
    expect(!r.ok && r.message.en).toMatch(/is a work report: check the figures/);
    expect(report).toMatchObject({ format: 'txt', encoding: 'UTF-8', text: REPORT });
    expect(report.extraction.looksLikeReport).toBe(true);
    const rd = report.extraction.candidates.find((c) => c.indicator === 'rd_intensity' && c.value === 2.86);
    expect(rd).toBeDefined();
    expect(rd!.quotes[0]).toBe(report.text.slice(rd!.spans[0]!.start, rd!.spans[0]!.end));
  });

  it('reads a GB18030 report with CRLF line breaks, the breaks made \\n before extracting', async () => {
    const report = expectReport(
      await importAnyBytes(reportFile('qingshan-2024.gb18030.txt'), context('q.txt')),
    );
    expect(report.encoding).toBe('GB18030');
    expect(report.text).toBe(REPORT);
    expect(report.text).not.toContain('\r');
  });

  it('reads a UTF-16LE report with a BOM (and UTF-16BE), the BOM not in the text', async () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(REPORT.replace(/\n/g, '\r\n'), 'utf16le')]);
    const rle = expectReport(await importAnyBytes(le, context('q.txt')));
    expect([rle.encoding, rle.text]).toEqual(['UTF-16LE', REPORT]);
    const swapped = Buffer.from(REPORT, 'utf16le').swap16();
    const rbe = expectReport(
      await importAnyBytes(new Uint8Array([0xfe, 0xff, ...swapped]), context('q.txt')),
    );
    expect([rbe.encoding, rbe.text]).toEqual(['UTF-16BE', REPORT]);
  });

  it('still reads a CSV (and a tab-separated .txt) as a table', async () => {
    const csv = await importAnyBytes(utf8(CSV), context('a.csv'));
    expect(csv.ok && csv.counts.imported).toBe(2);
    const tsv = await importAnyBytes(fixture('utf16le-bom-tab.txt'), context('a.txt'));
    expect(tsv.ok).toBe(true);
    expect(readsAsProse(CSV)).toBe(false);
    expect(looksTabular(CSV)).toBe(true);
    expect(readsAsProse(REPORT)).toBe(true);
  });

  it('keeps every refusal of the bad text files of the upload tests what it was', async () => {
    const dir = new URL('../../fixtures/upload/', import.meta.url);
    let checked = 0;
    for (const name of readdirSync(dir)) {
      if (!statSync(new URL(name, dir)).isFile() || !/\.(csv|txt|bin)$/.test(name)) continue;
      const bytes = fixture(name);
      if (containerOf(bytes)) continue;
      const before = importBytes(bytes, context(name));
      const now = await importAnyBytes(bytes, context(name));
      expect([name, now.ok ? 'ok' : now.code]).toEqual([name, before.ok ? 'ok' : before.code]);
      checked++;
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('with readAs "table", prose gets today’s refusal', async () => {
    const r = await importAnyBytes(utf8(REPORT), context('q.txt', { readAs: 'table' }));
    expect(r).toMatchObject({ ok: false, code: 'no-header' });
    expect(r).toEqual(importBytes(utf8(REPORT), context('q.txt')));
  });

  it('with readAs "report", a CSV is refused as not a report, suggesting it be uploaded as a table', async () => {
    for (const r of [
      await importAnyBytes(utf8(CSV), context('a.csv', { readAs: 'report' })),
      await paste(CSV),
    ]) {
      expect(r).toMatchObject({ ok: false, code: 'not-a-report' });
      expect(!r.ok && r.message.zh).toMatch(/不像一份工作报告（没有找到带单位的数字）.*表格/);
      expect(!r.ok && r.message.en).toMatch(/does not read as a work report.*table/);
    }
  });

  it('a report in short clauses between commas reads as columns, and as a report when the user asks', async () => {
    const clauses =
      '青山市科技局2024年工作总结\n全市高新技术企业达850家,同比增长10%,新增120家\n' +
      '技术合同成交额45亿元,同比增长12%,居全省第3位\n研发投入强度2.4%,较上年提高0.1个百分点,创历史新高\n';
    expect(await importAnyBytes(utf8(clauses), context('c.txt'))).toMatchObject({
      ok: false,
      code: 'no-header',
    });
    const asked = await importAnyBytes(utf8(clauses), context('c.txt', { readAs: 'report' }));
    expect(asked).toMatchObject({ ok: false, code: 'report' });
    const found = !asked.ok ? (asked.report?.extraction.candidates ?? []) : [];
    expect(found.find((c) => c.indicator === 'high_tech_enterprises')).toMatchObject({ value: 850 });
  });

  it('refuses a novel as not a report, with the file named', async () => {
    const r = await importAnyBytes(utf8(NOVEL), context('小说.txt'));
    expect(r).toMatchObject({ ok: false, code: 'not-a-report' });
    expect(!r.ok && r.message.zh).toBe(
      '文件“小说.txt”不像一份工作报告（没有找到带单位的数字）：请上传或粘贴工作总结、工作报告的文字',
    );
  });

  it('with readAs "report", refuses a workbook: it is to be imported as a table', async () => {
    const r = await importAnyBytes(
      fixture('workbooks/long-basic.xlsx'),
      context('a.xlsx', { readAs: 'report' }),
    );
    expect(r).toMatchObject({ ok: false, code: 'not-a-report' });
    expect(!r.ok && r.message.zh).toContain('工作簿');
  });
});

describe('pasted text', () => {
  it('is read as a report, format "paste", whatever its first characters look like', async () => {
    const report = expectReport(await paste(REPORT.replace(/\n/g, '\r\n')));
    expect(report).toMatchObject({ format: 'paste', encoding: 'UTF-8', text: REPORT });
    // Text that starts like a zip or a web page is still text when pasted.
    const odd = expectReport(await paste(`PK\u0003\u0004 <html>\n${REPORT}`));
    expect(odd.text.startsWith('PK\u0003\u0004 <html>\n')).toBe(true);
  });

  it('keeps hostile text literal, as typed, in the text the review shows', async () => {
    const hostile = `<img src=x onerror=alert(1)>\n=cmd|' /C calc'!A0\n`;
    const report = expectReport(await paste(hostile + REPORT));
    expect(report.text).toBe(hostile + REPORT);
    expect(report.text).toContain('<img src=x onerror=alert(1)>');
    expect(report.text).toContain("=cmd|' /C calc'!A0");
  });

  it('refuses an empty paste', async () => {
    const r = await paste(' \n\t\n');
    expect(r).toMatchObject({ ok: false, code: 'report-empty' });
    expect(!r.ok && r.message.zh).toContain('粘贴的文字');
  });

  it('refuses over 10 MB (bytes or characters) before extracting: no report is that long', async () => {
    const big = 'x'.repeat(MAX_REPORT_CHARS + 1);
    const started = performance.now();
    const pasted = await paste(big);
    expect(pasted).toMatchObject({ ok: false, code: 'report-too-long' });
    expect(!pasted.ok && pasted.message.zh).toMatch(
      /粘贴的文字有 10\.0 MB，超过了 10 MB：没有哪份工作报告这么长/,
    );
    expect(!pasted.ok && pasted.message.en).toContain('no work report is that long');
    const file = await importAnyBytes(utf8(big), context('big.txt', { readAs: 'report' }));
    expect(file).toMatchObject({ ok: false, code: 'report-too-long' });
    expect(!file.ok && file.message.zh).toContain('big.txt');
    // Characters: under 10 MB of bytes could not hold them, but a decoded text can be given as one.
    const chars = await reportFromText('研'.repeat(MAX_REPORT_CHARS + 1), context('c.txt'), 'txt', 'UTF-8');
    expect(chars).toMatchObject({ ok: false, code: 'report-too-long' });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('is read the same where no worker runs (the main thread, in slices)', async () => {
    const r = await importBytesInSlices(
      utf8(REPORT),
      context('粘贴', { readAs: 'report', pasted: true }),
      undefined,
      () => Promise.resolve(),
    );
    expect(expectReport(r).format).toBe('paste');
    const auto = await importBytesInSlices(utf8(REPORT), context('q.txt'), undefined, () =>
      Promise.resolve(),
    );
    expect(expectReport(auto).format).toBe('txt');
  });

  it('a columnar import passes the report through unchanged', async () => {
    const r = await importColumnarFile(utf8(REPORT), context('q.txt'));
    expect(!r.ok && r.report?.text).toBe(REPORT);
  });
});

describe('report text', () => {
  it('loses its BOM and has every line break made \\n', () => {
    expect(reportText('\ufeffa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });
});
