// plan-targets, one small scenario per encoding: each target a line under its city and plan year, sorted by status;
// its bar the actual as a share of the target (the tick at 100 % is the target), a diamond the baseline; the status
// in words and a mark on the right (above the bar on a phone); targets awaiting data folded away on the dashboard,
// and in pages of about eight lines on a slide, an embed or in presentation mode.
import { describe, expect, it } from 'vitest';
import { chartSpec } from '../../../src/lib/charts/registry';
import { LIST_LINES, PAGE_LINES } from '../../../src/lib/charts/planTargetRows';
import { shorten } from '../../../src/lib/i18n/textWidth';
import { chartInput, observation, source } from '../factory';
import { labelsOf, optionOf, picture, seriesOf } from './picture';

const build = (...args: Parameters<typeof chartInput>) =>
  chartSpec('plan-targets').build(chartInput(...args));
const target = (o: Parameters<typeof observation>[0]) => observation({ kind: 'target', ...o });
const firms = (o: Parameters<typeof observation>[0]) =>
  observation({ indicator: 'high_tech_enterprises', unit: 'count', ...o });
const bars = (m: ReturnType<typeof build>) => seriesOf(m).find((s) => s.id === 'achieved')?.data ?? [];
type Axes = Parameters<typeof labelsOf>[0][];
const yLabels = (m: ReturnType<typeof build>, i: number) => labelsOf((optionOf(m).yAxis as Axes)[i]);

