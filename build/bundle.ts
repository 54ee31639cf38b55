// Build time (Vite plugin, tests, benchmark): data/indicators.csv and the definition files read, checked and
// written as the one JSON file the app loads (data/curated.json in the build). The CSV stays the source of
// truth; parsing it once here keeps papaparse and the parse out of every start-up. Imports name their file
// (`.ts`): vite.config.ts reaches this folder, and Vite's coming native config loader wants extensions.
import { parseIndicatorsCsv } from './curated.ts';
import { CURATED_BUNDLE, CURATED_IN_PAGE, type CuratedBundle } from '../src/lib/data/bundle.ts';

export { CURATED_BUNDLE, CURATED_IN_PAGE };

/** bundleCurated((f) => readFileSync(f)) -> the JSON text of data/curated.json; throws on a bad row. */
export function bundleCurated(read: (file: string) => string): string {
  const { rows, problems } = parseIndicatorsCsv(read('data/indicators.csv'));
  if (problems.length)
    throw new Error(
      `data/indicators.csv: ${problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')} (npm run data:check)`,
    );
  const json = (file: string) => JSON.parse(read(file)) as unknown;
  const bundle: CuratedBundle = {
    format: 'curated-v1',
    rows,
    indicators: json('data/indicators.json'),
    places: json('data/cities.json'),
    units: json('data/units.json'),
    sources: json('data/sources.json'),
  } as CuratedBundle;
  return JSON.stringify(bundle);
}
