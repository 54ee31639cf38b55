// The shapes every layer shares. `data/` (see data/README.md) is the single source of truth;
// these types only describe it.

/** How a stated value bounds the truth: 突破2000家 is `>=` 2000, 约120 is `~` 120. */
export type Comparator = '=' | '>' | '>=' | '<' | '<=' | '~';
export const COMPARATORS: readonly Comparator[] = ['=', '>', '>=', '<', '<=', '~'];

/** actual = achieved; target = planned (计划/力争/目标); derived = computed from stated figures; reference = national/provincial figure cited for comparison. */
export type Kind = 'actual' | 'target' | 'derived' | 'reference';
export const KINDS: readonly Kind[] = ['actual', 'target', 'derived', 'reference'];

/** redacted = the source masks the figure (x, xx, x.xx): the row exists, the value is empty, never 0. */
export type Status = 'reported' | 'redacted';
export const STATUSES: readonly Status[] = ['reported', 'redacted'];

/** The fields of an observation, in data/indicators.csv column order (also CSV export and share links). */
export const OBSERVATION_FIELDS = [
  'city',
  'indicator',
  'period',
  'value',
  'unit',
  'comparator',
  'kind',
  'status',
  'source',
  'quote',
  'note',
] as const satisfies readonly (keyof Observation)[];

/** One row of data/indicators.csv (or of an upload, normalised to the same shape). */
export interface Observation {
  city: string;
  indicator: string;
  /** `YYYY`, `YYYY-H1`, or '' where the source masks the year. */
  period: string;
  /** In the indicator's canonical unit; null when not stated as a usable number. Never 0 for "missing". */
  value: number | null;
  unit: string;
  comparator: Comparator;
  kind: Kind;
  status: Status;
  /** Source id (curated: file stem of data/reports/<id>.txt; upload: `upload:<datasetId>`). */
  source: string;
  quote: string;
  note: string;
}

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
  publisher: string;
  /** ISO date or '' when not stated. */
  published: string;
  period_covered: string;
  /** true for a document that only plans: it may yield `target` rows only. */
  plan_only: boolean;
  url: string;
  notes: string;
}
