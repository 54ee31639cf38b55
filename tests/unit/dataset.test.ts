// The dataset's index: what the charts read instead of scanning every row on each change.
import { describe, expect, it } from 'vitest';
import { buildDataset, citiesWithData, placeRows, rowsOf, targetsOf } from '../../src/lib/data/dataset';
import { emptyIndex, indexRows, tableIndex } from '../../src/lib/table/rowIndex';
import { indexInSlices } from '../../src/lib/table/slices';
import { tableFromRows } from '../../src/lib/table/table';
import { curated, obs, uploadPart } from './helpers';

const newCity = { id: 'u-xinshi', zh: '新市', en: 'Xinshi', province: '', level: 'prefecture' as const };

describe('dataset index', () => {
  it('gives an uploaded city its rows next to the curated ones, curated first', async () => {
    const parts = await curated();
    const before = rowsOf(buildDataset(parts), 'rd_intensity', ['wuhu']);
    expect(before.length).toBeGreaterThan(0);
    const extra = obs({ city: 'wuhu', indicator: 'rd_intensity', period: '2030', value: 9.9 });
    const ds = buildDataset(parts, [uploadPart('a', [extra])]);
    expect(rowsOf(ds, 'rd_intensity', ['wuhu'])).toEqual([...before, extra]);
    // The curated lists are shared, never appended to: without the upload, wuhu is as it was.
    expect(rowsOf(buildDataset(parts), 'rd_intensity', ['wuhu'])).toEqual(before);
  });

  it('reads only the places asked for, in the order asked', async () => {
    const rows = [
      obs({ city: 'u-xinshi', indicator: 'rd_intensity', period: '2021', value: 2 }),
      obs({ city: 'wuhu', indicator: 'rd_intensity', period: '2031', value: 3 }),
      obs({ city: 'u-xinshi', indicator: 'rd_intensity', period: '2022', value: 4 }),
    ];
    const ds = buildDataset(await curated(), [uploadPart('a', rows, [newCity])]);
    const got = rowsOf(ds, 'rd_intensity', ['u-xinshi', 'nowhere', 'u-xinshi']);
    expect(got.map((r) => r.period)).toEqual(['2021', '2022']);
    expect(rowsOf(ds, 'no_such_indicator', ['u-xinshi'])).toEqual([]);
  });

  it('lists an uploaded city with data among the cities, and its targets among the targets', async () => {
    const target = obs({
      city: 'u-xinshi',
      indicator: 'rd_intensity',
      period: '2025',
      value: 3,
      kind: 'target',
    });
    const ds = buildDataset(await curated(), [uploadPart('a', [target], [newCity])]);
    expect(citiesWithData(ds)).toContain('u-xinshi');
    expect(targetsOf(ds, ['u-xinshi'])).toEqual([target]);
    expect(placeRows(ds, 'rd_intensity', 'u-xinshi')).toEqual([target]);
    // A place the upload names but has no rows for is not offered.
    const empty = buildDataset(await curated(), [uploadPart('b', [], [newCity])]);
    expect(citiesWithData(empty)).not.toContain('u-xinshi');
  });

  it('an index built in slices is the index built at once', async () => {
    const rows = Array.from({ length: 25 }, (_, i) =>
      obs({
        city: `c${i % 4}`,
        indicator: `i${i % 3}`,
        period: String(2000 + i),
        value: i,
        kind: i % 5 ? 'actual' : 'target',
      }),
    );
    const table = tableFromRows(rows);
    const sliced = emptyIndex();
    for (let from = 0; from < rows.length; from += 7)
      indexRows(table, sliced, from, Math.min(rows.length, from + 7));
    const whole = indexRows(table, emptyIndex());
    expect(sliced).toEqual(whole);
    expect(whole.targets.get('c0')).toEqual([0, 20]);
    // The index built in time slices is kept: tableIndex then scans nothing.
    const copy = tableFromRows(rows);
    expect(await indexInSlices(copy)).toBe(true);
    const kept = tableIndex(copy);
    expect(kept).toEqual(whole);
    expect(tableIndex(copy)).toBe(kept);
  });
});
