// A workbook cell reads as the same text a CSV cell would hold, so one set of number rules serves both.
import { describe, expect, it } from 'vitest';
import { cellText, excelNumber, type DateReader } from '../../../src/lib/import/workbook/cellText';
import { NO_CACHED_VALUE } from '../../../src/lib/import/rowBuilder';

/** Serials in the 1900 system as Excel counts them (1900-03-01 onwards), or 1904 when `from1904`. */
function dates(from1904 = false): DateReader {
  return {
    isDate: (f) => {
      const bare = f.replace(/"[^"]*"|\[[^\]]*\]/g, '');
      return /[ymd]/i.test(bare) && !bare.includes('%');
    },
    ymd: (serial) => {
      const base = from1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
      const d = new Date(base + serial * 86_400_000);
      return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
    },
  };
}

describe('workbook cells as text', () => {
  it('keeps Excel’s 15 significant digits, so 0.0376 shown as a percent is 3.76, not 3.7600000000000002', () => {
    expect(excelNumber(0.0376 * 100)).toBe('3.76');
    expect(cellText({ t: 'n', v: 0.0376, z: '0.00%' }, dates())).toBe('3.76%');
    expect(cellText({ t: 'n', v: 0.1 + 0.2 }, dates())).toBe('0.3');
    expect(cellText({ t: 'n', v: 2021, z: 'General' }, dates())).toBe('2021');
  });

  it('states the decimals the format shows when they lose nothing, so 3.80 stays 3.80 and 3.76 shown as 3.8 stays 3.76', () => {
    expect(cellText({ t: 'n', v: 3.8, z: '0.00' }, dates())).toBe('3.80');
    expect(cellText({ t: 'n', v: 3.76, z: '0.0' }, dates())).toBe('3.76');
    expect(cellText({ t: 'n', v: 4012, z: '#,##0' }, dates())).toBe('4012');
    expect(cellText({ t: 'n', v: 0.038, z: '0.00%' }, dates())).toBe('3.80%');
    expect(cellText({ t: 'n', v: 1234.5, z: '#,##0.00_);[Red](#,##0.00)' }, dates())).toBe('1234.50');
  });

  it('never turns a date into a number: a year-only date header is its year, other dates are ISO text', () => {
    expect(cellText({ t: 'n', v: 44927, z: 'yyyy' }, dates())).toBe('2023年');
    expect(cellText({ t: 'n', v: 44927, z: 'yyyy"年"' }, dates())).toBe('2023年');
    expect(cellText({ t: 'n', v: 45047, z: 'yyyy-mm-dd' }, dates())).toBe('2023-05-01');
    // A 1904 workbook counts its days from 1904: the same day has a serial 1,462 smaller.
    expect(cellText({ t: 'n', v: 44927 - 1462, z: 'yyyy-mm-dd' }, dates(true))).toBe('2023-01-01');
  });

  it('reads a formula by its cached value, and one without as missing (never 0)', () => {
    expect(cellText({ t: 'n', v: 3.5, f: '2+1.5' }, dates())).toBe('3.5');
    expect(cellText({ t: 'z', v: 0, f: '2+1.5' }, dates())).toBe(NO_CACHED_VALUE);
    expect(cellText({ t: 'z' }, dates())).toBe('');
    expect(cellText(undefined, dates())).toBe('');
  });

  it('keeps text as text, formula-like or markup-like included', () => {
    expect(cellText({ t: 's', v: '4,012' }, dates())).toBe('4,012');
    expect(cellText({ t: 's', v: "=cmd|' /C calc'!A0" }, dates())).toBe("=cmd|' /C calc'!A0");
    expect(cellText({ t: 'b', v: true }, dates())).toBe('TRUE');
    expect(cellText({ t: 'e', v: 7, w: '#DIV/0!' }, dates())).toBe('#DIV/0!');
  });
});
