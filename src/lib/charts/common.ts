// What every chart spec shares: its input, its output model, colours, safe text and the tooltip.
import type { EChartsCoreOption } from 'echarts/core';
import type { Dataset, UploadedMeta } from '../data/dataset';
import { hiddenBehind, isUploadedId, rowKey } from '../data/dataset';
import type { ChartId, IndicatorDef, SourceDef } from '../data/types';
import type { Observation } from '../table/schema';
import { OBSERVATION_FIELDS } from '../table/fields';
import type { Lang, TextMessageKey } from '../i18n/messages';
import { t } from '../i18n/messages';
import { clauses, formatValue, inBrackets, kindLabel, periodLabel } from '../i18n/format';
import { catalogue } from '../i18n/catalogue';
import { sourceHref, type LinkContext } from '../url/routes';

export interface ChartInput {
  data: Dataset;
  /** Selected place ids (cities; references are added by the charts that use them). */
  cities: readonly string[];
  lang: Lang;
  dark: boolean;
  /** Explorer: the indicator to show. */
  indicator?: string | null;
  /** Presentation/export: larger type. */
  scale?: number;
  /** A logarithmic value axis where the chart offers one (ChartModel.logScale); the view's `scale=log`. */
  logScale?: boolean;
  /** A touch screen (no hover): footnotes say "tap" instead of "hover". */
  touch?: boolean;
  /** Width of the plot in CSS px, where a spec lays out differently on a phone (default 800). */
  width?: number;
  /** Plan targets: the plan years shown (null or empty: all). */
  plan?: readonly string[] | null;
  /**
   * Plan targets: a page of a slide, embed or presentation (1-based; past the last is the last); 'all' every
   * target on one long page (an export of the dashboard's chart); absent: the dashboard's view.
   */
  page?: number | 'all';
  /** What the tooltip's source link keeps of the view (routes.ts): absent, the language only. */
  link?: LinkContext;
}

/** Plots narrower than this (CSS px) get the narrow layout (plan targets: labels above the bars). */
export const NARROW_PLOT = 600;
/** Plots narrower than this (CSS px) are a phone's: bar labels are thinned for a typical phone plot. */
export const PHONE_PLOT = 440;

/**
 * The width a spec is built for, from the plot's measured width: one value per class (phone, narrow,
 * wide), so a resize rebuilds nothing unless it crosses a class. nominalWidth(582) -> 599
 */
export function nominalWidth(plot: number): number {
  if (plot < PHONE_PLOT) return 340;
  return plot < NARROW_PLOT ? NARROW_PLOT - 1 : 800;
}

export interface TableModel {
  columns: string[];
  /** Display cells (text only; rendered as text nodes); at most TABLE_ROWS of them. */
  rows: { key: string; cells: string[] }[];
  /** How many rows the data has (the CSV export has all of them). */
  total: number;
  /** Same rows for CSV export: numbers stay numbers. */
  csv: { header: string[]; rows: (string | number | null)[][] };
}

export interface ChartModel {
  option: EChartsCoreOption;
  table: TableModel;
  /** Footnotes under the chart: sources, caveats. */
  footnotes: string[];
  /** One or two sentences for screen readers. */
  summary: string;
  /** Source ids used by the plotted rows. */
  sources: string[];
  empty: boolean;
  /** Preferred plot height in CSS px when the chart has many rows (plan-targets); default 380. */
  height?: number;
  /** Mark ref (data item `ref`) -> the observation it draws: for tooltips and click-through. */
  marks: ReadonlyMap<string, Observation>;
  /** A chart whose slides are text, not a picture (plan targets): its rows as a native table. */
  slideTable?: SlideTable;
  /** A chart shown in pages (ChartInput.page): which one, of how many. */
  pages?: { page: number; count: number };
  /** A chart whose values span orders of magnitude offers a log axis: whether it is on. */
  logScale?: { on: boolean };
  /** Plan targets on the dashboard: the targets awaiting data, folded under the chart, by group. */
  awaiting?: { title: string; items: string[] }[];
}

/** Rows a slide writes as a native table, paged by the slide writer (export/slides.ts). */
export interface SlideTable {
  columns: string[];
  /** Relative column widths. */
  widths: number[];
  /** Rows in groups (a city and plan year): a group's title row repeats, marked as continued, on the next slide. */
  groups: { title: string; rows: string[][] }[];
  /** One line under the table on every slide (what the status marks mean). */
  legend: string;
}

