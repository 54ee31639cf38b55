// Test helpers: the real curated dataset read from data/ through the app's own loader. Made-up rows, definitions
// and small datasets come from factory.ts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCurated } from '../../src/lib/data/load';
import type { CuratedParts, UploadPart } from '../../src/lib/data/dataset';
import { buildDataset } from '../../src/lib/data/dataset';
import { bundleCurated, CURATED_BUNDLE } from '../../build/bundle';
import type { ChartInput } from '../../src/lib/charts/common';

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

// The test rows and uploads are made by factory.ts; `obs` is its old name here (dataset.test.ts).
export { observation as obs, uploadPart } from './factory';
