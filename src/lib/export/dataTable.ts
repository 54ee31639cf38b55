// A chart's data as the exports write it (CSV and .xlsx alike), in the reader's words: headers, units, kinds,
// statuses and periods as the upload template says them (zh) or in English (en), so that an export reads like the
// file a bureau keeps and imports back. Made from the chart's raw table (model.table.csv: field ids, unit and kind
// ids, numbers as numbers), column by column by field name.
// Example: a row ['芜湖市', '研发经费投入强度', '2022', '2023', 3.76, '%', '=', 'actual', 'reported', <id>, …] ->
//   ['芜湖市', '研发经费投入强度', 2022, 2023, 3.76 (format '#,##0.00'), '%', '', '实际', '已报告', '芜湖市科技局…', …]
import type { ChartModel, TableModel } from '../charts/common';
import { sourceTitle, uploadLabel } from '../charts/common';
import type { Dataset } from '../data/dataset';
import { COMPARATORS, KINDS, type Comparator, type Kind } from '../table/fields';
import type { Lang } from '../i18n/bilingual';
import { t as ui } from '../i18n/messages';
import { formatValue, kindLabel, periodLabel, unitLabel } from '../i18n/format';
import { OBSERVATION_COLUMNS, TARGET_COLUMNS, t, type ColumnKey } from '../i18n/exportMessages';
import { statedDecimals } from '../data/statedDigits';

/** A number and the Excel number format that shows it as the report states it. */
export interface Figure {
  n: number;
  format: string;
}

/** A cell: text, a number, or empty (a masked figure is empty, never 0). */
export type DataCell = string | Figure | null;

export interface DataSheet {
  header: string[];
  rows: DataCell[][];
}

type RawRow = TableModel['csv']['rows'][number];

/** Reads a raw row's fields by name (the raw table's header is field ids). */
function fields(header: readonly string[]) {
  const index = new Map(header.map((h, i) => [h, i]));
  return (row: RawRow, name: string): string | number | null => {
    const i = index.get(name);
    return i === undefined ? null : (row[i] ?? null);
  };
}

const str = (v: string | number | null): string => (v === null ? '' : String(v));

/** numberFormat(0) -> '#,##0'; numberFormat(2) -> '#,##0.00' */
export function numberFormat(digits: number): string {
  return digits > 0 ? `#,##0.${'0'.repeat(digits)}` : '#,##0';
}

/** A figure cell, or empty where there is no finite number (masked, not given). */
function figure(v: string | number | null, quote = '', digits?: number): Figure | null {
  if (typeof v !== 'number' || !Number.isFinite(v)) return null;
  const d = digits ?? statedDecimals(v, quote);
  // The cell holds the figure as stated, not a float's tail (a gap of 2.71 - 2.37).
  return { n: Number(v.toFixed(d)) === v ? v : Number(v.toPrecision(12)), format: numberFormat(d) };
}

/**
 * A period cell: a year as a number (so it sorts and filters as one; its format has no thousands comma), a half
 * year in words the importer reads ('2020年上半年', '2020 H1'), a year masked in the report as it is ('Y-1').
 */
export function periodCell(v: string | number | null, lang: Lang): DataCell {
  const p = str(v);
  if (p === '') return null;
  if (/^\d{4}$/.test(p)) return { n: Number(p), format: '0' };
  return /^\d{4}-H1$/.test(p) ? periodLabel(p, lang) : p;
}

/** The comparator as the template writes it: nothing for an exact figure, else '>=', '~' … */
function comparatorCell(v: string | number | null): string {
  const c = str(v);
  return c === '=' ? '' : c;
}

function kindCell(v: string | number | null, lang: Lang): string {
  const k = str(v);
  return (KINDS as readonly string[]).includes(k) ? kindLabel(k as Kind, lang) : k;
}

/** '已遮蔽' / 'masked' for a figure the report masks (its value cell is empty), else '已报告' / 'reported'. */
function statusCell(masked: boolean, lang: Lang): string {
  return ui(lang, masked ? 'statusRedacted' : 'statusReported');
}

/** A report's title, or the name the user gave an upload. */
export function sourceName(ds: Dataset, id: string, lang: Lang): string {
  const up = ds.uploads.get(id);
  if (up) return up.report ? uploadLabel(up, lang) : t(lang, 'uploadedFile', { name: up.name });
  const s = ds.sources.get(id);
  return s ? sourceTitle(s, lang) : id;
}

function headers(keys: readonly ColumnKey[], lang: Lang): string[] {
  return keys.map((k) => t(lang, k));
}

