// The browser tests' 12-city upload (tests/fixtures/e2e/twelve-cities.csv, made by make.py) imports whole with the
// real curated definitions: no row refused, twelve new cities, every headline indicator matched to its id.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importBytes, type ImportSuccess } from '../../../src/lib/import/index';
import { buildDataset, citiesWithData } from '../../../src/lib/data/dataset';
import { curated } from '../helpers';
import { TWELVE_CITIES } from '../../fixtures/e2e/twelveCities';

const FILE = 'twelve-cities.csv';
const bytes = () => new Uint8Array(readFileSync(new URL(`../../fixtures/e2e/${FILE}`, import.meta.url)));

async function imported(): Promise<ImportSuccess> {
  const c = await curated();
  const r = importBytes(bytes(), {
    datasetId: 'twelve',
    fileName: FILE,
    indicators: c.indicators,
    places: c.places,
  });
  if (!r.ok) throw new Error(`${FILE} was refused: ${r.message.en}`);
  return r;
}

describe(FILE, () => {
  it('imports with no rejected row: UTF-8 with BOM, long layout, the only warning the masked x.xx', async () => {
    const r = await imported();
    expect(r.encoding).toBe('UTF-8 (BOM)');
    expect(r.layout).toBe('long');
    expect(r.counts).toEqual({ imported: 177, rejected: 0, warned: 1 });
    expect(r.issues.map((i) => [i.severity, i.code, i.raw])).toEqual([['warning', 'masked', 'x.xx']]);
  });

  it('adds twelve new cities, none taken for a curated place', async () => {
    const r = await imported();
    expect(r.places.map((p) => p.zh)).toEqual(TWELVE_CITIES);
    for (const p of r.places) expect(p.id).toMatch(/^u-/);
    expect(new Set(r.rows.map((o) => o.city))).toEqual(new Set(r.places.map((p) => p.id)));
  });

  it('matches every headline indicator; 专利授权量 is the upload’s own, spanning three orders of magnitude', async () => {
    const r = await imported();
    const count = (indicator: string) => r.rows.filter((o) => o.indicator === indicator).length;
    expect({
      rd_intensity: count('rd_intensity'),
      high_tech_enterprises: count('high_tech_enterprises'),
      high_tech_enterprises_new: count('high_tech_enterprises_new'),
      tech_contract_value: count('tech_contract_value'),
      tech_contract_value_yoy: count('tech_contract_value_yoy'),
    }).toEqual({
      rd_intensity: 73,
      high_tech_enterprises: 24,
      high_tech_enterprises_new: 6,
      tech_contract_value: 37,
      tech_contract_value_yoy: 1,
    });
    expect(r.indicators.map((d) => [d.zh, d.unit])).toEqual([['专利授权量', 'count']]);
    const patents = r.rows.filter((o) => o.indicator === r.indicators[0]!.id).map((o) => o.value!);
    expect([Math.min(...patents), Math.max(...patents)]).toEqual([30, 31870]);
  });

  it('carries the special rows: a masked figure, a target, a lower bound beside 1,219, a first half, a growth', async () => {
    const r = await imported();
    const name = new Map(r.places.map((p) => [p.id, p.zh]));
    const pick = (f: (o: ImportSuccess['rows'][number]) => boolean) =>
      r.rows
        .filter(f)
        .map((o) => [name.get(o.city), o.indicator, o.period, o.value, o.comparator, o.kind, o.status]);
    expect(pick((o) => o.status === 'redacted')).toEqual([
      ['池州市', 'rd_intensity', '2020', null, '=', 'actual', 'redacted'],
    ]);
    expect(pick((o) => o.kind === 'target')).toEqual([
      ['宣城市', 'rd_intensity', '2025', 2.6, '=', 'target', 'reported'],
    ]);
    expect(
      pick((o) => o.indicator === 'high_tech_enterprises' && o.period === '2023' && o.value! >= 1000),
    ).toEqual([
      ['滁州市', 'high_tech_enterprises', '2023', 1000, '>=', 'actual', 'reported'],
      ['马鞍山市', 'high_tech_enterprises', '2023', 1219, '=', 'actual', 'reported'],
      ['泉州市', 'high_tech_enterprises', '2023', 3011, '=', 'actual', 'reported'],
    ]);
    expect(pick((o) => o.period.endsWith('-H1'))).toEqual([
      ['滁州市', 'tech_contract_value', '2019-H1', 31.6, '=', 'actual', 'reported'],
    ]);
    expect(pick((o) => o.indicator === 'tech_contract_value_yoy')).toEqual([
      ['马鞍山市', 'tech_contract_value_yoy', '2023', 30.38, '=', 'actual', 'reported'],
    ]);
    for (const o of r.rows) expect(o.note).toMatch(/^测试数据/);
  });

  it('joins the dataset: with the curated cities, seventeen cities have data', async () => {
    const r = await imported();
    const ds = buildDataset(await curated(), [
      {
        meta: { id: 'twelve', name: FILE, fileName: FILE },
        table: r.table,
        indicators: r.indicators,
        places: r.places,
      },
    ]);
    for (const p of r.places) expect(ds.placesWithRows.has(p.id), p.zh).toBe(true);
    expect(citiesWithData(ds)).toHaveLength(17);
  });
});
