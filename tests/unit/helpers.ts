// Test helpers: the real curated dataset read from data/ through the app's own loader.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCurated } from '../../src/lib/data/load';
import type { CuratedParts, UploadPart } from '../../src/lib/data/dataset';
import { buildDataset } from '../../src/lib/data/dataset';
import { bundleCurated, CURATED_BUNDLE } from '../../build/bundle';
import type { ChartInput } from '../../src/lib/charts/common';
import type { Observation } from '../../src/lib/table/schema';
import { tableFromRows } from '../../src/lib/table/table';

const root = resolve(import.meta.dirname, '../..');

export const readRepoFile = (file: string) => readFileSync(resolve(root, file), 'utf8');

export async function curated(): Promise<CuratedParts> {
  return loadCurated(async (file) =>
    file === CURATED_BUNDLE ? bundleCurated(readRepoFile) : readRepoFile(file),
  );
}

export async function input(
  overrides: Partial<ChartInput> = {},
  uploads: UploadPart[] = [],
): Promise<ChartInput> {
  const data = buildDataset(await curated(), uploads);
  return { data, cities: ['wuhu', 'fuzhou', 'haimen', 'x_city'], lang: 'zh', dark: false, ...overrides };
}

export function obs(
  o: Partial<Observation> & Pick<Observation, 'city' | 'indicator' | 'period' | 'value'>,
): Observation {
  return {
    unit: '%',
    comparator: '=',
    kind: 'actual',
    status: o.value === null ? 'redacted' : 'reported',
    source: 'upload:test',
    quote: '',
    note: '',
    ...o,
  };
}

/** Option as JSON for snapshots: functions named, numbers rounded to 6 significant digits. */
export function snapshotJson(option: unknown): string {
  return JSON.stringify(
    option,
    (_k, v) => (typeof v === 'function' ? '[fn]' : typeof v === 'number' ? Number(v.toPrecision(6)) : v),
    2,
  );
}

/** An uploaded dataset `<id>.csv` holding `rows` (and the places it defined), as the state hands it to the charts. */
export function uploadPart(id: string, rows: Observation[], places: UploadPart['places'] = []): UploadPart {
  return {
    meta: { id, name: `${id}.csv`, fileName: `${id}.csv` },
    table: tableFromRows(rows),
    indicators: [],
    places,
  };
}
