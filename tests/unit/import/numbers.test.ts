import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plainDecimal, readComparator, readNumber, type NumberRead } from '../../../src/lib/import/numbers';

const value = (r: NumberRead) => (r.ok ? r.value : undefined);
const ok = (raw: string, unit = '', extra: { sourceUnit?: string; delimiter?: string } = {}) => {
  const r = readNumber(raw, { unit, ...extra });
  if (!r.ok) throw new Error(`expected a number from ${JSON.stringify(raw)}, got ${JSON.stringify(r)}`);
  return r;
};

describe('reading numeric cells', () => {
  it('an empty cell is missing, never 0', () => {
    for (const raw of ['', '   ', '\u3000']) {
      const r = readNumber(raw, { unit: 'count' });
      expect(r).toMatchObject({ ok: false, missing: true, code: 'empty' });
    }
  });

  it('1,234 reads as 1234, never 1', () => {
    expect(value(readNumber('1,234', { unit: 'count' }))).toBe(1234);
    expect(value(readNumber('12,345,678.9', { unit: 'count' }))).toBe(12345678.9);
  });

  it('1 234 (space, no-break space, thin space) reads as 1234', () => {
    for (const raw of ['1 234', '1\u00a0234', '1\u2009234', '1\u202f234'])
      expect(value(readNumber(raw))).toBe(1234);
  });

  it('refuses grouping that is not in threes instead of guessing', () => {
    expect(readNumber('1,23,456')).toMatchObject({ ok: false, code: 'bad-grouping' });
    expect(readNumber('12 34')).toMatchObject({ ok: false, code: 'bad-grouping' });
  });

  it('reads full-width digits and the full-width point: １２３．４５ is 123.45', () => {
    expect(value(readNumber('１２３．４５'))).toBe(123.45);
    expect(value(readNumber('１，２３４'))).toBe(1234);
  });

  it('reads －12.5, −12.5 and –12.5 as −12.5; -5 is still −5', () => {
    for (const raw of ['－12.5', '−12.5', '–12.5', '-12.5', '﹣12.5'])
      expect(value(readNumber(raw))).toBe(-12.5);
    expect(value(readNumber('-5'))).toBe(-5);
  });

  it('3.91% is 3.91 in a % indicator and an error in any other', () => {
    expect(ok('3.91%', '%')).toMatchObject({ value: 3.91, warnings: [] });
    expect(value(readNumber('3.91％', { unit: '%' }))).toBe(3.91);
    expect(readNumber('3.91%', { unit: 'count' })).toMatchObject({ ok: false, code: 'percent-not-allowed' });
    expect(readNumber('3.91%', { unit: '100m CNY' })).toMatchObject({
      ok: false,
      code: 'percent-not-allowed',
    });
  });

  it('converts 亿 / 万 / 元 suffixes to the canonical unit, with a warning saying so', () => {
    const yi = ok('12.5亿', '100m CNY');
    expect(yi.value).toBe(12.5);
    expect(yi.warnings.map((w) => w.code)).toEqual(['unit-converted']);
    expect(yi.warnings[0]!.message.zh).toContain('12.5亿');
    expect(ok('125000万元', '100m CNY').value).toBe(12.5);
    expect(ok('1250000000元', '100m CNY').value).toBe(12.5);
    expect(ok('1.2万', 'count').value).toBe(12000);
    expect(ok('1.2万家', 'count').value).toBe(12000);
    expect(ok('3.5亿元', '10k CNY').value).toBe(35000);
  });

  it('converts a 万元 unit stated outside the cell (unit column, 单位 line) with a warning', () => {
    const r = ok('125000', '100m CNY', { sourceUnit: '万元' });
    expect(r.value).toBe(12.5);
    expect(r.warnings[0]!.code).toBe('unit-converted');
    expect(ok('3.2', '100m CNY', { sourceUnit: '亿元' })).toMatchObject({ value: 3.2, warnings: [] });
  });

  it('refuses a unit that does not fit the indicator', () => {
    expect(readNumber('12亿元', { unit: 'count' })).toMatchObject({ ok: false, code: 'unit-mismatch' });
    expect(readNumber('12家', { unit: '%' })).toMatchObject({ ok: false, code: 'unit-mismatch' });
    expect(readNumber('5kg', { unit: 'count' })).toMatchObject({ ok: false, code: 'unknown-unit' });
  });

  it('counts nouns (家, 项, 件) need no conversion and no warning', () => {
    expect(ok('120家', 'count')).toMatchObject({ value: 120, warnings: [] });
    expect(ok('35项', 'count')).toMatchObject({ value: 35, warnings: [] });
  });

  it('keeps qualifiers as comparators: 约 ~, 超过 >, > >, 以上 >=, 突破 >=, 首破 >=, 不少于 >=, 以下 <=', () => {
    const cases: Array<[string, string, number]> = [
      ['约120', '~', 120],
      ['大约120', '~', 120],
      ['120左右', '~', 120],
      ['超过100', '>', 100],
      ['超100', '>', 100],
      ['>100', '>', 100],
      ['＞100', '>', 100],
      ['100以上', '>=', 100],
      ['突破2000', '>=', 2000],
      ['首破2000', '>=', 2000],
      ['不少于50', '>=', 50],
      ['>=50', '>=', 50],
      ['≥50', '>=', 50],
      ['<=3', '<=', 3],
      ['≤3', '<=', 3],
      ['3以下', '<=', 3],
      ['不超过3', '<=', 3],
      ['不足3', '<', 3],
      ['<3', '<', 3],
      ['100多', '>', 100],
    ];
    for (const [raw, comparator, v] of cases) {
      const r = ok(raw, 'count');
      expect([raw, r.comparator, r.value]).toEqual([raw, comparator, v]);
      expect(r.warnings.map((w) => w.code)).toContain('qualifier');
    }
    expect(ok('约12.5亿', '100m CNY')).toMatchObject({ value: 12.5, comparator: '~' });
    expect(ok('突破2000家', 'count')).toMatchObject({ value: 2000, comparator: '>=' });
  });

  it('a range is missing with a warning, never one of its ends', () => {
    for (const raw of ['10-20', '10～20', '10~20', '10 - 20', '10–20', '10至20', '10-20亿元', '1.5-2%']) {
      expect([raw, readNumber(raw, { unit: '100m CNY' })]).toMatchObject([
        raw,
        { ok: false, missing: true, code: 'range' },
      ]);
    }
  });

  it('masked cells (x, xx, x.xx, *, /, N/A, —, …, - alone) are missing "masked / not available", never 0', () => {
    for (const raw of [
      'x',
      'X',
      'xx',
      'x.xx',
      'XX.X',
      '*',
      '**',
      '＊',
      '/',
      'N/A',
      'n/a',
      '#N/A',
      '—',
      '——',
      '…',
      '……',
      '...',
      '-',
      '－',
      '--',
      '约x',
      'xx%',
      'x.xx亿元',
      '不详',
      '暂无',
    ]) {
      const r = readNumber(raw, { unit: '100m CNY' });
      expect([raw, r]).toMatchObject([raw, { ok: false, missing: true, code: 'masked' }]);
      if (!r.ok && r.missing) expect(r.reason.en).toContain('masked / not available');
    }
  });

  it('rejects abc, =1+1, 0x1A, Infinity, NaN, 1e999 with a reason', () => {
    const cases: Array<[string, string]> = [
      ['abc', 'not-a-number'],
      ['=1+1', 'formula'],
      ['@SUM(1)', 'formula'],
      ['+1+1', 'not-a-number'],
      ['0x1A', 'not-a-number'],
      ['Infinity', 'not-finite'],
      ['-Infinity', 'not-finite'],
      ['NaN', 'not-finite'],
      ['1e999', 'not-finite'],
      ['#DIV/0!', 'excel-error'],
      ['1.2.3', 'not-a-number'],
      ['--5', 'not-a-number'],
    ];
    for (const [raw, code] of cases) {
      const r = readNumber(raw, { unit: 'count' });
      expect([raw, r]).toMatchObject([raw, { ok: false, missing: false, code }]);
      if (!r.ok && !r.missing) {
        expect(r.error.zh).toContain(raw);
        expect(r.error.en).toContain(raw);
      }
    }
  });

  it('with a ";" delimiter, 1,5 is an ambiguous decimal comma: never 15, never 1', () => {
    for (const raw of ['1,5', '2,91', '1,796']) {
      expect(readNumber(raw, { unit: 'count', delimiter: ';' })).toMatchObject({
        ok: false,
        code: 'ambiguous-decimal-comma',
      });
    }
    expect(readNumber('1,5', { unit: 'count', delimiter: ',' })).toMatchObject({
      ok: false,
      code: 'ambiguous-decimal-comma',
    });
    expect(value(readNumber('1,234.5', { unit: 'count', delimiter: ';' }))).toBe(1234.5);
  });

  it('accepts a leading plus, a bare fraction and scientific notation from Excel', () => {
    expect(value(readNumber('+5'))).toBe(5);
    expect(value(readNumber('.5'))).toBe(0.5);
    expect(value(readNumber('1.23E+11'))).toBe(1.23e11);
    expect(value(readNumber('0700'))).toBe(700);
  });

  it('reads numbers as values without running anything: no eval, no formula', () => {
    expect(readNumber('1+1').ok).toBe(false);
    expect(readNumber('(5)').ok).toBe(false);
    expect(readNumber('2*3').ok).toBe(false);
  });

  it('reads a comparator column', () => {
    expect(readComparator('')).toBe('=');
    expect(readComparator('约')).toBe('~');
    expect(readComparator('突破')).toBe('>=');
    expect(readComparator('以上')).toBe('>=');
    expect(readComparator('≤')).toBe('<=');
    expect(readComparator('maybe')).toBeNull();
  });
});

