// Plan targets against the latest comparable actual. Pure domain logic shared by the plan-targets
// chart, its table and its exports.
import type { Dataset } from './dataset';
import { comparePeriods, isHalfYear, periodOrder, placeRows, targetsOf } from './dataset';
import type { Observation } from '../table/schema';

export interface TargetProgress {
  target: Observation;
  /** Latest actual/derived value at or before the plan period (same period type). */
  latest: Observation | null;
  /** Latest actual before the plan period (the starting point), when different from `latest`. */
  baseline: Observation | null;
  /** true when `latest` is for the plan period itself (so the target can be judged). */
  comparable: boolean;
  /** latest / target × 100, or null when there is no actual or it is not meaningful (a flow from another year). */
  achievedPct: number | null;
  /** target − latest for ≥ targets (latest − target for ≤ targets); ≤ 0 means reached. */
  gap: number | null;
  reached: boolean | null;
}

/**
 * A flow (added over a period) or a change (growth on the previous period) of another period says
 * nothing about this period's target; a stock, a ratio or a rank of an earlier period is a level the
 * target can be measured against. Read from the indicator's stated measure (data/indicators.json).
 */
export function isPeriodBound(ds: Dataset, indicator: string): boolean {
  const m = ds.indicators.get(indicator)?.measure;
  return m === 'flow' || m === 'change';
}

/** targetProgress(ds, ['haimen']) -> one entry per target row of those places, grouped by city then plan year. */
export function targetProgress(ds: Dataset, cities: readonly string[]): TargetProgress[] {
  const out: TargetProgress[] = [];
  for (const target of targetsOf(ds, cities)) {
    if (target.value === null) continue;
    const candidates = placeRows(ds, target.indicator, target.city)
      .filter(
        (r) =>
          (r.kind === 'actual' || r.kind === 'derived') &&
          r.value !== null &&
          isHalfYear(r.period) === isHalfYear(target.period) &&
          (comparePeriods(r.period, target.period) ?? 1) <= 0,
      )
      .sort((a, b) => periodOrder(a.period) - periodOrder(b.period) || (a.kind === 'actual' ? 1 : -1));
    const latest = candidates[candidates.length - 1] ?? null;
    const comparable = !!latest && latest.period === target.period;
    const before = candidates.filter((c) => c.period !== target.period);
    const baselineCandidate = before[before.length - 1] ?? null;
    const baseline = baselineCandidate && baselineCandidate !== latest ? baselineCandidate : null;
    // A rank (第1位) is better when smaller, as is an "at most" target.
    const rank = ds.indicators.get(target.indicator)?.measure === 'rank';
    const lowerIsBetter = rank || target.comparator === '<=' || target.comparator === '<';
    let achievedPct: number | null = null;
    let gap: number | null = null;
    let reached: boolean | null = null;
    if (latest && latest.value !== null && target.value !== null) {
      const meaningful = comparable || !isPeriodBound(ds, target.indicator);
      if (meaningful && target.value !== 0 && latest.value !== 0)
        achievedPct = rank ? (target.value / latest.value) * 100 : (latest.value / target.value) * 100;
      if (meaningful) {
        gap = lowerIsBetter ? latest.value - target.value : target.value - latest.value;
        reached = target.comparator === '>' || target.comparator === '<' ? gap < 0 : gap <= 0;
        // A lower-bound actual (突破2000) that sits below the target cannot prove the target missed.
        if (!reached && (latest.comparator === '>=' || latest.comparator === '>')) reached = null;
      }
    }
    out.push({ target, latest, baseline, comparable, achievedPct, gap, reached });
  }
  const cityIndex = (id: string) => cities.indexOf(id);
  return out.sort(
    (a, b) =>
      cityIndex(a.target.city) - cityIndex(b.target.city) ||
      periodOrder(a.target.period) - periodOrder(b.target.period) ||
      // Ids are ASCII: a plain comparison, stable across machines (and no ICU collator to load).
      (a.target.indicator < b.target.indicator ? -1 : a.target.indicator > b.target.indicator ? 1 : 0),
  );
}
