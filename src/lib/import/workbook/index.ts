// Imports a workbook: checks the container before any library opens it (password, damage, zip bomb), reads its
// sheets (sheetjs.ts), picks the sheet that holds a table (or asks the user when several might), fills merged
// label cells (a city merged down over its years), and feeds the rows to the same importer as CSV text.
// Example: importWorkbook(<cover-sheet.xlsx>, ctx, zip) -> { ok: true, sheet: '指标', layout: 'long', … }
//          importWorkbook(<two-tables.xlsx>, ctx, zip) -> { ok: false, code: 'choose-sheet', sheets: [2022年, 2023年] }
//          importWorkbook(<protected.xlsx>, ctx, ole) -> { ok: false, code: 'protected', message: … }

import type { ImportContext, ImportFailure, SheetOffer } from '../types';
import type { Layout, Role } from '../layout';
import { detectLayout } from '../layout';
import { failure as refuse, importBatches, type ColumnarResult } from '../engine';
import { IndicatorRegistry } from '../indicators';
import { decodeSteps } from '../decode';
import { rowBlank } from '../cells';
import { NO_CACHED_VALUE } from '../rowBuilder';
import { KEPT, type IssueLog } from '../issues';
import { both as importBoth } from '../../i18n/importMessages';
import { inflatedSize, type Container } from './container';
import { readWorkbook, type SheetHandle, type SheetTable } from './sheetjs';
import { both } from '../../i18n/workbookMessages';

/** Bytes a workbook may unpack to (its sheets' XML): a million-row sheet fits; a zip bomb does not. */
export const DEFAULT_MAX_INFLATED = 256 * 1024 * 1024;
/** Over this many inflated bytes, a compression ratio above MAX_RATIO is a bomb (real workbooks pack ~10:1). */
const RATIO_FROM = 32 * 1024 * 1024;
const MAX_RATIO = 200;
/** Cells of the sheet read: Excel's own row limit × 20 columns. */
export const DEFAULT_MAX_CELLS = 1_048_576 * 20;
/** Rows read at most from a sheet (Excel's limit). */
const MAX_ROWS = 1_048_576;
/** Rows handed to the importer at a time (progress granularity). */
const BATCH_ROWS = 20_000;
/** Columns whose merged cells mean "the same as above" (a city merged over its years); a merged figure is missing. */
const LABEL_ROLES: readonly Role[] = ['city', 'indicator', 'period', 'unit', 'kind', 'comparator'];

const FORMULA = importBoth('formulaNoValue');

function mb(n: number): string {
  return `${Math.round(n / (1024 * 1024))} MB`;
}

/** Rows looked at to tell whether a sheet holds a table (detectLayout scans as many). */
const PROBE_ROWS = 200;

/**
 * Label cells before any row is read: a formula without a cached value is blank (with a warning: it cannot be
 * worked out here), and the cells under a vertical merge take the merged value (only below the header).
 */
function prepareLabels(sheet: SheetTable, layout: Layout, issues: IssueLog): void {
  const labels = new Set(LABEL_ROLES.map((r) => layout.cols[r]).filter((c) => c >= 0));
  const notes = [layout.cols.note, layout.cols.source].filter((c) => c >= 0);
  for (let r = layout.bodyIndex; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]!;
    for (const c of labels)
      if (row[c] === NO_CACHED_VALUE) {
        row[c] = '';
        issues.add(sheet.lines[r]!, layout.headers[c]!, 'warning', 'formula-no-value', '', FORMULA, KEPT);
      }
    // A note never calculated is no note (and the marker never reaches a tooltip).
    for (const c of notes) if (row[c] === NO_CACHED_VALUE) row[c] = '';
  }
  for (const m of sheet.merges) {
    if (m.r1 <= m.r0 || m.r0 < layout.bodyIndex) continue;
    for (let c = m.c0; c <= m.c1; c++) {
      if (!labels.has(c)) continue;
      const value = sheet.rows[m.r0]?.[m.c0] ?? '';
      for (let r = m.r0 + 1; r <= m.r1 && r < sheet.rows.length; r++)
        if (sheet.rows[r]![c] === '') sheet.rows[r]![c] = value;
    }
  }
}

function* batches(sheet: SheetTable) {
  const n = sheet.rows.length;
  for (let a = 0; a < n; a += BATCH_ROWS) {
    const b = Math.min(n, a + BATCH_ROWS);
    yield { rows: sheet.rows.slice(a, b), lines: sheet.lines.slice(a, b), bad: null, progress: b / n };
  }
  return null;
}

/** The library's error, worded for the user: a password is "protected", anything else "damaged". */
function readFailure(err: unknown): ImportFailure {
  const detail = err instanceof Error ? err.message : String(err);
  if (/password|encrypt/i.test(detail)) return refuse('protected', both('protected'));
  return refuse('damaged', both('damaged', { detail: detail.slice(0, 120) }));
}

const FORMAT_LABEL = { xlsx: 'Excel (.xlsx)', ods: 'OpenDocument (.ods)', other: 'zip' } as const;

