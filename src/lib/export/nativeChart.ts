// A chart as PowerPoint draws it natively: categories, and series of one kind each (actual, derived, lower
// bound, target, half-year, reference), read from the same ECharts option and marks the screen draws, so a
// slide can never disagree with the dashboard. Pure, no DOM: the slide writer (chartXml.ts) and its tests use it.
// A city's screen series becomes one native series per kind it holds, because a native series styles all its
// points alike and a user restyling "芜湖（目标）" must restyle every target and no actual.
import type { ChartModel } from '../charts/common';
import type { Observation } from '../table/schema';
import { isHalfYear } from '../data/dataset';
import { isBound } from '../charts/series';
import { statedDecimals } from '../data/statedDigits';
import type { Lang } from '../i18n/bilingual';
import { t as ui } from '../i18n/messages';
import { t } from '../i18n/onDemandMessages';
import { comparatorSymbol, inBrackets } from '../i18n/format';

/** 'line' is the connector of a city's full-year line where other kinds sit on it (it marks nothing itself). */
export type NativeKind = 'line' | 'actual' | 'derived' | 'bound' | 'target' | 'half' | 'reference';

export interface NativeSeries {
  /** Legend entry and the embedded sheet's column header: '芜湖', '芜湖（目标）'. */
  name: string;
  kind: NativeKind;
  type: 'bar' | 'line';
  /** RRGGBB. */
  color: string;
  /** One per category; null where the series has no point. */
  values: (number | null)[];
  /** The observation behind each point (none for a connector: its points are its kinds' series'). */
  points: (Observation | null)[];
  /** The decimals each point is stated with (its sentence's, as the workbook export writes it). */
  decimals: (number | null)[];
  /** A drawn line (a full-year line, its connector, a reference); other line series are markers only. */
  joined: boolean;
  /** Whether the points carry value labels (bars as on screen; markers whose kind the label states). */
  labels: boolean;
  /** A point whose label needs its own prefix ('≈', '>'), by index: the prefix. */
  prefixes: Map<number, string>;
  /** What a bar's label says after its value on screen (the stated growth: '同比 +16%'), by index. */
  suffixes: Map<number, string>;
}

export interface NativePlot {
  /** Above the plot where a chart has several (high-tech: the count, the additions), with its unit. */
  title: string;
  categories: string[];
  series: NativeSeries[];
  /** The value axis title: the unit ('%', '亿元', '家'; '万家' where counts are shown in 万). */
  axisTitle: string;
  /** The most decimals any point is stated with (after a division into 万). */
  decimals: number;
  percent: boolean;
  /** Values divided by this (10,000 where counts read better in 万); 1 otherwise. */
  divisor: number;
}

type Item =
  { value?: number | null; ref?: string; label?: { show?: boolean; formatter?: unknown } } | number | null;
type Series = {
  id?: string;
  type?: string;
  name?: string;
  color?: string;
  xAxisIndex?: number;
  data?: Item[];
  endLabel?: { formatter?: unknown };
};
type Axis = { data?: string[]; name?: string };

/** Zero-width spaces keep ECharts from reading rich-text markup in names (safeLabel): PowerPoint needs none. */
const plain = (s: unknown) => String(s ?? '').replace(/\u200b/g, '');
const list = <T>(x: T | T[] | undefined): T[] => (Array.isArray(x) ? x : x === undefined ? [] : [x]);
/** Decimals a label or cell may carry at most (0.00417 亿元 is stated so). */
const MOST_DECIMALS = 6;

/** afterValue('≈26.83 H1\n同比 +16%', 'zh') -> '同比 +16%': the words after a label's number. */
function afterValue(formatter: unknown, lang: Lang): string {
  if (typeof formatter !== 'string') return '';
  const words = plain(formatter).split(/\s+/);
  const at = words.findIndex((w) => /\d/.test(w));
  if (at < 0) return '';
  return words
    .slice(at + 1)
    .filter((w) => w && w !== ui(lang, 'h1Short'))
    .join(' ');
}

/** The native kind of one plotted observation on a screen series of `type`. */
function kindOf(o: Observation, screenType: string): NativeKind {
  if (o.kind === 'target') return 'target';
  if (o.kind === 'reference') return 'reference';
  if (screenType !== 'line' && isHalfYear(o.period)) return 'half';
  if (isBound(o)) return 'bound';
  return o.kind === 'derived' ? 'derived' : 'actual';
}

/** The name a city's series of `kind` takes: the city's alone for actuals, the kind's words after it otherwise. */
function kindName(base: string, kind: NativeKind, lang: Lang): string {
  const words = {
    actual: '',
    reference: '',
    line: t(lang, 'seriesLine'),
    derived: ui(lang, 'kindDerived'),
    bound: t(lang, 'seriesBound'),
    target: t(lang, 'seriesTarget'),
    half: t(lang, 'seriesHalf'),
  }[kind];
  return words ? t(lang, 'seriesOf', { name: base, words }) : base;
}

