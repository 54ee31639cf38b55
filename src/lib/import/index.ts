// The importer's public API: bytes or text in, normalised Observations + issues out, never a throw.
// Example: importText('城市,指标,年份,数值\n芜湖,研发经费投入强度,2022,3.10\n', ctx)
//   -> { ok: true, layout: 'long', table: <1 row as columns>, rows (made on read): [{ city: 'wuhu', indicator: 'rd_intensity', period: '2022', value: 3.1,
//        unit: '%', comparator: '=', kind: 'actual', status: 'reported', source: 'upload:<datasetId>', quote: '3.10',
//        note: '' }], lines: Uint32Array [2], issues: [], counts: { imported: 1, rejected: 0, warned: 0 }, ... }
//          importBytes(<50 4B 03 04 ...>, ctx) -> { ok: false, code: 'xlsx', message: { zh: '这是 Excel 工作簿…', en } }
//          importColumnarFile(<a work report, .txt or .docx>, ctx) -> { ok: false, code: 'report', report: { text, extraction, … } }

import type { ImportContext, ImportFailure, ImportResult, ImportSuccess, ProgressFn } from './types';
import { checkSize } from './limits';
import { decodeSteps, type DecodeResult } from './decode';
import { CHUNK_CHARS, importSteps, runSteps, type ColumnarImport, type ColumnarResult } from './engine';
import { importSuccess } from './result';
import { packTable, type PackedTable } from '../table/wire';
import { containerOf, type Container, type DocumentContainer } from './workbook/container';
import { PROSE_REFUSALS, readsAsProse } from './prose';

export type * from './types';
export { DEFAULT_MAX_BYTES, MAX_ISSUES_PER_SEVERITY } from './types';
export { decodeBytes } from './decode';
export { detectDialect } from './delimiter';
export { readNumber } from './numbers';
export { readPeriod } from './periods';
export { checkSize } from './limits';
export { MAX_REPORT_CHARS, readsAsProse } from './prose';

function decodeFailure(d: Extract<DecodeResult, { ok: false }>): ImportFailure {
  return { ok: false, code: d.code, message: d.message };
}

/** A columnar result as an ImportSuccess (its rows stay columns until read). */
function head(c: ColumnarImport): ImportSuccess {
  return importSuccess({
    ok: true,
    encoding: c.encoding,
    delimiter: c.delimiter,
    layout: c.layout,
    headerLine: c.headerLine,
    ...(c.sheet === undefined ? {} : { sheet: c.sheet }),
    ...(c.sheets === undefined ? {} : { sheets: c.sheets }),
    ...(c.review === undefined ? {} : { review: c.review }),
    table: c.columns.toTable(c.source),
    lines: c.columns.line.slice(0, c.columns.n),
    issues: c.issues,
    counts: c.counts,
    indicators: c.indicators,
    places: c.places,
  });
}

/** Columnar import of bytes (what the worker runs): size check, decode, parse. Progress 0..1. */
export function importColumnarBytes(
  bytes: Uint8Array,
  ctx: ImportContext,
  onProgress?: ProgressFn,
): ColumnarResult {
  const tooLarge = checkSize(bytes.byteLength, ctx);
  if (tooLarge) return tooLarge;
  const decoded = runSteps(decodeSteps(bytes));
  if (!decoded.ok) return decodeFailure(decoded);
  onProgress?.(0.05);
  return runSteps(importSteps(decoded.text, ctx, decoded.encoding), (f) => onProgress?.(0.05 + 0.95 * f));
}

/**
 * The workbook reader (and its library), fetched the first time a workbook is uploaded; a zip is first inflated
 * once, counting, so that no lying size gets a bomb past the limit (a refusal then comes as the steps' result).
 */
async function workbookSteps(
  bytes: Uint8Array,
  ctx: ImportContext,
  container: Container,
): Promise<Generator<number, ColumnarResult>> {
  const { workbookSteps: steps, checkZip } = await import('./workbook/index');
  const refusal = await checkZip(bytes, ctx, container);
  return refusal ? done(refusal) : steps(bytes, ctx, container);
}

/** Steps that end at once with `result` (a refusal has nothing to report on the way). */
// eslint-disable-next-line require-yield
function* done<T>(result: T): Generator<number, T> {
  return result;
}

/** How the file is to be read: a mapping or a sheet means a table, pasted text a report; else ctx.readAs. */
function readAs(ctx: ImportContext): 'table' | 'report' | undefined {
  if (ctx.mapping !== undefined || ctx.sheet !== undefined) return 'table';
  return ctx.pasted ? 'report' : ctx.readAs;
}

function isDocument(c: Container | DocumentContainer | null): c is DocumentContainer {
  return c?.kind === 'docx' || c?.kind === 'doc';
}

/**
 * The outcome when the file is not one for the table readers: pasted text, a Word document (a .docx as a report
 * unless a table is asked for; a .doc always refused), a report asked for. null = read it as a table.
 */
async function readAsReport(
  bytes: Uint8Array,
  ctx: ImportContext,
  container: Container | DocumentContainer | null,
  onProgress?: ProgressFn,
): Promise<ImportFailure | null> {
  const as = readAs(ctx);
  const document = isDocument(container) && (container.kind === 'doc' || as !== 'table') ? container : null;
  if (!ctx.pasted && !document && as !== 'report') return null;
  // The report reader (and the .docx reader) are fetched only now: the worker's first chunk has no need of them.
  const { reportFromBytes, reportFromDocument, workbookNotReport } = await import('./report');
  if (ctx.pasted) return reportFromBytes(bytes, ctx, onProgress);
  if (document) return reportFromDocument(bytes, ctx, document, onProgress);
  // An HTML "workbook" is text all the same (a report saved as a web page); a real workbook is no report.
  if (container && container.kind !== 'html') return workbookNotReport(ctx);
  return reportFromBytes(bytes, ctx, onProgress);
}

