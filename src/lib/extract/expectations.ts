// An analyst's expected reading of a report's key figures, checked against the extractor's candidates: for each
// expected figure, the candidate of its stated figure at its sentence, and whether it is met (indicator, value,
// unit, comparator, kind, period and place as expected), missed (no candidate of that figure there), named wrong
// (another known indicator, or a new one where a known one was expected, or the reverse) or wrong in kind /
// period / comparator. Pure: the unseen-report test and scripts/extract-eval.ts feed it.
// Example: expectFigure({ at: '比上年净增38家', stated: '38家', indicator: 'high_tech_enterprises_net_new', … }, cands)

import type { Candidate } from './types';

export interface Expected {
  /** A verbatim piece of the sentence that states the figure (whitespace as written). */
  at: string;
  /** The figure as written ('38家', 'x.xx亿元', '第2位'). */
  stated: string;
  /** A known indicator id, or 'new' where no known indicator fits (a new one should be proposed). */
  indicator: string;
  value: number | null;
  unit: string;
  comparator: string;
  kind: string;
  period: string;
  /** 'self' unless a cited place ('china', 'province-of-city'). */
  place?: string;
  /** Sentences that state it (2 for a figure stated twice). */
  quotes?: number;
  /** Left as a known gap: the test writes it down with it.todo rather than asserting it. */
  todo?: string;
}

export type Verdict = 'met' | 'missed' | 'named wrong' | 'kind-period-comparator wrong' | 'other field wrong';

export interface Checked {
  expected: Expected;
  cand: Candidate | null;
  verdict: Verdict;
  /** The fields that differ, for reading. */
  diff: string[];
}

const squash = (s: string): string => s.replace(/\s+/g, '');

function named(e: Expected, c: Candidate): boolean {
  if (e.indicator === 'new') return c.indicator === null && c.newIndicator !== undefined;
  return c.indicator === e.indicator;
}

/** The fields of `c` that differ from `e`. */
function diffOf(e: Expected, c: Candidate): string[] {
  const out: string[] = [];
  if (!named(e, c)) out.push(`indicator ${c.indicator ?? `new:${c.newIndicator?.zh ?? '∅'}`}`);
  const v = c.value === null || e.value === null ? c.value === e.value : Math.abs(c.value - e.value) < 1e-9;
  if (!v) out.push(`value ${c.value}`);
  if (c.unit !== e.unit) out.push(`unit ${c.unit}`);
  if (c.comparator !== e.comparator) out.push(`comparator ${c.comparator}`);
  if (c.kind !== e.kind) out.push(`kind ${c.kind}`);
  if (c.period !== e.period) out.push(`period ${c.period}`);
  if (c.place !== (e.place ?? 'self')) out.push(`place ${c.place}`);
  if (e.quotes !== undefined && c.quotes.length !== e.quotes) out.push(`quotes ${c.quotes.length}`);
  return out;
}

/** Checks one expected figure against the candidates (the best-fitting candidate of its figure there). */
export function expectFigure(e: Expected, cands: readonly Candidate[]): Checked {
  const at = squash(e.at);
  const there = cands.filter(
    (c) =>
      c.stated === e.stated &&
      (c.kind === 'derived') === (e.kind === 'derived') &&
      c.quotes.some((q) => squash(q).includes(at)),
  );
  if (there.length === 0) return { expected: e, cand: null, verdict: 'missed', diff: [] };
  const ranked = there
    .map((c) => ({ c, d: diffOf(e, c) }))
    .sort((a, b) => Number(named(e, b.c)) - Number(named(e, a.c)) || a.d.length - b.d.length);
  const { c, d } = ranked[0]!;
  let verdict: Verdict = 'met';
  if (d.some((f) => f.startsWith('indicator'))) verdict = 'named wrong';
  else if (d.some((f) => /^(kind|period|comparator)/.test(f))) verdict = 'kind-period-comparator wrong';
  else if (d.length > 0) verdict = 'other field wrong';
  return { expected: e, cand: c, verdict, diff: d };
}

export interface Tally {
  expected: number;
  met: number;
  namedWrong: number;
  kpcWrong: number;
  missed: number;
  other: number;
}

export function tally(checked: readonly Checked[]): Tally {
  const n = (v: Verdict): number => checked.filter((c) => c.verdict === v).length;
  return {
    expected: checked.length,
    met: n('met'),
    namedWrong: n('named wrong'),
    kpcWrong: n('kind-period-comparator wrong'),
    missed: n('missed'),
    other: n('other field wrong'),
  };
}
