// Reads data/indicators.csv (columns: data/README.md) into typed observations.
// Parsing returns problems instead of throwing, each with the 1-based physical line of the file
// (header = line 1), so a reviewer can jump straight to the row. Numbers are read strictly:
// '' is null (missing), never 0, and anything that is not a plain decimal is rejected.
import Papa from 'papaparse';
import * as v from 'valibot';
import { CURATED_COLUMNS } from '../src/lib/table/fields.ts';
import { CuratedRowSchema, describeIssue, type Observation } from '../src/lib/table/schema.ts';

export type DataProblem = { line: number; rule: string; message: string };

/** One parsed row and the physical line it starts on. */
export interface CsvEntry {
  line: number;
  row: Observation;
}

export const CSV_COLUMNS = CURATED_COLUMNS;
type Column = (typeof CSV_COLUMNS)[number];

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** Strict cell reading: '' -> null, '3.50' -> 3.5, '1,234' / 'x' / '1e3' / 'NaN' -> undefined (invalid). */
export function readValue(raw: string): number | null | undefined {
  const s = raw.trim();
  if (s === '') return null;
  if (!DECIMAL.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Counts '\n' incrementally so line numbers stay O(n) over the whole file. It jumps with indexOf:
 * a loop over every character runs in V8's interpreter at start-up and cost ~5 ms for this file.
 */
function lineCounter(text: string): (offset: number) => number {
  let pos = 0;
  let line = 1;
  return (offset) => {
    for (let nl = text.indexOf('\n', pos); nl !== -1 && nl < offset; nl = text.indexOf('\n', nl + 1)) line++;
    pos = Math.max(pos, offset);
    return line;
  };
}

/** Like parseIndicatorsCsv, keeping each row's line: `city,...\nwuhu,...` -> [{line: 2, row}]. */
export function readIndicatorsCsv(input: string): { entries: CsvEntry[]; problems: DataProblem[] } {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const problems: DataProblem[] = [];
  const entries: CsvEntry[] = [];

  // Given, not guessed: papaparse's guess runs a regular expression over the whole text, for each
  // parse (a third of the time of reading this file at start-up).
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const head =
    Papa.parse<string[]>(text, { header: false, delimiter: ',', newline, preview: 1 }).data[0] ?? [];
  const missing = CSV_COLUMNS.filter((c) => !head.includes(c));
  if (head.join(',') !== CSV_COLUMNS.join(',')) {
    problems.push({
      line: 1,
      rule: 'bad-header',
      message: `header must be exactly "${CSV_COLUMNS.join(',')}", found "${head.join(',')}"`,
    });
  }
  if (missing.length > 0 || text.trim() === '') return { entries, problems };

  const lineAt = lineCounter(text);
  const at = Object.fromEntries(CSV_COLUMNS.map((c) => [c, head.indexOf(c)])) as Record<Column, number>;
  let cursor = 0;
  let isHeader = true;
  // Rows come as arrays (header: false) and are read by the header's positions: papaparse's
  // header: true builds an object per row, which cost 3-4x the parse itself at start-up.
  Papa.parse<string[]>(text, {
    header: false,
    delimiter: ',',
    newline,
    skipEmptyLines: true,
    step: (res) => {
      let start = cursor;
      for (let c = text.charCodeAt(start); c === 10 || c === 13; c = text.charCodeAt(++start));
      cursor = res.meta.cursor;
      if (isHeader) {
        isHeader = false;
        return;
      }
      const line = lineAt(start);
      const fields = res.data;
      const errors = res.errors.map((e) => e.message);
      if (fields.length !== head.length) {
        errors.push(`expected ${head.length} fields, found ${fields.length}`);
      }
      if (errors.length > 0) {
        problems.push({ line, rule: 'csv-syntax', message: [...new Set(errors)].join('; ') });
        return;
      }
      const row = toObservation((c) => fields[at[c]] ?? '', line, problems);
      if (row) entries.push({ line, row });
    },
  });
  return { entries, problems };
}

/**
 * A row's cells as an Observation, checked by the curated row's schema: an unknown comparator, kind, status or
 * period basis is `bad-enum`, a value that is not a plain decimal `bad-number`, any other field `bad-field`.
 */
function toObservation(
  cell: (c: Column) => string,
  line: number,
  problems: DataProblem[],
): Observation | null {
  const value = readValue(cell('value'));
  if (value === undefined)
    problems.push({
      line,
      rule: 'bad-number',
      message: `value "${cell('value')}" is not a plain decimal number (use '' for missing)`,
    });
  const row = Object.fromEntries(CSV_COLUMNS.map((c) => [c, cell(c)]));
  const r = v.safeParse(CuratedRowSchema, { ...row, value: value ?? null });
  if (!r.success)
    for (const issue of r.issues) {
      const col = String(issue.path?.[0]?.key ?? '');
      const allowed = issue.type === 'picklist' ? (issue.expected ?? '') : '';
      problems.push(
        allowed
          ? { line, rule: 'bad-enum', message: `${col} "${cell(col as Column)}" is not one of ${allowed}` }
          : { line, rule: 'bad-field', message: describeIssue(issue, 'row').en },
      );
    }
  return r.success && value !== undefined ? r.output : null;
}

/** Parses data/indicators.csv text: rows that cannot be typed are left out and reported in `problems`. */
export function parseIndicatorsCsv(text: string): { rows: Observation[]; problems: DataProblem[] } {
  const { entries, problems } = readIndicatorsCsv(text);
  return { rows: entries.map((e) => e.row), problems };
}
