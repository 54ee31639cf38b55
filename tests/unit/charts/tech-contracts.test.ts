// tech-contracts, one small scenario per encoding: turnover as bars, one series per city and scope.
import { describe, expect, it } from 'vitest';
import { chartSpec } from '../../../src/lib/charts/registry';
import { chartInput, observation, place } from '../factory';
import { itemsOf, optionOf, picture, seriesOf } from './picture';

const build = (...args: Parameters<typeof chartInput>) =>
  chartSpec('tech-contracts').build(chartInput(...args));
/** Registered turnover unless `indicator` names another scope; in 亿元. */
const turnover = (o: Parameters<typeof observation>[0]) =>
  observation({ indicator: 'tech_contract_value', unit: '100m CNY', ...o });

describe('tech-contracts scenarios', () => {
  it('half-year: H1 2020 turnover is its own hatched bar labelled H1 with its stated growth, never joined to 2021; zh and en', () => {
    const rows = [
      turnover({ indicator: 'tech_contract_value_absorbed', period: '2020-H1', value: 31.12 }),
      observation({ indicator: 'tech_contract_value_absorbed_yoy', period: '2020-H1', value: 16 }),
      turnover({ indicator: 'tech_contract_value_absorbed', period: '2021', value: 70 }),
    ];
    const zh = build(rows);
    expect(optionOf(zh).xAxis, 'H1 is its own category').toMatchObject({
      data: ['2020上半年', '2020年', '2021年'],
    });
    expect(
      seriesOf(zh).map((s) => s.type),
      'bars only: no line joins a half-year to a full year',
    ).toEqual(['bar']);
    const [h1, full] = seriesOf(zh)[0]?.data ?? [];
    expect(h1?.itemStyle, 'hatched, lighter').toMatchObject({ opacity: 0.55, decal: expect.anything() });
    expect(h1?.label?.formatter, 'labelled H1 and its growth').toBe('31.12 H1\n同比 +16%');
    expect(full?.itemStyle?.decal, 'the full year is not hatched').toBeUndefined();
    expect(zh.footnotes.join(' '), 'a footnote says half-years are apart').toContain('上半年数据单独成列');
    expect(picture(zh)).toMatchInlineSnapshot(`
      "x: 2020上半年 | 2020年 | 2021年
      y «亿元»: value
      series bar0:a:tech_contract_value_absorbed bar «甲市（吸纳）» #e55659
        2020上半年  31.12 bar hatched opacity 0.55 «31.12 H1↵同比 +16%»
        2020年      null
        2021年      70 bar «70»
      table 城市 | 指标 | 时期 | 报告年份 | 数值 | 单位 | 类型 | 状态 | 说明
        甲市 | 吸纳技术合同成交额 | 2020年上半年 |  | 31.12亿元 | 亿元 | 实际 | 已报告 |
        甲市 | 吸纳技术合同成交额 | 2021年 |  | 70亿元 | 亿元 | 实际 | 已报告 |
        甲市 | 吸纳技术合同成交额同比增长 | 2020年上半年 |  | 16% | % | 实际 | 已报告 |
      footnotes
        来源：甲市科学技术局《甲市科技局2023年工作总结》
        上半年数据单独成列，不与全年数据连线比较；柱上标注报告所述同比增速"
    `);
    const en = build(rows, { lang: 'en' });
    expect(seriesOf(en)[0]?.data[0]?.label?.formatter, 'in English').toBe('31.12 H1\nYoY +16%');
    expect(picture(en)).toMatchInlineSnapshot(`
      "x: 2020 H1 | 2020 | 2021
      y «100m CNY»: value
      series bar0:a:tech_contract_value_absorbed bar «City A (absorbed)» #e55659
        2020 H1  31.12 bar hatched opacity 0.55 «31.12 H1↵YoY +16%»
        2020     null
        2021     70 bar «70»
      table City | Indicator | Period | Stated in | Value | Unit | Kind | Status | Note
        City A | Absorbed tech-contract turnover | 2020 H1 |  | 31.12 100m CNY | 100m CNY | actual | reported |
        City A | Absorbed tech-contract turnover | 2021 |  | 70 100m CNY | 100m CNY | actual | reported |
        City A | Absorbed tech-contract turnover growth | 2020 H1 |  | 16% | % | actual | reported |
      footnotes
        Sources: City A Science and Technology Bureau, “City A S&T bureau: 2023 work summary”
        First-half figures stand apart and are never joined to full-year ones; labels show the stated year-on-year growth"
    `);
  });

  it('bound: 首破千亿 is a dashed bar labelled ≥1,000, in a series of its own scope beside the registered turnover', () => {
    const m = build([
      turnover({ period: '2022', value: 800 }),
      turnover({
        indicator: 'tech_contract_value_unspecified',
        period: '2023',
        value: 1000,
        comparator: '>=',
        quote: '技术合同交易额首破千亿元',
      }),
    ]);
    expect(
      seriesOf(m).map((s) => s.name),
      'one series per scope, named with it',
    ).toEqual(['甲市（登记）', '甲市（未说明口径）']);
    const bound = itemsOf(m).find((i) => i.value === 1000);
    expect(bound?.itemStyle, 'a dashed outline').toMatchObject({ borderType: 'dashed', borderWidth: 2 });
    expect(bound?.label?.formatter, 'labelled ≥').toBe('≥1,000');
    expect(m.footnotes.join(' '), 'a footnote says the scopes differ').toContain('口径不同的成交额分列');
    expect(picture(m)).toMatchInlineSnapshot(`
      "x: 2022年 | 2023年
      y «亿元»: value
      series bar0:a:tech_contract_value bar «甲市（登记）» #e55659
        2022年  800 bar «800»
        2023年  null
      series bar0:a:tech_contract_value_unspecified bar «甲市（未说明口径）» #e55659
        2022年  null
        2023年  1000 bar dashed «≥1,000»
      table 城市 | 指标 | 时期 | 报告年份 | 数值 | 单位 | 类型 | 状态 | 说明
        甲市 | 技术合同成交额 | 2022年 |  | 800亿元 | 亿元 | 实际 | 已报告 |
        甲市 | 技术合同交易额（未说明口径） | 2023年 |  | ≥1,000亿元 | 亿元 | 实际 | 已报告 |
      footnotes
        来源：甲市科学技术局《甲市科技局2023年工作总结》
        口径不同的成交额分列、不合并：登记（卖方，认定登记）、吸纳（买方）、未说明口径，彼此不能直接比较"
    `);
  });

  it('masked: a redacted 2021 turnover leaves its slot empty, never a 0 bar; the table and a footnote say masked', () => {
    const m = build([
      turnover({ period: '2020', value: 40 }),
      turnover({ period: '2021', value: null }),
      turnover({ period: '2022', value: 55 }),
    ]);
    expect(
      seriesOf(m)[0]?.data.map((d) => d.value),
      'no bar in 2021, not a 0 bar',
    ).toEqual([40, null, 55]);
    const row = m.table.rows.find((r) => r.key === 'a-tech_contract_value-2021-actual');
    expect(row?.cells, 'the table says masked').toEqual(expect.arrayContaining(['原文已遮蔽', '已遮蔽']));
    expect(m.footnotes.join(' '), 'a footnote says masked, not zero').toContain('不是 0');
    expect(picture(m)).toMatchInlineSnapshot(`
      "x: 2020年 | 2021年 | 2022年
      y «亿元»: value
      series bar0:a:tech_contract_value bar «甲市（登记）» #e55659
        2020年  40 bar «40»
        2021年  null
        2022年  55 bar «55»
      table 城市 | 指标 | 时期 | 报告年份 | 数值 | 单位 | 类型 | 状态 | 说明
        甲市 | 技术合同成交额 | 2020年 |  | 40亿元 | 亿元 | 实际 | 已报告 |
        甲市 | 技术合同成交额 | 2022年 |  | 55亿元 | 亿元 | 实际 | 已报告 |
        甲市 | 技术合同成交额 | 2021年 |  | 原文已遮蔽 | 亿元 | 实际 | 已遮蔽 |
      footnotes
        来源：甲市科学技术局《甲市科技局2023年工作总结》
        甲市：报告中有此数字，但原文已遮蔽（x.xx），不是 0"
    `);
  });

  it('derived: the 2018 turnover implied by 50.1 and 比增31.57% is a bar labelled ≈, its arithmetic in the table', () => {
    const m = build([
      turnover({
        period: '2018',
        value: 38.08,
        comparator: '~',
        kind: 'derived',
        note: '50.1 ÷ 1.3157 ≈ 38.08',
      }),
      turnover({ period: '2019', value: 50.1, quote: '合同成交总金额50.1亿元,比增31.57%' }),
      observation({ indicator: 'tech_contract_value_yoy', period: '2019', value: 31.57 }),
    ]);
    const [derived, actual] = seriesOf(m)[0]?.data ?? [];
    expect(derived?.label?.formatter, 'approximate').toBe('≈38.08');
    expect(actual?.label?.formatter, 'the actual with its stated growth').toBe('50.1\n同比 +31.57%');
    const row = m.table.rows.find((r) => r.key === 'a-tech_contract_value-2018-derived');
    expect(row?.cells.join(' '), 'kind and arithmetic in the table').toMatch(/推算.*1\.3157/);
    expect(picture(m)).toMatchInlineSnapshot(`
      "x: 2018年 | 2019年
      y «亿元»: value
      series bar0:a:tech_contract_value bar «甲市（登记）» #e55659
        2018年  38.08 bar «≈38.08»
        2019年  50.1 bar «50.1↵同比 +31.57%»
      table 城市 | 指标 | 时期 | 报告年份 | 数值 | 单位 | 类型 | 状态 | 说明
        甲市 | 技术合同成交额 | 2018年 |  | ≈38.08亿元 | 亿元 | 推算 | 已报告 | 50.1 ÷ 1.3157 ≈ 38.08
        甲市 | 技术合同成交额 | 2019年 |  | 50.1亿元 | 亿元 | 实际 | 已报告 |
        甲市 | 技术合同成交额同比增长 | 2019年 |  | 31.57% | % | 实际 | 已报告 |
      footnotes
        来源：甲市科学技术局《甲市科技局2023年工作总结》"
    `);
  });

  it('many cities: on a phone, twelve cities in one year: every bar labelled, twelve colours, labels that would overprint left to the label layout', () => {
    const places = Array.from({ length: 12 }, (_, i) =>
      place({ id: `u-city${i + 1}`, zh: `样本${i + 1}市`, en: `Sample ${i + 1}` }),
    );
    const rows = places.map((p, i) => turnover({ city: p.id, period: '2022', value: 1200 + 10.5 * i }));
    const phone = build(rows, { places, width: 340 });
    const labelled = itemsOf(phone).filter((i) => i.label);
    expect(
      itemsOf(phone).filter((i) => i.value !== null),
      'every bar is drawn',
    ).toHaveLength(12);
    // ECharts' label layout moves them apart, then hides the shorter bar's (the browser tests look at the result).
    expect(labelled, 'every bar has its label').toHaveLength(12);
    type Layout = (p: { dataIndex: number }) => { hideOverlap: boolean; dy: number };
    const series = (phone.option as { series: { color: string; labelLayout: Layout }[] }).series;
    expect(new Set(series.map((x) => x.color)).size, 'twelve colours').toBe(12);
    const layouts = series.map((x) => x.labelLayout({ dataIndex: 0 }));
    for (const l of layouts) expect(l.hideOverlap).toBe(true);
    // Neighbours move up a row, then another, before any is hidden.
    expect(new Set(layouts.map((l) => l.dy)).size).toBe(3);
    expect(picture(phone, { table: false })).toMatchInlineSnapshot(`
      "x: 2022年
      y «亿元»: value
      series bar0:u-city1:tech_contract_value bar «样本1市（登记）» #006bb7
        2022年  1200 bar «1,200»
      series bar0:u-city2:tech_contract_value bar «样本2市（登记）» #af85a6
        2022年  1210.5 bar «1,210.5»
      series bar0:u-city3:tech_contract_value bar «样本3市（登记）» #34a86a
        2022年  1221 bar «1,221»
      series bar0:u-city4:tech_contract_value bar «样本4市（登记）» #7356cc
        2022年  1231.5 bar «1,231.5»
      series bar0:u-city5:tech_contract_value bar «样本5市（登记）» #b78b00
        2022年  1242 bar «1,242»
      series bar0:u-city6:tech_contract_value bar «样本6市（登记）» #269fd4
        2022年  1252.5 bar «1,252.5»
      series bar0:u-city7:tech_contract_value bar «样本7市（登记）» #c7329b
        2022年  1263 bar «1,263»
      series bar0:u-city8:tech_contract_value bar «样本8市（登记）» #9a745f
        2022年  1273.5 bar «1,273.5»
      series bar0:u-city9:tech_contract_value bar «样本9市（登记）» #7f9909
        2022年  1284 bar «1,284»
      series bar0:u-city10:tech_contract_value bar «样本10市（登记）» #e55659
        2022年  1294.5 bar «1,294.5»
      series bar0:u-city11:tech_contract_value bar «样本11市（登记）» #197884
        2022年  1305 bar «1,305»
      series bar0:u-city12:tech_contract_value bar «样本12市（登记）» #e87307
        2022年  1315.5 bar «1,315.5»
      footnotes
        来源：甲市科学技术局《甲市科技局2023年工作总结》"
    `);
    // Twelve cities over three years on a phone: under 12 px per bar, no bar is labelled.
    const years = places.flatMap((p) =>
      ['2020', '2021', '2022'].map((period) => turnover({ city: p.id, period, value: 100 })),
    );
    const dense = build(years, { places, width: 340 });
    expect(
      itemsOf(dense).filter((i) => i.label),
      'no labels at all',
    ).toEqual([]);
    expect(dense.footnotes.join(' '), 'and the chart says so').toContain('柱子太密，未标数值');
  });
});
