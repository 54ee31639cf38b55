// Rows as columns: an upload's million rows stay a few typed arrays, and Observation objects are made only
// for the rows a chart shows (a million small objects cost hundreds of ms of garbage collection after an
// import). The same shape comes from the import worker (dictionary packed) and is kept in IndexedDB.
// Example: tableFromRows([{ city: 'wuhu', indicator: 'rd_intensity', period: '2022', value: 3.1, ... }])
//   -> { n: 1, dict: ['', 'wuhu', 'rd_intensity', '2022', ...], city: Uint32Array [1], ..., value: Float64Array [3.1] }
//   rowAt(table, 0) -> the same row as a fresh Observation
import { COMPARATORS, KINDS, STATUSES, TABLE_TEXT, type Comparator, type Kind, type Status } from './fields';
import type { Observation } from './schema';
import { packStrings, type PackedStrings } from './strings';

export interface RowTable {
  n: number;
  /** Every distinct value of the text columns. */
  dict: readonly string[];
  city: Uint32Array;
  indicator: Uint32Array;
  period: Uint32Array;
  unit: Uint32Array;
  source: Uint32Array;
  note: Uint32Array;
  /** NaN where the value is null (missing or masked): never 0. */
  value: Float64Array;
  /** comparator index | kind index << 3 | status index << 5 (indexes into COMPARATORS, KINDS, STATUSES). */
  flags: Uint8Array;
  /** Each row's text as found in the file (or the report). */
  quotes: PackedStrings;
}

export function packFlags(comparator: number, kind: number, status: number): number {
  return comparator | (kind << 3) | (status << 5);
}

export const comparatorOf = (flags: number): Comparator | undefined => COMPARATORS[flags & 7];
export const kindOf = (flags: number): Kind | undefined => KINDS[(flags >> 3) & 3];
export const statusOf = (flags: number): Status | undefined => STATUSES[(flags >> 5) & 1];

/** True when row i is a plan target. */
export function isTargetRow(t: RowTable, i: number): boolean {
  return kindOf(t.flags[i]!) === 'target';
}

/** Row i's quote. */
export function quoteAt(t: RowTable, i: number): string {
  const ends = t.quotes.ends;
  return t.quotes.text.slice(i === 0 ? 0 : ends[i - 1]!, ends[i]!);
}

/** Row i as a fresh Observation. */
export function rowAt(t: RowTable, i: number): Observation {
  const d = t.dict;
  const f = t.flags[i]!;
  const v = t.value[i]!;
  return {
    city: d[t.city[i]!]!,
    indicator: d[t.indicator[i]!]!,
    period: d[t.period[i]!]!,
    value: v === v ? v : null,
    unit: d[t.unit[i]!]!,
    comparator: comparatorOf(f)!,
    kind: kindOf(f)!,
    status: statusOf(f)!,
    source: d[t.source[i]!]!,
    quote: quoteAt(t, i),
    note: d[t.note[i]!]!,
  };
}

/** Rows [from, to) as Observations (a backup, a link, a whole-table export: not for drawing). */
export function tableRows(t: RowTable, from = 0, to = t.n): Observation[] {
  const out: Observation[] = [];
  for (let i = from; i < to; i++) out.push(rowAt(t, i));
  return out;
}

/** Dictionary-encodes rows (they are trusted: curated, validated, or the importer's own). */
export function tableFromRows(rows: readonly Observation[]): RowTable {
  const n = rows.length;
  const dict: string[] = [];
  const seen = new Map<string, number>();
  const id = (s: string) => {
    let i = seen.get(s);
    if (i === undefined) {
      i = dict.length;
      dict.push(s);
      seen.set(s, i);
    }
    return i;
  };
  const col = () => new Uint32Array(n);
  const t: RowTable = {
    n,
    dict,
    city: col(),
    indicator: col(),
    period: col(),
    unit: col(),
    source: col(),
    note: col(),
    value: new Float64Array(n),
    flags: new Uint8Array(n),
    quotes: packStrings(rows.map((r) => r.quote)),
  };
  rows.forEach((r, i) => {
    for (const f of TABLE_TEXT) t[f][i] = id(r[f]);
    t.value[i] = r.value === null ? NaN : r.value;
    t.flags[i] = packFlags(
      COMPARATORS.indexOf(r.comparator),
      KINDS.indexOf(r.kind),
      STATUSES.indexOf(r.status),
    );
  });
  return t;
}