export interface ChartSpec {
  id: ChartId | 'explorer';
  title: TextMessageKey;
  subtitle: TextMessageKey;
  /**
   * The indicators it draws as its own series: each lists this chart in data/indicators.json's `charts`
   * (data:check holds the two to each other). Plan targets draw every indicator's targets, the explorer the one
   * picked: they list none.
   */
  draws: readonly string[];
  build(input: ChartInput): ChartModel;
}

export const REFERENCE_COLOR = '#7a7a7a';

/**
 * A series of marks alone (half-years, targets, plan-target ticks): a line series with its line left undrawn.
 * ECharts' scatter series would draw the same, at 2.3 KB gzip more of the first load.
 */
export const MARKS_ONLY = {
  type: 'line',
  lineStyle: { width: 0, opacity: 0 },
  showAllSymbol: true,
  connectNulls: false,
} as const;

/** escapeHtml('<b>') -> '&lt;b&gt;' — for ECharts tooltips, which are written as innerHTML. */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/**
 * safeLabel('深圳{a|x}') -> '深圳{\u200ba|x}': a zero-width space after '{' keeps zrender from reading
 * user text as rich-text markup; it still looks the same. Used for names drawn by ECharts itself.
 */
export function safeLabel(s: string): string {
  return s.replace(/\{/g, '{\u200b');
}

export function placeName(ds: Dataset, id: string, lang: Lang): string {
  const p = ds.places.get(id);
  return p ? p[lang] || p.zh : id;
}

export function indicatorName(ds: Dataset, id: string, lang: Lang): string {
  const d = ds.indicators.get(id);
  return d ? d[lang] || d.zh : id;
}

// The words for a value an upload's row is drawn in place of (first load: the rest of the conflict words load with
// the upload panel, i18n/conflictMessages.ts).
const behind = catalogue(
  { reportValue: '报告值', otherUpload: '另一上传的值' },
  { reportValue: "Report's value", otherUpload: "Another upload's value" },
);

/** sourceLabel(ds, <a curated row>, 'zh') -> the report's title; of an upload's row: '上传: wuhu.csv'. */
function sourceLabel(ds: Dataset, o: Observation, lang: Lang): string {
  const up = ds.uploads.get(o.source);
  if (up) return uploadLabel(up, lang);
  const s = ds.sources.get(o.source);
  return s ? sourceTitle(s, lang) : o.source;
}

/** How an upload is named as a source: '上传: wuhu.csv'; a work report: '上传的报告: 《青山市科技局2024年工作总结》'. */
export function uploadLabel(up: UploadedMeta, lang: Lang): string {
  if (up.report)
    return `${t(lang, 'uploadedReport')}: ${lang === 'zh' ? `《${up.report.title}》` : up.report.title}`;
  return `${t(lang, 'uploaded')}: ${up.name}`;
}

/** A report's title in the reader's language (the Chinese title where no English one is given). */
export function sourceTitle(s: SourceDef, lang: Lang): string {
  return lang === 'en' && s.title_en ? s.title_en : s.title;
}

/** A report's publisher in the reader's language. */
export function sourcePublisher(s: SourceDef, lang: Lang): string {
  return lang === 'en' && s.publisher_en ? s.publisher_en : s.publisher;
}

/** The period a report covers, in the reader's language (sources.json has both). */
export function sourcePeriodCovered(s: SourceDef, lang: Lang): string {
  return lang === 'en' ? s.period_covered : s.period_covered_zh;
}

/** A report's notes in the reader's language (sources.json has both). */
export function sourceNotes(s: SourceDef, lang: Lang): string {
  return lang === 'en' ? s.notes : s.notes_zh;
}

/** A row's note in the reader's language (curated rows carry both; an upload's note is the file's own). */
export function noteText(o: Observation, lang: Lang): string {
  return lang === 'zh' && o.note_zh ? o.note_zh : o.note;
}

const MEASURE_KEY = {
  stock: 'measureStock',
  flow: 'measureFlow',
  ratio: 'measureRatio',
  change: 'measureChange',
  rank: 'measureRank',
} as const;

const BASIS_KEY = {
  'release-lag': 'basisRelease',
  'cited-year': 'basisCited',
  arithmetic: 'basisArithmetic',
} as const;

/**
 * Where a row's period differs from the report's attribution: the report and the year it files the
 * figure under, and why the figure sits in another: '据《…2023年工作总结…》，报告归于2023年'; '' otherwise.
 */
export function statedIn(ds: Dataset, o: Observation, lang: Lang): string {
  if (!o.reported_period) return '';
  const s = ds.sources.get(o.source);
  const where = t(lang, 'statedInWhere', {
    title: s ? sourceTitle(s, lang) : o.source,
    period: periodLabel(o.reported_period, lang),
  });
  const why = o.period_basis ? t(lang, BASIS_KEY[o.period_basis]) : '';
  return why ? clauses([where, why], lang) : where;
}

/**
 * The scope words of indicators drawn side by side as separate series (data/indicators.json scope_zh /
 * scope_en): scopeNames(ds, ['tech_contract_value', 'tech_contract_value_absorbed'], 'zh') ->
 * Map { 'tech_contract_value' => '登记', 'tech_contract_value_absorbed' => '吸纳' }
 */
export function scopeNames(ds: Dataset, ids: readonly string[], lang: Lang): Map<string, string> {
  const scope = (d: IndicatorDef | undefined) => (lang === 'en' ? d?.scope_en : d?.scope_zh) ?? '';
  return new Map(ids.map((id) => [id, scope(ds.indicators.get(id))]));
}

/**
 * The tooltip for one observation, as escaped HTML: value, unit, period, kind, bound, quote, note, and a link
 * to its source sentence that keeps what `link` holds of the view (in the tooltip's language).
 */
export function tooltipHtml(ds: Dataset, o: Observation, lang: Lang, link: LinkContext = { lang }): string {
  const rows: string[] = [];
  const line = (label: string, value: string) =>
    rows.push(`<div><span class="tt-label">${escapeHtml(label)}</span> ${escapeHtml(value)}</div>`);
  rows.push(
    `<div class="tt-title">${escapeHtml(placeName(ds, o.city, lang))} · ${escapeHtml(indicatorName(ds, o.indicator, lang))}</div>`,
  );
  const uploaded = ds.uploads.has(o.source);
  const value = formatValue(o.value, o.comparator, o.unit, lang, ds.units);
  line(t(lang, 'value') + ':', uploaded ? value + inBrackets(t(lang, 'uploaded'), lang) : value);
  // Where the upload's figure is drawn in place of another, that one is still said.
  for (const r of uploaded ? hiddenBehind(ds, o) : [])
    line(
      behind.t(lang, ds.uploads.has(r.source) ? 'otherUpload' : 'reportValue') + ':',
      formatValue(r.value, r.comparator, r.unit, lang, ds.units) +
        inBrackets(`${t(lang, 'source')}: ${sourceLabel(ds, r, lang)}`, lang),
    );
  line(t(lang, 'period') + ':', periodLabel(o.period, lang));
  const stated = statedIn(ds, o, lang);
  if (stated)
    rows.push(
      `<div class="tt-stated"><span class="tt-label">${escapeHtml(t(lang, 'statedIn'))}:</span> ${escapeHtml(stated)}</div>`,
    );
  // An uploaded indicator's measure is a guess from its unit and name: say so where it is read.
  const measure = ds.indicators.get(o.indicator)?.measure;
  if (measure && isUploadedId(o.indicator))
    line(t(lang, 'measureGuessed') + ':', t(lang, MEASURE_KEY[measure]));
  line(t(lang, 'kind') + ':', kindLabel(o.kind, lang));
  if (o.comparator === '>=' || o.comparator === '>') line(t(lang, 'lowerBound') + ':', t(lang, 'lowerBound'));
  if (o.status === 'redacted') line(t(lang, 'status') + ':', t(lang, 'maskedLong'));
  if (o.quote) rows.push(`<div class="tt-quote">「${escapeHtml(o.quote)}」</div>`);
  const note = noteText(o, lang);
  if (note)
    rows.push(
      `<div class="tt-note">${escapeHtml((o.kind === 'derived' ? t(lang, 'derivedHow') : '') + note)}</div>`,
    );
  rows.push(
    `<div class="tt-source">${escapeHtml(t(lang, 'source'))}: ${escapeHtml(sourceLabel(ds, o, lang))}</div>`,
  );
  const href = sourceHref(o, { ...link, lang });
  if (href)
    rows.push(`<a class="tt-link" href="${escapeHtml(href)}">${escapeHtml(t(lang, 'openSource'))} →</a>`);
  return `<div data-testid="chart-tooltip">${rows.join('')}</div>`;
}

/** Base options every chart shares: no entrance animation (ready = final picture), accessible, themed. */
export function baseOption(input: ChartInput) {
  const scale = input.scale ?? 1;
  const text = input.dark ? '#ddd' : '#333';
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: {
      fontFamily: 'system-ui, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif',
      fontSize: 12 * scale,
      color: text,
    },
    tooltip: {
      confine: true,
      enterable: true,
      renderMode: 'html' as const,
      className: 'chart-tooltip',
    },
  };
}

