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

/** The fields every observation has (uploads, share links, stored records), in CSV order. */
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
  /**
   * Curated rows: the year or half-year the report files the figure under, where it differs from
   * `period` (the period the figure measures); '' or absent where they agree. `period_basis` says why.
   */
  reported_period?: string;
  /** Why `period` differs from `reported_period` (see PERIOD_BASES); '' or absent where they agree. */
  period_basis?: PeriodBasis | '';
  /** Curated rows: `note` in Chinese ('' where there is no note). */
  note_zh?: string;
}

/**
 * The evidence for placing a figure in an earlier period than the report files it under:
 * release-lag = R&D statistics are published about a year after the year they cover, so a summary
 * cites last year's; cited-year = a cited national or provincial figure whose statistical year is
 * known (2.18% is China's first-release 2018 R&D intensity); arithmetic = the figure adds up with a
 * stated total of a known year.
 */
export type PeriodBasis = 'release-lag' | 'cited-year' | 'arithmetic';
export const PERIOD_BASES: readonly PeriodBasis[] = ['release-lag', 'cited-year', 'arithmetic'];

/** data/indicators.csv's columns: the observation's fields and, beside them, the curated-only ones. */
export const CURATED_COLUMNS = [
  ...OBSERVATION_FIELDS.slice(0, 3), // city, indicator, period
  'reported_period',
  'period_basis',
  ...OBSERVATION_FIELDS.slice(3), // value … note
  'note_zh',
] as const satisfies readonly (keyof Observation)[];

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
