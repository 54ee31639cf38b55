// The chart specs, by id: dashboard, embed, presentation, exports and the benchmark all draw from these.
// CHART_IDS (data/types.ts) is the vocabulary stored records and links are checked against without loading any
// chart; the table below must give each id its spec (a missing or mislabelled one is a type error).
import { CHART_IDS, type ChartId, type IndicatorDef } from '../data/types';
import { hasRows, type Dataset } from '../data/dataset';
import type { ChartSpec } from './common';
import { rdIntensity } from './rdIntensity';
import { highTech } from './highTech';
import { techContracts } from './techContracts';
import { explorer } from './explorer';

/**
 * A spec whose code loads on demand: its title and what it draws are known at once, `build` works once `load()`
 * has resolved. In a browser the import starts when this module runs, so the code arrives with the data, not after.
 */
function onDemand<K extends ChartId>(
  meta: Omit<ChartSpec, 'build' | 'load' | 'loaded'> & { id: K },
  code: () => Promise<Pick<ChartSpec, 'build'>>,
): ChartSpec & { id: K } {
  let build: ChartSpec['build'] | null = null;
  let loading: Promise<void> | null = null;
  const load = () =>
    (loading ??= code().then(
      (m) => void (build = m.build),
      (e: unknown) => {
        loading = null; // a failed chunk may be asked for again
        throw e;
      },
    ));
  if (typeof window !== 'undefined') load().catch(() => {}); // the card that needs it reports a failure
  return {
    ...meta,
    build: (input) => {
      if (!build) throw new Error(`${meta.id}: its code has not loaded yet`);
      return build(input);
    },
    load,
    loaded: () => build !== null,
  };
}

export const HEADLINE_CHARTS: { readonly [K in ChartId]: ChartSpec & { id: K } } = {
  'rd-intensity': rdIntensity,
  'high-tech': highTech,
  'tech-contracts': techContracts,
  // Its code (statuses, pages, three tables) is larger than the room left in the first-load bundle.
  'plan-targets': onDemand(
    { id: 'plan-targets', title: 'chartPt', subtitle: 'chartPtSub', draws: [] },
    () => import('./planTargets'),
  ),
};

/** Every headline spec ready to build (exports of all charts, tests, the benchmark). */
export async function loadCharts(): Promise<void> {
  await Promise.all(CHART_IDS.map((id) => HEADLINE_CHARTS[id].load?.()));
}

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
