// Every file / cell / name case of docs bad-inputs.md, as a real file under tests/fixtures/upload/.
import { describe, expect, it } from 'vitest';
import { importBytes, type ImportResult, type ImportSuccess } from '../../../src/lib/import/index';
import { context, fixture, lineOf } from '../../fixtures/upload/context';

function load(name: string, extra = {}): ImportResult {
  return importBytes(fixture(name), context(name, extra));
}
function loaded(name: string): ImportSuccess {
  const r = load(name);
  if (!r.ok) throw new Error(`${name} was refused: ${r.message.en}`);
  return r;
}
const text = (name: string) => new TextDecoder().decode(fixture(name));

describe('whole files', () => {
  it('a GB18030 Excel export imports with its Chinese names intact and says it was GB18030', () => {
    const r = loaded('gb18030-wide.csv');
    expect(r.encoding).toBe('GB18030');
    expect(r.layout).toBe('wide');
    expect(r.counts).toEqual({ imported: 11, rejected: 0, warned: 0 });
    expect(r.places.map((p) => p.zh)).toEqual(['马鞍山市', '𠮷安县']);
    expect(r.indicators.map((d) => d.zh)).toEqual(['专利授权量']);
    expect(
      r.rows
        .filter((o) => o.city === 'wuhu' && o.indicator === 'rd_intensity')
        .map((o) => [o.period, o.value]),
    ).toEqual([
      ['2020', 2.91],
      ['2021', 3.1],
      ['2022', 3.26],
    ]);
  });

  it('a UTF-8 file with a BOM loses the BOM: the first header is exactly 城市', () => {
    const r = loaded('utf8-bom-long.csv');
    expect(r.encoding).toBe('UTF-8 (BOM)');
    expect(r.rows[0]).toMatchObject({ city: 'wuhu', indicator: 'rd_intensity', period: '2022', value: 3.1 });
    expect(r.issues).toEqual([]);
  });

  it('a UTF-16LE "Unicode text" file is decoded and its tabs detected', () => {
    const r = loaded('utf16le-bom-tab.txt');
    expect([r.encoding, r.delimiter]).toEqual(['UTF-16LE', '\t']);
    expect(r.rows.map((o) => [o.city, o.value])).toEqual([
      ['wuhu', 0.12345],
      ['fuzhou', 356.2],
    ]);
  });

  it('a renamed .xlsx is refused as an Excel workbook to save as CSV', () => {
    const r = load('renamed-xlsx.csv');
    expect(r).toMatchObject({ ok: false, code: 'xlsx' });
    if (!r.ok) expect(r.message.zh).toMatch(/Excel 工作簿/);
  });

  it('a PNG or other binary is refused as not a text table', () => {
    expect(load('image.png')).toMatchObject({ ok: false, code: 'binary' });
    expect(load('random.bin')).toMatchObject({ ok: false, code: 'binary' });
  });

  it('an empty file, a file of blank lines and a header-only file are refused: no data rows', () => {
    for (const name of ['empty.csv', 'blank-lines.csv', 'header-only.csv']) {
      const r = load(name);
      expect([name, r]).toMatchObject([name, { ok: false, code: 'no-data' }]);
      if (!r.ok) expect(r.message.en).toMatch(/no data rows/);
    }
  });

  it('a file over the size limit is refused before it is decoded, naming the limit', () => {
    const r = importBytes(fixture('image.png'), context('big.csv', { maxBytes: 10 }));
    expect(r).toMatchObject({ ok: false, code: 'too-large' });
    if (!r.ok) {
      expect(r.message.en).toContain('limit');
      expect(r.message.zh).toContain('上限');
    }
    const d = importBytes(new Uint8Array(61 * 1024 * 1024), context('big.csv'));
    expect(d).toMatchObject({ ok: false, code: 'too-large' });
    if (!d.ok) expect(d.message.en).toContain('60 MB');
  });

  it('one unterminated quote refuses the whole file: unclosed quote at line 1', () => {
    const r = load('unterminated-quote.csv');
    expect(r).toMatchObject({ ok: false, code: 'unclosed-quote' });
    if (!r.ok) {
      expect(r.message.zh).toContain('第1行');
      expect(r.message.en).toContain('Unclosed quote (") at line 1');
    }
    const later = load('unterminated-quote-later.csv');
    expect(later.ok).toBe(false);
    if (!later.ok)
      expect(later.message.en).toContain(`line ${lineOf(text('unterminated-quote-later.csv'), '"3.1')}`);
  });

  it('a ";"-separated file: delimiter ";", decimal commas flagged as ambiguous, never 15 or 1', () => {
    const r = loaded('semicolon-decimal-comma.csv');
    expect(r.delimiter).toBe(';');
    expect(r.rows.map((o) => o.value)).toEqual([3.1]);
    expect(r.issues.map((i) => [i.line, i.severity, i.code, i.raw])).toEqual([
      [2, 'error', 'ambiguous-decimal-comma', '2,91'],
      [4, 'error', 'ambiguous-decimal-comma', '1,796'],
    ]);
    expect(r.rows.some((o) => o.value === 15 || o.value === 1 || o.value === 291 || o.value === 2)).toBe(
      false,
    );
  });

  it('title rows and a 单位：亿元 line: header found, the unit line used, a clear error where it does not fit', () => {
    const r = loaded('title-unit.csv');
    expect(r.headerLine).toBe(4);
    expect(r.rows.map((o) => [r.lines[r.rows.indexOf(o)], o.indicator, o.value, o.unit])).toEqual([
      [5, 'rd_expenditure', 141.2, '100m CNY'],
      [6, 'tech_contract_value', 350000, '100m CNY'],
    ]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ line: 7, severity: 'error', code: 'unit-mismatch' });
    expect(r.issues[0]!.message.zh).toContain('第2行“单位”说明');
  });

  it("a single city's table: the city comes from the title, 万元 from the unit line is converted to 亿元", () => {
    const r = loaded('single-city-title.csv');
    expect(r.layout).toBe('wide');
    expect(r.rows.map((o) => [o.city, o.indicator, o.period, o.value, o.status])).toEqual([
      ['wuhu', 'rd_expenditure', '2021', 128, 'reported'],
      ['wuhu', 'rd_expenditure', '2022', 141.2, 'reported'],
      ['wuhu', 'tech_contract_value', '2021', null, 'redacted'],
      ['wuhu', 'tech_contract_value', '2022', 350, 'reported'],
    ]);
    expect(r.issues[0]).toMatchObject({ line: 1, code: 'city-from-title', severity: 'warning' });
    expect(r.issues.filter((i) => i.code === 'unit-converted').map((i) => [i.line, i.column])).toEqual([
      [4, '2021年'],
      [4, '2022年'],
      [5, '2022年'],
    ]);
    expect(r.rows[3]!.note).toBe('2021年数据未公开；单位已由万元换算为亿元');
  });

  it('duplicate headers are refused by name, never a silent 城市_1', () => {
    const r = load('duplicate-headers.csv');
    expect(r).toMatchObject({ ok: false, code: 'duplicate-header' });
    if (!r.ok) expect(r.message.zh).toContain('“城市”');
    expect(load('duplicate-role.csv')).toMatchObject({ ok: false, code: 'ambiguous-header' });
  });

  it('a header named __proto__ or constructor is refused by name, and nothing is merged into any prototype', () => {
    const p = load('proto-header.csv');
    expect(p).toMatchObject({ ok: false, code: 'reserved-header' });
    if (!p.ok) expect(p.message.en).toContain('"__proto__"');
    const c = load('constructor-header.csv');
    expect(c).toMatchObject({ ok: false, code: 'reserved-header' });
    if (!c.ok) expect(c.message.zh).toContain('“constructor”');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a wide table with 2020年, 2021, 2022年度 and 2023上半年 columns is melted into one row per year', () => {
    const r = loaded('wide-years.csv');
    expect(r.layout).toBe('wide');
    expect(r.rows.filter((o) => o.city === 'fuzhou').map((o) => [o.period, o.value])).toEqual([
      ['2020', 2500],
      ['2021', 3000],
      ['2022', 3600],
      ['2023-H1', 3700],
    ]);
    // An empty year cell in a wide table is simply not there: no row, no 0, no warning.
    expect(r.rows.filter((o) => o.city === 'wuhu').map((o) => o.period)).toEqual(['2020', '2021', '2022']);
    expect(r.issues).toEqual([]);
  });

  it('headers with stray spaces and full-width characters (指标　值) are trimmed and NFKC-normalised', () => {
    const r = loaded('fullwidth-headers.csv');
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      city: 'wuhu',
      indicator: 'rd_intensity',
      period: '2022',
      value: 3.26,
      quote: '３．２６',
    });
  });
});

