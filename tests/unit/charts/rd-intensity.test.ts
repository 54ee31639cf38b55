// rd-intensity, one small scenario per encoding: the rows, what must hold, and the picture (picture.ts).
import { describe, expect, it } from 'vitest';
import { chartSpec } from '../../../src/lib/charts/registry';
import { REFERENCE_COLOR } from '../../../src/lib/charts/common';
import { chartInput, observation, place } from '../factory';
import { itemsOf, picture, seriesOf } from './picture';

const build = (...args: Parameters<typeof chartInput>) =>
  chartSpec('rd-intensity').build(chartInput(...args));

describe('rd-intensity scenarios', () => {
  it('masked: a redacted 2021 figure (x.xx) has no mark, never a 0 point; the table and a footnote say masked', () => {
    const m = build([
      observation({ period: '2020', value: 2.9 }),
      observation({ period: '2021', value: null }),
      observation({ period: '2022', value: 3.1 }),
    ]);
    const line = seriesOf(m).find((s) => s.id === 'line:a');
    expect(
      line?.data.map((d) => d.value),
      'the masked year has no value, not 0',
    ).toEqual([2.9, null, 3.1]);
    expect(
      itemsOf(m).some((i) => i.value === 0),
      'no mark is drawn at 0',
    ).toBe(false);
    const row = m.table.rows.find((r) => r.key === 'a-rd_intensity-2021-actual');
    expect(row?.cells, 'the table lists the masked figure as masked').toEqual(
      expect.arrayContaining(['原文已遮蔽', '已遮蔽']),
    );
    expect(m.footnotes.join(' '), 'a footnote says masked, not zero').toContain('不是 0');
    expect(picture(m)).toMatchInlineSnapshot(`
      "x: 2020年 | 2021年 | 2022年
      y «%»: value
      series line:a line «甲市» #e55659 joined across nulls end label «甲市»
        2020年  2.9 circle
        2021年  null
        2022年  3.1 circle
      table 城市 | 指标 | 时期 | 报告年份 | 数值 | 单位 | 类型 | 状态 | 说明
        甲市 | 研发经费投入强度 | 2020年 |  | 2.9% | % | 实际 | 已报告 |
        甲市 | 研发经费投入强度 | 2022年 |  | 3.1% | % | 实际 | 已报告 |
        甲市 | 研发经费投入强度 | 2021年 |  | 原文已遮蔽 | % | 实际 | 已遮蔽 |
      footnotes
        来源：甲市科学技术局《甲市科技局2023年工作总结》
        甲市：报告中有此数字，但原文已遮蔽（x.xx），不是 0"
    `);
  });

  it('derived: the year before, from "提升0.28个百分点", is a hollow dot on the line; the table gives the arithmetic', () => {
    const m = build([
      observation({ period: '2021', value: 3.48, kind: 'derived', note: '3.76 − 0.28 pp = 3.48' }),
      observation({ period: '2022', value: 3.76, quote: '占GDP比重达3.76%，较上年提升0.28个百分点' }),
    ]);
    const [derived, actual] = seriesOf(m).find((s) => s.id === 'line:a')?.data ?? [];
    expect(derived, 'derived: a hollow circle on the line').toMatchObject({
      value: 3.48,
      symbol: 'circle',
      itemStyle: { color: '#ffffff' },
    });
    expect(actual?.itemStyle?.color, 'the actual beside it is filled').not.toBe('#ffffff');
    const row = m.table.rows.find((r) => r.key === 'a-rd_intensity-2021-derived');
    expect(row?.cells.join(' '), 'kind and arithmetic in the table').toMatch(/推算.*0\.28/);
    expect(picture(m)).toMatchInlineSnapshot(`
      "x: 2021年 | 2022年
      y «%»: value
      series line:a line «甲市» #e55659 joined across nulls end label «甲市»
        2021年  3.48 circle hollow
        2022年  3.76 circle
      table 城市 | 指标 | 时期 | 报告年份 | 数值 | 单位 | 类型 | 状态 | 说明
        甲市 | 研发经费投入强度 | 2021年 |  | 3.48% | % | 推算 | 已报告 | 3.76 − 0.28 pp = 3.48
        甲市 | 研发经费投入强度 | 2022年 |  | 3.76% | % | 实际 | 已报告 |
      footnotes
        来源：甲市科学技术局《甲市科技局2023年工作总结》"
    `);
  });

  it('target: a 力争 3.5 % plan target is a hollow diamond labelled 目标, off the line, never an actual', () => {
    const m = build([
      observation({ period: '2022', value: 3.1 }),
      observation({
        period: '2025',
        value: 3.5,
        comparator: '>=',
        kind: 'target',
        quote: '力争达到3.5%以上',
      }),
    ]);
    const line = seriesOf(m).find((s) => s.id === 'line:a');
    expect(line?.data.at(-1)?.value, 'the line does not reach the target year').toBeNull();
    const target = seriesOf(m)
      .find((s) => s.id === 'target:a')
      ?.data.find((d) => d.value !== null);
    expect(target, 'a hollow diamond').toMatchObject({
      value: 3.5,
      symbol: 'diamond',
      itemStyle: { color: '#ffffff' },
    });
    expect(target?.label?.formatter, 'labelled as a target and a bound').toBe('目标 ≥3.5%');
    expect(picture(m)).toMatchInlineSnapshot(`
      "x: 2022年 | 2023年 | 2024年 | 2025年
      y «%»: value
      series line:a line «甲市» #e55659 joined across nulls end label «甲市»
        2022年  3.1 circle
        2023年  null
        2024年  null
        2025年  null
      series target:a marks «甲市» #e55659
        2022年  null
        2023年  null
        2024年  null
        2025年  3.5 diamond hollow «目标 ≥3.5%»
      table 城市 | 指标 | 时期 | 报告年份 | 数值 | 单位 | 类型 | 状态 | 说明
        甲市 | 研发经费投入强度 | 2022年 |  | 3.1% | % | 实际 | 已报告 |
        甲市 | 研发经费投入强度 | 2025年 |  | ≥3.5% | % | 目标 | 已报告 |
      footnotes
        来源：甲市科学技术局《甲市科技局2023年工作总结》"
    `);
  });

  it('reference: national and provincial figures are dashed grey lines labelled with place and year, in zh and en', () => {
    const rows = [
      observation({ period: '2018', value: 2.37 }),
      observation({ period: '2019', value: 2.5 }),
      observation({ city: 'china', period: '2018', value: 2.18, kind: 'reference' }),
      observation({ city: 'prov-a', period: '2018', value: 1.8, kind: 'reference' }),
    ];
    const zh = build(rows);
    const refs = seriesOf(zh).filter((s) => s.lineStyle?.type === 'dashed');
    expect(
      refs.map((s) => s.endLabel?.formatter),
      'labelled with place, value and year',
    ).toEqual(['全国 2.18%（2018年）', '甲省 1.8%（2018年）']);
    for (const r of refs)
      expect([r.color, r.symbol], 'grey, no dots: not a city').toEqual([REFERENCE_COLOR, 'none']);
    expect(
      seriesOf(zh)
        .filter((s) => s.lineStyle?.type !== 'dashed')
        .map((s) => s.name),
      'the references are not city series',
    ).toEqual(['甲市']);
    expect(picture(zh)).toMatchInlineSnapshot(`
      "x: 2018年 | 2019年
      y «%»: value
      series line:a line «甲市» #e55659 joined across nulls end label «甲市»
        2018年  2.37 circle
        2019年  2.5 circle
      series ref-china-2018 line «全国» #7a7a7a dashed no symbols end label «全国 2.18%（2018年）»
        2018年  2.18
        2019年  2.18
      series ref-prov-a-2018 line «甲省» #7a7a7a dashed no symbols end label «甲省 1.8%（2018年）»
        2018年  1.8
        2019年  1.8
      table 城市 | 指标 | 时期 | 报告年份 | 数值 | 单位 | 类型 | 状态 | 说明
        甲市 | 研发经费投入强度 | 2018年 |  | 2.37% | % | 实际 | 已报告 |
        甲市 | 研发经费投入强度 | 2019年 |  | 2.5% | % | 实际 | 已报告 |
        全国 | 研发经费投入强度 | 2018年 |  | 2.18% | % | 参照 | 已报告 |
        甲省 | 研发经费投入强度 | 2018年 |  | 1.8% | % | 参照 | 已报告 |
      footnotes
        来源：甲市科学技术局《甲市科技局2023年工作总结》"
    `);
    const en = build(rows, { lang: 'en' });
    expect(
      seriesOf(en).map((s) => s.endLabel?.formatter ?? s.name),
      'in English, ASCII brackets',
    ).toEqual(['City A', 'China 2.18% (2018)', 'Province A 1.8% (2018)']);
    expect(picture(en)).toMatchInlineSnapshot(`
      "x: 2018 | 2019
      y «%»: value
      series line:a line «City A» #e55659 joined across nulls end label «City A»
        2018  2.37 circle
        2019  2.5 circle
      series ref-china-2018 line «China» #7a7a7a dashed no symbols end label «China 2.18% (2018)»
        2018  2.18
        2019  2.18
      series ref-prov-a-2018 line «Province A» #7a7a7a dashed no symbols end label «Province A 1.8% (2018)»
        2018  1.8
        2019  1.8
      table City | Indicator | Period | Stated in | Value | Unit | Kind | Status | Note
        City A | R&D intensity | 2018 |  | 2.37% | % | actual | reported |
        City A | R&D intensity | 2019 |  | 2.5% | % | actual | reported |
        China | R&D intensity | 2018 |  | 2.18% | % | reference | reported |
        Province A | R&D intensity | 2018 |  | 1.8% | % | reference | reported |
      footnotes
        Sources: City A Science and Technology Bureau, “City A S&T bureau: 2023 work summary”"
    `);
  });

  it('many cities: twelve cities, more than the ten colours: every city is drawn and named, none dropped', () => {
    const places = Array.from({ length: 12 }, (_, i) =>
      place({ id: `u-city${i + 1}`, zh: `样本${i + 1}市`, en: `Sample ${i + 1}` }),
    );
    const m = build(
      places.map((p, i) => observation({ city: p.id, period: '2022', value: 2 + i / 10 })),
      { places },
    );
    expect(
      seriesOf(m).map((s) => s.name),
      'a legend entry per city',
    ).toEqual(places.map((p) => p.zh));
    expect(m.table.total, 'a table row per city').toBe(12);
    // The palette has ten colours: the 11th and 12th cities reuse two earlier cities' colours (the picture shows it).
    expect(picture(m, { table: false })).toMatchInlineSnapshot(`
      "x: 2022年
      y «%»: value
      series line:u-city1 line «样本1市» #006bb7 joined across nulls end label «样本1市»
        2022年  2 circle
      series line:u-city2 line «样本2市» #af85a6 joined across nulls end label «样本2市»
        2022年  2.1 circle
      series line:u-city3 line «样本3市» #34a86a joined across nulls end label «样本3市»
        2022年  2.2 circle
      series line:u-city4 line «样本4市» #7356cc joined across nulls end label «样本4市»
        2022年  2.3 circle
      series line:u-city5 line «样本5市» #b78b00 joined across nulls end label «样本5市»
        2022年  2.4 circle
      series line:u-city6 line «样本6市» #269fd4 joined across nulls end label «样本6市»
        2022年  2.5 circle
      series line:u-city7 line «样本7市» #c7329b joined across nulls end label «样本7市»
        2022年  2.6 circle
      series line:u-city8 line «样本8市» #9a745f joined across nulls end label «样本8市»
        2022年  2.7 circle
      series line:u-city9 line «样本9市» #7f9909 joined across nulls end label «样本9市»
        2022年  2.8 circle
      series line:u-city10 line «样本10市» #e55659 joined across nulls end label «样本10市»
        2022年  2.9 circle
      series line:u-city11 line «样本11市» #197884 joined across nulls end label «样本11市»
        2022年  3 circle
      series line:u-city12 line «样本12市» #e87307 joined across nulls end label «样本12市»
        2022年  3.1 circle
      footnotes
        来源：甲市科学技术局《甲市科技局2023年工作总结》"
    `);
  });
});
