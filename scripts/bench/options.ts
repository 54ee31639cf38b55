// The benchmark's window on the app's chart registry: the headline charts' ids (CHART_IDS, which every
// part of the bench measures), and their ECharts options, built in Node by the app's own chart specs, for
// the bare echarts/core page (bench/bare). Functions (formatters) are dropped by JSON.stringify, as the
// bare page cannot receive them.
//
// load.ts imports `virtual:inline-data`, which only Vite resolves: scripts/bench/specs.mjs loads this
// module through Vite's SSR loader with the project's vite.config.ts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadCurated } from '../../src/lib/data/load';
import { bundleCurated, CURATED_BUNDLE } from '../../build/bundle';
import { buildDataset, citiesWithData } from '../../src/lib/data/dataset';
import { CHART_IDS, HEADLINE_CHARTS } from '../../src/lib/charts/registry';
import { nominalWidth } from '../../src/lib/charts/common';

export { CHART_IDS };

/** A chart's box in CSS px, as the dashboard lays it out at the benchmark's viewport. */
export interface Box {
  width: number;
  height: number;
}

export interface BenchOptions {
  generated: string;
  /** The headline charts' ids, in the dashboard's order (the bare page draws these). */
  chartIds: string[];
  cities: string[];
  /** Chart id -> its option as JSON (no functions). */
  charts: Record<string, unknown>;
  /** Chart id -> the box the bare page draws it in (the app's, measured). */
  boxes: Record<string, Box>;
  /** Chart id -> series count and data points, to describe the workload in the results. */
  sizes: Record<string, { series: number; points: number; bytes: number }>;
}

function countSeries(option: unknown): { series: number; points: number } {
  const series = (option as { series?: unknown }).series;
  const list: unknown[] = Array.isArray(series) ? series : series ? [series] : [];
  let points = 0;
  for (const s of list) {
    const data = (s as { data?: unknown }).data;
    if (Array.isArray(data)) points += data.length;
  }
  return { series: list.length, points };
}

/**
 * buildOptions('/work/main', {'rd-intensity': {width: 582, height: 380}, ...}) -> the headline options as
 * the dashboard draws them at #/ (all cities, zh, light) in boxes of those sizes: each is built for
 * its box's width class, as ChartCard does.
 */
export async function buildOptions(root: string, boxes: Record<string, Box>): Promise<BenchOptions> {
  const read = (file: string) => readFileSync(resolve(root, file), 'utf8');
  const parts = await loadCurated(async (file) =>
    file === CURATED_BUNDLE ? bundleCurated(read) : read(file),
  );
  const data = buildDataset(parts);
  const cities = citiesWithData(data);
  const charts: Record<string, unknown> = {};
  const sizes: BenchOptions['sizes'] = {};
  for (const id of CHART_IDS) {
    const spec = HEADLINE_CHARTS[id];
    const box = boxes[id];
    if (!box) throw new Error(`no box size for chart ${id}`);
    const model = spec.build({ data, cities, lang: 'zh', dark: false, width: nominalWidth(box.width) });
    const json = JSON.stringify(model.option);
    charts[id] = JSON.parse(json) as unknown;
    sizes[id] = { ...countSeries(model.option), bytes: json.length };
  }
  return { generated: new Date().toISOString(), chartIds: [...CHART_IDS], cities, charts, boxes, sizes };
}

/** writeOptions(root, 'bench/.build/options.json', boxes) -> what it wrote. */
export async function writeOptions(
  root: string,
  outFile: string,
  boxes: Record<string, Box>,
): Promise<BenchOptions> {
  const out = await buildOptions(root, boxes);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(out));
  return out;
}
