// npm run data:check: validates data/ against the data contract (data/README.md) before tests and build.
// Prints one line per problem as `data/indicators.csv:LINE [rule] message` and exits 1, or a one-line OK.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkDataset } from '../build/check.ts';
import { parseIndicatorsCsv } from '../build/curated.ts';
import type { IndicatorDef, Place, SourceDef, UnitDef } from '../src/lib/data/types';
import { CHART_IDS, HEADLINE_CHARTS } from '../src/lib/charts/registry';

const dataDir = fileURLToPath(new URL('../data/', import.meta.url));
const read = (name: string) => readFileSync(dataDir + name, 'utf8');
const json = <T>(name: string) => JSON.parse(read(name)) as T;

const reports: Record<string, string> = {};
for (const f of readdirSync(dataDir + 'reports'))
  if (f.endsWith('.txt')) reports[f.slice(0, -4)] = read(`reports/${f}`);

const csvText = read('indicators.csv');
const sources = json<SourceDef[]>('sources.json');
const problems = checkDataset({
  csvText,
  indicators: json<IndicatorDef[]>('indicators.json'),
  places: json<Place[]>('cities.json'),
  units: json<UnitDef[]>('units.json'),
  sources,
  reports,
  chartDraws: Object.fromEntries(CHART_IDS.map((id) => [id, HEADLINE_CHARTS[id].draws])),
});

if (problems.length === 0) {
  const rows = parseIndicatorsCsv(csvText).rows.length;
  console.log(`data:check: ${rows} rows, ${sources.length} sources, OK`);
} else {
  for (const p of problems)
    console.log(`${p.line > 0 ? `data/indicators.csv:${p.line}` : 'data'} [${p.rule}] ${p.message}`);
  console.log(`data:check: ${problems.length} problem(s)`);
  process.exitCode = 1;
}