describe('cells (cells.csv: one case per line, the note names the case)', () => {
  const r = loaded('cells.csv');
  const src = text('cells.csv');
  const at = (c: string) => lineOf(src, `case:${c}`);
  const rowOf = (c: string) => {
    const i = r.rows.findIndex((o) => o.note.startsWith(`case:${c}`));
    return i === -1 ? undefined : { ...r.rows[i]!, line: r.lines[i] };
  };
  const issueOf = (c: string) => r.issues.find((i) => i.line === at(c));

  it('reports every line with its physical line number and counts exactly', () => {
    expect(r.counts).toEqual({ imported: r.rows.length, rejected: 7, warned: 19 });
    for (let i = 0; i < r.rows.length; i++)
      expect(r.lines[i]).toBe(lineOf(src, r.rows[i]!.note.split('；')[0]!));
  });

  it('an empty cell is missing, never 0: the row is skipped with a warning', () => {
    expect(rowOf('empty')).toBeUndefined();
    expect(issueOf('empty')).toMatchObject({ severity: 'warning', code: 'empty-value', column: '数值' });
    expect(r.rows.some((o) => o.value === 0)).toBe(false);
  });

  it('1,234 and 1 234 read as 1234, never 1', () => {
    expect(rowOf('comma-grouping')).toMatchObject({ value: 1234, quote: '1,234' });
    expect(rowOf('space-grouping')).toMatchObject({ value: 1234 });
  });

  it('１２３．４５ reads as 123.45; －12.5 and −12.5 read as −12.5; -5 is −5', () => {
    expect(rowOf('fullwidth-digits')?.value).toBe(123.45);
    expect(rowOf('fullwidth-minus')?.value).toBe(-12.5);
    expect(rowOf('unicode-minus')?.value).toBe(-12.5);
    expect(rowOf('negative')?.value).toBe(-5);
  });

  it('3.91% is 3.91 in a % indicator and a row error in a count indicator', () => {
    expect(rowOf('percent-in-percent')).toMatchObject({ value: 3.91, unit: '%' });
    expect(rowOf('percent-in-count')).toBeUndefined();
    expect(issueOf('percent-in-count')).toMatchObject({
      severity: 'error',
      code: 'percent-not-allowed',
      raw: '3.91%',
    });
  });

  it('12.5亿 and a 万元 unit on a 亿元 indicator are converted, with a warning saying so', () => {
    expect(rowOf('yi-suffix')).toMatchObject({ value: 12.5, unit: '100m CNY' });
    expect(rowOf('wanyuan-unit')).toMatchObject({ value: 12.5, unit: '100m CNY', quote: '125000' });
    expect(issueOf('yi-suffix')).toMatchObject({ severity: 'warning', code: 'unit-converted' });
    expect(issueOf('wanyuan-unit')!.message.zh).toContain('万元');
    expect(issueOf('wanyuan-unit')!.message.zh).toContain('亿元');
  });

  it('约120, 超过100, >100, 100以上, 突破2000 keep their value with a comparator and a warning', () => {
    expect(
      ['approx', 'more-than', 'gt', 'and-above', 'breakthrough'].map((c) => [
        rowOf(c)?.value,
        rowOf(c)?.comparator,
      ]),
    ).toEqual([
      [120, '~'],
      [100, '>'],
      [100, '>'],
      [100, '>='],
      [2000, '>='],
    ]);
    expect(issueOf('breakthrough')).toMatchObject({ severity: 'warning', code: 'qualifier' });
  });

  it('10-20 and 10～20 are ranges: kept as missing with a warning, never 10', () => {
    for (const c of ['range-dash', 'range-wave']) {
      expect(rowOf(c)).toMatchObject({ value: null, status: 'reported' });
      expect(issueOf(c)).toMatchObject({ severity: 'warning', code: 'range' });
    }
    expect(r.rows.some((o) => o.value === 10)).toBe(false);
  });

  it('x, xx, x.xx, *, /, N/A, —, …, - are masked: value null, status redacted, never 0', () => {
    for (const c of [
      'masked-x',
      'masked-xx',
      'masked-x.xx',
      'masked-star',
      'masked-slash',
      'masked-na',
      'masked-emdash',
      'masked-ellipsis',
      'masked-dash',
    ]) {
      expect([c, rowOf(c)]).toMatchObject([c, { value: null, status: 'redacted' }]);
      expect([c, issueOf(c)]).toMatchObject([c, { severity: 'warning', code: 'masked' }]);
      expect(issueOf(c)!.message.en).toContain('masked / not available');
    }
  });

  it('abc, =1+1, 0x1A, Infinity, NaN, 1e999 reject their row with the reason and the line', () => {
    const cases: Array<[string, string]> = [
      ['abc', 'not-a-number'],
      ['formula', 'formula'],
      ['hex', 'not-a-number'],
      ['infinity', 'not-finite'],
      ['nan', 'not-finite'],
      ['overflow', 'not-finite'],
    ];
    for (const [c, code] of cases) {
      expect(rowOf(c)).toBeUndefined();
      const issue = issueOf(c)!;
      expect([c, issue]).toMatchObject([c, { severity: 'error', code, column: '数值' }]);
      expect(issue.message.zh).toContain(`第${at(c)}行`);
      expect(issue.message.en).toContain(`Line ${at(c)}`);
      expect(issue.message.zh).toContain('该行未导入');
    }
  });
});

