// The status of every plan target (src/lib/data/targets.ts): one scenario per status and reason in the words a
// user would read, properties that hold for any rows (fast-check), and the real curated data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { targetsOf } from '../../src/lib/data/dataset';
import {
  AWAITING_STATUSES,
  TARGET_STATUSES,
  targetKey,
  targetProgress,
  type StatusReason,
  type TargetProgress,
  type TargetStatus,
} from '../../src/lib/data/targets';
import type { IndicatorDef } from '../../src/lib/data/types';
import type { Observation } from '../../src/lib/table/schema';
import { MARK_PATTERN } from '../../src/lib/url/urlParams';
import { dataset, indicator, observation } from './factory';
import { input } from './helpers';

/** Definitions beside the factory's: a rank, and two scopes of one quantity (a family). */
const EXTRA: IndicatorDef[] = [
  indicator({ id: 'rd_rank', zh: '研发经费全省排名', unit: 'rank', measure: 'rank' }),
  indicator({ id: 'challenge_projects', zh: '揭榜挂帅项目数', unit: 'count', measure: 'flow' }),
  indicator({
    id: 'challenge_projects_major_engineering',
    zh: '揭榜挂帅等重大科技项目和成果工程化项目数',
    unit: 'count',
    measure: 'flow',
    family: 'challenge_projects',
  }),
];
const ds = (rows: Observation[]) => dataset(rows, { indicators: EXTRA });
const progress = (rows: Observation[], cities = ['a', 'b']) => targetProgress(ds(rows), cities);
/** The one target of these rows, judged. */
const only = (...rows: Observation[]) => {
  const all = progress(rows);
  expect(all).toHaveLength(1);
  return all[0]!;
};
const target = (o: Partial<Observation>) => observation({ ...o, kind: 'target' });
const firms = (o: Partial<Observation>) =>
  observation({ indicator: 'high_tech_enterprises', unit: 'count', ...o });
const added = (o: Partial<Observation>) =>
  observation({ indicator: 'high_tech_enterprises_new', unit: 'count', ...o });
const rank = (o: Partial<Observation>) => observation({ indicator: 'rd_rank', unit: 'rank', ...o });

const REASONS: Record<TargetStatus, readonly StatusReason[]> = {
  reached: ['met', 'met-early'],
  'on-track': ['ahead-of-path'],
  behind: ['behind-path'],
  missed: ['fell-short'],
  'cannot-tell': ['bound-undecided', 'single-level', 'plan-year-missing'],
  'not-comparable': ['other-period', 'other-scope'],
  masked: ['target-masked', 'actual-masked'],
  'no-actual': ['no-actual'],
};
const judged = (p: TargetProgress) => [p.status, p.reason];

