// The .xlsx export as Excel reads it: the whole dashboard's workbook (and an upload with hostile names) is written
// to a file and read back by openpyxl (scripts/read-xlsx.py) and by SheetJS itself. Numbers are numeric cells with
// the decimals the report states, a masked figure is an empty cell, no cell is a formula, text stays verbatim text.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { HEADLINE_CHARTS } from '../../src/lib/charts/registry';
import { CHART_IDS } from '../../src/lib/data/types';
import { buildDataset, citiesWithData } from '../../src/lib/data/dataset';
import type { Lang } from '../../src/lib/i18n/bilingual';
import { t } from '../../src/lib/i18n/messages';
import { buildWorkbook, sheetName, XLSX_TYPE } from '../../src/lib/export/xlsx';
import { numberFormat } from '../../src/lib/export/dataTable';
import { statedDecimals } from '../../src/lib/data/statedDigits';
import { curated } from './helpers';
import { observation, place, uploadPart } from './factory';
import { EN_HEADER, ZH_HEADER } from './export-headers';

interface PyCell {
  value: string | number | boolean | null;
  data_type: string;
  number_format: string;
}
interface PySheet {
  name: string;
  freeze: string | null;
  widths: Record<string, number>;
  rows: PyCell[][];
}

const HOSTILE = ["=cmd|' /C calc'!A0", '<img src=x onerror=alert(1)>', '+1+1', '-2+3', '@SUM(1)'];

