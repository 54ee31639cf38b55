// Plan targets against the actuals: the status of every target, and the numbers drawn beside it. Pure domain
// logic shared by the plan-targets chart, its table and its exports; judged from the data, never the clock.
// How: data/README.md ("Measures", "Scopes", comparators) and targetProgress below.
import type { Dataset } from './dataset';
import {
  comparePeriods,
  isHalfYear,
  isRelativePeriod,
  planOrder,
  placeRows,
  relativeOffset,
  rowKey,
  targetsOf,
} from './dataset';
import type { Observation } from '../table/schema';

/**
 * A target's status, from a small set with explicit no-data states (as Open SDG's progress statuses), in the
 * order a group of targets is sorted by. Judged against the data, never the clock: "later" means later than
 * the latest actual, so a snapshot of the same data always gives the same statuses.
 */
export const TARGET_STATUSES = [
  'reached', // the actual meets the target (in the plan period, or a level that already meets it earlier)
  'on-track', // plan period later than the data: the latest actual is at or past the straight path baseline -> target
  'behind', // plan period later than the data: the latest actual is short of that path
  'missed', // the actual of the plan period itself falls short
  'cannot-tell', // data exist but cannot decide: a lower bound below the target, one level and no path
  'not-comparable', // the only actual is a flow or change of another period, or of another scope
  'masked', // the source hides the target or the actual (x, x.xx)
  'no-actual', // no actual reported
] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** Statuses that have no actual to draw: folded into the "awaiting data" list. */
export const AWAITING_STATUSES: ReadonlySet<TargetStatus> = new Set(['masked', 'no-actual']);

/** Why a target has its status, for the words beside it (one reason per status, or a few). */
export type StatusReason =
  | 'met' // reached in the plan period
  | 'met-early' // a level (stock, ratio, rank) of an earlier period already meets it
  | 'ahead-of-path' // on track
  | 'behind-path' // behind
  | 'fell-short' // missed
  | 'bound-undecided' // cannot tell: a bound (≥ 2000, ≤ 5) on both sides of the target or the path
  | 'single-level' // cannot tell: one earlier level below the target and no earlier one to draw a path from
  | 'plan-year-missing' // cannot tell: the data go on past the plan period but have no figure for it
  | 'other-period' // not comparable: a flow or change of another period
  | 'other-scope' // not comparable: an actual of another scope of the same quantity (indicators.json family)
  | 'target-masked'
  | 'actual-masked'
  | 'no-actual';

export interface TargetProgress {
  target: Observation;
  status: TargetStatus;
  reason: StatusReason;
  /**
   * The actual the status is judged on, or shown beside it for context (not comparable: the flow of another
   * period, the actual of another scope; masked: the masked actual row). null for no-actual / a masked target.
   */
  latest: Observation | null;
  /** The starting point: an earlier actual than `latest` (see targetProgress), when there is one. */
  baseline: Observation | null;
  /** true when `latest` is for the plan period itself (of the same indicator). */
  comparable: boolean;
  /**
   * latest / target × 100 (lower-is-better: target / latest × 100, so 100 % is the target either way and more is
   * better), null where it says nothing (no bar is drawn): no figure, a target of 0, a change of another sign.
   */
  achievedPct: number | null;
  /** Whether latest is a bound (突破2000): achievedPct and gap are then bounds too (≥ 66.7 %, ≤ 1,000 short). */
  bound: boolean;
  /** baseline on the same % scale, null where there is no baseline or no achievedPct. */
  baselinePct: number | null;
  /** On track / behind: where the straight path from baseline to target stands at the latest period, on the % scale. */
  pathPct: number | null;
  /** target − latest for ≥ targets (latest − target for ≤ targets and ranks); ≤ 0 means reached; null with no figure. */
  gap: number | null;
  /** A rank or an at-most (≤, <) target: smaller is better. */
  lowerIsBetter: boolean;
}

