// Where a time chart's words go: the legend wrapped (never paged), every category labelled (stacked or turned
// rather than thinned), end labels only where the lines are few, a log axis only where the values span
// orders of magnitude, text sized from the presentation scale.
import { describe, expect, it } from 'vitest';
import {
  categoryLabels,
  endLabelRoom,
  labelWidth,
  legendBlock,
  legendRows,
  rankLabel,
  textPx,
  valueScale,
} from '../../src/lib/charts/layout';
import { HEADLINE_CHARTS, chartSpec } from '../../src/lib/charts/registry';
import { input } from './helpers';
import { indicator, observation, place, uploadPart } from './factory';

const names = (n: number) => Array.from({ length: n }, (_, i) => `样本${i + 1}市`);

describe('chart layout', () => {
  it('estimates a label by its widest line, Chinese characters wider than digits', () => {
    expect(labelWidth('同比')).toBeGreaterThan(labelWidth('12'));
    expect(labelWidth('50.1\n+31.57%')).toBe(labelWidth('+31.57%'));
  });

  it('wraps the legend into as many rows as the names need, never pages it; on a phone it sits below', async () => {
    expect(legendRows(names(2), 800, 12)).toBe(1);
    expect(legendRows(names(12), 580, 12)).toBe(2);
    expect(legendRows(names(24), 580, 12)).toBe(4);
    const wide = legendBlock(names(12), { ...(await input()), width: 599 });
    expect(wide.legend).toMatchObject({ type: 'plain', top: 0, bottom: 'auto' });
    expect(wide.top).toBe(50);
    const phone = legendBlock(names(12), { ...(await input()), width: 340 });
    expect(phone.legend).toMatchObject({ top: 'auto', bottom: 0 });
    expect([phone.top, phone.bottom > wide.top]).toEqual([0, true]);
  });

  it('labels every category: side by side, a half-year stacked under its year, else turned; never thinned', async () => {
    const base = await input();
    const years = ['2018年', '2019年', '2019上半年', '2020年'];
    expect(categoryLabels(years, { ...base, width: 800 }).axisLabel).toMatchObject({
      interval: 0,
      rotate: 0,
    });
    const stacked = categoryLabels([...years, '2021年', '2022年', '2023年'], {
      ...base,
      width: 480,
    }).axisLabel;
    expect(stacked).toMatchObject({ interval: 0, rotate: 0 });
    expect((stacked.formatter as (s: string) => string)('2019上半年')).toBe('2019\n上半年');
    expect((stacked.formatter as (s: string) => string)('2019 H1')).toBe('2019\nH1');
    expect((stacked.formatter as (s: string) => string)('2019年')).toBe('2019年');
    const many = Array.from({ length: 14 }, (_, i) => `${2010 + i}年`);
    const turned = categoryLabels(many, { ...base, width: 340 }).axisLabel;
    expect(turned).toMatchObject({ interval: 0, hideOverlap: false });
    expect([45, 90]).toContain(turned.rotate);
  });

  it('end labels name a few lines; beyond eight, or on a phone, the legend alone names them', async () => {
    const base = await input();
    expect(endLabelRoom(names(3), { ...base, width: 800 })).toBeGreaterThan(30);
    expect(endLabelRoom(names(9), { ...base, width: 800 })).toBe(0);
    expect(endLabelRoom(names(3), { ...base, width: 340 })).toBe(0);
  });

  it('offers a log axis only for values above zero spanning more than two orders of magnitude', () => {
    expect(valueScale([30, 30_000], true)).toEqual({ offered: true });
    expect(valueScale([30, 3000], true)).toEqual({ offered: false });
    expect(valueScale([0, 30_000], true)).toEqual({ offered: false });
    expect(valueScale([-5, 30_000], true)).toEqual({ offered: false });
    expect(valueScale([30, null, 30_000], false)).toEqual({ offered: false });
    expect([rankLabel('zh'), rankLabel('en')]).toEqual(['第{value}', '#{value}']);
  });

  it('sizes every word from the presentation scale: 12 px on the dashboard, 18 px and more at 1.5', async () => {
    expect([textPx({}), textPx({ scale: 1.5 })]).toEqual([12, 18]);
    const m = HEADLINE_CHARTS['rd-intensity'].build({ ...(await input()), scale: 1.5 });
    const o = m.option as {
      legend: { textStyle: { fontSize: number } };
      xAxis: { axisLabel: { fontSize: number } };
      yAxis: { axisLabel: { fontSize: number }; nameTextStyle: { fontSize: number } };
      series: { data: { label?: { fontSize: number } }[]; endLabel?: { fontSize: number } }[];
    };
    const sizes = [
      o.legend.textStyle.fontSize,
      o.xAxis.axisLabel.fontSize,
      o.yAxis.axisLabel.fontSize,
      o.yAxis.nameTextStyle.fontSize,
      ...o.series.flatMap((s) => [
        ...(s.endLabel ? [s.endLabel.fontSize] : []),
        ...s.data.flatMap((d) => (d.label ? [d.label.fontSize] : [])),
      ]),
    ];
    expect(Math.min(...sizes)).toBe(18);
  });
});

describe('the explorer’s axis', () => {
  it('a rank indicator: the axis turned over, whole places, 第1 on top; never a log axis', async () => {
    const m = chartSpec('explorer').build(
      await input({ indicator: 'rd_expenditure_rank_province', logScale: true }),
    );
    expect(m.option).toMatchObject({
      yAxis: { type: 'value', inverse: true, min: 1, minInterval: 1, axisLabel: { formatter: '第{value}' } },
    });
    expect(m.logScale).toBeUndefined();
  });

  it('values spanning orders of magnitude: a log axis offered, drawn when asked, starting where the data does', async () => {
    const rows = [
      observation({
        city: 'u-a',
        indicator: 'u_patents',
        period: '2022',
        value: 30,
        unit: 'count',
        source: 'upload:p',
      }),
      observation({
        city: 'u-b',
        indicator: 'u_patents',
        period: '2022',
        value: 31_870,
        unit: 'count',
        source: 'upload:p',
      }),
    ];
    const part = uploadPart('upload:p', rows, [place({ id: 'u-a' }), place({ id: 'u-b' })]);
    const uploads = [
      {
        ...part,
        indicators: [indicator({ id: 'u_patents', zh: '专利授权量', en: 'Patents', unit: 'count' })],
      },
    ];
    const base = { indicator: 'u_patents', cities: ['u-a', 'u-b'] };
    const linear = chartSpec('explorer').build(await input(base, uploads));
    expect(linear.logScale).toEqual({ on: false });
    expect(linear.option).toMatchObject({ yAxis: { type: 'value', min: 0 } });
    const log = chartSpec('explorer').build(await input({ ...base, logScale: true }, uploads));
    expect(log.logScale).toEqual({ on: true });
    expect(log.option).toMatchObject({ yAxis: { type: 'log', min: null } });
    // R&D intensity (1.8 % to 3.8 %) spans less than two orders: no log axis, even when the link asks.
    const rd = HEADLINE_CHARTS['rd-intensity'].build(await input({ logScale: true }));
    expect([rd.logScale, (rd.option as { yAxis: { type: string } }).yAxis.type]).toEqual([
      undefined,
      'value',
    ]);
  });
});