describe('the plain-decimal fast path', () => {
  it('equals Number() for every plain decimal string', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.stringMatching(/^\d{1,18}$/),
        fc.option(fc.stringMatching(/^\d{0,8}$/)),
        (neg, int, frac) => {
          const s = `${neg ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}`;
          expect(Object.is(plainDecimal(s) + 0, Number(s) + 0)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('returns NaN for anything else', () => {
    for (const s of ['', '-', '.', '1,2', '1 2', '1e5', '+1', '1.2.3', '１'])
      expect(plainDecimal(s)).toBeNaN();
  });
});

// ---- properties: any finite number, formatted the ways people write it, reads back to itself -----------------

const FULL = '０１２３４５６７８９';
const toFullWidth = (s: string) =>
  s
    .replace(/[0-9]/g, (d) => FULL[Number(d)]!)
    .replace(/\./g, '．')
    .replace(/,/g, '，')
    .replace(/-/g, '－');
const group = (int: string, sep: string) => int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

/** A decimal number as exact text: integer part (no leading zeros) and 0-6 fraction digits. */
const decimalText = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.stringMatching(/^\d{0,6}$/))
  .map(([int, frac]) => ({ int: int.toString(), frac }));

const plain = (d: { int: string; frac: string }) => (d.frac === '' ? d.int : `${d.int}.${d.frac}`);
const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(1e-12, Math.abs(b) * 1e-12);

describe('number reading properties', () => {
  it('grouping with commas or spaces reads back exactly', () => {
    fc.assert(
      fc.property(decimalText, fc.constantFrom(',', ' ', '\u00a0'), (d, sep) => {
        const s = group(d.int, sep) + (d.frac === '' ? '' : `.${d.frac}`);
        expect(value(readNumber(s, { unit: 'count' }))).toBe(Number(plain(d)));
      }),
    );
  });

  it('full-width digits, point, comma and minus read back exactly', () => {
    fc.assert(
      fc.property(decimalText, fc.boolean(), fc.boolean(), (d, grouped, neg) => {
        const ascii =
          (neg ? '-' : '') + (grouped ? group(d.int, ',') : d.int) + (d.frac === '' ? '' : `.${d.frac}`);
        const expected = (neg ? -1 : 1) * Number(plain(d));
        expect(value(readNumber(toFullWidth(ascii), { unit: 'count' })) ?? NaN).toBeCloseTo(expected + 0, 10);
        expect(Object.is(value(readNumber(toFullWidth(ascii), { unit: 'count' }))! + 0, expected + 0)).toBe(
          true,
        );
      }),
    );
  });

  it('every minus sign reads as minus', () => {
    fc.assert(
      fc.property(decimalText, fc.constantFrom('-', '－', '−', '–', '﹣'), (d, minus) => {
        expect(value(readNumber(minus + plain(d), { unit: 'count' }))! + 0).toBe(-Number(plain(d)) + 0);
      }),
    );
  });

  it('a unit suffix converts to the canonical unit (亿 on 亿元, 万元 on 亿元, 万 on counts, % on %)', () => {
    fc.assert(
      fc.property(
        decimalText,
        fc.constantFrom(
          { suffix: '亿', unit: '100m CNY', factor: 1 },
          { suffix: '亿元', unit: '100m CNY', factor: 1 },
          { suffix: '万元', unit: '100m CNY', factor: 1e-4 },
          { suffix: '元', unit: '100m CNY', factor: 1e-8 },
          { suffix: '万', unit: 'count', factor: 1e4 },
          { suffix: '万家', unit: 'count', factor: 1e4 },
          { suffix: '家', unit: 'count', factor: 1 },
          { suffix: '%', unit: '%', factor: 1 },
          { suffix: '％', unit: '%', factor: 1 },
        ),
        fc.boolean(),
        (d, u, neg) => {
          const s = (neg ? '-' : '') + plain(d) + u.suffix;
          const r = readNumber(s, { unit: u.unit });
          expect(r.ok).toBe(true);
          const expected = (neg ? -1 : 1) * Number(plain(d)) * u.factor;
          expect(close(value(r)!, expected)).toBe(true);
        },
      ),
    );
  });

  it('any mix of grouping, full width, sign, qualifier and suffix reads back to itself', () => {
    fc.assert(
      fc.property(
        decimalText,
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('', '约', '超过', '突破'),
        fc.constantFrom('', '亿', '亿元'),
        (d, grouped, full, neg, qualifier, suffix) => {
          let s =
            (neg ? '-' : '') + (grouped ? group(d.int, ',') : d.int) + (d.frac === '' ? '' : `.${d.frac}`);
          if (full) s = toFullWidth(s);
          const r = readNumber(qualifier + s + suffix, { unit: '100m CNY' });
          expect(r.ok).toBe(true);
          expect(close(value(r)!, (neg ? -1 : 1) * Number(plain(d)))).toBe(true);
        },
      ),
    );
  });

  it('never throws, and never returns a non-finite number, for any text at all', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.constantFrom('', '%', 'count', '100m CNY'),
        (s, unit) => {
          const r = readNumber(s, { unit, delimiter: ';' });
          if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
          if (s.trim() === '') expect(r.ok).toBe(false);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('units of data/units.json', () => {
  it('understands every unit id the curated indicators use, and their Chinese spellings', () => {
    const cases: Array<[string, string, number]> = [
      ['12万人', 'persons', 120000],
      ['120人', 'persons', 120],
      ['3万人次', 'person-times', 30000],
      ['450户', 'households', 450],
      ['3', 'rank', 3],
      ['12.5万平方米', '10k m2', 12.5],
      ['125000平方米', '10k m2', 12.5],
      ['35.2件/万人', 'per 10k persons', 35.2],
      ['2.5倍', 'times', 2.5],
      ['3个百分点', 'pp', 3],
    ];
    for (const [raw, unit, v] of cases)
      expect([raw, unit, value(readNumber(raw, { unit }))]).toEqual([raw, unit, v]);
    expect(readNumber('3%', { unit: 'rank' })).toMatchObject({ ok: false, code: 'percent-not-allowed' });
    expect(readNumber('3人', { unit: '100m CNY' })).toMatchObject({ ok: false, code: 'unit-mismatch' });
  });
});
