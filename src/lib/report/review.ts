// The review of a work report's candidates (lib/extract): one editable row per candidate, what each still needs,
// and the order the table shows them in (the headline indicators first, then section by section).
// Example: reviewRows(extraction) -> [{ id: 'c3', keep: true, indicator: 'rd_intensity', kind: 'actual',
//   period: '2022', comparator: '=', newName: '' }, { id: 'c7', keep: false, period: '', … (needs a period) }]
import { PROVINCE_OF_CITY, type Candidate, type Extraction } from '../extract/types';
import type { Comparator, Kind } from '../table/fields';
import type { IndicatorDef } from '../data/types';

/** What the user decides for one candidate; the candidate itself stays as the extractor found it. */
export interface ReviewRow {
  id: string;
  keep: boolean;
  /** A known indicator's id, or '' for a new one named `newName`. */
  indicator: string;
  newName: string;
  kind: Kind;
  /** 'YYYY', 'YYYY-H1', 'Y', 'Y-1', 'Y+1'; '' = not decided. */
  period: string;
  comparator: Comparator;
}

/** What keeps a row from being added. */
export type RowProblem = 'indicator' | 'period' | 'unit' | 'province';

const PERIOD = /^(?:(?:19|20)\d{2}(?:-H1)?|Y(?:[+-][1-9])?)$/;

/** reviewRow(candidate): the rules' reading; kept at once unless something is left to decide. */
export function reviewRow(c: Candidate): ReviewRow {
  return {
    id: c.id,
    keep: c.undecided.length === 0,
    indicator: c.indicator ?? '',
    newName: c.indicator ? '' : (c.newIndicator?.zh ?? ''),
    kind: c.kind,
    period: c.period ?? '',
    comparator: c.comparator,
  };
}

export function reviewRows(x: Extraction): ReviewRow[] {
  return x.candidates.map(reviewRow);
}

/**
 * The row with another kind. A target sits in the year it aims at, never moved by the statistical-year rule: a
 * figure the rules placed a year early (an R&D figure of a year-end summary) goes back to the year the report files
 * it under when the user calls it a target, and forward again when they take that back. A period the user typed
 * stays.
 * withKind({ kind: 'actual', period: '2023', … }, <c: period 2023, reportedPeriod 2024>, 'target') -> period '2024'
 */
export function withKind(row: ReviewRow, c: Candidate, kind: Kind): ReviewRow {
  let period = row.period;
  if (c.reportedPeriod && c.period) {
    if (kind === 'target' && period === c.period) period = c.reportedPeriod;
    else if (kind !== 'target' && row.kind === 'target' && period === c.reportedPeriod) period = c.period;
  }
  return { ...row, kind, period };
}

/**
 * What a row still needs: an indicator (a known one, or a name for a new one), a period the dashboard reads, and a
 * known indicator whose unit is the figure's (a count cannot become an intensity); a figure cited for the city's
 * province needs the province (`province`: the one the user named, '' for none).
 */
export function rowProblems(
  row: ReviewRow,
  c: Candidate,
  indicators: ReadonlyMap<string, IndicatorDef>,
  province = '',
): RowProblem[] {
  const problems: RowProblem[] = [];
  const def = row.indicator ? indicators.get(row.indicator) : undefined;
  if (row.indicator ? !def : !row.newName.trim()) problems.push('indicator');
  if (!PERIOD.test(row.period.trim())) problems.push('period');
  if (def && def.unit && def.unit !== c.unit) problems.push('unit');
  if (c.place === PROVINCE_OF_CITY && !province) problems.push('province');
  return problems;
}

/** One group of the table: the headline figures, or a section of the report. */
export interface ReviewGroup {
  key: string;
  /** '' for the headline group (the view names it), else the section's heading. */
  title: string;
  headline: boolean;
  candidates: Candidate[];
}

/** The table's groups: headline figures first (R&D intensity, high-tech enterprises, contracts), then sections. */
export function reviewGroups(x: Extraction): ReviewGroup[] {
  const headline = x.candidates.filter((c) => c.headline);
  const groups: ReviewGroup[] = headline.length
    ? [{ key: 'headline', title: '', headline: true, candidates: headline }]
    : [];
  const bySection = new Map<number, Candidate[]>();
  for (const c of x.candidates) {
    if (c.headline) continue;
    const list = bySection.get(c.sectionIndex) ?? [];
    list.push(c);
    bySection.set(c.sectionIndex, list);
  }
  for (const [i, candidates] of [...bySection].sort((a, b) => a[0] - b[0]))
    groups.push({
      key: `s${i}`,
      title: x.sections[i]?.title ?? candidates[0]?.section ?? '',
      headline: false,
      candidates,
    });
  return groups;
}
