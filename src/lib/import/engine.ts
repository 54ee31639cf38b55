// The import pipeline on rows: rows (CSV text through csvRows, or a workbook sheet) -> header and layout
// (layout.ts, or the user's column mapping) -> one record per long row / wide or yearbook cell (the layout
// modules and the one row builder) -> columnar observations + issues. Pure, synchronous per batch of rows;
// written as a generator so that a caller can yield to the event loop between batches.
// Example: run(importSteps('城市,指标,年份,数值\n芜湖,研发经费投入强度,2022,3.10\n', ctx, 'UTF-8'))
//   -> { ok: true, layout: 'long', columns: <1 observation: wuhu / rd_intensity / 2022 / 3.1>, issues: [], ... }
// Hot path (1M rows): per row a few Map lookups keyed by the cell strings (every distinct city / indicator / year /
// unit is resolved once), a charCode loop for plain decimals, typed-array stores. Everything else is the slow path.

import type { IndicatorDef, Place } from '../data/types';
import type {
  ImportContext,
  ImportCounts,
  ImportFailure,
  ImportIssue,
  MappingOffer,
  SheetOffer,
} from './types';
import type { ObservationColumns } from '../table/builder';
import { ROW_DROPPED, type IssueLog } from './issues';
import { detectDialect } from './delimiter';
import { detectLayout, type Layout, type LayoutKind, type LayoutResult } from './layout';
import { mappedLayout, offerMapping, reviewOffer } from './mapping';
import { RowBuilder } from './rowBuilder';
import { startTable } from './tableStart';
import { csvBatches, type RowBatch } from './csvRows';
import { isBlank, rowBlank } from './cells';
import { both } from '../i18n/importMessages';

export interface ColumnarImport {
  ok: true;
  encoding: string;
  delimiter: string;
  layout: LayoutKind;
  headerLine: number;
  sheet?: string;
  sheets?: SheetOffer[];
  /** The columns to check, when a part of the table was taken from its title or file name. */
  review?: MappingOffer;
  issues: ImportIssue[];
  counts: ImportCounts;
  indicators: IndicatorDef[];
  places: Place[];
  columns: ObservationColumns;
  /** `upload:<datasetId>` */
  source: string;
}

export type ColumnarResult = ColumnarImport | ImportFailure;

/** Characters handed to papaparse at a time (progress granularity; a main-thread slice stays well under 100 ms). */
export const CHUNK_CHARS = 1 << 18;

/** Non-blank rows read before the header is looked for. */
const HEADER_ROWS = 30;

/** Layout refusals the user can get past by mapping the columns themselves (the refusal carries the offer). */
const MAPPABLE = new Set(['no-header', 'missing-column', 'ambiguous-header']);

/** What the importer took from a title or the file name: the user is offered to check the columns. */
const FROM_TITLE = new Set(['city-from-title', 'indicator-from-title', 'period-from-title']);

/** Where the rows come from, as the result reports it. */
export interface TableSource {
  encoding: string;
  /** '' for a workbook. */
  delimiter: string;
  sheet?: string;
  /** Called once the layout is known, before any row is read (a workbook fills its merged label cells). */
  prepare?: (layout: Layout, issues: IssueLog) => void;
}

/** A refusal of the whole table (or file). */
export function failure(code: string, message: ImportFailure['message']): ImportFailure {
  return { ok: false, code, message };
}

/** The layout of the first rows: the user's mapping if given, else detected; a refusal offers the mapping. */
function tableLayout(
  b: RowBuilder,
  rows: string[][],
  lines: number[],
): { ok: true; layout: Layout } | ImportFailure {
  const look = b.look;
  const opts = { isIndicator: (h: string) => look.indicators.known(h) };
  const mapping = b.ctx.mapping;
  const res: LayoutResult = mapping
    ? mappedLayout(rows, lines, mapping, opts)
    : detectLayout(rows, lines, opts);
  if (res.ok) return res;
  const offer = MAPPABLE.has(res.code) ? offerMapping(rows, lines, look, res.message) : null;
  return offer ? { ok: false, code: res.code, message: res.message, mapping: offer } : res;
}

/**
 * Imports rows batch by batch into columns. Yields progress (0..1) after each batch.
 * Never throws for bad input: every problem is an issue (row) or an ImportFailure (whole table).
 */
