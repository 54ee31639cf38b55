// The extractor measured against curated rows: which counted rows (actual / target / reference with a value) a
// candidate matches (same place and indicator, its quote holds the row's quote; one candidate per row, the one
// of the row's value first), recall overall and for the headline indicators, how often each field of a matched
// candidate is right, and the rows whose figure was found but named as another indicator ("named wrong").
// Pure: the script and the test feed it.

import type { Candidate } from './types';

export interface CuratedRow {
  city: string;
  indicator: string;
  period: string;
  value: string;
  unit: string;
  comparator: string;
  kind: string;
  status: string;
  quote: string;
}

export interface Score {
  counted: number;
  /** Counted rows with a candidate of their value at their quote (any indicator, any place). */
  found: number;
  matched: number;
  /**
   * Counted rows not matched for which a candidate at the row's quote has the row's value (within rounding) and
   * place but names another known indicator (one not matched to a row of its own): the indicator field's misses
   * that chart a figure under a wrong name. precision indicator = matched / (matched + namedWrong).
   */
  namedWrong: number;
  /** The rows counted in `namedWrong`, with the candidate that named them otherwise. */
  misnamed: Array<{ row: CuratedRow; cand: Candidate }>;
  headlineCounted: number;
  headlineMatched: number;
  /** Matched candidates whose field equals the row's, per field. */
  right: Record<Field, number>;
  /** Rows not matched, for reading. */
  missed: CuratedRow[];
  /** Matched rows whose field is wrong: row, candidate, field. */
  wrong: Array<{ row: CuratedRow; cand: Candidate; field: Field }>;
}

export const FIELDS = ['value', 'unit', 'comparator', 'kind', 'period'] as const;
export type Field = (typeof FIELDS)[number];

const squash = (s: string): string => s.replace(/\s+/g, '');

/** Within the rounding of the row's stated decimals (31.12 vs 31.12; 0.10086 vs 0.10086). */
export function closeTo(a: number, row: string): boolean {
  const b = Number(row);
  const d = row.includes('.') ? row.length - row.indexOf('.') - 1 : 0;
  return Math.abs(a - b) <= 0.5 * 10 ** -d + 1e-9 * Math.max(1, Math.abs(b));
}

export function counts(row: CuratedRow): boolean {
  return (
    row.status === 'reported' && row.value !== '' && ['actual', 'target', 'reference'].includes(row.kind)
  );
}

function quoted(c: Candidate, row: CuratedRow): boolean {
  const q = squash(row.quote);
  return c.quotes.some((t) => squash(t).includes(q));
}

/** Scores one report's candidates against its curated rows; `city` is the place id 'self' stands for. */
export function evaluate(
  cands: readonly Candidate[],
  rows: readonly CuratedRow[],
  city: string,
  headline: (id: string) => boolean,
): Score {
  const counted = rows.filter(counts);
  const usable = cands.filter((c) => c.value !== null && c.kind !== 'derived');
  const fits = counted.map((row) =>
    usable
      .map((c, i) => ({ c, i }))
      .filter(
        ({ c }) =>
          (c.place === 'self' ? city : c.place) === row.city &&
          c.indicator === row.indicator &&
          quoted(c, row),
      )
      // The value is not a condition of a match (its precision would then say nothing): where a sentence holds
      // two figures of one indicator, the one of the row's value is tried first.
      .sort((a, b) => Number(closeTo(b.c.value!, row.value)) - Number(closeTo(a.c.value!, row.value)))
      .map(({ i }) => i),
  );
  // One-to-one: augmenting paths (Kuhn), rows in order.
  const owner = new Map<number, number>();
  const tryRow = (r: number, seen: Set<number>): boolean => {
    for (const i of fits[r]!) {
      if (seen.has(i)) continue;
      seen.add(i);
      const o = owner.get(i);
      if (o === undefined || tryRow(o, seen)) {
        owner.set(i, r);
        return true;
      }
    }
    return false;
  };
  counted.forEach((_, r) => tryRow(r, new Set()));
  const rowOf = new Map<number, number>();
  for (const [i, r] of owner) rowOf.set(r, i);

  const right: Record<Field, number> = { value: 0, unit: 0, comparator: 0, kind: 0, period: 0 };
  const wrong: Score['wrong'] = [];
  const missed: CuratedRow[] = [];
  let headlineCounted = 0;
  let headlineMatched = 0;
  let found = 0;
  const misnamed: Score['misnamed'] = [];
  counted.forEach((row, r) => {
    const hl = headline(row.indicator);
    if (hl) headlineCounted++;
    if (usable.some((c) => quoted(c, row) && closeTo(c.value!, row.value))) found++;
    const i = rowOf.get(r);
    if (i === undefined) {
      missed.push(row);
      const other = usable.find(
        (c, k) =>
          !owner.has(k) &&
          c.indicator !== null &&
          c.indicator !== row.indicator &&
          (c.place === 'self' ? city : c.place) === row.city &&
          quoted(c, row) &&
          closeTo(c.value!, row.value),
      );
      if (other) misnamed.push({ row, cand: other });
      return;
    }
    if (hl) headlineMatched++;
    const c = usable[i]!;
    const ok: Record<Field, boolean> = {
      value: closeTo(c.value!, row.value),
      unit: c.unit === row.unit,
      comparator: c.comparator === row.comparator,
      kind: c.kind === row.kind,
      period: c.period === row.period,
    };
    for (const f of FIELDS) {
      if (ok[f]) right[f]++;
      else wrong.push({ row, cand: c, field: f });
    }
  });
  return {
    counted: counted.length,
    found,
    matched: owner.size,
    namedWrong: misnamed.length,
    misnamed,
    headlineCounted,
    headlineMatched,
    right,
    missed,
    wrong,
  };
}

/** Adds scores up. */
export function sum(scores: readonly Score[]): Score {
  const out: Score = {
    counted: 0,
    found: 0,
    matched: 0,
    namedWrong: 0,
    misnamed: [],
    headlineCounted: 0,
    headlineMatched: 0,
    right: { value: 0, unit: 0, comparator: 0, kind: 0, period: 0 },
    missed: [],
    wrong: [],
  };
  for (const s of scores) {
    out.counted += s.counted;
    out.found += s.found;
    out.matched += s.matched;
    out.namedWrong += s.namedWrong;
    out.misnamed.push(...s.misnamed);
    out.headlineCounted += s.headlineCounted;
    out.headlineMatched += s.headlineMatched;
    for (const f of FIELDS) out.right[f] += s.right[f];
    out.missed.push(...s.missed);
    out.wrong.push(...s.wrong);
  }
  return out;
}

/**
 * Masked rows of a report with a redacted candidate at their quote (a masked report has nearly nothing counted).
 */
export function maskedFound(
  cands: readonly Candidate[],
  rows: readonly CuratedRow[],
): { rows: number; found: number } {
  const masked = rows.filter((r) => r.status === 'redacted');
  const found = masked.filter((r) => cands.some((c) => c.status === 'redacted' && quoted(c, r))).length;
  return { rows: masked.length, found };
}