const OBSERVATION_FIELDS = ['city', 'indicator', 'period', 'value', 'unit', 'kind', 'status', 'quote'];
const TARGET_FIELDS = ['city', 'indicator', 'plan_period', 'target', 'unit', 'status_reason', 'source'];
const isTable = (header: readonly string[], need: readonly string[]) => need.every((f) => header.includes(f));

/** The exported table of a chart: observations, plan targets, or (a table of another shape) its raw cells. */
export function chartTable(model: ChartModel, ds: Dataset, lang: Lang): DataSheet {
  const { header, rows } = model.table.csv;
  if (isTable(header, OBSERVATION_FIELDS)) return observationSheet(header, rows, ds, lang);
  if (isTable(header, TARGET_FIELDS)) return targetSheet(header, rows, ds, lang);
  return { header, rows: rows.map((r) => r.map((c) => (typeof c === 'number' ? figure(c) : c))) };
}

function observationSheet(header: string[], rows: readonly RawRow[], ds: Dataset, lang: Lang): DataSheet {
  const f = fields(header);
  return {
    header: headers(OBSERVATION_COLUMNS, lang),
    rows: rows.map((r) => {
      const quote = str(f(r, 'quote'));
      return [
        str(f(r, 'city')),
        str(f(r, 'indicator')),
        periodCell(f(r, 'period'), lang),
        periodCell(f(r, 'reported_period'), lang),
        figure(f(r, 'value'), quote),
        unitLabel(str(f(r, 'unit')), lang, ds.units),
        comparatorCell(f(r, 'comparator')),
        kindCell(f(r, 'kind'), lang),
        statusCell(f(r, 'status') === 'redacted', lang),
        sourceName(ds, str(f(r, 'source')), lang),
        quote,
        str(f(r, 'note')),
      ];
    }),
  };
}

function targetSheet(header: string[], rows: readonly RawRow[], ds: Dataset, lang: Lang): DataSheet {
  const f = fields(header);
  return {
    header: headers(TARGET_COLUMNS, lang),
    rows: rows.map((r) => {
      const quote = str(f(r, 'quote'));
      const target = f(r, 'target');
      return [
        str(f(r, 'city')),
        str(f(r, 'indicator')),
        periodCell(f(r, 'plan_period'), lang),
        figure(target, quote),
        unitLabel(str(f(r, 'unit')), lang, ds.units),
        comparatorCell(f(r, 'target_comparator')),
        kindLabel('target', lang),
        // A target is masked exactly when it has no value (the report's x.xx).
        statusCell(target === null, lang),
        str(f(r, 'status')),
        str(f(r, 'status_reason')),
        figure(f(r, 'baseline')),
        periodCell(f(r, 'baseline_period'), lang),
        figure(f(r, 'latest_actual')),
        comparatorCell(f(r, 'latest_comparator')),
        periodCell(f(r, 'latest_period'), lang),
        figure(f(r, 'gap')),
        // % of target as the number shown (89.6), like every percent here: see xlsx.ts.
        figure(f(r, 'achieved_pct'), '', 1),
        sourceName(ds, str(f(r, 'source')), lang),
        quote,
      ];
    }),
  };
}

/** A cell as CSV writes it: a number stays a number. */
export function csvCell(c: DataCell): string | number | null {
  return c !== null && typeof c === 'object' ? c.n : c;
}

/** One figure of a chart with its report and verbatim quote: a line of the sources sheet. */
export interface QuotedFigure {
  source: string;
  city: string;
  indicator: string;
  period: string;
  /** The figure as a reader says it: '≥2,000个', '3.76%', '原文已遮蔽'. */
  figure: string;
  quote: string;
}

/** The figures of a chart's table (a plan target's own figure for plan targets) with their quotes. */
export function quotedFigures(model: ChartModel, ds: Dataset, lang: Lang): QuotedFigure[] {
  const { header, rows } = model.table.csv;
  const f = fields(header);
  const target = !header.includes('value');
  return rows.map((r) => {
    const value = f(r, target ? 'target' : 'value');
    const cmp = str(f(r, target ? 'target_comparator' : 'comparator'));
    return {
      source: str(f(r, 'source')),
      city: str(f(r, 'city')),
      indicator: str(f(r, 'indicator')),
      period: periodLabel(str(f(r, target ? 'plan_period' : 'period')), lang),
      figure: formatValue(
        typeof value === 'number' ? value : null,
        (COMPARATORS as readonly string[]).includes(cmp) ? (cmp as Comparator) : '=',
        str(f(r, 'unit')),
        lang,
        ds.units,
        // As precisely as its sentence states it (0.00417, not 0.0042).
        typeof value === 'number' ? Math.max(2, statedDecimals(value, str(f(r, 'quote')))) : 2,
      ),
      quote: str(f(r, 'quote')),
    };
  });
}
