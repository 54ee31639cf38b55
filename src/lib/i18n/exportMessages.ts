// The words of the data exports (CSV and .xlsx): column headers, sheet names, the sources sheet. Loaded on demand
// with the exports, and by the importer, which reads these headers back without a question (import/roles.ts).
// The headers that play a part in an upload are the upload template's own (public/template.csv: 城市, 指标, 年份,
// 数值, 单位, 比较, 类型, 备注), so an export reads like the file a bureau fills in, and imports back.
// Typed like the UI catalogue (catalogue.ts).
import { catalogue, type Twin } from './catalogue';

const zh = {
  // A data sheet's columns (one row per figure).
  city: '城市',
  indicator: '指标',
  period: '年份',
  reportedPeriod: '报告年份',
  value: '数值',
  unit: '单位',
  comparator: '比较',
  kind: '类型',
  status: '状态',
  source: '来源',
  quote: '原文',
  note: '备注',
  // The plan targets' columns besides those (one row per target).
  planYear: '规划年',
  progress: '进度',
  progressNote: '进度说明',
  baseline: '基期值',
  baselineYear: '基期年份',
  latest: '最新实际值',
  latestComparator: '最新实际比较',
  latestYear: '最新实际年份',
  gap: '缺口',
  achieved: '完成度（%）',
  // The sources sheet: the reports, then the verbatim quotes.
  sourcesSheet: '来源',
  report: '报告',
  publisher: '发布单位',
  published: '发布日期',
  periodCovered: '覆盖时期',
  url: '网址',
  reportNotes: '报告说明',
  quotesTitle: '原文摘录',
  /** The figure as the report states it (with its unit and bound): not a value column, so no importer reads it as one. */
  figure: '摘录的数字',
  uploadedFile: (p: { name: string }) => `上传：${p.name}`,
};

const en: Twin<typeof zh> = {
  city: 'City',
  indicator: 'Indicator',
  period: 'Year',
  reportedPeriod: 'Reported year',
  value: 'Value',
  unit: 'Unit',
  comparator: 'Comparator',
  kind: 'Kind',
  status: 'Status',
  source: 'Source',
  quote: 'Quote',
  note: 'Note',
  planYear: 'Plan year',
  progress: 'Progress',
  progressNote: 'Progress note',
  baseline: 'Baseline',
  baselineYear: 'Baseline year',
  latest: 'Latest actual',
  latestComparator: 'Latest comparator',
  latestYear: 'Latest year',
  gap: 'Gap',
  achieved: 'Achieved (%)',
  sourcesSheet: 'Sources',
  report: 'Report',
  publisher: 'Publisher',
  published: 'Published',
  periodCovered: 'Period covered',
  url: 'URL',
  reportNotes: 'About the report',
  quotesTitle: 'Quotes',
  figure: 'Figure taken',
  uploadedFile: (p) => `Uploaded: ${p.name}`,
};

export const { t, both } = catalogue(zh, en);

/** The columns of a chart's data sheet, in order: observations (charts, explorer). */
export const OBSERVATION_COLUMNS = [
  'city',
  'indicator',
  'period',
  'reportedPeriod',
  'value',
  'unit',
  'comparator',
  'kind',
  'status',
  'source',
  'quote',
  'note',
] as const satisfies readonly (keyof typeof zh)[];

/** The plan targets' data sheet: each target as an upload's target row, then how it stands. */
export const TARGET_COLUMNS = [
  'city',
  'indicator',
  'planYear',
  'value',
  'unit',
  'comparator',
  'kind',
  'status',
  'progress',
  'progressNote',
  'baseline',
  'baselineYear',
  'latest',
  'latestComparator',
  'latestYear',
  'gap',
  'achieved',
  'source',
  'quote',
] as const satisfies readonly (keyof typeof zh)[];

export type ColumnKey = (typeof OBSERVATION_COLUMNS)[number] | (typeof TARGET_COLUMNS)[number];

/** Every header a data sheet may have, in both languages (the importer knows each of them). */
export function columnWords(): string[] {
  const keys = new Set<ColumnKey>([...OBSERVATION_COLUMNS, ...TARGET_COLUMNS]);
  return [...keys].flatMap((k) => [t('zh', k), t('en', k)]);
}
