// The chart specs, by id: dashboard, embed, presentation and exports all draw from these.
import type { ChartId } from '../data/types';
import type { ChartSpec } from './common';
import { rdIntensity } from './rdIntensity';
import { highTech } from './highTech';
import { techContracts } from './techContracts';
import { planTargets } from './planTargets';
import { explorer } from './explorer';

export const HEADLINE_CHARTS: Record<ChartId, ChartSpec> = {
  'rd-intensity': rdIntensity,
  'high-tech': highTech,
  'tech-contracts': techContracts,
  'plan-targets': planTargets,
};

export { explorer };

export function chartSpec(id: ChartId | 'explorer'): ChartSpec {
  return id === 'explorer' ? explorer : HEADLINE_CHARTS[id];
}

/** The headline charts' ids, in the dashboard's order. */
export const CHART_IDS = Object.keys(HEADLINE_CHARTS) as ChartId[];
