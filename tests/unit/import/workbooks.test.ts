// Workbooks as bureaus keep them (tests/fixtures/upload/workbooks/, written by scripts/make-workbook-fixtures.py
// with openpyxl and LibreOffice): each case of bad-inputs.md "Workbooks" imports, or is refused clearly.
import { describe, expect, it } from 'vitest';
import { importAnyBytes, type ImportResult, type ImportSuccess } from '../../../src/lib/import/index';
import { context, fixture } from '../../fixtures/upload/context';
import type { ImportContext } from '../../../src/lib/import/types';

function load(name: string, extra: Partial<ImportContext> = {}): Promise<ImportResult> {
  return importAnyBytes(fixture(`workbooks/${name}`), context(name, extra));
}
async function loaded(name: string, extra: Partial<ImportContext> = {}): Promise<ImportSuccess> {
  const r = await load(name, extra);
  if (!r.ok) throw new Error(`${name} was refused: ${r.message.en}`);
  return r;
}
/** 'city indicator period value unit' per row (the user's own places shown by their names). */
function figures(r: ImportSuccess): string[] {
  const name = (id: string) => r.places.find((p) => p.id === id)?.zh ?? id;
  return r.rows.map((o) => `${name(o.city)} ${o.indicator} ${o.period} ${o.value} ${o.unit}`);
}
const codes = (r: ImportSuccess) => r.issues.map((i) => i.code);

const BASIC = [
  'wuhu rd_intensity 2023 3.85 %',
  'wuhu high_tech_enterprises 2023 2000 count',
  'wuhu tech_contract_value 2023 345.67 100m CNY',
  '合肥 rd_intensity 2023 3.91 %',
  '合肥 high_tech_enterprises 2023 2480 count',
  '合肥 tech_contract_value 2023 386.2 100m CNY',
];

