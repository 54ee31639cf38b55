// The definitions beside the rows: indicators, places, units, sources. `data/` (see data/README.md) is the single
// source of truth; these types only describe it. The observation itself is in src/lib/table/.
import type * as v from 'valibot';
import type { IndicatorDefSchema, PlaceSchema } from './schema';

/**
 * What an indicator measures, which says what a figure of another period can tell about a target:
 * stock = a level at the period's end (企业数); flow = an amount over the period (新增, 成交额);
 * ratio = a share or intensity (研发投入强度, 占比); change = growth or a change on the previous period
 * (同比增长, 提升x个百分点); rank = a position, lower is better (第1位).
 */
export const MEASURES = ['stock', 'flow', 'ratio', 'change', 'rank'] as const;
export type Measure = (typeof MEASURES)[number];

/** The headline charts (their specs: src/lib/charts/registry.ts). */
export const CHART_IDS = ['rd-intensity', 'high-tech', 'tech-contracts', 'plan-targets'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export const PLACE_LEVELS = ['nation', 'province', 'prefecture', 'county', 'unnamed'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

/** data/indicators.json entries (the fields: schema.ts). */
export type IndicatorDef = v.InferOutput<typeof IndicatorDefSchema>;

/** data/cities.json entries (the fields: schema.ts). */
export type Place = v.InferOutput<typeof PlaceSchema>;

/** data/units.json entries: canonical units and how to label them. */
export interface UnitDef {
  id: string;
  zh: string;
  en: string;
}

/** data/sources.json entries. */
export interface SourceDef {
  id: string;
  city: string;
  title: string;
  /** The title in English (the report itself is Chinese). */
  title_en: string;
  publisher: string;
  publisher_en: string;
  /** ISO date or '' when not stated. */
  published: string;
  period_covered: string;
  period_covered_zh: string;
  /** true for a document that only plans: it may yield `target` rows only. */
  plan_only: boolean;
  url: string;
  notes: string;
  notes_zh: string;
}