describe('names and text', () => {
  const r = loaded('hostile-names.csv');

  it('hostile city names stay literal strings: markup, rich-text syntax, formulas', () => {
    expect(r.places.map((p) => p.zh)).toEqual([
      '<img src=x onerror=alert(1)>',
      '深圳{a|x}',
      '=HYPERLINK("http://x","y")',
      '+1+1',
      '@SUM(1)',
      '0700',
      '=1',
      '=1+1\nx',
    ]);
    for (const p of r.places) expect(p.en).toBe(p.zh);
    const byName = new Map(r.places.map((p) => [p.zh, p.id]));
    expect(r.rows.find((o) => o.city === byName.get('深圳{a|x}'))?.value).toBe(4.2);
  });

  it('0700 stays the string 0700 in text columns', () => {
    const row = r.rows.find((o) => o.note === '0700');
    expect(row).toBeDefined();
    expect(r.places.find((p) => p.id === row!.city)?.zh).toBe('0700');
  });

  it('a formula in a value cell is never run: the row is rejected, on its physical line after a multi-line name', () => {
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ line: 11, code: 'formula', raw: '=1+1' });
    expect(r.lines[r.lines.length - 1]).toBe(9);
  });
});

describe('line numbers and row errors', () => {
  it('counts physical lines through quoted cells that contain line breaks (CRLF file)', () => {
    const r = loaded('multiline-quoted.csv');
    expect(r.issues.map((i) => [i.line, i.raw])).toEqual([
      [5, 'abc'],
      [7, 'oops'],
    ]);
    expect(Array.from(r.lines)).toEqual([2, 6]);
    expect(r.rows[1]!.note).toBe('a "quoted" word');
  });

  it('rows with a wrong number of fields are row errors; blank rows vanish; totals and footnotes are skipped with a warning', () => {
    const r = loaded('field-count.csv');
    expect(Array.from(r.lines)).toEqual([2, 5]);
    expect(r.issues.map((i) => [i.line, i.severity, i.code])).toEqual([
      [3, 'error', 'field-count'],
      [4, 'error', 'field-count'],
      [7, 'warning', 'total-row'],
      [8, 'warning', 'footnote'],
    ]);
    expect(r.issues[0]!.message.zh).toBe('第3行：应有 4 个字段（与表头相同），实际有 3 个；该行未导入。');
  });
});
