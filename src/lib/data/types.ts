// The definitions beside the rows: indicators, places, units, sources. `data/` (see data/README.md) is the single
// source of truth; these types only describe it. The observation itself is in src/lib/table/.

/**
 * What an indicator measures, which says what a figure of another period can tell about a target:
 * stock = a level at the period's end (企业数); flow = an amount over the period (新增, 成交额);
 * ratio = a share or intensity (研发投入强度, 占比); change = growth or a change on the previous period
 * (同比增长, 提升x个百分点); rank = a position, lower is better (第1位).
 */
export type Measure = 'stock' | 'flow' | 'ratio' | 'change' | 'rank';
export const MEASURES: readonly Measure[] = ['stock', 'flow', 'ratio', 'change', 'rank'];

export type ChartId = 'rd-intensity' | 'high-tech' | 'tech-contracts' | 'plan-targets';
export const CHART_IDS: readonly ChartId[] = ['rd-intensity', 'high-tech', 'tech-contracts', 'plan-targets'];

/** data/indicators.json entries. */
export interface IndicatorDef {
  id: string;
  zh: string;
  en: string;
  unit: string;
  description_zh: string;
  description_en: string;
  /** Headline chart that uses it, if any. */
  chart: ChartId | null;
  /** Names an upload may use for it (zh and en), matched after NFKC + trim + lower-case. */
  aliases: string[];
  /** What it measures (curated: stated; uploaded: guessed from the unit and the name, see import/measure.ts). */
  measure: Measure;
  /**
   * Where the headline chart draws figures of several scopes as separate series: the scope in words
   * (e.g. 吸纳 / absorbed, buyer side). Absent for most indicators.
   */
  scope_zh?: string;
  scope_en?: string;
}

export type PlaceLevel = 'nation' | 'province' | 'prefecture' | 'county' | 'unnamed';

/** data/cities.json entries. */
export interface Place {
  id: string;
  zh: string;
  en: string;
  /** Province id (e.g. `anhui`), '' for the nation and unknown. */
  province: string;
  level: PlaceLevel;
  note?: string;
}

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
