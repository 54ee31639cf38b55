// Numbers read the same as the platform writes them (the app avoids Intl only for its cold-start cost).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNumber, formatValue } from '../../src/lib/i18n/format';

const intl = (lang: 'zh' | 'en', digits: number) =>
  new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits });

describe('formatNumber', () => {
  it('groups thousands and trims trailing zeros', () => {
    expect(formatNumber(1407, 'zh')).toBe('1,407');
    expect(formatNumber(2_000_000.5, 'en')).toBe('2,000,000.5');
    expect(formatNumber(3.7, 'zh')).toBe('3.7');
    expect(formatNumber(3.756, 'zh')).toBe('3.76');
    expect(formatNumber(-1234.5, 'en')).toBe('-1,234.5');
    expect(formatNumber(12.3456, 'en', 3)).toBe('12.346');
  });

  it('agrees with Intl.NumberFormat for zh-CN and en-US', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          // Up to 14 significant digits: beyond that a double no longer holds the written decimals.
          fc.double({ min: -1e9, max: 1e9, noNaN: true }),
          fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100),
        ),
        fc.constantFrom('zh' as const, 'en' as const),
        fc.integer({ min: 0, max: 4 }),
        (x, lang, digits) => {
          // A figure too small for two decimals keeps two significant digits (tested below).
          if (digits === 2 && x !== 0 && Math.abs(x) < 0.01) return;
          const want = intl(lang, digits).format(x).replace(/^-0$/, '0');
          expect(formatNumber(x, lang, digits)).toBe(want);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a figure too small for two decimals keeps two significant digits, never reads as 0', () => {
    expect(formatNumber(0.00417, 'zh')).toBe('0.0042');
    expect(formatNumber(-0.0004, 'en')).toBe('-0.0004');
    expect(formatNumber(0.006, 'en')).toBe('0.006');
    expect(formatNumber(0.0099, 'en')).toBe('0.0099');
    expect(formatNumber(0.012, 'en')).toBe('0.01');
    expect(
      formatValue(
        0.00417,
        '=',
        '100m CNY',
        'zh',
        new Map([['100m CNY', { id: '100m CNY', zh: '亿元', en: '100m CNY' }]]),
      ),
    ).toBe('0.0042亿元');
  });

  it('an English count is the number alone ("2,000", not "2,000 count")', () => {
    const units = new Map([['count', { id: 'count', zh: '个', en: 'count' }]]);
    expect(formatValue(2000, '>=', 'count', 'en', units)).toBe('≥2,000');
    expect(formatValue(2000, '>=', 'count', 'zh', units)).toBe('≥2,000个');
  });

  it('never draws a masked figure as a number', () => {
    expect(formatValue(null, '=', '%', 'zh', new Map())).not.toMatch(/\d/);
  });
});
