import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { chartCsv, toCsv, type CsvCell } from '../../src/lib/export/csv';
import { HEADLINE_CHARTS } from '../../src/lib/charts/registry';
import type { ChartId } from '../../src/lib/data/types';
import type { Lang } from '../../src/lib/i18n/bilingual';
import { citiesWithData } from '../../src/lib/data/dataset';
import { input } from './helpers';
import { observation, place, uploadPart } from './factory';
import { EN_HEADER, ZH_HEADER } from './export-headers';

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

/** A headline chart's CSV as the export button writes it, parsed back as Excel reads it. */
async function chartRows(id: ChartId, lang: Lang, uploads: Parameters<typeof input>[1] = []) {
  const base = await input({ lang }, uploads);
  const inp = { ...base, cities: citiesWithData(base.data) };
  const csv = chartCsv(HEADLINE_CHARTS[id].build(inp), inp.data, lang);
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  const [header, ...rows] = parseBack(csv);
  return { header: header!, rows, csv };
}

describe("a chart's CSV in the reader's language", () => {
  it("speaks the upload template's words in the Chinese view: headers, units, kinds, statuses", async () => {
    const template = readFileSync(resolve(import.meta.dirname, '../../public/template.csv'), 'utf8');
    const templateHeader = template
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0]!
      .split(',');
    const { header, rows, csv } = await chartRows('tech-contracts', 'zh');
    expect(header).toEqual(ZH_HEADER);
    // Every column the template has is there, under the template's own name.
    expect(header).toEqual(expect.arrayContaining(templateHeader));
    const fuzhou = rows.find((r) => r[0] === '福州市' && r[2] === '2019' && r[1] === '技术合同成交额');
    expect(fuzhou?.slice(0, 9)).toEqual([
      '福州市',
      '技术合同成交额',
      '2019',
      '',
      '50.1',
      '亿元',
      '',
      '实际',
      '已报告',
    ]);
    expect(fuzhou?.[9]).toBe('福州市2019年科技工作总结及2020年主要工作任务');
    expect(fuzhou?.[10]).toBe('合同成交总金额50.1亿元');
    // No English ids left in a Chinese file.
    expect(csv).not.toMatch(/100m CNY|,actual,|,derived,|,reported,|,count,/);
    const derived = rows.find((r) => r[2] === '2018' && r[1] === '技术合同成交额');
    expect(derived?.slice(4, 8)).toEqual(['38.08', '亿元', '~', '推算']);
  });

  it('speaks English in the English view, with the same figures', async () => {
    const { header, rows } = await chartRows('tech-contracts', 'en');
    expect(header).toEqual(EN_HEADER);
    const fuzhou = rows.find((r) => r[0] === 'Fuzhou' && r[2] === '2019' && r[4] === '50.1');
    expect(fuzhou?.slice(4, 9)).toEqual(['50.1', '100m CNY', '', 'actual', 'reported']);
    expect(fuzhou?.[9]).toBe('Fuzhou: 2019 S&T work summary and main tasks for 2020');
  });

  it("keeps the report's own year beside the year a figure measures", async () => {
    const { rows } = await chartRows('rd-intensity', 'zh');
    const wuhu = rows.find((r) => r[0] === '芜湖市' && r[2] === '2022');
    expect(wuhu?.slice(2, 9)).toEqual(['2022', '2023', '3.76', '%', '', '实际', '已报告']);
    expect(wuhu?.[10]).toBe('全社会研发经费投入占GDP比重达3.76%');
  });

  it('writes a masked figure as 已遮蔽 with an empty value, never 0', async () => {
    for (const [lang, word] of [
      ['zh', '已遮蔽'],
      ['en', 'masked'],
    ] as const) {
      const { rows } = await chartRows('rd-intensity', lang);
      const masked = rows.filter((r) => r[8] === word);
      expect(masked.length).toBeGreaterThan(0);
      for (const r of masked) expect(r[4]).toBe('');
      expect(masked.map((r) => r[2])).toEqual(['Y-1', 'Y+1']); // the report masks its years too
    }
  });

  it("says a lower bound with the template's >=", async () => {
    const { rows } = await chartRows('high-tech', 'zh');
    const bound = rows.find((r) => r[0] === '芜湖市' && r[2] === '2023' && r[1] === '高新技术企业数');
    expect(bound?.slice(4, 8)).toEqual(['2000', '个', '>=', '实际']);
  });

  it("gives the plan targets' CSV headers in the reader's language, each target a row of kind 目标", async () => {
    const zh = await chartRows('plan-targets', 'zh');
    expect(zh.header).toEqual([
      '城市',
      '指标',
      '规划年',
      '数值',
      '单位',
      '比较',
      '类型',
      '状态',
      '进度',
      '进度说明',
      '基期值',
      '基期年份',
      '最新实际值',
      '最新实际比较',
      '最新实际年份',
      '缺口',
      '完成度（%）',
      '来源',
      '原文',
    ]);
    const fuzhou = zh.rows.find((r) => r[1] === '省级以上高新技术企业数');
    expect(fuzhou?.slice(0, 17)).toEqual([
      '福州市',
      '省级以上高新技术企业数',
      '2020',
      '1800',
      '个',
      '>=',
      '目标',
      '已报告',
      '◐ 无法判断',
      '只有一个较早的实际值，画不出进度线',
      '',
      '',
      '1612',
      '',
      '2019',
      '188',
      '89.6',
    ]);
    expect(fuzhou?.[18]).toBe('省级以上高新技术企业突破1800家');
    const masked = zh.rows.filter((r) => r[7] === '已遮蔽');
    expect(masked.length).toBeGreaterThan(10);
    for (const r of masked) expect(r[3]).toBe('');
    const en = await chartRows('plan-targets', 'en');
    expect(en.header.slice(0, 9)).toEqual([
      'City',
      'Indicator',
      'Plan year',
      'Value',
      'Unit',
      'Comparator',
      'Kind',
      'Status',
      'Progress',
    ]);
    expect(en.header.slice(-3)).toEqual(['Achieved (%)', 'Source', 'Quote']);
    expect(new Set(en.rows.map((r) => r[6]))).toEqual(new Set(['target']));
  });

  it('neutralises formula-like names and notes from an upload, and writes the rest literally', async () => {
    const hostile = ["=cmd|' /C calc'!A0", '+1+1', '@SUM(1)', '<img src=x onerror=alert(1)>'];
    const places = hostile.map((zh, i) => place({ id: `u-h${i}`, zh, en: zh }));
    const rows = places.map((p, i) =>
      observation({ city: p.id, value: 3 + i, source: 'upload:h', note: i === 0 ? '-1+2' : '' }),
    );
    const { rows: back } = await chartRows('rd-intensity', 'zh', [uploadPart('h', rows, places)]);
    const cities = back.map((r) => r[0]);
    expect(cities).toEqual(
      expect.arrayContaining(["'=cmd|' /C calc'!A0", "'+1+1", "'@SUM(1)", '<img src=x onerror=alert(1)>']),
    );
    const first = back.find((r) => r[0] === "'=cmd|' /C calc'!A0");
    expect(first?.[9]).toBe('上传：h.csv');
    expect(first?.[11]).toBe("'-1+2");
  });
});
