// What the dashboard exports (CSV and .xlsx, zh and en), the importer reads back: every headline chart's figures
// with their bounds, kinds and masked rows, without a question or a warning; and, as a property, hostile names.
// Excel users do exactly this: export a chart's data, edit it, upload it again.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chartCsv, toCsv } from '../../src/lib/export/csv';
import { buildWorkbook } from '../../src/lib/export/xlsx';
import { importAnyBytes, importText, type ImportResult } from '../../src/lib/import';
import { HEADLINE_CHARTS } from '../../src/lib/charts/registry';
import { indicatorName, placeName, type ChartModel } from '../../src/lib/charts/common';
import { buildDataset, citiesWithData, type Dataset } from '../../src/lib/data/dataset';
import { CHART_IDS } from '../../src/lib/data/types';
import type { Lang } from '../../src/lib/i18n/bilingual';
import { t } from '../../src/lib/i18n/messages';
import { curated } from './helpers';

const hostile = fc.constantFrom(
  '<img src=x onerror=alert(1)>',
  '深圳{a|x}',
  '=HYPERLINK("http://x","y")',
  '+1+1',
  '@SUM(1)',
  '-2+3',
  '__proto__',
  'constructor',
  '"quoted", with comma',
  '示例市',
);
// Names users type: letters, CJK, punctuation; trimmed (the importer trims cells) and not empty.
const name = fc.oneof(
  hostile,
  fc
    .string({
      unit: fc.constantFrom(...'abcXYZ示例市县区{}|<>=+-@"\', 1'.split('')),
      minLength: 1,
      maxLength: 12,
    })
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
);