/** A Word document as the workbook reader sees it (a .docx read as a table): a zip with no worksheet. */
function forWorkbook(c: Container | DocumentContainer): Container {
  return c.kind === 'docx'
    ? { kind: 'zip', format: 'other', inflated: c.inflated, damaged: c.damaged }
    : c.kind === 'doc'
      ? { kind: 'ole' }
      : c;
}

/**
 * A text the table reader refused for having no table in it (no header, no columns), read as a report when it is
 * prose and no table was asked for; any other refusal stands.
 */
async function proseOrRefusal(
  refusal: ImportFailure,
  text: string,
  encoding: string,
  ctx: ImportContext,
): Promise<ImportFailure> {
  if (readAs(ctx) === 'table' || !PROSE_REFUSALS.has(refusal.code) || !readsAsProse(text)) return refusal;
  const { reportFromText } = await import('./report');
  return reportFromText(text, ctx, 'txt', encoding);
}

/**
 * Columnar import of any uploaded file (what the worker runs): a workbook (.xlsx, .xls, .ods, an HTML table) is
 * read by the workbook reader, loaded on demand; a Word document, pasted text, or a text file of prose (or one
 * asked to be read so) as a work report (refused with code 'report' carrying what was read); anything else as
 * CSV text.
 */
export async function importColumnarFile(
  bytes: Uint8Array,
  ctx: ImportContext,
  onProgress?: ProgressFn,
): Promise<ColumnarResult> {
  const tooLarge = checkSize(bytes.byteLength, ctx);
  if (tooLarge) return tooLarge;
  const container = containerOf(bytes);
  const report = await readAsReport(bytes, ctx, container, onProgress);
  if (report) return report;
  if (container) return runSteps(await workbookSteps(bytes, ctx, forWorkbook(container)), onProgress);
  const decoded = runSteps(decodeSteps(bytes));
  if (!decoded.ok) return decodeFailure(decoded);
  onProgress?.(0.05);
  const table = runSteps(importSteps(decoded.text, ctx, decoded.encoding), (f) =>
    onProgress?.(0.05 + 0.95 * f),
  );
  return table.ok ? table : proseOrRefusal(table, decoded.text, decoded.encoding, ctx);
}

/** importColumnarFile as an ImportResult (tests; the worker posts the columnar form). */
export async function importAnyBytes(
  bytes: Uint8Array,
  ctx: ImportContext,
  onProgress?: ProgressFn,
): Promise<ImportResult> {
  const c = await importColumnarFile(bytes, ctx, onProgress);
  return c.ok ? head(c) : c;
}

/** Imports text that is already decoded (a JS string). `encoding` is what the result reports. */
export function importText(
  text: string,
  ctx: ImportContext,
  onProgress?: ProgressFn,
  encoding = 'text',
): ImportResult {
  const tooLarge = checkSize(text.length, ctx);
  if (tooLarge) return tooLarge;
  const c = runSteps(importSteps(text, ctx, encoding), onProgress);
  return c.ok ? head(c) : c;
}

/** Imports the bytes of an uploaded file: refused before decoding when over ctx.maxBytes (default 60 MB). */
export function importBytes(bytes: Uint8Array, ctx: ImportContext, onProgress?: ProgressFn): ImportResult {
  const c = importColumnarBytes(bytes, ctx, onProgress);
  return c.ok ? head(c) : c;
}

/**
 * The same import, cut into slices with `pause()` awaited between them (decode 4 MB, parse 256 K characters at a
 * time): for the main thread when no Worker can be started.
 */
export async function importBytesInSlices(
  bytes: Uint8Array,
  ctx: ImportContext,
  onProgress: ProgressFn | undefined,
  pause: () => Promise<void>,
): Promise<ImportResult> {
  const tooLarge = checkSize(bytes.byteLength, ctx);
  if (tooLarge) return tooLarge;
  const container = containerOf(bytes);
  // A report (at most 10 MB of text) is read and extracted in one go: no slices.
  const report = await readAsReport(bytes, ctx, container, (f) => onProgress?.(0.9 * f));
  if (report) return report;
  if (container) {
    const steps = await workbookSteps(bytes, ctx, forWorkbook(container));
    const w = await drive(steps, (f) => onProgress?.(0.9 * f), pause);
    return w.ok ? head(w) : w;
  }
  const d = await drive(decodeSteps(bytes, 4 * 1024 * 1024), (f) => onProgress?.(0.1 * f), pause);
  if (!d.ok) return decodeFailure(d);
  const steps = importSteps(d.text, ctx, d.encoding, CHUNK_CHARS / 4);
  const c = await drive(steps, (f) => onProgress?.(0.1 + 0.8 * f), pause);
  return c.ok ? head(c) : proseOrRefusal(c, d.text, d.encoding, ctx);
}

/** Runs steps to the end, reporting each and awaiting `pause()` between them (the main thread's slices). */
async function drive<T>(
  steps: Generator<number, T>,
  report: ProgressFn,
  pause: () => Promise<void>,
): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    report(r.value);
    await pause();
  }
}

/** What the worker posts as its result: a refusal, or the summary plus the rows as a packed table. */
export type WireResult = ImportFailure | (Omit<ImportSuccess, 'rows' | 'table'> & { table: PackedTable });

/** Columnar result -> wire form (typed arrays exact-size, strings packed, buffers transferable). */
export function toWire(c: ColumnarResult): WireResult {
  if (!c.ok) return c;
  const { table, ...rest } = head(c);
  return { ...rest, table: packTable(table) };
}