/**
 * A zip's real inflated size, against the limit: counted by inflating it (declared sizes can lie), before the
 * workbook library holds any of it. null when it is fine, else the refusal.
 */
export async function checkZip(
  bytes: Uint8Array,
  ctx: ImportContext,
  container: Container,
): Promise<ImportFailure | null> {
  if (container.kind !== 'zip') return null;
  if (container.damaged) return refuse('damaged', both('damaged', { detail: 'zip' }));
  const limit = ctx.maxInflatedBytes ?? DEFAULT_MAX_INFLATED;
  // What the zip says first (no inflating at all for an honest bomb), then what it does.
  const ratio = container.inflated / Math.max(1, bytes.length);
  if (container.inflated > limit || (container.inflated > RATIO_FROM && ratio > MAX_RATIO))
    return refuse(
      'inflated-too-large',
      both('inflatedTooLarge', { size: mb(container.inflated), limit: mb(limit) }),
    );
  if (container.format === 'other') return refuse('zip-not-workbook', both('zipNotWorkbook'));
  const real = await inflatedSize(bytes, limit);
  if (real === 'damaged') return refuse('damaged', both('damaged', { detail: 'zip' }));
  if (real === 'over')
    return refuse(
      'inflated-too-large',
      both('inflatedTooLarge', { size: `> ${mb(limit)}`, limit: mb(limit) }),
    );
  return null;
}

/**
 * Imports a workbook of the given container (a zip once checkZip let it through). Progress 0..1. Never throws for
 * bad input.
 */
export function* workbookSteps(
  bytes: Uint8Array,
  ctx: ImportContext,
  container: Container,
): Generator<number, ColumnarResult> {
  if (container.kind === 'protected') return refuse('protected', both('protected'));
  let label: string;
  let data: Uint8Array | string = bytes;
  if (container.kind === 'zip') {
    // checkZip has passed it (index.ts runs it first): whole, a workbook, within the inflate limit.
    label = FORMAT_LABEL[container.format];
  } else if (container.kind === 'html') {
    const decoded = yield* decodeSteps(bytes, Infinity, true);
    if (!decoded.ok) return { ok: false, code: decoded.code, message: decoded.message };
    if (!/<table[\s>]/i.test(decoded.text)) return refuse('html', both('noTableInPage'));
    data = decoded.text;
    label = `HTML (${decoded.encoding})`;
  } else label = 'Excel 97-2003 (.xls)';
  yield 0.1;

  let sheets: SheetHandle[];
  try {
    sheets = readWorkbook(data, MAX_ROWS);
  } catch (err) {
    return readFailure(err);
  }
  yield 0.4;

  const known = new IndicatorRegistry(ctx.indicators ?? []);
  const opts = { isIndicator: (h: string) => known.known(h) };
  // The first rows of each sheet, made once: whether it has anything, whether they read as a table.
  const probed = sheets.map((s) => ({ s, p: s.rows(PROBE_ROWS) }));
  const withContent = probed.filter(({ s, p }) => s.cells > 0 && p.rows.some((r) => !rowBlank(r)));
  const filled = withContent.map(({ s }) => s);
  if (!filled.length) return refuse('no-data', both('emptyWorkbook'));
  const tables = withContent.filter(({ p }) => detectLayout(p.rows, p.lines, opts).ok).map(({ s }) => s);
  // Where no sheet reads as a table by itself, every sheet with something in it is offered: the user picks one,
  // then maps its columns.
  const candidates = tables.length ? tables : filled;
  const offers: SheetOffer[] = candidates.map((s) => ({ name: s.name, rows: s.height }));
  const withSheets = <T extends object>(r: T): T => (offers.length > 1 ? { ...r, sheets: offers } : r);

  let handle: SheetHandle | undefined;
  if (ctx.sheet !== undefined) {
    handle = sheets.find((s) => s.name === ctx.sheet);
    if (!handle) return refuse('sheet-missing', both('sheetMissing', { sheet: ctx.sheet }));
  } else if (candidates.length > 1)
    return withSheets(refuse('choose-sheet', both('chooseSheet', { n: candidates.length })));
  else handle = candidates[0]!;

  const maxCells = ctx.maxCells ?? DEFAULT_MAX_CELLS;
  if (handle.cells > maxCells || handle.truncated)
    return refuse(
      'sheet-too-large',
      both('sheetTooLarge', {
        sheet: handle.name,
        cells: handle.cells.toLocaleString('en-US'),
        limit: maxCells.toLocaleString('en-US'),
      }),
    );
  const sheet = handle.rows();

  const chosen = sheet;
  const steps = importBatches(
    batches(chosen),
    ctx,
    {
      encoding: label,
      delimiter: '',
      sheet: chosen.name,
      prepare: (layout, issues) => prepareLabels(chosen, layout, issues),
    },
    chosen.rows.length,
  );
  let step = steps.next();
  while (!step.done) {
    yield 0.4 + 0.6 * step.value;
    step = steps.next();
  }
  // The sheet read, and the others on offer, go with a refusal too: a mapping then re-reads the same sheet.
  return withSheets({ ...step.value, sheet: chosen.name });
}
