import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { toCsv, type CsvCell } from '../../src/lib/export/csv';

/** One cell as the file writes it (between the header line and the final CRLF). */
const field = (cell: CsvCell) => toCsv(['h'], [[cell]]).slice('\uFEFFh\r\n'.length, -2);

/** Parse our output back as Excel would see it: strip the BOM, parse, drop the empty record after the final CRLF. */
function parseBack(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const res = Papa.parse<string[]>(csv.slice(1), { delimiter: ',', newline: '\r\n', quoteChar: '"' });
  expect(res.errors).toEqual([]);
  const data = res.data;
  expect(data[data.length - 1]).toEqual(['']);
  return data.slice(0, -1);
}

const FORMULA_START = /^[=+\-@\t\r\n]/;

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and uses CRLF line ends', () => {
    const csv = toCsv(['城市', '数值'], [['芜湖', 2.5]]);
    expect(csv).toBe('\uFEFF城市,数值\r\n芜湖,2.5\r\n');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
  });

  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+1', `"'+1+1"`],
    ['@SUM(1)', `"'@SUM(1)"`],
    ['\t=1', `"'\t=1"`],
    ['=1+1\nx', `"'=1+1\nx"`],
    ['\n=1', `"'\n=1"`],
    ['-1+2', `"'-1+2"`],
    ['\r=1', `"'\r=1"`],
  ])('neutralises the text cell %j', (cell, expected) => {
    expect(field(cell)).toBe(expected);
    expect(parseBack(toCsv(['h'], [[cell]]))[1]).toEqual([`'${cell}`]);
  });

  it("keeps numbers as numbers: -5 is written -5, not '-5", () => {
    expect(toCsv(['v'], [[-5]])).toBe('\uFEFFv\r\n-5\r\n');
    expect(field(-5)).toBe('-5');
    expect(field(0)).toBe('0');
    expect(field(1234.5)).toBe('1234.5');
  });

  it('writes null as an empty field', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, 'x', null]])).toBe('\uFEFFa,b,c\r\n,x,\r\n');
    expect(field(NaN)).toBe(''); // never the text "NaN" in a number column
    expect(field(Infinity)).toBe('');
  });

  it('quotes commas, quotes, CR and LF, doubling quotes', () => {
    expect(field('a,b')).toBe('"a,b"');
    expect(field('say "hi"')).toBe('"say ""hi"""');
    expect(field('line1\nline2')).toBe('"line1\nline2"');
    expect(field('a\rb')).toBe('"a\rb"');
    expect(field('plain')).toBe('plain');
  });

  it('keeps Chinese text intact', () => {
    const rows = parseBack(toCsv(['城市', '指标'], [['合肥市', '研发经费投入强度（%）']]));
    expect(rows).toEqual([
      ['城市', '指标'],
      ['合肥市', '研发经费投入强度（%）'],
    ]);
  });

  it('writes hostile text literally', () => {
    const cells = ['<img src=x onerror=alert(1)>', '深圳{a|x}', '__proto__', 'constructor'];
    expect(parseBack(toCsv(['h', 'h', 'h', 'h'], [cells]))[1]).toEqual(cells);
  });

  it('property: parsing back gives each text cell (minus the one added apostrophe) and each number exactly', () => {
    const hostile = fc.constantFrom(
      '=HYPERLINK("http://x","y")',
      '+1+1',
      '-1+2',
      '@SUM(1)',
      '\t=1',
      '\r=1',
      '=1+1\nx',
      '<img src=x onerror=alert(1)>',
      '{a|x}',
      '深圳{a|x}',
      '__proto__',
      'constructor',
      '"',
      '""',
      ',',
      '\r\n',
      "'=already",
      '',
      '芜湖',
    );
    const text = fc.oneof(
      hostile,
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.tuple(hostile, fc.string()).map(([a, b]) => a + b),
    );
    const num = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(-5));
    const cell: fc.Arbitrary<CsvCell> = fc.oneof(text, num);
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), (rows) => {
        const header = ['a'];
        const back = parseBack(toCsv(header, rows));
        expect(back.length).toBe(rows.length + 1);
        rows.forEach((row, i) => {
          const got = back[i + 1];
          // a row that is one empty text cell is an empty line; papaparse reads it as ['']
          expect(got?.length).toBe(row.length);
          row.forEach((c, j) => {
            const g = got?.[j] ?? '';
            if (typeof c === 'number') {
              expect(g).not.toMatch(/^'/);
              expect(Number(g)).toBe(c === 0 ? 0 : c); // -0 is written 0
            } else if (typeof c === 'string') {
              expect(FORMULA_START.test(c) ? g.slice(1) : g).toBe(c);
              if (FORMULA_START.test(c)) expect(g[0]).toBe("'");
            }
          });
        });
      }),
      { numRuns: 300 },
    );
  });
});