describe('plan-targets scenarios', () => {
  const rows = [
    // 甲市 R&D intensity: 3.1 % in 2022 against a 3.0 % target for 2022 (reached), from 2.9 % in 2021.
    observation({ period: '2021', value: 2.9 }),
    observation({ period: '2022', value: 3.1 }),
    target({ period: '2022', value: 3, quote: '力争达到3%' }),
    // 甲市 firms: ≥ 2000 in 2023 against 3000 in 2025: a lower bound, one level and no path: cannot tell.
    firms({ period: '2023', value: 2000, comparator: '>=' }),
    target({ indicator: 'high_tech_enterprises', unit: 'count', period: '2025', value: 3000 }),
    // 甲市 firms added: 368 in 2023 against 360 in 2024: a flow of another year says nothing of 2024's.
    observation({ indicator: 'high_tech_enterprises_new', unit: 'count', period: '2023', value: 368 }),
    target({ indicator: 'high_tech_enterprises_new', unit: 'count', period: '2024', value: 360 }),
    // 乙市: a target and no actual at all.
    target({ city: 'b', period: '2025', value: 3.5, comparator: '>=' }),
  ];

  it('status: every target has one in words and a mark; a bar only where an actual can say how far; zh and en', () => {
    const zh = build(rows);
    const bar = (ref: string) => bars(zh).find((b) => b.ref === ref);
    expect(bar('a-rd_intensity-2022-target')?.value, 'reached: 3.1 of 3.0').toBeCloseTo(103.33, 2);
    expect(bar('a-high_tech_enterprises-2025-target')?.value, 'a stock of an earlier year').toBeCloseTo(
      66.67,
      2,
    );
    expect(bar('a-high_tech_enterprises_new-2024-target'), 'a flow of another year: no bar').toBeUndefined();
    for (const t of rows.filter((r) => r.kind === 'target'))
      expect(
        bars(zh).map((b) => b.value),
        'a target value is never drawn as an achievement',
      ).not.toContain(t.value);
    expect(
      zh.table.rows.map((r) => r.cells[3]),
      'the table has every target, with its status',
    ).toEqual(['● 已达成', '≠ 不可比', '◐ 无法判断', '○ 尚无实际值']);
    expect(zh.awaiting, 'no actual: folded, not an empty row').toEqual([
      { title: '乙市 · 2025年目标', items: ['○ 研发经费投入强度 · 目标 ≥3.5%'] },
    ]);
    expect(picture(zh)).toMatchInlineSnapshot(`
      "x «完成度（目标 = 100%）»: value 0–150 every 25
      y0:
        甲市 · 2022年目标
        研发经费投入强度
        甲市 · 2024年目标
        新增高新技术企业
        甲市 · 2025年目标
        高新技术企业数
      y1:

        ● 已达成 · 103.3%↵2022年：3.1% · 目标 3%

        ≠ 不可比↵2023年：368个 · 目标 360个

        ◐ 无法判断 · ≥66.7%↵2023年：≥2,000个 · 目标 3,000个
      series achieved bar «完成度»
        甲市 · 2022年目标  null
        研发经费投入强度   103.333 bar
        甲市 · 2024年目标  null
        新增高新技术企业   null
        甲市 · 2025年目标  null
        高新技术企业数     66.6667 bar dashed
      series target marks «目标»
        甲市 · 2022年目标  null
        研发经费投入强度   100 rect
        甲市 · 2024年目标  null
        新增高新技术企业   null
        甲市 · 2025年目标  null
        高新技术企业数     100 rect
      series baseline marks «基期»
        甲市 · 2022年目标  null
        研发经费投入强度   96.6667 diamond
        甲市 · 2024年目标  null
        新增高新技术企业   null
        甲市 · 2025年目标  null
        高新技术企业数     null
      table 城市 | 指标 | 规划年 | 状态 | 说明 | 目标 | 基期 | 最新实际 | 缺口 | 完成度
        甲市 | 研发经费投入强度 | 2022年 | ● 已达成 | 规划年的实际值达到目标 | 3% | 2.9%（2021年） | 3.1%（2022年） | -0.1 | 103.3%
        甲市 | 新增高新技术企业 | 2024年 | ≠ 不可比 | 实际值是其他年份的当期数（新增量、增速），不能与本年目标相比 | 360个 |  | 368个（2023年） |  |
        甲市 | 高新技术企业数 | 2025年 | ◐ 无法判断 | 只有一个较早的实际值，画不出进度线 | 3,000个 |  | ≥2,000个（2023年） | ≤1,000 | ≥66.7%
        乙市 | 研发经费投入强度 | 2025年 | ○ 尚无实际值 | 数据中没有规划年或更早的同类实际值 | ≥3.5% |  | 尚无实际值 |  |
      footnotes
        来源：甲市科学技术局《甲市科技局2023年工作总结》
        状态：● 已达成  ▲ 进度符合  ▼ 进度落后  × 未达成  ◐ 无法判断  ≠ 不可比  □ 已遮蔽  ○ 尚无实际值
      awaiting data (folded)
        乙市 · 2025年目标: ○ 研发经费投入强度 · 目标 ≥3.5%"
    `);
    const en = build(rows, { lang: 'en' });
    expect(en.table.rows.map((r) => r.cells[3])).toEqual([
      '● Reached',
      '≠ Not comparable',
      '◐ Cannot tell',
      '○ No actual yet',
    ]);
    expect(picture(en)).toMatchInlineSnapshot(`
      "x «% of target (target = 100%)»: value 0–150 every 25
      y0:
        City A · 2022 targets
        R&D intensity
        City A · 2024 targets
        New high-tech enterprises
        City A · 2025 targets
        High-tech enterprises
      y1:

        ● Reached · 103.3%↵2022: 3.1% · Target 3%

        ≠ Not comparable↵2023: 368 · Target 360

        ◐ Cannot tell · ≥66.7%↵2023: ≥2,000 · Target 3,000
      series achieved bar «Achieved»
        City A · 2022 targets      null
        R&D intensity              103.333 bar
        City A · 2024 targets      null
        New high-tech enterprises  null
        City A · 2025 targets      null
        High-tech enterprises      66.6667 bar dashed
      series target marks «Target»
        City A · 2022 targets      null
        R&D intensity              100 rect
        City A · 2024 targets      null
        New high-tech enterprises  null
        City A · 2025 targets      null
        High-tech enterprises      100 rect
      series baseline marks «Baseline»
        City A · 2022 targets      null
        R&D intensity              96.6667 diamond
        City A · 2024 targets      null
        New high-tech enterprises  null
        City A · 2025 targets      null
        High-tech enterprises      null
      table City | Indicator | Plan year | Status | Note | Target | Baseline | Latest actual | Gap | Achieved
        City A | R&D intensity | 2022 | ● Reached | the plan year's actual meets the target | 3% | 2.9% (2021) | 3.1% (2022) | -0.1 | 103.3%
        City A | New high-tech enterprises | 2024 | ≠ Not comparable | the actual is another year's own amount (added, or growth): not comparable with this year's target | 360 |  | 368 (2023) |  |
        City A | High-tech enterprises | 2025 | ◐ Cannot tell | one earlier actual only: no path to judge progress by | 3,000 |  | ≥2,000 (2023) | ≤1,000 | ≥66.7%
        City B | R&D intensity | 2025 | ○ No actual yet | the data have no actual of the plan year or earlier, of the same kind of period | ≥3.5% |  | No actual yet |  |
      footnotes
        Sources: City A Science and Technology Bureau, “City A S&T bureau: 2023 work summary”
        Status: ● Reached  ▲ On track  ▼ Behind  × Missed  ◐ Cannot tell  ≠ Not comparable  □ Masked  ○ No actual yet
      awaiting data (folded)
        City B · 2025 targets: ○ R&D intensity · Target ≥3.5%"
    `);
  });

  it('masked: a masked target or actual is listed as masked, never drawn as 0 %', () => {
    const m = build([
      target({ period: '2025', value: null, status: 'redacted' }),
      target({ period: '2023', value: 3.3 }),
      observation({ period: '2023', value: null, status: 'redacted' }),
    ]);
    expect(
      bars(m).every((b) => b.value === null),
      'nothing to draw',
    ).toBe(true);
    expect(m.table.rows.map((r) => [r.cells[2], r.cells[3], r.cells.at(-1)])).toEqual([
      ['2023年', '□ 已遮蔽', ''],
      ['2025年', '□ 已遮蔽', ''],
    ]);
    expect(picture(m)).toMatchInlineSnapshot(`
      "x: hidden
      y0: 甲市 · 2023年目标 | 研发经费投入强度 | 甲市 · 2025年目标 | 研发经费投入强度
      y1:  | □ 已遮蔽  2023年：原文已遮蔽 · 目标 3.3% |  | □ 已遮蔽  目标 原文已遮蔽
      series achieved bar «完成度»
        甲市 · 2023年目标  null
        研发经费投入强度   null
        甲市 · 2025年目标  null
        研发经费投入强度   null
      series target marks «目标»
        甲市 · 2023年目标  null
        研发经费投入强度   null
        甲市 · 2025年目标  null
        研发经费投入强度   null
      series baseline marks «基期»
        甲市 · 2023年目标  null
        研发经费投入强度   null
        甲市 · 2025年目标  null
        研发经费投入强度   null
      table 城市 | 指标 | 规划年 | 状态 | 说明 | 目标 | 基期 | 最新实际 | 缺口 | 完成度
        甲市 | 研发经费投入强度 | 2023年 | □ 已遮蔽 | 实际值在原文中已遮蔽（不是 0） | 3.3% |  | 原文已遮蔽（2023年） |  |
        甲市 | 研发经费投入强度 | 2025年 | □ 已遮蔽 | 目标值在原文中已遮蔽（不是 0） | 原文已遮蔽 |  | 尚无实际值 |  |
      footnotes
        来源：甲市科学技术局《甲市科技局2023年工作总结》
        状态：● 已达成  ▲ 进度符合  ▼ 进度落后  × 未达成  ◐ 无法判断  ≠ 不可比  □ 已遮蔽  ○ 尚无实际值"
    `);
  });

  it('half-year: an H1 target is measured against an H1 actual only, never a full year', () => {
    const m = build([
      firms({ period: '2020', value: 880 }),
      firms({ period: '2021-H1', value: 850 }),
      firms({ period: '2021-H1', value: 900, kind: 'target' }),
      firms({ city: 'b', period: '2019', value: 500 }),
      firms({ city: 'b', period: '2020-H1', value: 520, kind: 'target' }),
    ]);
    expect(
      m.table.rows.map((r) => [r.cells[2], r.cells[3], r.cells[7]]),
      'against H1 850, not the full-year 880',
    ).toEqual([
      ['2021年上半年', '× 未达成', '850个（2021年上半年）'],
      ['2020年上半年', '○ 尚无实际值', '尚无实际值'],
    ]);
    expect(bars(m)[1]?.value, '850 of 900').toBeCloseTo(94.44, 2);
  });

  // 3 cities × 2 plan years × 4 targets, half of them with an actual.
  // 3 cities × 2 plan years × 4 targets, half of them with an actual; 丙市's from a report of its own.
  const many = ['a', 'b', 'c'].flatMap((city) =>
    ['2023', '2024'].flatMap((period) =>
      ['rd_intensity', 'high_tech_enterprises', 'tech_smes', 'st_little_giants'].flatMap((indicator, i) => {
        const row = {
          city,
          period,
          indicator,
          unit: i ? 'count' : '%',
          ...(city === 'c' ? { source: 'report-c' } : {}),
        };
        return [
          target({ ...row, value: 100 + i }),
          ...(i % 2 ? [] : [observation({ ...row, value: 90 + i })]),
        ];
      }),
    ),
  );
  const withC = {
    sources: [source({ id: 'report-c', title: '丙市科技局2023年工作总结', publisher: '丙市科学技术局' })],
  };

  it('pages: about eight lines a page, a continued group says so, every target on some page, awaiting ones last', () => {
    const first = build(many, { ...withC, page: 1 });
    const count = first.pages?.count ?? 0;
    const pages = Array.from({ length: count }, (_, i) => build(many, { ...withC, page: i + 1 }));
    const axes = pages.map((m) => (optionOf(m).yAxis as Axes).map((a) => labelsOf(a).filter(Boolean)));
    expect(axes[0]?.[0], 'a page of bars').toHaveLength(PAGE_LINES);
    for (const page of axes) for (const column of page) expect(column.length).toBeLessThanOrEqual(LIST_LINES);
    const all = axes.flat(2);
    expect(all.filter((l) => l.includes('（续）')).length, 'a group carried over says so').toBeGreaterThan(0);
    for (const page of axes.slice(0, -1))
      expect(page[0]?.at(-1), 'no page of bars ends on a group title').not.toMatch(/年目标/);
    // Each target's words say its target once ("目标 100个"), on its page's right axis or in a list column.
    expect(
      all.filter((l) => /目标 /.test(l)),
      'every target on some page',
    ).toHaveLength(many.filter((r) => r.kind === 'target').length);
    const last = optionOf(pages.at(-1)!);
    expect(last.xAxis, 'the last page lists targets awaiting data in two columns, no % axis').toEqual([
      expect.objectContaining({ show: false }),
      expect.objectContaining({ show: false }),
    ]);
    expect(build(many, { ...withC, page: 99 }).pages, 'past the last page: the last').toEqual({
      page: count,
      count,
    });
    expect(first.height, 'a page fills its frame').toBeUndefined();
    expect(first.slideTable?.groups.flatMap((g) => g.rows)).toHaveLength(24);
    const sourcesOf = (m: ReturnType<typeof build>) => m.footnotes[0] ?? '';
    expect(sourcesOf(first), 'page 1 (甲市, 乙市) does not name 丙市’s report').not.toContain('丙市');
    expect(sourcesOf(build(many, { ...withC, page: 3 })), 'page 3 (丙市) names it').toContain(
      '丙市科学技术局',
    );
  });

  it('filters: a city or a plan year shows only its targets', () => {
    const fuzhou = build(many, { cities: ['b'] });
    expect(new Set(fuzhou.table.rows.map((r) => r.cells[0]))).toEqual(new Set(['乙市']));
    const y2024 = build(many, { plan: ['2024'] });
    expect(new Set(y2024.table.rows.map((r) => r.cells[2]))).toEqual(new Set(['2024年']));
  });

  it('phone: the words stand above each bar and keep the figures; only a long name is shortened', () => {
    const m = build(rows, { width: 340 });
    const words = yLabels(m, 0);
    expect(words).toContain('研发经费投入强度\n● 已达成 · 103.3%\n2022年：3.1% · 目标 3%');
    expect((optionOf(m).yAxis as { show?: boolean }[])[1]?.show).toBe(false);
    expect(shorten('揭榜挂帅等重大科技项目和成果工程化项目数', 10)).toBe('揭榜挂帅等重大科技…');
    expect(shorten('R&D intensity', 10)).toBe('R&D intensity');
  });
});
