// The indicator explorer: any indicator of the dataset (curated or uploaded) across the chosen cities.
import type { ChartInput, ChartModel, ChartSpec } from './common';
import { buildTimeChart } from './rdIntensity';

export const DEFAULT_EXPLORER_INDICATOR = 'tech_smes';

export function build(input: ChartInput): ChartModel {
  return buildTimeChart(input, input.indicator ?? DEFAULT_EXPLORER_INDICATOR, 'chartEx');
}

export const explorer: ChartSpec = {
  id: 'explorer',
  title: 'chartEx',
  subtitle: 'chartExSub',
  draws: [],
  build,
};
