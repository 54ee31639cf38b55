// The column-mapping step: a table whose header names no known column is not refused outright; the importer
// offers its first rows and a guess, and the user's mapping imports it.
import { describe, expect, it } from 'vitest';
import { importText } from '../../../src/lib/import/index';
import { context } from '../../fixtures/upload/context';
import type { ImportMapping } from '../../../src/lib/import/types';

const ODD =
  '芜湖市科技统计\n地方,科目,时点,量,计量\n芜湖,研发经费投入强度,2022,3.10,%\n芜湖,高新技术企业数,2022,"1,612",家\n';

describe('column mapping', () => {
  it('offers the first rows and a guess instead of only refusing a header it cannot read', () => {
    const r = importText(ODD, context());
    expect(r).toMatchObject({ ok: false, code: 'no-header' });
    if (r.ok) return;
    const offer = r.mapping!;
    expect(offer.headerLine).toBe(2);
    expect(offer.headers).toEqual(['地方', '科目', '时点', '量', '计量']);
    expect(offer.preview[0]).toEqual(['芜湖', '研发经费投入强度', '2022', '3.10', '%']);
    expect(offer.guess).toEqual({ city: 0, indicator: 1, period: 2, value: 3, unit: 4 });
    expect(offer.signature).toMatch(/^[0-9a-z]+$/);
  });

  it('imports with the mapping the user chose, reading units and numbers by the usual rules', () => {
    const mapping: ImportMapping = { headerLine: 2, city: 0, indicator: 1, period: 2, value: 3, unit: 4 };
    const r = importText(ODD, context('odd.csv', { mapping }));
    if (!r.ok) throw new Error(r.message.en);
    expect(r.rows.map((o) => [o.city, o.indicator, o.period, o.value, o.unit])).toEqual([
      ['wuhu', 'rd_intensity', '2022', 3.1, '%'],
      ['wuhu', 'high_tech_enterprises', '2022', 1612, 'count'],
    ]);
  });

  it('still explains what is missing when the mapping leaves out the figures', () => {
    const mapping: ImportMapping = { headerLine: 2, city: 0, indicator: 1, period: 2, value: -1, unit: -1 };
    const r = importText(ODD, context('odd.csv', { mapping }));
    expect(r).toMatchObject({ ok: false, code: 'missing-column' });
  });

  it('gives the same signature to the same header, so a mapping is remembered for it', () => {
    const a = importText(ODD, context());
    const b = importText(ODD.replace('3.10', '3.20'), context());
    const c = importText(ODD.replace('计量', '单位x'), context());
    const sig = (r: typeof a) => (r.ok ? '' : r.mapping!.signature);
    expect(sig(a)).toBe(sig(b));
    expect(sig(a)).not.toBe(sig(c));
  });

  it('offers the mapping when a column is missing, not for a reserved or duplicate name', () => {
    const noValue = importText('城市,指标,年份\n芜湖,研发经费投入强度,2022\n', context());
    expect(noValue.ok ? null : noValue.mapping?.headers).toEqual(['城市', '指标', '年份']);
    const reserved = importText('__proto__,城市,数值\nx,芜湖,1\n', context());
    expect(reserved.ok ? null : reserved.mapping).toBeUndefined();
  });
});
