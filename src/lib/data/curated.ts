// Reads data/indicators.csv (columns: data/README.md) into typed observations.
// Parsing returns problems instead of throwing, each with the 1-based physical line of the file
// (header = line 1), so a reviewer can jump straight to the row. Numbers are read strictly:
// '' is null (missing), never 0, and anything that is not a plain decimal is rejected.
import Papa from 'papaparse';
import { COMPARATORS, KINDS, OBSERVATION_FIELDS, STATUSES } from './types';
import type { Comparator, Kind, Observation, Status } from './types';

export type DataProblem = { line: number; rule: string; message: string };

/** One parsed row and the physical line it starts on. */
export interface CsvEntry {
  line: number;
  row: Observation;
}

export const CSV_COLUMNS = OBSERVATION_FIELDS;
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

function isOneOf<T extends string>(list: readonly T[], v: string): v is T {
  return (list as readonly string[]).includes(v);
}

/** Counts '\n' incrementally so line numbers stay O(n) over the whole file. */
function lineCounter(text: string): (offset: number) => number {
  let pos = 0;
  let line = 1;
  return (offset) => {
    for (; pos < offset && pos < text.length; pos++) if (text.charCodeAt(pos) === 10) line++;
    return line;
  };
}

/** Like parseIndicatorsCsv, keeping each row's line: `city,...\nwuhu,...` -> [{line: 2, row}]. */
export function readIndicatorsCsv(input: string): { entries: CsvEntry[]; problems: DataProblem[] } {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const problems: DataProblem[] = [];
  const entries: CsvEntry[] = [];

  const head = Papa.parse<string[]>(text, { header: false, delimiter: ',', preview: 1 }).data[0] ?? [];
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
  const headerEnd = text.indexOf('\n');
  let cursor = headerEnd < 0 ? text.length : headerEnd;

  Papa.parse<Record<string, string | undefined>>(text, {
    header: true,
    delimiter: ',',
    skipEmptyLines: true,
    step: (res) => {
      let start = cursor;
      while (start < text.length && (text[start] === '\n' || text[start] === '\r')) start++;
      cursor = res.meta.cursor;
      const line = lineAt(start);
      if (res.errors.length > 0) {
        const message = [...new Set(res.errors.map((e) => e.message))].join('; ');
        problems.push({ line, rule: 'csv-syntax', message });
        return;
      }
      const row = toObservation(res.data, line, problems);
      if (row) entries.push({ line, row });
    },
  });
  return { entries, problems };
}

function toObservation(
  data: Record<string, string | undefined>,
  line: number,
  problems: DataProblem[],
): Observation | null {
  const cell = (c: Column): string => data[c] ?? '';
  const comparator = cell('comparator');
  const kind = cell('kind');
  const status = cell('status');
  const value = readValue(cell('value'));
  let ok = true;
  const enumProblem = (col: Column, raw: string, allowed: readonly string[]) => {
    ok = false;
    problems.push({
      line,
      rule: 'bad-enum',
      message: `${col} "${raw}" is not one of ${allowed.map((a) => `"${a}"`).join(', ')}`,
    });
  };
  if (!isOneOf(COMPARATORS, comparator)) enumProblem('comparator', comparator, COMPARATORS);
  if (!isOneOf(KINDS, kind)) enumProblem('kind', kind, KINDS);
  if (!isOneOf(STATUSES, status)) enumProblem('status', status, STATUSES);
  if (value === undefined) {
    ok = false;
    problems.push({
      line,
      rule: 'bad-number',
      message: `value "${cell('value')}" is not a plain decimal number (use '' for missing)`,
    });
  }
  if (!ok || value === undefined) return null;
  return {
    city: cell('city'),
    indicator: cell('indicator'),
    period: cell('period'),
    value,
    unit: cell('unit'),
    comparator: comparator as Comparator,
    kind: kind as Kind,
    status: status as Status,
    source: cell('source'),
    quote: cell('quote'),
    note: cell('note'),
  };
}

/** Parses data/indicators.csv text: rows that cannot be typed are left out and reported in `problems`. */
export function parseIndicatorsCsv(text: string): { rows: Observation[]; problems: DataProblem[] } {
  const { entries, problems } = readIndicatorsCsv(text);
  return { rows: entries.map((e) => e.row), problems };
}
