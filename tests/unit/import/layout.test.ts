import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../../src/lib/import/layout';
import { unitInLine } from '../../../src/lib/import/roles';

const detect = (rows: string[][]) =>
  detectLayout(
    rows,
    rows.map((_, i) => i + 1),
  );

describe('finding the header and the layout', () => {
  it('recognises the template headers as a long table', () => {
    const r = detect([
      ['城市', '指标', '年份', '数值', '单位', '比较', '类型', '备注'],
      ['芜湖', 'x', '2022', '1', '', '', '', ''],
    ]);
    expect(r.ok && r.layout.kind).toBe('long');
    if (!r.ok) return;
    expect(r.layout.cols).toEqual({
      city: 0,
      indicator: 1,
      period: 2,
      value: 3,
      unit: 4,
      comparator: 5,
      kind: 6,
      note: 7,
      source: -1,
      status: -1,
    });
  });

  it('accepts header aliases in Chinese and English', () => {
    const r = detect([['地区', '指标名称', '年度', '值', '计量单位']]);
    expect(r.ok && r.layout.cols).toMatchObject({ city: 0, indicator: 1, period: 2, value: 3, unit: 4 });
    const e = detect([['Region', 'Indicator', 'Year', 'Value', 'Unit']]);
    expect(e.ok && e.layout.cols).toMatchObject({ city: 0, indicator: 1, period: 2, value: 3, unit: 4 });
  });

  it('skips title rows and remembers a 单位：亿元 line above the header', () => {
    const r = detect([['芜湖市科技指标统计表'], ['单位：亿元'], [], ['城市', '指标', '年份', '数值']]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layout.headerLine).toBe(4);
    expect(r.layout.fileUnit).toBe('亿元');
    expect(r.layout.fileUnitLine).toBe(2);
    expect(r.layout.titles.map((t) => t.text)).toEqual(['芜湖市科技指标统计表', '单位：亿元']);
  });

  it('finds the unit in several spellings of the unit line', () => {
    expect(unitInLine('单位：亿元')).toBe('亿元');
    expect(unitInLine('（单位：万元）')).toBe('万元');
    expect(unitInLine('计量单位: 家')).toBe('家');
    expect(unitInLine('Unit: 100m CNY')).toBe('100m CNY');
    expect(unitInLine('芜湖市科技指标统计表')).toBe('');
  });

  it('trims and NFKC-normalises headers before matching: 指标　值 is 指标 值, the value column', () => {
    const r = detect([[' 城市　', '指标名称 ', '年　份', '指标　值']]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layout.headers).toEqual(['城市', '指标名称', '年 份', '指标 值']);
    expect(r.layout.cols).toMatchObject({ city: 0, indicator: 1, period: 2, value: 3 });
  });

  it('reads a unit in the value header brackets: 数值（亿元）', () => {
    const r = detect([['城市', '指标', '年份', '数值（亿元）']]);
    expect(r.ok && r.layout.valueUnit).toBe('亿元');
  });

  it('melts years as columns (2020年, 2021, 2022年度, 2023上半年) into a wide layout', () => {
    const r = detect([['城市', '指标', '单位', '2020年', '2021', '2022年度', '2023上半年', '2024年（%）']]);
    expect(r.ok && r.layout.kind).toBe('wide');
    if (!r.ok) return;
    expect(r.layout.periods.map((p) => [p.index, p.period, p.unit])).toEqual([
      [3, '2020', ''],
      [4, '2021', ''],
      [5, '2022', ''],
      [6, '2023-H1', ''],
      [7, '2024', '%'],
    ]);
  });

  it('refuses duplicate headers by name, never inventing 城市_1', () => {
    const r = detect([['城市', '城市', '年份', '数值']]);
    expect(r).toMatchObject({ ok: false, code: 'duplicate-header' });
    if (r.ok) return;
    expect(r.message.zh).toContain('第1列“城市”与第2列“城市”');
    expect(r.message.en).toContain('duplicate column name');
    expect(detect([['城市', ' 城市', '年份', '数值']])).toMatchObject({
      ok: false,
      code: 'duplicate-header',
    });
    expect(detect([['城市', '指标', '2021', '2021年']])).toMatchObject({
      ok: false,
      code: 'duplicate-header',
    });
  });

  it('refuses two columns that both look like the city column', () => {
    expect(detect([['城市', '地区', '指标', '年份', '数值']])).toMatchObject({
      ok: false,
      code: 'ambiguous-header',
    });
  });

  it('refuses headers named __proto__, constructor or prototype, by name', () => {
    for (const bad of ['__proto__', 'constructor', 'prototype', 'Constructor']) {
      const r = detect([['城市', '指标', '年份', '数值', bad]]);
      expect(r).toMatchObject({ ok: false, code: 'reserved-header' });
      if (!r.ok) expect(r.message.zh).toContain(`“${bad}”`);
    }
  });

  it('reports unknown columns instead of guessing what they are', () => {
    const r = detect([['序号', '城市', '指标', '年份', '数值', '行政区划代码']]);
    expect(r.ok && r.layout.ignored).toEqual([
      { index: 0, header: '序号' },
      { index: 5, header: '行政区划代码' },
    ]);
  });

  it('says what is missing when there is no header', () => {
    const r = detect([['芜湖市'], ['1', '2']]);
    expect(r).toMatchObject({ ok: false, code: 'no-header' });
    expect(detect([['城市', '指标', '备注']])).toMatchObject({ ok: false, code: 'missing-column' });
  });
});