/** The dashboard as the export button sees it: the curated data, and an upload whose names and notes are hostile. */
async function dashboardWorkbook(lang: Lang) {
  const places = HOSTILE.map((zh, i) => place({ id: `u-h${i}`, zh, en: zh }));
  const rows = places.map((p, i) =>
    observation({
      city: p.id,
      value: i === 4 ? null : 3.1 + i,
      quote: i === 4 ? 'x.xx' : `${(3.1 + i).toFixed(2)}`,
      note: HOSTILE[(i + 1) % HOSTILE.length]!,
      source: 'upload:evil',
    }),
  );
  const data = buildDataset(await curated(), [uploadPart('evil', rows, places)]);
  const cities = citiesWithData(data);
  const charts = CHART_IDS.map((id) => ({
    title: t(lang, HEADLINE_CHARTS[id].title),
    model: HEADLINE_CHARTS[id].build({ data, cities, lang, dark: false }),
  }));
  return { charts, blob: await buildWorkbook(charts, data, lang) };
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xlsx-export-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the workbook to a file and reads it with openpyxl. */
async function readWithOpenpyxl(blob: Blob, name: string): Promise<PySheet[]> {
  const file = join(dir, name);
  writeFileSync(file, new Uint8Array(await blob.arrayBuffer()));
  const script = resolve(import.meta.dirname, '../../scripts/read-xlsx.py');
  const out = execFileSync('python3', [script, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(out) as { sheets: PySheet[] }).sheets;
}

const column = (sheet: PySheet, header: string) => sheet.rows[0]!.findIndex((c) => c.value === header);

describe.each([
  ['zh', ZH_HEADER, '来源'],
  ['en', EN_HEADER, 'Sources'],
] as const)('the dashboard workbook as Excel reads it (%s)', (lang, header, sourcesName) => {
  let sheets: PySheet[] = [];
  let titles: string[] = [];
  beforeAll(async () => {
    const { charts, blob } = await dashboardWorkbook(lang);
    expect(blob.type).toBe(XLSX_TYPE);
    titles = charts.map((c) => c.title);
    sheets = await readWithOpenpyxl(blob, `dashboard-${lang}.xlsx`);
  });

  it('has a sheet per chart, named after it, and the sources sheet last', () => {
    expect(sheets.map((s) => s.name)).toHaveLength(CHART_IDS.length + 1);
    expect(sheets.at(-1)?.name).toBe(sourcesName);
    sheets.forEach((s, i) => {
      expect(s.name.length).toBeLessThanOrEqual(31);
      expect(s.name).not.toMatch(/[[\]:*?/\\]/);
      if (i < titles.length && titles[i]!.length <= 31 && !/[:[\]]/.test(titles[i]!))
        expect(s.name).toBe(titles[i]);
    });
  });

  it("heads every data sheet in the view's language, the header row frozen, the columns sized", () => {
    for (const s of sheets.slice(0, 3)) {
      expect(s.rows[0]!.map((c) => c.value)).toEqual(header);
      expect(s.freeze).toBe('A2');
      expect(Object.keys(s.widths).length).toBe(header.length);
      expect(s.widths.K).toBeGreaterThan(s.widths.C!); // the quote is wider than the year
    }
    expect(sheets[3]!.rows[0]!.slice(0, 4).map((c) => c.value)).toEqual(
      lang === 'zh' ? ['城市', '指标', '规划年', '数值'] : ['City', 'Indicator', 'Plan year', 'Value'],
    );
    expect(sheets[3]!.freeze).toBe('A2');
  });

  it('writes figures as numeric cells showing the decimals the report states, years without a thousands comma', () => {
    const rd = sheets[0]!;
    const [year, value] = [column(rd, header[2]), column(rd, header[4])];
    const wuhu = rd.rows.find((r) => r[year]!.value === 2022 && r[value]!.value === 3.76)!;
    expect(wuhu[year]).toMatchObject({ data_type: 'n', number_format: '0' });
    expect(wuhu[value]).toMatchObject({ data_type: 'n', number_format: '#,##0.00' });
    // 3.76 % is the number 3.76 with % in the unit column, not 0.0376 formatted as a percent.
    expect(wuhu[value + 1]!.value).toBe('%');
    const fujian = rd.rows.find((r) => r[value]!.value === 1.8)!;
    expect(fujian[value]!.number_format).toBe('#,##0.0'); // 全省的1.8%
    const ht = sheets[1]!;
    const bound = ht.rows.find((r) => r[column(ht, header[4])]!.value === 2000)!;
    expect(bound[column(ht, header[4])]!.number_format).toBe('#,##0');
    expect(bound[column(ht, header[6])]!.value).toBe('>=');
    // The plan targets: target, baseline, latest actual, gap, % achieved all numbers.
    const plan = sheets[3]!;
    const fz = plan.rows.find(
      (r) => r[0]!.value === (lang === 'zh' ? '福州市' : 'Fuzhou') && r[3]!.value === 1800,
    )!;
    expect(
      fz
        .slice(3, 4)
        .concat(fz.slice(12, 13), fz.slice(15, 17))
        .map((c) => [c.value, c.data_type]),
    ).toEqual([
      [1800, 'n'],
      [1612, 'n'],
      [188, 'n'],
      [89.6, 'n'],
    ]);
    expect(fz[16]!.number_format).toBe('#,##0.0');
    // Every number anywhere is a numeric cell; no text cell holds a bare number.
    for (const s of sheets.slice(0, 4))
      for (const row of s.rows.slice(1))
        for (const c of row) if (typeof c.value === 'number') expect(c.data_type).toBe('n');
  });

  it("leaves a masked figure's cell empty, never 0, and says 已遮蔽 / masked", () => {
    const masked = lang === 'zh' ? '已遮蔽' : 'masked';
    let seen = 0;
    for (const s of sheets.slice(0, 4)) {
      const status = column(s, header[8]);
      const value = column(s, header[4]);
      for (const row of s.rows.slice(1))
        if (row[status]!.value === masked) {
          seen++;
          expect(row[value]!.value).toBeNull();
        }
    }
    expect(seen).toBeGreaterThan(20);
  });

  it('has no formula cell; hostile text is a string cell, verbatim', () => {
    const texts = new Map<string, PyCell>();
    for (const s of sheets)
      for (const row of s.rows)
        for (const c of row) {
          expect(c.data_type).not.toBe('f');
          if (typeof c.value === 'string') texts.set(c.value, c);
        }
    for (const h of HOSTILE) expect(texts.get(h)).toMatchObject({ value: h, data_type: 's' });
  });

  it("lists each report used with its publisher and period, then every figure's verbatim quote", () => {
    const src = sheets.at(-1)!;
    const values = src.rows.map((r) => r.map((c) => c.value));
    const reports = values.slice(
      1,
      values.findIndex((r) => r.every((v) => v === null)),
    );
    expect(reports.length).toBe(6); // the five reports and the upload
    const wuhu2023 = reports.find((r) =>
      String(r[0]).includes(lang === 'zh' ? '芜湖市科技局2023年' : '2023 work summary'),
    );
    expect(wuhu2023?.slice(1, 3)).toEqual(
      lang === 'zh' ? ['芜湖市科技局', '芜湖市'] : ['Wuhu Municipal Science and Technology Bureau', 'Wuhu'],
    );
    expect(String(wuhu2023?.[4])).toContain(lang === 'zh' ? '2023年实际值' : '2023 actuals');
    const quote = values.find((r) => r.includes('全社会研发经费投入占GDP比重达3.76%'));
    expect(quote?.slice(1, 6)).toEqual(
      lang === 'zh'
        ? ['芜湖市', '研发经费投入强度', '2022年', '3.76%', '全社会研发经费投入占GDP比重达3.76%']
        : ['Wuhu', 'R&D intensity', '2022', '3.76%', '全社会研发经费投入占GDP比重达3.76%'],
    );
    const masked = values.find((r) => r.includes('全社会R&D强度达到x.xx%'));
    expect(masked?.[4]).toBe(lang === 'zh' ? '原文已遮蔽' : 'masked in source');
  });
});

describe('the workbook as the library reads it', () => {
  it('holds numbers with their formats, empty masked cells, and strings that are never formulas', async () => {
    const { blob } = await dashboardWorkbook('zh');
    const book = XLSX.read(new Uint8Array(await blob.arrayBuffer()), { type: 'array', cellNF: true });
    const rd = book.Sheets[book.SheetNames[0]!]!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(rd, { header: 1, raw: true, defval: null });
    const wuhu = rows.findIndex((r) => r[2] === 2022 && r[4] === 3.76);
    expect(rd[XLSX.utils.encode_cell({ r: wuhu, c: 4 })]).toMatchObject({ t: 'n', v: 3.76, z: '#,##0.00' });
    const maskedRow = rows.findIndex((r) => r[8] === '已遮蔽');
    expect(rd[XLSX.utils.encode_cell({ r: maskedRow, c: 4 })]).toBeUndefined();
    for (const name of book.SheetNames)
      for (const [ref, cell] of Object.entries(book.Sheets[name]!)) {
        if (ref.startsWith('!')) continue;
        expect((cell as XLSX.CellObject).f).toBeUndefined();
        if (HOSTILE.includes(String((cell as XLSX.CellObject).v)))
          expect((cell as XLSX.CellObject).t).toBe('s');
      }
  });
});

describe('sheet names', () => {
  it('are what Excel takes: no []:*?/\\, at most 31 characters, unique regardless of case', () => {
    const used = new Set<string>(['history']);
    expect(sheetName('Plan targets: how far along', used)).toBe('Plan targets - how far along');
    expect(sheetName('R&D intensity (R&D expenditure as % of GDP)', used)).toBe('R&D intensity');
    expect(sheetName('a/b\\c[d]*e?', used)).toBe('a-b-c(d)e');
    expect(sheetName("'quoted'", used)).toBe('quoted');
    expect(sheetName('研发经费投入强度（占GDP比重）', used)).toBe('研发经费投入强度（占GDP比重）');
    expect(sheetName('研发经费投入强度（占GDP比重）', used)).toBe('研发经费投入强度（占GDP比重） (2)');
    // Case-blind, and the number still within 31 characters: cut at a word's end.
    expect(sheetName('PLAN TARGETS - HOW FAR ALONG', used)).toBe('PLAN TARGETS - HOW FAR (2)');
    expect(sheetName('History', used)).toBe('History (2)');
    expect(sheetName('', used)).toBe('Sheet');
    const long = sheetName('High-tech enterprises: count and net additions by year', used);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long).toBe('High-tech enterprises - count');
    expect(sheetName('😀'.repeat(20), used)).toBe('😀'.repeat(15)); // never half a character
  });
});

describe('number formats', () => {
  it("show the decimals the quote states, else the value's own (without float noise)", () => {
    expect(statedDecimals(3.1, '全市研发投入强度达到3.10%')).toBe(2);
    expect(statedDecimals(1407, '总数达1,407家')).toBe(0);
    expect(statedDecimals(38.08, '合同成交总金额50.1亿元,比增31.57%')).toBe(2); // derived: not in its quote
    expect(statedDecimals(2.71 - 2.37, '')).toBe(2);
    expect(numberFormat(0)).toBe('#,##0');
    expect(numberFormat(2)).toBe('#,##0.00');
  });
});