export function* importBatches(
  batches: Generator<RowBatch, ImportFailure | null>,
  ctx: ImportContext,
  source: TableSource,
  expectedRows: number,
): Generator<number, ColumnarResult> {
  const b = new RowBuilder(ctx, source.delimiter, expectedRows);
  const preview: string[][] = [];
  const previewLines: number[] = [];
  let started = false;
  let previewNonBlank = 0;
  let review: MappingOffer | undefined;
  const join = source.delimiter === '' ? '\t' : source.delimiter;

  const begin = (): ImportFailure | null => {
    const res = tableLayout(b, preview, previewLines);
    if (!res.ok) return res;
    source.prepare?.(res.layout, b.issues);
    const refusal = startTable(b, res.layout);
    if (refusal) {
      const offer = ctx.mapping ? null : offerMapping(preview, previewLines, b.look, refusal.message);
      return offer ? { ...refusal, mapping: offer } : refusal;
    }
    started = true;
    const guessed = b.issues.list.find((i) => FROM_TITLE.has(i.code));
    if (guessed) review = reviewOffer(preview, res.layout, guessed.message);
    for (let i = res.layout.bodyIndex; i < preview.length; i++) b.row(preview[i]!, previewLines[i]!);
    preview.length = 0;
    return null;
  };

  let step: IteratorResult<RowBatch, ImportFailure | null>;
  while (!(step = batches.next()).done) {
    const { rows, lines, bad } = step.value;
    for (let i = 0; i < rows.length; i++) {
      const f = rows[i]!;
      if (bad !== null && bad.has(i)) {
        if (!started) return failure('malformed-quotes', both('malformedHeaderQuotes', { line: lines[i]! }));
        b.dataRows++;
        b.issues.add(
          lines[i]!,
          '',
          'error',
          'malformed-quotes',
          f.join(join),
          both('malformedQuotes'),
          ROW_DROPPED,
        );
      } else if (started) b.row(f, lines[i]!);
      else {
        preview.push(f);
        previewLines.push(lines[i]!);
        if (!rowBlank(f)) previewNonBlank++;
        if (previewNonBlank >= HEADER_ROWS) {
          const refusal = begin();
          if (refusal) return refusal;
        }
      }
    }
    yield step.value.progress;
  }
  if (step.value) return step.value;
  if (!started) {
    if (previewNonBlank === 0) return failure('no-data', both('emptyFile'));
    const refusal = begin();
    if (refusal) return refusal;
  }

  const layout = b.layout;
  if (b.dataRows === 0) return failure('no-data', both('noDataRows', { line: layout.headerLine }));
  const issues = b.issues;
  return {
    ok: true,
    encoding: source.encoding,
    delimiter: source.delimiter,
    layout: layout.kind,
    headerLine: layout.headerLine,
    ...(source.sheet === undefined ? {} : { sheet: source.sheet }),
    ...(review === undefined ? {} : { review }),
    issues: issues.list,
    counts: { imported: b.cols.n, rejected: issues.errors, warned: issues.warnings },
    indicators: b.look.indicators.created,
    places: b.look.places.created,
    columns: b.cols,
    source: `upload:${ctx.datasetId}`,
  };
}

/**
 * Imports decoded CSV text into columns. Yields progress (0..1) after each chunk of `chunkChars` characters.
 */
export function* importSteps(
  input: string,
  ctx: ImportContext,
  encoding: string,
  chunkChars = CHUNK_CHARS,
): Generator<number, ColumnarResult> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (isBlank(text)) return failure('no-data', both('emptyFile'));
  const dialect = detectDialect(text);
  const firstNl = text.indexOf(dialect.newline);
  const avgLine = firstNl > 0 ? Math.max(16, Math.min(firstNl, 200)) : 64;
  const expected = Math.min(4_000_000, Math.ceil(text.length / avgLine));
  return yield* importBatches(
    csvBatches(text, dialect, chunkChars),
    ctx,
    { encoding, delimiter: dialect.delimiter },
    expected,
  );
}

/** Runs a generator to the end, reporting what it yields. */
export function runSteps<T>(steps: Generator<number, T>, onProgress?: (fraction: number) => void): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    onProgress?.(r.value);
  }
}