describe('CSV export -> import round trip', () => {
  it('reads back every city name exactly and every value to the digit', async () => {
    const c = await curated();
    const ctx = { datasetId: 't', fileName: 't.csv', indicators: c.indicators, places: c.places };
    await fc.assert(
      fc.property(
        fc.uniqueArray(name, {
          minLength: 1,
          maxLength: 6,
          selector: (s) => s.normalize('NFKC').toLowerCase(),
        }),
        fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 6 }),
        (cities, cents) => {
          // Names must not collide with a curated place (they would map to it, by design).
          const fresh = cities.filter(
            (n) =>
              !c.places.some(
                (p) =>
                  p.zh.replace(/[市县区省]$/, '') === n.replace(/[市县区省]$/, '') ||
                  p.en.toLowerCase() === n.toLowerCase() ||
                  p.id === n,
              ),
          );
          fc.pre(fresh.length > 0);
          const rows = fresh.flatMap((city, i) =>
            cents.map(
              (v, j) => [city, '研发经费投入强度', 2000 + j, (v / 100) * (i + 1), '%'] as (string | number)[],
            ),
          );
          const csv = toCsv(['城市', '指标', '年份', '数值', '单位'], rows);
          const r = importText(csv.replace(/^\uFEFF/, ''), ctx);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const byId = new Map(r.places.map((p) => [p.id, p.zh]));
          const back = r.rows.map((o) => [byId.get(o.city) ?? o.city, o.period, o.value]);
          // The apostrophe that neutralised a formula stays visible, as in Excel: names read back with it.
          const expected = rows.map(([city, , year, value]) => [
            /^[=+\-@]/.test(String(city)) ? `'${city}` : city,
            String(year),
            value,
          ]);
          expect(back).toEqual(expected);
          expect(Object.prototype).not.toHaveProperty('polluted');
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** What a row of a chart's table says, in the terms an import gives back. */
interface Figure {
  city: string;
  indicator: string;
  period: string;
  value: number | null;
  unit: string;
  comparator: string;
  kind: string;
  status: string;
}

/** The figures of a chart's table: its observations, or (plan targets) each target. */
function figures(model: ChartModel): Figure[] {
  const { header, rows } = model.table.csv;
  const at = (row: (typeof rows)[number], f: string) => row[header.indexOf(f)] ?? null;
  const target = header.includes('plan_period');
  return rows.map((r) => {
    const value = at(r, target ? 'target' : 'value') as number | null;
    return {
      city: String(at(r, 'city')),
      indicator: String(at(r, 'indicator')),
      period: String(at(r, target ? 'plan_period' : 'period')),
      value,
      unit: String(at(r, 'unit')),
      comparator: String(at(r, target ? 'target_comparator' : 'comparator')),
      kind: target ? 'target' : String(at(r, 'kind')),
      status: target ? (value === null ? 'redacted' : 'reported') : String(at(r, 'status')),
    };
  });
}

/** An import's rows as the same figures, names in the view's language. */
function imported(r: ImportResult, ds: Dataset, lang: Lang): Figure[] {
  expect(r.ok).toBe(true);
  if (!r.ok) return [];
  // The export's own words ask nothing and warn of nothing.
  expect(r.issues).toEqual([]);
  expect(r.review).toBeUndefined();
  return r.rows.map((o) => ({
    city: placeName(ds, o.city, lang),
    indicator: indicatorName(ds, o.indicator, lang),
    period: o.period,
    value: o.value,
    unit: o.unit,
    comparator: o.comparator,
    kind: o.kind,
    status: o.status,
  }));
}

async function dashboard(lang: Lang) {
  const c = await curated();
  const data = buildDataset(c);
  const cities = citiesWithData(data);
  const charts = CHART_IDS.map((id) => ({
    id,
    title: t(lang, HEADLINE_CHARTS[id].title),
    model: HEADLINE_CHARTS[id].build({ data, cities, lang, dark: false }),
  }));
  const ctx = (fileName: string) => ({
    datasetId: 't',
    fileName,
    indicators: c.indicators,
    places: c.places,
  });
  return { data, charts, ctx };
}

describe.each(['zh', 'en'] as const)('an export imports back unchanged (%s view)', (lang) => {
  it("each headline chart's CSV: the same figures, bounds, kinds and masked rows, and not one warning", async () => {
    const { data, charts, ctx } = await dashboard(lang);
    for (const { id, model } of charts) {
      const expected = figures(model);
      expect(expected.length, id).toBeGreaterThan(0);
      const csv = chartCsv(model, data, lang);
      const back = imported(importText(csv.replace(/^\uFEFF/, ''), ctx(`${id}.csv`)), data, lang);
      expect(back, id).toEqual(expected);
    }
    // Of every kind a chart draws, and masked figures among them.
    const all = charts.flatMap((c) => figures(c.model));
    expect(new Set(all.map((f) => f.kind))).toEqual(new Set(['actual', 'target', 'derived', 'reference']));
    expect(all.filter((f) => f.status === 'redacted').length).toBeGreaterThan(20);
    expect(new Set(all.map((f) => f.comparator))).toEqual(new Set(['=', '>=', '>', '<=', '~']));
  });

  it("each headline chart's .xlsx: its sheet is read by itself (the sources sheet is no table), the same figures", async () => {
    const { data, charts, ctx } = await dashboard(lang);
    for (const { id, title, model } of charts) {
      const blob = await buildWorkbook([{ title, model }], data, lang);
      const r = await importAnyBytes(new Uint8Array(await blob.arrayBuffer()), ctx(`${id}.xlsx`));
      expect(r.ok && r.sheets, id).toBeFalsy(); // no sheet to choose
      expect(imported(r, data, lang), id).toEqual(figures(model));
    }
  });

  it("the whole dashboard's .xlsx: each chart's sheet is offered and reads back as that chart", async () => {
    const { data, charts, ctx } = await dashboard(lang);
    const blob = await buildWorkbook(charts, data, lang);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const first = await importAnyBytes(bytes, ctx('dashboard.xlsx'));
    expect(first.ok).toBe(false);
    if (first.ok) return;
    expect(first.code).toBe('choose-sheet');
    const offered = first.sheets?.map((s) => s.name) ?? [];
    expect(offered).toHaveLength(charts.length); // not the sources sheet
    for (const [i, { model }] of charts.entries()) {
      const r = await importAnyBytes(bytes, { ...ctx('dashboard.xlsx'), sheet: offered[i]! });
      expect(imported(r, data, lang)).toEqual(figures(model));
    }
  });
});

describe("what the importer makes of an export's own words", () => {
  const read = async (lines: string[]) => {
    const c = await curated();
    const r = importText(lines.join('\n'), {
      datasetId: 't',
      fileName: 't.csv',
      indicators: c.indicators,
      places: c.places,
    });
    expect(r.ok).toBe(true);
    return r.ok ? r : null;
  };

  it('reads an empty value the status column calls masked as a masked figure, never 0, without a warning', async () => {
    const r = await read([
      '城市,指标,年份,数值,单位,状态',
      '芜湖,研发经费投入强度,2022,,%,已遮蔽',
      'Wuhu,R&D intensity,2021,,%,masked',
      '芜湖,研发经费投入强度,2020,,%,已报告',
      '芜湖,研发经费投入强度,2019,2.5,%,已遮蔽',
    ]);
    expect(r?.rows.map((o) => [o.period, o.value, o.status])).toEqual([
      ['2022', null, 'redacted'],
      ['2021', null, 'redacted'],
      ['2019', 2.5, 'reported'], // a figure filled in is read as given
    ]);
    // An empty value that no status calls masked is still a missing figure, said as before.
    expect(r?.issues.map((i) => [i.line, i.code])).toEqual([[4, 'empty-value']]);
  });

  it("places a year the report masks ('Y-1', 'Y', 'Y+1') where the export put it", async () => {
    const r = await read([
      '城市,指标,年份,数值,单位',
      '芜湖,研发经费投入强度,Y-1,3.1,%',
      '芜湖,研发经费投入强度,y+1,3.3,%',
    ]);
    expect(r?.rows.map((o) => o.period)).toEqual(['Y-1', 'Y+1']);
    expect(r?.issues).toEqual([]);
  });

  it('tells apart indicators whose names differ only in brackets', async () => {
    const r = await read([
      '城市,指标,年份,数值,单位',
      '芜湖,技术合同交易额（未说明口径）,2023,1000,亿元',
      '芜湖,技术合同交易额,2023,900,亿元',
      '芜湖,研发经费投入强度（%）,2022,3.76,',
    ]);
    expect(r?.rows.map((o) => o.indicator)).toEqual([
      'tech_contract_value_unspecified',
      'tech_contract_value',
      'rd_intensity',
    ]);
  });

  it("passes over the export's columns that play no part in an upload, and still names any other", async () => {
    const r = await read([
      '城市,指标,年份,报告年份,数值,单位,原文,进度,完成度（%）,序号',
      '芜湖,研发经费投入强度,2022,2023,3.76,%,达3.76%,● 已达成,100,1',
    ]);
    expect(r?.rows.map((o) => [o.period, o.value])).toEqual([['2022', 3.76]]);
    expect(r?.issues.map((i) => [i.code, i.column])).toEqual([['column-ignored', '序号']]);
  });
});
