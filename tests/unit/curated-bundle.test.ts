// data/curated.json: made from data/ at build time, read by the app at start-up.
import { describe, expect, it } from 'vitest';
import { bundleCurated, CURATED_BUNDLE } from '../../build/bundle';
import { DataLoadError, loadCurated } from '../../src/lib/data/load';
import { parseIndicatorsCsv } from '../../build/curated';
import { readRepoFile } from './helpers';

const serve = (files: Record<string, string>) => async (file: string) => {
  const text = files[file];
  if (text === undefined) throw new DataLoadError(file, 'HTTP 404');
  return text;
};

describe('curated bundle', () => {
  it('carries every row of data/indicators.csv, as the CSV reads', async () => {
    const parts = await loadCurated(serve({ [CURATED_BUNDLE]: bundleCurated(readRepoFile) }));
    expect(parts.rows).toEqual(parseIndicatorsCsv(readRepoFile('data/indicators.csv')).rows);
    expect(parts.sources.length).toBe(5);
  });

  it('fails the build on a bad curated row, naming its line', () => {
    const csv = readRepoFile('data/indicators.csv').split('\n');
    csv[2] = csv[2]!.replace(/,(actual|target|derived|reference),/, ',guess,');
    const read = (file: string) => (file === 'data/indicators.csv' ? csv.join('\n') : readRepoFile(file));
    expect(() => bundleCurated(read)).toThrow(/line 3: kind "guess"/);
  });

  it('refuses a damaged file with its name and reason instead of drawing nothing', async () => {
    await expect(loadCurated(serve({ [CURATED_BUNDLE]: '<html>' }))).rejects.toThrow(
      'data/curated.json: not valid JSON',
    );
    await expect(
      loadCurated(serve({ [CURATED_BUNDLE]: '{"format":"curated-v1","rows":[]}' })),
    ).rejects.toThrow(/data\/curated.json: rows, indicators/);
    await expect(loadCurated(serve({}))).rejects.toThrow('data/curated.json: HTTP 404');
  });
});