/**
 * A flow (added over a period) or a change (growth on the previous period) of another period says
 * nothing about this period's target; a stock, a ratio or a rank of an earlier period is a level the
 * target can be measured against. Read from the indicator's stated measure (data/indicators.json).
 */
function isPeriodBound(ds: Dataset, indicator: string): boolean {
  const m = ds.indicators.get(indicator)?.measure;
  return m === 'flow' || m === 'change';
}

const SUFFIX: Partial<Record<Observation['comparator'], string>> = {
  '>=': '~ge',
  '>': '~gt',
  '<=': '~le',
  '<': '~lt',
  '~': '~approx',
};

/**
 * A target's key (marks, links, table rows): its rowKey, with its comparator beside any but '=', so a floor and
 * a stretch target of one year (保x争x: `>=` and `=`) get two. 'x_city-invention_patents_per_10k-y+1-target~ge'
 */
export function targetKey(target: Observation): string {
  return rowKey(target) + (SUFFIX[target.comparator] ?? '');
}

type Numeric = Observation & { value: number };
const isNumeric = (r: Observation): r is Numeric => r.value !== null;

/** Plain comparison (ids are ASCII: stable across machines, and no ICU collator to load). */
const cmp = <T extends string | number>(a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0);

/** How exactly a figure is stated: a bound says least, an approximate figure more, an exact one most. */
const exactness = (c: Observation['comparator']) => (c === '=' ? 2 : c === '~' ? 1 : 0);

/**
 * Rows in period order; of one period the preferred last: an actual before a derived row, the most exactly stated
 * (3100 before 突破2000), an upload (the bureau's own figure) before the curated one; then by their fields, so that
 * the order of the rows in the data never matters. (Uploads that disagree with the curated data are shown as
 * conflicts where they are imported.)
 */
function byPeriod(a: Observation, b: Observation): number {
  return (
    (comparePeriods(a.period, b.period) ?? 0) ||
    cmp(a.kind === 'actual' ? 1 : 0, b.kind === 'actual' ? 1 : 0) ||
    cmp(exactness(a.comparator), exactness(b.comparator)) ||
    cmp(a.source.startsWith('upload:') ? 1 : 0, b.source.startsWith('upload:') ? 1 : 0) ||
    cmp(a.indicator, b.indicator) ||
    cmp(a.comparator, b.comparator) ||
    cmp(a.value ?? -Infinity, b.value ?? -Infinity) ||
    cmp(a.source, b.source) ||
    cmp(a.quote, b.quote) ||
    cmp(a.note, b.note)
  );
}

/**
 * The rows that may speak for a target: actual or derived, of a period comparable with the plan period
 * (calendar with calendar, relative with relative) and not later, half-year with half-year only; by period.
 */
function candidates(ds: Dataset, indicator: string, target: Observation, sameClass: boolean, later = false) {
  return placeRows(ds, indicator, target.city)
    .filter(
      (r) =>
        (r.kind === 'actual' || r.kind === 'derived') &&
        (!sameClass || isHalfYear(r.period) === isHalfYear(target.period)) &&
        (later
          ? (comparePeriods(r.period, target.period) ?? 0) > 0
          : (comparePeriods(r.period, target.period) ?? 1) <= 0),
    )
    .sort(byPeriod);
}

/**
 * Another scope of the same quantity (indicators.json `family`: the ids that name one main id, and that id):
 * the latest numeric actual of the place among them, not later than the plan period (of any half-year class:
 * it is shown for context only), or null.
 */
function otherScope(ds: Dataset, target: Observation): Numeric | null {
  const rows: Numeric[] = [];
  for (const id of familyOf(ds).get(target.indicator) ?? [])
    if (id !== target.indicator) rows.push(...candidates(ds, id, target, false).filter(isNumeric));
  return rows.sort(byPeriod).at(-1) ?? null;
}