/**
 * A screen-reader summary: the title and at most 12 items, then how many more (the table has all).
 * Only the items shown are written out (`line`): a large upload plots hundreds of marks.
 * summarise('R&D', ['a','b'], 'en') -> 'R&D: a; b'
 */
export function summarise<T>(
  title: string,
  items: readonly T[],
  lang: Lang,
  line: (item: T) => string = String,
): string {
  const shown = clauses(items.slice(0, 12).map(line), lang);
  const more = items.length - 12;
  if (more <= 0) return `${title}: ${shown}`;
  return t(lang, 'summaryMore', { title, shown, more });
}

/** Rows shown in a chart's HTML table; a million-row upload must not become a million DOM rows. */
export const TABLE_ROWS = 500;

/** What a chart's tooltip links keep of the view: ChartInput.link, else the language alone. */
export function linkOf(input: ChartInput): LinkContext {
  return input.link ?? { lang: input.lang };
}

/** The item tooltip of a chart whose data items carry `ref`: the observation behind the mark. */
export function itemTooltip(input: ChartInput, marks: ReadonlyMap<string, Observation>) {
  return {
    ...baseOption(input).tooltip,
    trigger: 'item' as const,
    formatter: (p: { data?: { ref?: string } }) => {
      const o = p.data?.ref ? marks.get(p.data.ref) : undefined;
      return o ? tooltipHtml(input.data, o, input.lang, linkOf(input)) : '';
    },
  };
}

