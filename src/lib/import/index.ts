// The importer's public API: bytes or text in, normalised Observations + issues out, never a throw.
// Example: importText('城市,指标,年份,数值\n芜湖,研发经费投入强度,2022,3.10\n', ctx)
//   -> { ok: true, layout: 'long', rows: [{ city: 'wuhu', indicator: 'rd_intensity', period: '2022', value: 3.1,
//        unit: '%', comparator: '=', kind: 'actual', status: 'reported', source: 'upload:<datasetId>', quote: '3.10',
//        note: '' }], lines: Uint32Array [2], issues: [], counts: { imported: 1, rejected: 0, warned: 0 }, ... }
//          importBytes(<50 4B 03 04 ...>, ctx) -> { ok: false, code: 'xlsx', message: { zh: '这是 Excel 工作簿…', en } }

import type { Observation } from '../data/types';
import type { ImportContext, ImportFailure, ImportResult, ImportSuccess, ProgressFn } from './types';
import { checkSize } from './limits';
import { decodeSteps, type DecodeResult } from './decode';
import { CHUNK_CHARS, importSteps, runSteps, type ColumnarImport, type ColumnarResult } from './engine';
import { materialize, type WireColumns } from './columnar';

export type * from './types';
export { DEFAULT_MAX_BYTES, MAX_ISSUES_PER_SEVERITY } from './types';
export { decodeBytes } from './decode';
export { detectDialect } from './delimiter';
export { readNumber } from './numbers';
export { readPeriod } from './periods';
export { checkSize } from './limits';

function decodeFailure(d: Extract<DecodeResult, { ok: false }>): ImportFailure {
  return { ok: false, code: d.code, message: d.message };
}

/** Summary fields of a columnar result (everything but the observations). */
function head(c: ColumnarImport, rows: Observation[]): ImportSuccess {
  return {
    ok: true,
    encoding: c.encoding,
    delimiter: c.delimiter,
    layout: c.layout,
    headerLine: c.headerLine,
    rows,
    lines: c.columns.line.slice(0, c.columns.n),
    issues: c.issues,
    counts: c.counts,
    indicators: c.indicators,
    places: c.places,
  };
}

function rowsOf(c: ColumnarImport): Observation[] {
  const cols = c.columns;
  const out: Observation[] = [];
  const quotes = cols.quote;
  materialize(cols, cols.strings, c.source, (i) => quotes[i]!, 0, cols.n, out);
  return out;
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
  return c.ok ? head(c, rowsOf(c)) : c;
}

/** Imports the bytes of an uploaded file: refused before decoding when over ctx.maxBytes (default 60 MB). */
export function importBytes(bytes: Uint8Array, ctx: ImportContext, onProgress?: ProgressFn): ImportResult {
  const c = importColumnarBytes(bytes, ctx, onProgress);
  return c.ok ? head(c, rowsOf(c)) : c;
}

/**
 * The same import, cut into slices with `pause()` awaited between them (decode 4 MB, parse 256 K characters,
 * build 20,000 rows at a time): for the main thread when no Worker can be started.
 */
export async function importBytesInSlices(
  bytes: Uint8Array,
  ctx: ImportContext,
  onProgress: ProgressFn | undefined,
  pause: () => Promise<void>,
): Promise<ImportResult> {
  const tooLarge = checkSize(bytes.byteLength, ctx);
  if (tooLarge) return tooLarge;
  const dec = decodeSteps(bytes, 4 * 1024 * 1024);
  let d: IteratorResult<number, DecodeResult>;
  while (!(d = dec.next()).done) {
    onProgress?.(0.1 * d.value);
    await pause();
  }
  if (!d.value.ok) return decodeFailure(d.value);
  const steps = importSteps(d.value.text, ctx, d.value.encoding, CHUNK_CHARS / 4);
  let s: IteratorResult<number, ColumnarResult>;
  while (!(s = steps.next()).done) {
    onProgress?.(0.1 + 0.8 * s.value);
    await pause();
  }
  const c = s.value;
  if (!c.ok) return c;
  const rows: Observation[] = [];
  const cols = c.columns;
  const quotes = cols.quote;
  for (let from = 0; from < cols.n; from += ROWS_PER_SLICE) {
    materialize(
      cols,
      cols.strings,
      c.source,
      (i) => quotes[i]!,
      from,
      Math.min(cols.n, from + ROWS_PER_SLICE),
      rows,
    );
    onProgress?.(0.9 + (0.1 * Math.min(cols.n, from + ROWS_PER_SLICE)) / cols.n);
    await pause();
  }
  return head(c, rows);
}

export const ROWS_PER_SLICE = 20_000;

/** What the worker posts as its result: a refusal, or the summary plus columns instead of Observation objects. */
export type WireResult = ImportFailure | (Omit<ImportSuccess, 'rows' | 'lines'> & { columns: WireColumns });

/** Columnar result -> wire form (typed arrays exact-size, strings packed). */
export function toWire(c: ColumnarResult): WireResult {
  if (!c.ok) return c;
  const { columns, source, ...rest } = c;
  return { ...rest, columns: columns.toWire(source) };
}
