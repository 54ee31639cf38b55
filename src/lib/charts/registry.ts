// The chart specs, by id: dashboard, embed, presentation, exports and the benchmark all draw from these.
// CHART_IDS (data/types.ts) is the vocabulary stored records and links are checked against without loading any
// chart; the table below must give each id its spec (a missing or mislabelled one is a type error).
import { CHART_IDS, type ChartId, type IndicatorDef } from '../data/types';
import { hasRows, type Dataset } from '../data/dataset';
import type { ChartSpec } from './common';
import { rdIntensity } from './rdIntensity';
import { highTech } from './highTech';
import { techContracts } from './techContracts';
import { planTargets } from './planTargets';
import { explorer } from './explorer';

export const HEADLINE_CHARTS: { readonly [K in ChartId]: ChartSpec & { id: K } } = {
  'rd-intensity': rdIntensity,
  'high-tech': highTech,
  'tech-contracts': techContracts,
  'plan-targets': planTargets,
};

export { CHART_IDS, explorer };

export function chartSpec(id: ChartId | 'explorer'): ChartSpec {
  return id === 'explorer' ? explorer : HEADLINE_CHARTS[id];
}

/** The indicators a headline chart draws. */
export const HEADLINE_INDICATORS: ReadonlySet<string> = new Set(
  CHART_IDS.flatMap((id) => HEADLINE_CHARTS[id].draws),
);

/** What the explorer offers: every indicator with rows that no headline chart draws, in the dataset's order. */
export function explorable(ds: Dataset): IndicatorDef[] {
  return [...ds.indicators.values()].filter((d) => !HEADLINE_INDICATORS.has(d.id) && hasRows(ds, d.id));
}