/** The native series of one screen series: one per kind of its points, a connector where kinds share its line. */
function fromScreen(s: Series, categories: readonly string[], model: ChartModel, lang: Lang): NativeSeries[] {
  const reference = String(s.id ?? '').startsWith('ref-');
  // Marks alone (half-years, targets) are line series with no line on screen (charts/common.ts MARKS_ONLY).
  const drawnLine = reference || String(s.id ?? '').startsWith('line:');
  const screenType = s.type === 'bar' ? 'bar' : drawnLine ? 'line' : 'scatter';
  const type = screenType === 'bar' ? 'bar' : 'line';
  const byKind = new Map<NativeKind, NativeSeries>();
  const seriesFor = (kind: NativeKind) => {
    let ns = byKind.get(kind);
    if (!ns) {
      const name = reference
        ? plain(typeof s.endLabel?.formatter === 'string' ? s.endLabel.formatter : s.name)
        : kindName(plain(s.name), kind, lang);
      ns = {
        name,
        kind,
        type,
        color: reference ? '7A7A7A' : (s.color ?? '#7a7a7a').replace('#', '').toUpperCase(),
        values: categories.map(() => null),
        points: categories.map(() => null),
        decimals: categories.map(() => null),
        joined: kind === 'reference',
        labels: false,
        prefixes: new Map(),
        suffixes: new Map(),
      };
      byKind.set(kind, ns);
    }
    return ns;
  };
  // A full-year line ('line:<city>') joins all its points on screen, derived figures and bounds too.
  const fullYearLine = screenType === 'line' && !reference;
  const through = categories.map((): number | null => null);
  (s.data ?? []).forEach((item, i) => {
    if (i >= categories.length || item === null || typeof item !== 'object') return;
    const o = item.ref ? model.marks.get(item.ref) : undefined;
    if (item.value === null || item.value === undefined || !o) return;
    const kind = reference ? 'reference' : kindOf(o, screenType);
    const ns = seriesFor(kind);
    ns.values[i] = item.value;
    ns.points[i] = o;
    ns.decimals[i] = Math.min(MOST_DECIMALS, statedDecimals(item.value, o.quote));
    if (fullYearLine) through[i] = item.value;
    // Bars are labelled as on screen (a chart too dense for labels has none); markers where their kind or
    // comparator needs saying.
    const labelled =
      type === 'bar' ? !!item.label?.show : kind === 'bound' || kind === 'target' || kind === 'half';
    if (labelled) ns.labels = true;
    // What the screen's label says after the value (tech contracts: the growth the report states), less
    // the half-year mark its category already says.
    const suffix = type === 'bar' && labelled ? afterValue(item.label?.formatter, lang) : '';
    if (suffix) ns.suffixes.set(i, suffix);
    // A bound series says '≥' in its label format; any other comparator is said at its point.
    const prefix = kind === 'bound' && o.comparator === '>=' ? '' : comparatorSymbol(o.comparator);
    if (prefix && kind !== 'reference') {
      ns.prefixes.set(i, prefix);
      ns.labels = true;
    }
  });
  const drawn = through.filter((v) => v !== null).length;
  if (fullYearLine && byKind.size === 1 && byKind.has('actual')) byKind.get('actual')!.joined = true;
  else if (fullYearLine && drawn >= 2) {
    // Actuals, derived figures and bounds each keep a series of their own (an actual column never holds a
    // bound); the line through them all is a connector, out of the legend.
    const line = seriesFor('line');
    line.values = through;
    line.joined = true;
  }
  // The connector first (drawn under the marks), then the kinds in a fixed order: the legend reads the same on
  // every slide.
  const order: NativeKind[] = ['line', 'actual', 'derived', 'bound', 'half', 'target', 'reference'];
  return order.flatMap((k) => byKind.get(k) ?? []).filter((ns) => ns.values.some((v) => v !== null));
}

/** The plot of one category axis (index `axis`) of the option. */
function plotOf(
  model: ChartModel,
  axis: number,
  several: boolean,
  lang: Lang,
  unitWords: (o: Observation) => string,
): NativePlot {
  const option = model.option as { xAxis?: Axis | Axis[]; yAxis?: Axis | Axis[]; series?: Series[] };
  const categories = (list(option.xAxis)[axis]?.data ?? []).map(plain);
  const out = list(option.series)
    .filter((s) => (s.xAxisIndex ?? 0) === axis && s.data)
    .flatMap((s) => fromScreen(s, categories, model, lang));
  const first = out.flatMap((s) => (s.kind === 'reference' ? [] : s.points)).find((o) => o);
  const values = out.flatMap((s) => s.values.filter((v): v is number => v !== null));
  // Counts past 100,000 read better in 万 ("12.5万家"); money is already in 亿元.
  const divisor = first?.unit === 'count' && Math.max(0, ...values.map(Math.abs)) >= 100_000 ? 10_000 : 1;
  if (divisor !== 1)
    for (const s of out) {
      s.values = s.values.map((v) => (v === null ? null : v / divisor));
      s.decimals = s.decimals.map((d) => (d === null ? null : Math.min(MOST_DECIMALS, d + 4)));
    }
  const unit = first ? unitWords(first) : plain(list(option.yAxis)[axis]?.name);
  const axisTitle = divisor === 1 ? unit : t(lang, 'tenThousand', { unit });
  // Of several plots each is named, as the screen names its value axes ('高新技术企业数'), with the unit.
  const name = several ? plain(list(option.yAxis)[axis]?.name) : '';
  return {
    title: name ? `${name}${inBrackets(axisTitle, lang)}` : '',
    categories,
    series: out,
    axisTitle: name ? '' : axisTitle,
    decimals: Math.max(0, ...out.flatMap((s) => s.decimals.filter((d): d is number => d !== null))),
    percent: first?.unit === '%',
    divisor,
  };
}

/**
 * nativePlots(model, lang, unitWords) -> one plot per category axis of the chart (high-tech: the count
 * over time, then the additions), or [] for a chart that is not drawn on category axes (plan targets,
 * whose slides are a native table). unitWords(o) is the unit's words in the reader's language.
 */
export function nativePlots(
  model: ChartModel,
  lang: Lang,
  unitWords: (o: Observation) => string,
): NativePlot[] {
  if (model.slideTable || model.empty) return [];
  const axes = list((model.option as { xAxis?: Axis | Axis[] }).xAxis);
  return axes
    .map((_, i) => plotOf(model, i, axes.length > 1, lang, unitWords))
    .filter((p) => p.series.length > 0 && p.categories.length > 0);
}