describe('the status of a plan target', () => {
  it('3.1 % in 2022 against a 2022 target of 3 % is reached, from 2.9 % in 2021', () => {
    const p = only(
      observation({ period: '2021', value: 2.9 }),
      observation({ period: '2022', value: 3.1 }),
      target({ period: '2022', value: 3 }),
    );
    expect(judged(p)).toEqual(['reached', 'met']);
    expect(p).toMatchObject({ comparable: true, lowerIsBetter: false, pathPct: null });
    expect(p.latest?.value).toBe(3.1);
    expect(p.baseline?.value).toBe(2.9);
    expect(p.achievedPct).toBeCloseTo(103.33, 2);
    expect(p.baselinePct).toBeCloseTo(96.67, 2);
    expect(p.gap).toBeCloseTo(-0.1, 10);
  });

  it('2100 firms in 2023 already meet a 2025 target of 2000: reached early', () => {
    const p = only(
      firms({ period: '2023', value: 2100 }),
      target({ ...firms({}), period: '2025', value: 2000 }),
    );
    expect(judged(p)).toEqual(['reached', 'met-early']);
    expect(p.comparable).toBe(false);
    expect(p.achievedPct).toBe(105);
  });

  it('1000 firms in 2021 and 1600 in 2023, for 2000 in 2025, is on track (the straight path says 1500)', () => {
    const p = only(
      firms({ period: '2021', value: 1000 }),
      firms({ period: '2023', value: 1600 }),
      target({ ...firms({}), period: '2025', value: 2000 }),
    );
    expect(judged(p)).toEqual(['on-track', 'ahead-of-path']);
    expect([p.baselinePct, p.pathPct, p.achievedPct, p.gap]).toEqual([50, 75, 80, 400]);
  });

  it('1000 firms in 2021 and 1400 in 2023, for 2000 in 2025, is behind', () => {
    const p = only(
      firms({ period: '2021', value: 1000 }),
      firms({ period: '2023', value: 1400 }),
      target({ ...firms({}), period: '2025', value: 2000 }),
    );
    expect(judged(p)).toEqual(['behind', 'behind-path']);
    expect(p.pathPct).toBe(75);
  });

  it('突破1400家 in 2023 on a path that says 1500 cannot tell: it may be ahead or behind', () => {
    const p = only(
      firms({ period: '2021', value: 1000 }),
      firms({ period: '2023', value: 1400, comparator: '>=' }),
      target({ ...firms({}), period: '2025', value: 2000 }),
    );
    expect(judged(p)).toEqual(['cannot-tell', 'bound-undecided']);
    expect(p.pathPct).toBe(75);
  });

  it('突破2000家 against a 2025 target of 3000 is cannot tell, not missed', () => {
    const sameYear = only(
      firms({ period: '2025', value: 2000, comparator: '>=' }),
      target({ ...firms({}), period: '2025', value: 3000 }),
    );
    expect(judged(sameYear)).toEqual(['cannot-tell', 'bound-undecided']);
    const earlier = only(
      firms({ period: '2023', value: 2000, comparator: '>=' }),
      target({ ...firms({}), period: '2025', value: 3000 }),
    );
    expect(judged(earlier), 'one level of 2023 and no path to draw').toEqual(['cannot-tell', 'single-level']);
    expect(earlier.achievedPct).toBeCloseTo(66.67, 2);
    // But 突破3000家 in 2025 is reached, and 近2000家 (at most) is missed.
    const passed = firms({ period: '2025', value: 3000, comparator: '>=' });
    expect(judged(only(passed, target({ ...firms({}), period: '2025', value: 3000 })))).toEqual([
      'reached',
      'met',
    ]);
    const nearly = firms({ period: '2025', value: 2000, comparator: '<=' });
    expect(judged(only(nearly, target({ ...firms({}), period: '2025', value: 3000 })))).toEqual([
      'missed',
      'fell-short',
    ]);
  });

  it('a rank of 第2 against a target of 第1 for the same year is missed; 第1 is reached', () => {
    const p = only(rank({ value: 2 }), target({ ...rank({}), value: 1 }));
    expect(judged(p)).toEqual(['missed', 'fell-short']);
    expect(p).toMatchObject({ lowerIsBetter: true, achievedPct: 50, gap: 1 });
    expect(judged(only(rank({ value: 1 }), target({ ...rank({}), value: 1 })))).toEqual(['reached', 'met']);
    expect(
      judged(only(rank({ period: '2020', value: 1 }), target({ ...rank({}), period: '2022', value: 3 }))),
      'an earlier rank already better than the target',
    ).toEqual(['reached', 'met-early']);
  });

  it('at most 20 projects with 18 is reached, with 22 missed; more than 20 with 20 is missed', () => {
    const ceiling = target({ ...added({}), value: 20, comparator: '<=' });
    const p = only(added({ value: 18 }), ceiling);
    expect(judged(p)).toEqual(['reached', 'met']);
    expect(p).toMatchObject({ lowerIsBetter: true, gap: -2 });
    expect(judged(only(added({ value: 22 }), ceiling))).toEqual(['missed', 'fell-short']);
    expect(judged(only(added({ value: 20 }), ceiling))).toEqual(['reached', 'met']);
    const moreThan = target({ ...added({}), value: 20, comparator: '>' });
    expect(judged(only(added({ value: 20 }), moreThan))).toEqual(['missed', 'fell-short']);
    expect(judged(only(added({ value: 20, comparator: '>' }), moreThan))).toEqual(['reached', 'met']);
  });

  it('a 2023 flow of 368 firms against 2024’s 360 is not comparable: shown for context, no %', () => {
    const p = only(
      added({ period: '2023', value: 368 }),
      target({ ...added({}), period: '2024', value: 360 }),
    );
    expect(judged(p)).toEqual(['not-comparable', 'other-period']);
    expect(p.latest?.value).toBe(368);
    expect([p.achievedPct, p.gap, p.baselinePct, p.pathPct, p.baseline]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('a flow of the plan year is judged, and the year before is its context', () => {
    const p = only(
      added({ period: '2023', value: 368 }),
      added({ period: '2024', value: 390 }),
      target({ ...added({}), period: '2024', value: 360 }),
    );
    expect(judged(p)).toEqual(['reached', 'met']);
    expect(p.baseline?.value).toBe(368);
    expect(p.baselinePct).toBeCloseTo(102.22, 2);
  });

  it('2023’s 20 揭榜挂帅 projects against a 2024 ceiling of a wider scope are not comparable, never 100 %', () => {
    const p = only(
      observation({ indicator: 'challenge_projects', unit: 'count', period: '2023', value: 20 }),
      target({
        indicator: 'challenge_projects_major_engineering',
        unit: 'count',
        period: '2024',
        value: 20,
        comparator: '<=',
      }),
    );
    expect(judged(p)).toEqual(['not-comparable', 'other-scope']);
    expect(p.latest?.indicator).toBe('challenge_projects');
    expect([p.comparable, p.achievedPct, p.gap]).toEqual([false, null, null]);
  });

  it('a masked target is listed as masked, not skipped', () => {
    const p = only(observation({ value: 3.1 }), target({ value: null }));
    expect(judged(p)).toEqual(['masked', 'target-masked']);
    expect([p.latest, p.achievedPct]).toEqual([null, null]);
  });

  it('a masked plan-year actual is masked, never 0', () => {
    const actual = observation({ value: null });
    const p = only(observation({ period: '2021', value: 2.9 }), actual, target({ value: 3 }));
    expect(judged(p)).toEqual(['masked', 'actual-masked']);
    expect(p.latest).toBe(actual);
    expect([p.achievedPct, p.gap, p.comparable]).toEqual([null, null, false]);
  });

  it('a target with no actual at all says so', () => {
    const p = only(target({ city: 'b', period: '2025', value: 3.5, comparator: '>=' }));
    expect(judged(p)).toEqual(['no-actual', 'no-actual']);
    expect(p.latest).toBeNull();
  });

  it('prefers the stated figure to a derived one of the same year', () => {
    const p = only(
      observation({ period: '2022', value: 2.9, kind: 'derived', comparator: '~' }),
      observation({ period: '2022', value: 3.1 }),
      target({ value: 3 }),
    );
    expect(p.latest?.kind).toBe('actual');
    expect(judged(p)).toEqual(['reached', 'met']);
  });

  it('never judges a full-year target on a half-year figure, nor a calendar year on a masked one', () => {
    expect(
      judged(
        only(
          firms({ period: '2025-H1', value: 3000 }),
          target({ ...firms({}), period: '2025', value: 2000 }),
        ),
      ),
    ).toEqual(['no-actual', 'no-actual']);
    expect(
      judged(
        only(firms({ period: 'Y', value: 3000 }), target({ ...firms({}), period: '2025', value: 2000 })),
      ),
    ).toEqual(['no-actual', 'no-actual']);
  });

  it('draws the path of a masked report’s relative years: 10 in Y-1, 14 in Y, for 20 in Y+1, is behind', () => {
    const p = only(
      firms({ period: 'Y-1', value: 10 }),
      firms({ period: 'Y', value: 14 }),
      target({ ...firms({}), period: 'Y+1', value: 20 }),
    );
    expect(judged(p)).toEqual(['behind', 'behind-path']);
    expect(p.pathPct).toBe(75);
  });

  it('a rank of 第5 in 2020 and 第3 in 2022, for 第1 in 2024, is on track; 第4 in 2022 is behind', () => {
    const goal = target({ indicator: 'rd_rank', unit: 'rank', period: '2024', value: 1 });
    const onTrack = only(rank({ period: '2020', value: 5 }), rank({ period: '2022', value: 3 }), goal);
    expect([onTrack.status, onTrack.reason]).toEqual(['on-track', 'ahead-of-path']);
    expect(onTrack.achievedPct, 'lower is better: target / figure').toBeCloseTo(33.33, 2);
    const behind = only(rank({ period: '2020', value: 5 }), rank({ period: '2022', value: 4 }), goal);
    expect(behind.status).toBe('behind');
  });

  it('at most 3 with 3.8 is missed, and sits short of 100 % (target / figure), never past the tick', () => {
    const p = only(
      observation({ period: '2023', value: 3.8 }),
      target({ period: '2023', value: 3, comparator: '<=' }),
    );
    expect(p.status).toBe('missed');
    expect(p.achievedPct).toBeCloseTo(78.95, 2);
    expect(p.gap).toBeCloseTo(0.8, 6);
  });

  it('0 new firms against a target of 8 is missed at 0 %, 8 short; a target of 0 has a gap but no %', () => {
    const zero = only(
      added({ period: '2023', value: 0 }),
      target({ ...added({}), period: '2023', value: 8 }),
    );
    expect([zero.status, zero.achievedPct, zero.gap]).toEqual(['missed', 0, 8]);
    const none = only(
      added({ period: '2023', value: 2 }),
      target({ ...added({}), period: '2023', value: 0 }),
    );
    expect([none.status, none.achievedPct, none.gap]).toEqual(['reached', null, -2]);
  });

  it('a fall of 5 % against a rise of 10 % is missed with no %: a share of another sign says nothing', () => {
    const growth = (o: Partial<Observation>) =>
      observation({ indicator: 'tech_contract_value_yoy', unit: '%', ...o });
    const p = only(
      growth({ period: '2023', value: -5 }),
      target({ ...growth({}), period: '2023', value: 10 }),
    );
    expect([p.status, p.achievedPct, p.gap]).toEqual(['missed', null, 15]);
  });

  it('of one year, an exact figure (an upload’s 3100) is judged rather than a bound (突破2000)', () => {
    const p = only(
      firms({ period: '2023', value: 2000, comparator: '>=' }),
      firms({ period: '2023', value: 3100, source: 'upload:mine' }),
      target({ ...firms({}), period: '2023', value: 3000 }),
    );
    expect([p.status, p.latest?.value]).toEqual(['reached', 3100]);
  });

  it('figures for 2021 and 2023 but none for a 2022 target cannot tell: the plan year is past in the data', () => {
    const p = only(
      firms({ period: '2020', value: 1000 }),
      firms({ period: '2021', value: 1500 }),
      firms({ period: '2023', value: 1700 }),
      target({ ...firms({}), period: '2022', value: 2000 }),
    );
    expect([p.status, p.reason, p.latest?.period]).toEqual(['cannot-tell', 'plan-year-missing', '2021']);
  });

  it('a half-year target is judged on the straight path of half-year figures: 700, 800, for 900 in 2024 H1', () => {
    const p = only(
      firms({ period: '2022-H1', value: 700 }),
      firms({ period: '2023-H1', value: 800 }),
      firms({ period: '2023', value: 100 }),
      target({ ...firms({}), period: '2024-H1', value: 900 }),
    );
    expect([p.status, p.baseline?.period, p.pathPct]).toEqual(['on-track', '2022-H1', (800 / 900) * 100]);
  });

  it('a bound actual makes the % and the gap bounds too', () => {
    const p = only(
      firms({ period: '2025', value: 2000, comparator: '>=' }),
      target({ ...firms({}), period: '2025', value: 3000 }),
    );
    expect([p.status, p.bound, p.gap]).toEqual(['cannot-tell', true, 1000]);
  });

  it('the 保x争x pair get two keys, and both are listed', () => {
    const floor = target({
      indicator: 'invention_patents_per_10k',
      period: 'Y+1',
      value: null,
      comparator: '>=',
    });
    const stretch = { ...floor, comparator: '=' as const };
    expect(targetKey(floor)).toBe('a-invention_patents_per_10k-y+1-target~ge');
    expect(targetKey(stretch)).toBe('a-invention_patents_per_10k-y+1-target');
    // 保x争x: the floor first, then the stretch level.
    expect(progress([stretch, floor]).map((p) => p.target)).toEqual([floor, stretch]);
    for (const [c, suffix] of [
      ['>', '~gt'],
      ['<=', '~le'],
      ['<', '~lt'],
      ['~', '~approx'],
    ] as const)
      expect(targetKey({ ...floor, comparator: c })).toMatch(new RegExp(`${suffix}$`));
  });

  it('lists targets by city as given, then plan period, status and indicator', () => {
    const rows = [
      target({ city: 'b', period: '2022', value: 3 }),
      target({ period: 'Y+1', value: 3 }),
      target({ period: 'Y', value: 3 }),
      target({ period: '2025', value: 3 }),
      target({ ...firms({}), period: '2022', value: 3000 }),
      firms({ period: '2022', value: 3100 }),
      target({ period: '2022', value: 3 }),
    ];
    const keys = progress(rows, ['b', 'a']).map((p) => `${targetKey(p.target)} ${p.status}`);
    expect(keys).toEqual([
      'b-rd_intensity-2022-target no-actual',
      'a-high_tech_enterprises-2022-target reached',
      'a-rd_intensity-2022-target no-actual',
      'a-rd_intensity-2025-target no-actual',
      'a-rd_intensity-y-target no-actual',
      'a-rd_intensity-y+1-target no-actual',
    ]);
  });
});

// Rows of two cities over a few indicators of every measure and every kind of period, values small integers.
const INDICATORS = [
  ['rd_intensity', '%'],
  ['high_tech_enterprises', 'count'],
  ['high_tech_enterprises_new', 'count'],
  ['tech_contract_value_yoy', '%'],
  ['rd_rank', 'rank'],
  ['challenge_projects', 'count'],
  ['challenge_projects_major_engineering', 'count'],
] as const;
const PERIODS = ['2020', '2021', '2022', '2023', '2022-H1', 'Y-1', 'Y', 'Y+1'];
/** Rows of one or two indicators (so that targets meet actuals), mostly of one city and calendar years. */
const anyRows = fc.subarray([...INDICATORS], { minLength: 1, maxLength: 2 }).chain((inds) =>
  fc.array(
    fc
      .record({
        city: fc.constantFrom('a', 'a', 'a', 'b'),
        ind: fc.constantFrom(...inds),
        period: fc.constantFrom(...PERIODS, '2021', '2022', '2023'),
        kind: fc.constantFrom('actual', 'actual', 'derived', 'target', 'target', 'reference'),
        comparator: fc.constantFrom('=', '=', '=', '>', '>=', '<', '<=', '~'),
        value: fc.option(fc.integer({ min: 0, max: 40 }), { freq: 8 }),
        quote: fc.constantFrom('q1', 'q2'),
      })
      .map(({ ind, ...r }) =>
        observation({ ...r, indicator: ind[0], unit: ind[1], quote: r.value === null ? 'x' : r.quote }),
      ),
    { maxLength: 40, size: 'medium' },
  ),
);
const statuses = (rows: Observation[]) => progress(rows).map((p) => [targetKey(p.target), ...judged(p)]);

describe('the status of any target (properties)', () => {
  it('lists every target row of the chosen places exactly once, with a status and a reason of its own', () => {
    fc.assert(
      fc.property(
        anyRows,
        fc.constantFrom<string[]>(['a'], ['b'], ['a', 'b'], ['b', 'a']),
        (rows, cities) => {
          const out = targetProgress(ds(rows), cities);
          const expected = rows.filter((r) => r.kind === 'target' && cities.includes(r.city));
          expect(new Set(out.map((p) => p.target))).toEqual(new Set(expected));
          expect(out).toHaveLength(expected.length);
          for (const p of out) {
            expect(TARGET_STATUSES).toContain(p.status);
            expect(REASONS[p.status]).toContain(p.reason);
            expect(targetKey(p.target)).toMatch(MARK_PATTERN);
          }
        },
      ),
    );
  });

  it('draws no % where it says nothing: awaiting data, not comparable', () => {
    fc.assert(
      fc.property(anyRows, (rows) => {
        for (const p of progress(rows)) {
          if (AWAITING_STATUSES.has(p.status)) expect(p.latest?.value ?? null).toBeNull();
          if (['not-comparable', 'masked', 'no-actual'].includes(p.status))
            expect([p.achievedPct, p.gap, p.baselinePct, p.pathPct]).toEqual([null, null, null, null]);
          // A figure judged on always says how far it is from the target, even where no % can (a target of 0).
          if (p.latest?.value != null && !['not-comparable', 'masked'].includes(p.status))
            expect(p.gap).not.toBeNull();
          if (p.latest && p.status !== 'not-comparable' && p.status !== 'masked')
            expect(p.latest.indicator).toBe(p.target.indicator);
        }
      }),
    );
  });

  it('with "=" on both sides, reached in the plan year exactly when the actual is at or past the target', () => {
    fc.assert(
      fc.property(anyRows, (rows) => {
        for (const p of progress(rows)) {
          const { latest, target: t } = p;
          if (!p.comparable || !latest || t.comparator !== '=' || latest.comparator !== '=') continue;
          const past = p.lowerIsBetter ? latest.value! <= t.value! : latest.value! >= t.value!;
          expect(p.status === 'reached', `${latest.value} for ${t.value}`).toBe(past);
        }
      }),
    );
  });

  it('an actual of another period never changes a target reached in its own period', () => {
    fc.assert(
      fc.property(
        anyRows,
        fc.constantFrom(...PERIODS),
        fc.integer({ min: 0, max: 40 }),
        (rows, period, value) => {
          const before = progress(rows);
          for (const p of before.filter((q) => q.reason === 'met')) {
            const t = p.target;
            if (period === t.period) continue;
            const more = [...rows, observation({ ...t, kind: 'actual', period, value, quote: 'q3' })];
            const after = progress(more).find((q) => q.target === t)!;
            expect(judged(after)).toEqual(['reached', 'met']);
          }
        },
      ),
    );
  });

  it('does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(
        anyRows.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        ([rows, shuffled]) => {
          expect(progress(shuffled)).toEqual(progress(rows));
        },
      ),
    );
  });

  it('does not change a status when an indicator’s values are all scaled (by powers of two: exact)', () => {
    fc.assert(
      fc.property(
        anyRows,
        fc.constantFrom(...INDICATORS.map((i) => i[0])),
        fc.constantFrom(0.25, 0.5, 2, 8, 1024),
        (rows, id, k) => {
          const scaled = rows.map((r) =>
            r.indicator === id && r.value !== null ? { ...r, value: r.value * k } : r,
          );
          expect(statuses(scaled)).toEqual(statuses(rows));
        },
      ),
    );
  });
});