/** Standard table columns for observation rows. */
export function observationTable(ds: Dataset, rows: readonly Observation[], lang: Lang): TableModel {
  const columns = [
    t(lang, 'city'),
    t(lang, 'indicator'),
    t(lang, 'period'),
    t(lang, 'statedIn'),
    t(lang, 'value'),
    t(lang, 'unit'),
    t(lang, 'kind'),
    t(lang, 'status'),
    t(lang, 'note'),
  ];
  return {
    columns,
    total: rows.length,
    rows: rows.slice(0, TABLE_ROWS).map((o) => ({
      key: rowKey(o),
      cells: [
        placeName(ds, o.city, lang),
        indicatorName(ds, o.indicator, lang),
        periodLabel(o.period, lang),
        o.reported_period ? periodLabel(o.reported_period, lang) : '',
        formatValue(o.value, o.comparator, o.unit, lang, ds.units),
        ds.units.get(o.unit)?.[lang] ?? o.unit,
        kindLabel(o.kind, lang),
        (o.status === 'redacted' ? t(lang, 'statusRedacted') : t(lang, 'statusReported')) +
          (ds.uploads.has(o.source) ? inBrackets(t(lang, 'uploaded'), lang) : ''),
        noteText(o, lang),
      ],
    })),
    csv: lazyCsv([...CSV_EXPORT_FIELDS], () =>
      rows.map((o) => [
        placeName(ds, o.city, lang),
        indicatorName(ds, o.indicator, lang),
        o.period,
        o.reported_period ?? '',
        o.value,
        o.unit,
        o.comparator,
        o.kind,
        o.status,
        o.source,
        o.quote,
        noteText(o, lang),
      ]),
    ),
  };
}

/** The CSV export's columns: the observation's, with the report's own period beside the one measured. */
const CSV_EXPORT_FIELDS = [
  ...OBSERVATION_FIELDS.slice(0, 3),
  'reported_period',
  ...OBSERVATION_FIELDS.slice(3),
] as const;

/** A table's CSV, its rows written out on first read (an export): a large upload has thousands per chart. */
function lazyCsv(header: string[], make: () => TableModel['csv']['rows']): TableModel['csv'] {
  let rows: TableModel['csv']['rows'] | undefined;
  return {
    header,
    get rows() {
      return (rows ??= make());
    },
  };
}

export function sourceFootnote(
  ds: Dataset,
  rows: readonly Observation[],
  lang: Lang,
): { footnote: string; ids: string[] } {
  const ids = [...new Set(rows.map((r) => r.source))];
  const names = ids.map((id) => {
    const up = ds.uploads.get(id);
    if (up) return uploadLabel(up, lang);
    const s = ds.sources.get(id);
    return s
      ? t(lang, 'sourceCitation', { publisher: sourcePublisher(s, lang), title: sourceTitle(s, lang) })
      : id;
  });
  return { footnote: t(lang, 'footSources') + clauses(names, lang), ids };
}
