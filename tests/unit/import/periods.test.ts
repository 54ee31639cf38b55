import { describe, expect, it } from 'vitest';
import { readPeriod } from '../../../src/lib/import/periods';

const period = (raw: string) => {
  const r = readPeriod(raw);
  return r.ok ? r.period : `error:${r.code}`;
};

describe('reading years', () => {
  it("reads 2022, 2022年, 2022年度, ２０２２ and Excel's 2022.0 as 2022", () => {
    for (const raw of [
      '2022',
      '2022年',
      '2022年度',
      ' 2022 ',
      '２０２２',
      '2022.0',
      '2022年末',
      '2022-12-31',
      '2022/12/31',
    ])
      expect([raw, period(raw)]).toEqual([raw, '2022']);
  });

  it('reads first halves as YYYY-H1: 2020-H1, 2020H1, 2020上半年, 2020年1-6月, 2020-06-30', () => {
    for (const raw of [
      '2020-H1',
      '2020H1',
      '2020 h1',
      '2020上半年',
      '2020年上半年',
      '2020年1-6月',
      '2020年1—6月',
      '2020-06-30',
      '2020年6月底',
    ])
      expect([raw, period(raw)]).toEqual([raw, '2020-H1']);
  });

  it('keeps a masked year (20xx) as an empty period', () => {
    expect(readPeriod('20xx')).toEqual({ ok: true, period: '', masked: true });
    expect(readPeriod('xxxx年')).toEqual({ ok: true, period: '', masked: true });
  });

  it('refuses quarters, second halves and arbitrary dates rather than plotting them as years', () => {
    for (const raw of ['2022Q3', '2022年第三季度', '2022下半年', '2022-03-15'])
      expect(period(raw)).toBe('error:unsupported-period');
  });

  it('refuses what is not a year', () => {
    for (const raw of ['22', '1850', '3000', 'abc', '2022年度预算'])
      expect(period(raw)).toBe('error:bad-period');
    expect(period('')).toBe('error:empty');
  });
});
