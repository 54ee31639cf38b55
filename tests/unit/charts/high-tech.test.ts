// high-tech, one small scenario per encoding: firms in existence (a line, top) and firms added (bars, bottom).
import { describe, expect, it } from 'vitest';
import { chartSpec } from '../../../src/lib/charts/registry';
import { chartInput, observation } from '../factory';
import { itemsOf, optionOf, picture, seriesOf } from './picture';

const build = (...args: Parameters<typeof chartInput>) => chartSpec('high-tech').build(chartInput(...args));
const firms = (o: Parameters<typeof observation>[0]) =>
  observation({ indicator: 'high_tech_enterprises', unit: 'count', ...o });
const added = (o: Parameters<typeof observation>[0]) =>
  observation({ indicator: 'high_tech_enterprises_new', unit: 'count', ...o });

describe('high-tech scenarios', () => {
  it('bound: 突破2000家 stays a lower bound, a hollow up-triangle labelled ≥; 超过300家 a dashed bar labelled ≥', () => {
    const m = build([
      firms({ period: '2022', value: 1800 }),
      firms({ period: '2023', value: 2000, comparator: '>=', quote: '高新技术企业突破2000家' }),
      added({ period: '2023', value: 300, comparator: '>', quote: '新增高新技术企业超过300家' }),
    ]);
    const bound = seriesOf(m)
      .find((s) => s.id === 'line:a')
      ?.data.find((d) => d.value === 2000);
    expect(bound, 'an up-triangle, hollow').toMatchObject({
      symbol: 'triangle',
      itemStyle: { color: '#ffffff' },
    });
    expect(bound?.label?.formatter, 'labelled ≥, never a plain 2,000').toBe('≥2,000');
    const bar = seriesOf(m)
      .find((s) => s.type === 'bar')
      ?.data.find((d) => d.value === 300);
    expect(bar?.itemStyle, 'a dashed outline').toMatchObject({ borderType: 'dashed', borderWidth: 2 });
    expect(bar?.label?.formatter, 'labelled >').toBe('>300');
    expect(
      m.table.rows.map((r) => r.cells[4]),
      'the table keeps the bounds',
    ).toEqual(['1,800个', '≥2,000个', '>300个']);
    const tooltip = (optionOf(m) as unknown as { tooltip: { formatter: (p: unknown) => string } }).tooltip;
    expect(
      tooltip.formatter({ data: { ref: 'a-high_tech_enterprises-2023-actual' } }),
      'the tooltip says so',
    ).toContain('下限');
    expect(picture(m)).toMatchInlineSnapshot(`
      "x0: 2022年 | 2023年
      x1: as x0
      y0 «高新技术企业数»: value
      y1 «新增高新技术企业»: value
      series line:a line «甲市» #e55659 joined across nulls end label «甲市»
        2022年  1800 circle
        2023年  2000 triangle hollow «≥2,000»
      series bar1:a:high_tech_enterprises_new bar «甲市（新增）» #e55659
        2022年  null
        2023年  300 bar dashed «>300»
      table 城市 | 指标 | 时期 | 报告年份 | 数值 | 单位 | 类型 | 状态 | 说明
        甲市 | 高新技术企业数 | 2022年 |  | 1,800个 | 个 | 实际 | 已报告 |
        甲市 | 高新技术企业数 | 2023年 |  | ≥2,000个 | 个 | 实际 | 已报告 |
        甲市 | 新增高新技术企业 | 2023年 |  | >300个 | 个 | 实际 | 已报告 |
      footnotes
        来源：甲市科学技术局《甲市科技局2023年工作总结》"
    `);
  });

  it('half-year: a mid-2020 count is its own category and a lone marker labelled H1, never on the full-year line; zh and en', () => {
    const rows = [
      firms({ period: '2019', value: 700 }),
      firms({ period: '2020-H1', value: 850, quote: '全市高新技术企业达850家' }),
      firms({ period: '2020', value: 900 }),
      added({ period: '2020-H1', value: 60 }),
      added({ period: '2020', value: 120 }),
    ];
    const zh = build(rows);
    expect(optionOf(zh).xAxis, 'H1 is its own category').toMatchObject([
      { data: ['2019年', '2020上半年', '2020年'] },
      {},
    ]);
    const line = seriesOf(zh).find((s) => s.id === 'line:a');
    expect(
      line?.data.map((d) => d.value),
      'the line has no point at H1',
    ).toEqual([700, null, 900]);
    const h1 = seriesOf(zh).find((s) => s.id === 'h1:a');
    expect(h1, 'the H1 marker is a series of its own, marks with no line').toMatchObject({
      lineStyle: { opacity: 0 },
    });
    expect(h1?.data[1]?.label?.formatter, 'labelled H1').toBe('850 H1');
    const h1Bar = seriesOf(zh).find((s) => s.type === 'bar')?.data[1];
    expect(h1Bar?.itemStyle?.decal, 'the H1 bar is hatched').toBeTruthy();
    expect(h1Bar?.label?.formatter, 'labelled H1').toBe('60 H1');
    expect(picture(zh)).toMatchInlineSnapshot(`
      "x0: 2019年 | 2020上半年 | 2020年
      x1: as x0
      y0 «高新技术企业数»: value
      y1 «新增高新技术企业»: value
      series line:a line «甲市» #e55659 joined across nulls end label «甲市»
        2019年      700 circle
        2020上半年  null
        2020年      900 circle
      series h1:a marks «甲市» #e55659
        2019年      null
        2020上半年  850 circle «850 H1»
        2020年      null
      series bar1:a:high_tech_enterprises_new bar «甲市（新增）» #e55659
        2019年      null
        2020上半年  60 bar hatched opacity 0.55 «60 H1»
        2020年      120 bar «120»
      table 城市 | 指标 | 时期 | 报告年份 | 数值 | 单位 | 类型 | 状态 | 说明
        甲市 | 高新技术企业数 | 2019年 |  | 700个 | 个 | 实际 | 已报告 |
        甲市 | 高新技术企业数 | 2020年 |  | 900个 | 个 | 实际 | 已报告 |
        甲市 | 高新技术企业数 | 2020年上半年 |  | 850个 | 个 | 实际 | 已报告 |
        甲市 | 新增高新技术企业 | 2020年上半年 |  | 60个 | 个 | 实际 | 已报告 |
        甲市 | 新增高新技术企业 | 2020年 |  | 120个 | 个 | 实际 | 已报告 |
      footnotes
        来源：甲市科学技术局《甲市科技局2023年工作总结》"
    `);
    const en = build(rows, { lang: 'en' });
    expect(optionOf(en).xAxis, 'H1 in English').toMatchObject([{ data: ['2019', '2020 H1', '2020'] }, {}]);
    expect(picture(en)).toMatchInlineSnapshot(`
      "x0: 2019 | 2020 H1 | 2020
      x1: as x0
      y0 «High-tech enterprises»: value
      y1 «New high-tech enterprises»: value
      series line:a line «City A» #e55659 joined across nulls end label «City A»
        2019     700 circle
        2020 H1  null
        2020     900 circle
      series h1:a marks «City A» #e55659
        2019     null
        2020 H1  850 circle «850 H1»
        2020     null
      series bar1:a:high_tech_enterprises_new bar «City A (added)» #e55659
        2019     null
        2020 H1  60 bar hatched opacity 0.55 «60 H1»
        2020     120 bar «120»
      table City | Indicator | Period | Stated in | Value | Unit | Kind | Status | Note
        City A | High-tech enterprises | 2019 |  | 700 | count | actual | reported |
        City A | High-tech enterprises | 2020 |  | 900 | count | actual | reported |
        City A | High-tech enterprises | 2020 H1 |  | 850 | count | actual | reported |
        City A | New high-tech enterprises | 2020 H1 |  | 60 | count | actual | reported |
        City A | New high-tech enterprises | 2020 |  | 120 | count | actual | reported |
      footnotes
        Sources: City A Science and Technology Bureau, “City A S&T bureau: 2023 work summary”"
    `);
  });

  it('masked: a redacted count and a redacted addition draw nothing, never 0; the table and a footnote say masked', () => {
    const m = build([
      firms({ period: '2022', value: 1800 }),
      firms({ period: '2023', value: null }),
      added({ period: '2022', value: 200 }),
      added({ period: '2023', value: null }),
    ]);
    expect(
      itemsOf(m).some((i) => i.value === 0),
      'no mark at 0',
    ).toBe(false);
    expect(
      itemsOf(m).filter((i) => i.value !== null),
      'only the two reported figures are drawn',
    ).toHaveLength(2);
    expect(
      m.table.rows.filter((r) => r.cells.includes('原文已遮蔽')),
      'the table lists both as masked',
    ).toHaveLength(2);
    expect(m.footnotes.join(' '), 'a footnote says masked, not zero').toContain('不是 0');
    expect(picture(m)).toMatchInlineSnapshot(`
      "x0: 2022年
      x1: as x0
      y0 «高新技术企业数»: value
      y1 «新增高新技术企业»: value
      series line:a line «甲市» #e55659 joined across nulls end label «甲市»
        2022年  1800 circle
      series bar1:a:high_tech_enterprises_new bar «甲市（新增）» #e55659
        2022年  200 bar «200»
      table 城市 | 指标 | 时期 | 报告年份 | 数值 | 单位 | 类型 | 状态 | 说明
        甲市 | 高新技术企业数 | 2022年 |  | 1,800个 | 个 | 实际 | 已报告 |
        甲市 | 新增高新技术企业 | 2022年 |  | 200个 | 个 | 实际 | 已报告 |
        甲市 | 高新技术企业数 | 2023年 |  | 原文已遮蔽 | 个 | 实际 | 已遮蔽 |
        甲市 | 新增高新技术企业 | 2023年 |  | 原文已遮蔽 | 个 | 实际 | 已遮蔽 |
      footnotes
        来源：甲市科学技术局《甲市科技局2023年工作总结》
        甲市：报告中有此数字，但原文已遮蔽（x.xx），不是 0"
    `);
  });

  it('target: a plan to add 360 firms in 2024 is a hollow dashed bar labelled 目标, beside the actual 368 of 2023', () => {
    const m = build([
      added({ period: '2023', value: 368 }),
      added({ period: '2024', value: 360, kind: 'target', quote: '新增高新技术企业360家' }),
    ]);
    const [actual, target] = seriesOf(m).find((s) => s.type === 'bar')?.data ?? [];
    expect(actual?.itemStyle?.color, 'the actual is solid').not.toBe('#ffffff');
    expect(target?.itemStyle, 'the target is hollow and dashed').toMatchObject({
      color: '#ffffff',
      borderType: 'dashed',
      borderWidth: 2,
    });
    expect(target?.label?.formatter, 'labelled 目标').toBe('目标 360');
    expect(picture(m)).toMatchInlineSnapshot(`
      "x0: 2023年 | 2024年
      x1: as x0
      y0 «高新技术企业数»: value
      y1 «新增高新技术企业»: value
      series bar1:a:high_tech_enterprises_new bar «甲市（新增）» #e55659
        2023年  368 bar «368»
        2024年  360 bar hollow dashed «目标 360»
      table 城市 | 指标 | 时期 | 报告年份 | 数值 | 单位 | 类型 | 状态 | 说明
        甲市 | 新增高新技术企业 | 2023年 |  | 368个 | 个 | 实际 | 已报告 |
        甲市 | 新增高新技术企业 | 2024年 |  | 360个 | 个 | 目标 | 已报告 |
      footnotes
        来源：甲市科学技术局《甲市科技局2023年工作总结》"
    `);
  });
});
