// plan-targets, one small scenario per encoding: each target a row, its bar the latest comparable actual as a
// share of the target (the 100 % line is the target itself), its words on the right.
import { describe, expect, it } from 'vitest';
import { chartSpec } from '../../../src/lib/charts/registry';
import { chartInput, observation } from '../factory';
import { optionOf, picture, seriesOf } from './picture';

const build = (...args: Parameters<typeof chartInput>) =>
  chartSpec('plan-targets').build(chartInput(...args));
const target = (o: Parameters<typeof observation>[0]) => observation({ kind: 'target', ...o });
const bars = (m: ReturnType<typeof build>) => seriesOf(m).find((s) => s.id === 'achieved')?.data ?? [];
const rightLabels = (m: ReturnType<typeof build>) =>
  (optionOf(m).yAxis as { data?: string[] }[])[1]?.data ?? [];

describe('plan-targets scenarios', () => {
  const rows = [
    // 甲市 R&D intensity: 3.1 % in 2022 against a 3.0 % target for 2022 (met), from 2.9 % in 2021.
    observation({ period: '2021', value: 2.9 }),
    observation({ period: '2022', value: 3.1 }),
    target({ period: '2022', value: 3, quote: '力争达到3%' }),
    // 甲市 firms: ≥ 2000 in 2023 against 3000 in 2025: a stock, so the earlier level counts, not yet judged.
    observation({
      indicator: 'high_tech_enterprises',
      unit: 'count',
      period: '2023',
      value: 2000,
      comparator: '>=',
    }),
    target({ indicator: 'high_tech_enterprises', unit: 'count', period: '2025', value: 3000 }),
    // 甲市 firms added: 368 in 2023 against 360 in 2024: a flow of another year says nothing of 2024's.
    observation({ indicator: 'high_tech_enterprises_new', unit: 'count', period: '2023', value: 368 }),
    target({ indicator: 'high_tech_enterprises_new', unit: 'count', period: '2024', value: 360 }),
    // 乙市: a target and no actual at all.
    target({ city: 'b', period: '2025', value: 3.5, comparator: '>=' }),
  ];

  it('target: a target is the 100 % line, a bar is an actual as a share of it; no actual, no bar; zh and en', () => {
    const zh = build(rows);
    const bar = (ref: string) => bars(zh).find((b) => b.ref === ref);
    expect(bar('a-rd_intensity-2022-target')?.value, 'met: 3.1 of 3.0').toBeCloseTo(103.33, 2);
    expect(bar('a-high_tech_enterprises-2025-target')?.value, 'a stock of an earlier year').toBeCloseTo(
      66.67,
      2,
    );
    for (const ref of ['a-high_tech_enterprises_new-2024-target', 'b-rd_intensity-2025-target'])
      expect(bar(ref)?.itemStyle?.opacity, `${ref}: a flow of another year, no actual: no bar`).toBe(0);
    const values = bars(zh).map((b) => b.value);
    for (const t of rows.filter((r) => r.kind === 'target'))
      expect(values, 'a target value is never drawn as an achievement').not.toContain(t.value);
    expect(rightLabels(zh).at(-1), 'says "no actual reported", not 0 %').toBe('目标 ≥3.5% · 尚无实际值');
    expect(
      zh.table.rows.map((r) => r.cells.at(-1)),
      'achieved only where an actual can say',
    ).toEqual(['103.3%', '', '66.7%', '']);
    expect(picture(zh)).toMatchInlineSnapshot(`
      "x «完成度»: value 0–150 every 25
      y0:
        甲市 2022年 · 研发经费投入强度
        甲市 2024年 · 新增高新技术企业
        甲市 2025年 · 高新技术企业数
        乙市 2025年 · 研发经费投入强度
      y1:
        最新实际 3.1% / 目标 3% · 103.3%
        最新实际 368个（截至 2023年） / 目标 360个
        最新实际 ≥2,000个（截至 2023年） / 目标 3,000个 · 66.7%
        目标 ≥3.5% · 尚无实际值
      series achieved bar «完成度»
        甲市 2022年 · 研发经费投入强度  103.333 bar
        甲市 2024年 · 新增高新技术企业  0 bar opacity 0
        甲市 2025年 · 高新技术企业数    66.6667 bar dashed opacity 0.6
        乙市 2025年 · 研发经费投入强度  0 bar opacity 0
      series baseline scatter «基期»
        甲市 2022年 · 研发经费投入强度  96.6667 rect
        甲市 2024年 · 新增高新技术企业  null
        甲市 2025年 · 高新技术企业数    null
        乙市 2025年 · 研发经费投入强度  null
      table 城市 | 指标 | 规划年 | 目标 | 基期 | 最新实际 | 缺口 | 完成度
        甲市 | 研发经费投入强度 | 2022年 | 3% | 2.9%（2021年） | 3.1%（2022年） | -0.1 | 103.3%
        甲市 | 新增高新技术企业 | 2024年 | 360个 |  | 368个（2023年） |  |
        甲市 | 高新技术企业数 | 2025年 | 3,000个 |  | ≥2,000个（2023年） | 1,000 | 66.7%
        乙市 | 研发经费投入强度 | 2025年 | ≥3.5% |  | 尚无实际值 |  |
      footnotes
        来源：甲市科学技术局《甲市科技局2023年工作总结》"
    `);
    const en = build(rows, { lang: 'en' });
    expect(rightLabels(en).at(-1), 'in English').toBe('Target ≥3.5% · no actual reported');
    expect(picture(en)).toMatchInlineSnapshot(`
      "x «achieved»: value 0–150 every 25
      y0:
        City A 2022 · R&D intensity
        City A 2024 · New high-tech enterprises
        City A 2025 · High-tech enterprises
        City B 2025 · R&D intensity
      y1:
        Latest actual 3.1% / Target 3% · 103.3%
        Latest actual 368 count (as of 2023) / Target 360 count
        Latest actual ≥2,000 count (as of 2023) / Target 3,000 count · 66.7%
        Target ≥3.5% · no actual reported
      series achieved bar «achieved»
        City A 2022 · R&D intensity              103.333 bar
        City A 2024 · New high-tech enterprises  0 bar opacity 0
        City A 2025 · High-tech enterprises      66.6667 bar dashed opacity 0.6
        City B 2025 · R&D intensity              0 bar opacity 0
      series baseline scatter «Baseline»
        City A 2022 · R&D intensity              96.6667 rect
        City A 2024 · New high-tech enterprises  null
        City A 2025 · High-tech enterprises      null
        City B 2025 · R&D intensity              null
      table City | Indicator | plan year | Target | Baseline | Latest actual | Gap | achieved
        City A | R&D intensity | 2022 | 3% | 2.9% (2021) | 3.1% (2022) | -0.1 | 103.3%
        City A | New high-tech enterprises | 2024 | 360 count |  | 368 count (2023) |  |
        City A | High-tech enterprises | 2025 | 3,000 count |  | ≥2,000 count (2023) | 1,000 | 66.7%
        City B | R&D intensity | 2025 | ≥3.5% |  | no actual reported |  |
      footnotes
        Sources: City A Science and Technology Bureau, “City A S&T bureau: 2023 work summary”"
    `);
  });

  it('masked: a redacted target is not drawn and a footnote counts it; a redacted actual gives no bar, never 0 %', () => {
    const m = build([
      target({ period: '2025', value: null }),
      target({ period: '2023', value: 3.3 }),
      observation({ period: '2023', value: null }),
    ]);
    expect(
      bars(m).map((b) => b.value),
      'one target row, with no visible bar',
    ).toEqual([0]);
    expect(bars(m)[0]?.itemStyle?.opacity, 'invisible').toBe(0);
    expect(m.table.rows[0]?.cells.at(-1), 'a masked actual achieves no 0 %').toBe('');
    expect(m.footnotes.join(' '), 'a footnote counts the masked target').toContain(
      '甲市：1 个目标在原文中已遮蔽，无法绘制（不是 0）',
    );
    expect(picture(m)).toMatchInlineSnapshot(`
      "x «完成度»: value 0–150 every 25
      y0: 甲市 2023年 · 研发经费投入强度
      y1: 目标 3.3% · 尚无实际值
      series achieved bar «完成度»
        甲市 2023年 · 研发经费投入强度  0 bar opacity 0
      series baseline scatter «基期»
        甲市 2023年 · 研发经费投入强度  null
      table 城市 | 指标 | 规划年 | 目标 | 基期 | 最新实际 | 缺口 | 完成度
        甲市 | 研发经费投入强度 | 2023年 | 3.3% |  | 尚无实际值 |  |
      footnotes
        来源：甲市科学技术局《甲市科技局2023年工作总结》
        甲市：1 个目标在原文中已遮蔽，无法绘制（不是 0）"
    `);
  });

  it('half-year: an H1 target is measured against an H1 actual only, never a full year', () => {
    const firms = (o: Parameters<typeof observation>[0]) =>
      observation({ indicator: 'high_tech_enterprises', unit: 'count', ...o });
    const m = build([
      firms({ period: '2020', value: 880 }),
      firms({ period: '2021-H1', value: 850 }),
      firms({ period: '2021-H1', value: 900, kind: 'target' }),
      firms({ city: 'b', period: '2019', value: 500 }),
      firms({ city: 'b', period: '2020-H1', value: 520, kind: 'target' }),
    ]);
    expect(
      m.table.rows.map((r) => r.cells.slice(2, 6)),
      'against H1 850, not the full-year 880',
    ).toEqual([
      ['2021年上半年', '900个', '', '850个（2021年上半年）'],
      ['2020年上半年', '520个', '', '尚无实际值'],
    ]);
    expect(bars(m)[0]?.value, '850 of 900').toBeCloseTo(94.44, 2);
    expect(picture(m)).toMatchInlineSnapshot(`
      "x «完成度»: value 0–150 every 25
      y0: 甲市 2021年上半年 · 高新技术企业数 | 乙市 2020年上半年 · 高新技术企业数
      y1: 最新实际 850个 / 目标 900个 · 94.4% | 目标 520个 · 尚无实际值
      series achieved bar «完成度»
        甲市 2021年上半年 · 高新技术企业数  94.4444 bar
        乙市 2020年上半年 · 高新技术企业数  0 bar opacity 0
      series baseline scatter «基期»
        甲市 2021年上半年 · 高新技术企业数  null
        乙市 2020年上半年 · 高新技术企业数  null
      table 城市 | 指标 | 规划年 | 目标 | 基期 | 最新实际 | 缺口 | 完成度
        甲市 | 高新技术企业数 | 2021年上半年 | 900个 |  | 850个（2021年上半年） | 50 | 94.4%
        乙市 | 高新技术企业数 | 2020年上半年 | 520个 |  | 尚无实际值 |  |
      footnotes
        来源：甲市科学技术局《甲市科技局2023年工作总结》"
    `);
  });
});