describe('the curated targets', () => {
  const CITIES = ['wuhu', 'wuhu_county', 'fuzhou', 'haimen', 'x_city'];

  it('lists every target row of the five places once, each under a key of its own', async () => {
    const { data } = await input();
    const out = targetProgress(data, CITIES);
    const rows = targetsOf(data, CITIES);
    expect(rows.length).toBeGreaterThan(50);
    expect(new Set(out.map((p) => p.target))).toEqual(new Set(rows));
    expect(out).toHaveLength(rows.length);
    const keys = out.map((p) => targetKey(p.target));
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(MARK_PATTERN);
    for (const p of out.filter((q) => q.target.value === null)) expect(p.reason).toBe('target-masked');
  });

  it('does not give Wuhu’s 2024 ceiling of major projects a % against 2023’s 20 揭榜挂帅 projects', async () => {
    const { data } = await input();
    const wuhu = targetProgress(data, ['wuhu']);
    const ceiling = wuhu.find(
      (p) => p.target.period === '2024' && p.target.indicator.startsWith('challenge_projects'),
    );
    expect(ceiling?.target).toMatchObject({
      indicator: 'challenge_projects_major_engineering',
      comparator: '<=',
    });
    expect(ceiling && judged(ceiling)).toEqual(['not-comparable', 'other-scope']);
    expect(ceiling?.latest).toMatchObject({ indicator: 'challenge_projects', period: '2023', value: 20 });
    expect([ceiling?.achievedPct, ceiling?.gap]).toEqual([null, null]);
    expect(wuhu.some((p) => p.latest?.indicator === 'challenge_projects' && p.achievedPct !== null)).toBe(
      false,
    );
  });
});