/** Indicator id -> the ids of its family (itself included), once per set of definitions. */
function familyOf(ds: Dataset): ReadonlyMap<string, readonly string[]> {
  let families = familyCache.get(ds.indicators);
  if (!families) {
    const byRoot = new Map<string, string[]>();
    for (const [id, d] of ds.indicators) {
      const root = d.family ?? id;
      byRoot.set(root, [...(byRoot.get(root) ?? []), id]);
    }
    families = new Map(
      [...ds.indicators.keys()].map((id) => [id, byRoot.get(ds.indicators.get(id)?.family ?? id)!]),
    );
    familyCache.set(ds.indicators, families);
  }
  return families;
}
const familyCache = new WeakMap<object, ReadonlyMap<string, readonly string[]>>();

/** The values a figure allows: 突破2000 (`>=`) [2000, ∞); 超过x (`>`) (x, ∞); 不超过x (`<=`) (−∞, x]; `=`, `~` [x, x]. */
interface Interval {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

function interval({ value, comparator: c }: Numeric): Interval {
  const up = c === '>=' || c === '>';
  const down = c === '<=' || c === '<';
  return { lo: down ? -Infinity : value, hi: up ? Infinity : value, loOpen: c === '>', hiOpen: c === '<' };
}

/**
 * Where an interval stands against the half-line from x (up: v ≥ x, or v > x when strict; else v ≤ x, v < x):
 * 1 when every value is on it, −1 when none is, 0 when the interval straddles x (a bound that cannot tell).
 */
function side(a: Interval, x: number, up: boolean, strict: boolean): 1 | 0 | -1 {
  const [lo, hi, loOpen, hiOpen, y] = up
    ? [a.lo, a.hi, a.loOpen, a.hiOpen, x]
    : [-a.hi, -a.lo, a.hiOpen, a.loOpen, -x];
  if (lo > y || (lo === y && (loOpen || !strict))) return 1;
  if (hi < y || (hi === y && (hiOpen || strict))) return -1;
  return 0;
}

/** Time on a straight path: 2024 -> 2024, 2024-H1 -> 2023.5, Y+1 -> 1 (one path's periods are of one kind). */
const time = (p: string) =>
  isRelativePeriod(p) ? relativeOffset(p) : Number(p.slice(0, 4)) - (isHalfYear(p) ? 0.5 : 0);

/**
 * targetProgress(ds, ['haimen']) -> one entry per target row of those places (masked ones included), grouped by
 * city in the order given, then by plan period, status (TARGET_STATUSES order), indicator id and comparator.
 *
 * Each target is judged on the latest numeric candidate (see candidates; of one period, the actual rather than
 * a derived row), reading the indicator's measure, never its id:
 * - a masked target, or a masked actual of the plan period with no figure of that period: masked (even where
 *   an earlier level would tell: kept simple, a masked figure is never guessed round);
 * - no candidate: the latest actual of another scope of the same quantity is shown (not comparable), or no-actual;
 * - the plan period's own figure: reached, missed, or cannot tell (a bound on both sides of the target);
 * - an earlier flow or change: not comparable (kept for context, no %);
 * - an earlier stock, ratio or rank: reached (already); cannot tell when the data go on past the plan period
 *   without a figure for it; else against the straight path from the earliest level (the baseline) to the
 *   target, at the latest period: on track, behind, or cannot tell (a bound across the path, or one level and
 *   no path).
 * Figures are intervals (突破2000 is [2000, ∞)): reached when every value meets the target, missed when none does.
 * A target reaches x (`=`, `~`), or is what its comparator says: at least, more than, at most, less than; a rank
 * is always read as lower-is-better (reach at most x). The path runs over years (an H1 is half a year earlier;
 * relative years are their offsets). The baseline of a flow or a change is the figure of the period before the
 * plan period, when the plan period has one (context only).
 */
export function targetProgress(ds: Dataset, cities: readonly string[]): TargetProgress[] {
  return targetsOf(ds, cities)
    .map((t) => judge(ds, t))
    .sort(
      ({ target: a, status: x }, { target: b, status: y }) =>
        cities.indexOf(a.city) - cities.indexOf(b.city) ||
        planOrder(a.period) - planOrder(b.period) ||
        TARGET_STATUSES.indexOf(x) - TARGET_STATUSES.indexOf(y) ||
        byPeriod(a, b),
    );
}

/** One target's status and numbers (see targetProgress). */
function judge(ds: Dataset, target: Observation): TargetProgress {
  const rank = ds.indicators.get(target.indicator)?.measure === 'rank';
  const lowerIsBetter = rank || target.comparator === '<=' || target.comparator === '<';
  const done = (
    status: TargetStatus,
    reason: StatusReason,
    more?: Partial<TargetProgress>,
  ): TargetProgress => ({
    target,
    status,
    reason,
    latest: null,
    baseline: null,
    comparable: false,
    achievedPct: null,
    baselinePct: null,
    pathPct: null,
    gap: null,
    bound: false,
    lowerIsBetter,
    ...more,
  });
  if (!isNumeric(target)) return done('masked', 'target-masked');
  const rows = candidates(ds, target.indicator, target, true);
  // One figure per period: the preferred one, last of its period in candidate order.
  const levels = rows.filter(isNumeric).filter((r, i, all) => all[i + 1]?.period !== r.period);
  const latest = levels.at(-1);
  const comparable = latest?.period === target.period;
  const masked = rows.find((r) => r.value === null && r.period === target.period);
  if (masked && !comparable) return done('masked', 'actual-masked', { latest: masked });
  if (!latest) {
    const other = otherScope(ds, target);
    return other ? done('not-comparable', 'other-scope', { latest: other }) : done('no-actual', 'no-actual');
  }
  const level = !isPeriodBound(ds, target.indicator);
  if (!comparable && !level) return done('not-comparable', 'other-period', { latest });
  // A level's path starts at its earliest figure; a flow's context is the figure of the period before.
  const baseline = (levels.length > 1 && (level ? levels[0] : levels.at(-2))) || null;
  const t = target.value;
  // On the % scale 100 is the target and more is better: a lower-is-better figure is read as target / figure.
  // No % for a target of 0, nor for a change whose sign differs from the target's (−5 % against +10 %).
  const pct = (v: number) =>
    (lowerIsBetter ? v === 0 : t === 0) || v * t < 0 ? null : (lowerIsBetter ? t / v : v / t) * 100;
  const achievedPct = pct(latest.value);
  const numbers: Partial<TargetProgress> = {
    latest,
    baseline,
    comparable,
    achievedPct,
    bound: exactness(latest.comparator) === 0,
    baselinePct: achievedPct !== null && baseline ? pct(baseline.value) : null,
    gap: lowerIsBetter ? latest.value - t : t - latest.value,
  };
  const actual = interval(latest);
  const s = side(actual, t, !lowerIsBetter, target.comparator === '>' || target.comparator === '<');
  if (comparable)
    return s > 0
      ? done('reached', 'met', numbers)
      : done(s < 0 ? 'missed' : 'cannot-tell', s < 0 ? 'fell-short' : 'bound-undecided', numbers);
  if (s > 0) return done('reached', 'met-early', numbers);
  // The plan period is past in the data (a later figure), yet it has none of its own: no path says anything now.
  if (candidates(ds, target.indicator, target, true, true).some(isNumeric))
    return done('cannot-tell', 'plan-year-missing', numbers);
  if (!baseline) return done('cannot-tell', 'single-level', numbers);
  // The straight path from the baseline to the target, where it stands at the latest period.
  const t0 = time(baseline.period);
  const path =
    baseline.value + ((t - baseline.value) * (time(latest.period) - t0)) / (time(target.period) - t0);
  const p = side(actual, path, !lowerIsBetter, false);
  numbers.pathPct = pct(path);
  return p > 0
    ? done('on-track', 'ahead-of-path', numbers)
    : done(p < 0 ? 'behind' : 'cannot-tell', p < 0 ? 'behind-path' : 'bound-undecided', numbers);
}
