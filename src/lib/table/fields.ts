// The observation's vocabulary, with no dependencies (the first-load bundle reads it): the enums, the order of the
// fields in files and links, the length limits. The checks built from them are in schema.ts.

/** How a stated value bounds the truth: 突破2000家 is `>=` 2000, 约120 is `~` 120. */
export const COMPARATORS = ['=', '>', '>=', '<', '<=', '~'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** actual = achieved; target = planned (计划/力争/目标); derived = computed from stated figures; reference = national/provincial figure cited for comparison. */
export const KINDS = ['actual', 'target', 'derived', 'reference'] as const;
export type Kind = (typeof KINDS)[number];

/** redacted = the source masks the figure (x, xx, x.xx): the row exists, the value is empty, never 0. */
export const STATUSES = ['reported', 'redacted'] as const;
export type Status = (typeof STATUSES)[number];

/**
 * The evidence for placing a figure in an earlier period than the report files it under:
 * release-lag = R&D statistics are published about a year after the year they cover, so a summary
 * cites last year's; cited-year = a cited national or provincial figure whose statistical year is
 * known (2.18% is China's first-release 2018 R&D intensity); arithmetic = the figure adds up with a
 * stated total of a known year.
 */
export const PERIOD_BASES = ['release-lag', 'cited-year', 'arithmetic'] as const;
export type PeriodBasis = (typeof PERIOD_BASES)[number];

/** The fields every observation has (uploads, share links, stored records), in CSV order (schema.ts checks it). */
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
] as const;

/** data/indicators.csv's columns: the observation's fields and, beside them, the curated-only ones. */
export const CURATED_COLUMNS = [
  ...OBSERVATION_FIELDS.slice(0, 3), // city, indicator, period
  'reported_period',
  'period_basis',
  ...OBSERVATION_FIELDS.slice(3), // value … note
  'note_zh',
] as const;

/** Longest text accepted from a stored record, a backup, a link or a stored table (characters, entries). */
export const LIMITS = {
  id: 200,
  period: 32,
  shortText: 1000,
  longText: 20000,
  /** A work report's text: no report is longer than 10 MB. */
  reportText: 10 * 1024 * 1024,
  rows: 500_000,
  defs: 10_000,
  aliases: 200,
} as const;

/** Longest text of each of an observation's text fields: the schema and the stored-table check both read it. */
export const FIELD_MAX = {
  city: LIMITS.id,
  indicator: LIMITS.id,
  period: LIMITS.period,
  unit: LIMITS.shortText,
  source: LIMITS.shortText,
  quote: LIMITS.longText,
  note: LIMITS.longText,
} as const;

/** The text columns a row table keeps as indexes into its dictionary (quotes, nearly all distinct, are apart). */
export const TABLE_TEXT = ['city', 'indicator', 'period', 'unit', 'source', 'note'] as const;
export type TableText = (typeof TABLE_TEXT)[number];