describe('workbooks', () => {
  it('reads .xlsx, .xlsm (its macros never read), legacy .xls and .ods alike', async () => {
    for (const f of ['long-basic.xlsx', 'long-basic.xlsm', 'long-basic.xls', 'long-basic.ods']) {
      const r = await loaded(f);
      expect(figures(r), f).toEqual(BASIC);
      expect(r.sheet).toBe('数据');
      expect(r.counts).toEqual({ imported: 6, rejected: 0, warned: 0 });
    }
    expect((await loaded('long-basic.xls')).encoding).toMatch(/xls/);
  });

  it('reads a workbook by its content, whatever its name says (an .xlsx renamed .csv)', async () => {
    const r = await importAnyBytes(fixture('workbooks/long-basic.xlsx'), context('renamed.csv'));
    expect(r.ok && figures(r)).toEqual(BASIC);
  });

  it('passes over a cover sheet and reads the sheet that holds the table, without asking', async () => {
    const r = await loaded('cover-sheet.xlsx');
    expect(r.sheet).toBe('指标');
    expect(figures(r)).toEqual(BASIC);
    expect(r.sheets).toBeUndefined();
  });

  it('a WPS workbook with an instructions sheet and an empty sheet imports its second sheet', async () => {
    const r = await loaded('wps-style.xlsx');
    expect(r.sheet).toBe('Sheet2');
    expect(r.layout).toBe('columns');
    expect(r.counts.imported).toBe(18);
  });

  it('asks which sheet when two hold tables, then imports the one chosen', async () => {
    const ask = await load('two-tables.xlsx');
    expect(ask).toMatchObject({ ok: false, code: 'choose-sheet' });
    if (ask.ok) return;
    expect(ask.sheets?.map((s) => s.name)).toEqual(['2022年', '2023年']);
    expect(ask.message.zh).toContain('2 个工作表');
    const chosen = await loaded('two-tables.xlsx', { sheet: '2022年' });
    expect(chosen.sheet).toBe('2022年');
    expect(figures(chosen)[0]).toBe('wuhu rd_intensity 2022 3.76 %');
    // The other sheet stays on offer, so the user can switch.
    expect(chosen.sheets?.map((s) => s.name)).toEqual(['2022年', '2023年']);
    expect(await load('two-tables.xlsx', { sheet: '2024年' })).toMatchObject({
      ok: false,
      code: 'sheet-missing',
    });
  });

  it('finds the table under a merged title and a 单位 line, and skips the note under it', async () => {
    const r = await loaded('titles-and-notes.xlsx');
    expect(r.headerLine).toBe(4);
    expect(r.layout).toBe('wide');
    expect(r.counts.imported).toBe(9);
    expect(figures(r)[0]).toBe('wuhu tech_contract_value 2021 234.56 100m CNY');
    const note = r.issues.find((i) => i.code === 'footnote');
    expect(note?.line).toBe(9);
  });

  it('reads a unit row under the year headers as units, not data', async () => {
    const r = await loaded('two-row-header.xlsx');
    expect(r.counts.imported).toBe(6);
    expect(codes(r)).toContain('unit-row');
    expect(r.rows.every((o) => o.unit === '100m CNY')).toBe(true);
  });

  it('reads year headers stored as numbers, numbers stored as text, and a date header shown as its year', async () => {
    const r = await loaded('numeric-years-text-numbers.xlsx', { sheet: 'Sheet1' });
    expect(r.layout).toBe('wide');
    expect(new Set(r.rows.map((o) => o.period))).toEqual(new Set(['2021', '2022', '2023']));
    expect(r.rows.map((o) => o.value)).toContain(4012);
    expect(r.rows.map((o) => o.quote)).toContain('4,012');
    const dated = await loaded('numeric-years-text-numbers.xlsx', { sheet: 'date-header' });
    expect(new Set(dated.rows.map((o) => o.period))).toEqual(new Set(['2021', '2022', '2023']));
    expect(dated.rows.some((o) => o.period === '44927')).toBe(false);
  });

  it('reads percent-formatted cells as %, refuses a date as a figure, and never reads empty or merged cells as 0', async () => {
    const r = await loaded('percent-cells.xlsx');
    expect(figures(r).slice(0, 2)).toEqual([
      'wuhu rd_intensity 2022 3.76 %',
      '合肥 rd_intensity 2022 3.91 %',
    ]);
    expect(r.rows[0]!.quote).toBe('3.76%');
    const date = r.issues.find((i) => i.line === 4)!;
    expect(date).toMatchObject({ severity: 'error', raw: '2023-05-01' });
    expect(r.issues.find((i) => i.line === 5)?.code).toBe('empty-value');
    // D6:D7 merged: row 7 is missing, not 0 and not row 6's 345.67.
    expect(r.issues.find((i) => i.line === 7)?.code).toBe('empty-value');
    expect(r.rows.filter((o) => o.value === 345.67)).toHaveLength(1);
    expect(r.rows.some((o) => o.value === 0)).toBe(false);
  });

  it('takes formulas at their cached values; a formula never calculated is missing, never 0', async () => {
    const r = await loaded('formulas.xlsx');
    expect(r.rows.map((o) => o.value).slice(0, 3)).toEqual([3.5, 2000, 350]);
    expect(r.rows.some((o) => o.quote.startsWith('='))).toBe(false);
    expect(r.issues.find((i) => i.raw === '#DIV/0!')?.severity).toBe('error');
    const none = await loaded('formulas-nocache.xlsx');
    expect(none.counts.imported).toBe(0);
    const unset = none.issues.filter((i) => i.code === 'formula-no-value');
    // Seven figures, the year of row 8 and the city of row 10.
    expect(unset.map((i) => i.line).sort((x, y) => x - y)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('reads the yearbook layout: one column per indicator, its unit in brackets of either width', async () => {
    const r = await loaded('yearbook.xlsx');
    expect(r.layout).toBe('columns');
    expect(figures(r).slice(0, 3)).toEqual([
      'wuhu rd_intensity 2021 3.48 %',
      'wuhu high_tech_enterprises 2021 1377 count',
      'wuhu tech_contract_value 2021 234.56 100m CNY',
    ]);
    expect(r.counts).toEqual({ imported: 18, rejected: 0, warned: 0 });
  });

  it('reads yearbook units from a unit row, converting 万元 to 亿元 exactly', async () => {
    const r = await loaded('yearbook-unit-row.xlsx');
    const contract = r.rows.filter((o) => o.indicator === 'tech_contract_value').map((o) => o.value);
    expect(contract.slice(0, 2)).toEqual([234.56, 298.4]);
    expect(codes(r)).toContain('unit-converted');
  });

  it('takes the city of a single-city sheet from its title and says so', async () => {
    const r = await loaded('single-city.xlsx');
    expect(r.rows.every((o) => o.city === 'wuhu')).toBe(true);
    expect(r.counts.imported).toBe(6);
    expect(r.issues[0]).toMatchObject({ line: 1, code: 'city-from-title' });
    // The user is offered to check the columns, with what the importer used.
    expect(r.review?.guess).toEqual({ city: -1, indicator: -1, period: 0, value: -1, unit: -1 });
    expect(r.review?.headers[0]).toBe('年份');
    // The user corrects it: every row goes to the place they chose.
    const fixed = await loaded('single-city.xlsx', {
      mapping: { headerLine: 2, city: -1, indicator: -1, period: 0, value: -1, unit: -1, place: 'fuzhou' },
    });
    expect(fixed.rows.every((o) => o.city === 'fuzhou')).toBe(true);
  });

  it('reads an HTML table saved as .xls, keeping markup and formula-like text as literal text', async () => {
    const r = await loaded('html-table.xls');
    expect(r.encoding).toMatch(/HTML/);
    expect(r.counts.imported).toBe(7);
    const names = r.places.map((p) => p.zh);
    expect(names.some((n) => n.startsWith('=cmd|'))).toBe(true);
    expect(r.rows.some((o) => o.note.includes('<img src=x onerror=alert(1)>'))).toBe(true);
  });

  it('says a password-protected workbook is protected, not damaged', async () => {
    const r = await load('protected.xlsx');
    expect(r).toMatchObject({ ok: false, code: 'protected' });
    if (!r.ok) expect(r.message.zh).toContain('密码');
  });

  it('refuses a damaged zip and a zip bomb with their reasons, before inflating anything', async () => {
    const damaged = await load('damaged.xlsx');
    expect(damaged).toMatchObject({ ok: false, code: 'damaged' });
    if (!damaged.ok) expect(damaged.message.zh).toContain('损坏');
    const bomb = await load('zip-bomb.xlsx');
    expect(bomb).toMatchObject({ ok: false, code: 'inflated-too-large' });
    if (!bomb.ok) expect(bomb.message.en).toMatch(/400 MB.*256 MB/);
  });

  it('refuses a sheet over the cell limit, naming the sheet', async () => {
    const r = await load('yearbook.xlsx', { maxCells: 10 });
    expect(r).toMatchObject({ ok: false, code: 'sheet-too-large' });
    if (!r.ok) expect(r.message.zh).toContain('Sheet1');
  });

  it('a workbook figure conflicting with the report is imported as the file gives it', async () => {
    const r = await loaded('wuhu-conflict.xlsx');
    expect(figures(r)[0]).toBe('wuhu rd_intensity 2022 3.8 %');
  });
});
