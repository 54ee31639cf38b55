// A chart as PowerPoint draws it natively: categories, and series of one kind each (actual, derived, lower
// bound, target, half-year, reference), read from the same ECharts option and marks the screen draws, so a
// slide can never disagree with the dashboard. Pure, no DOM: the slide writer (chartXml.ts) and its tests use it.
// A city's screen series becomes one native series per kind it holds, because a native series styles all its
// points alike and a user restyling "芜湖（目标）" must restyle every target and no actual.
import type { ChartModel } from '../charts/common';
import type { Observation } from '../table/schema';
import { isHalfYear } from '../data/dataset';
import type { Lang } from '../i18n/bilingual';
import { t as ui } from '../i18n/messages';
import { t } from '../i18n/onDemandMessages';
import { inBrackets } from '../i18n/format';

export type NativeKind = 'actual' | 'derived' | 'bound' | 'target' | 'half' | 'reference';

export interface NativeSeries {
  /** Legend entry and the embedded sheet's column header: '芜湖', '芜湖（目标）'. */
  name: string;
  kind: NativeKind;
  type: 'bar' | 'line';
  /** RRGGBB. */
  color: string;
  /** One per category; null where the series has no point. */
  values: (number | null)[];
  /** The observation behind each point (a joined line's own points only; a reference's at its first). */
  points: (Observation | null)[];
  /** A joined line (full-year actuals, references); other line series are markers only. */
  joined: boolean;
  /** Points of a joined line that another series marks (a bound on the line): the line passes, no marker. */
  unmarked: number[];
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
  /** Decimals the values are written with (the most any value states, at most 2). */
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
const isBound = (o: Observation) => o.comparator === '>=' || o.comparator === '>';

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
    derived: ui(lang, 'kindDerived'),
    bound: t(lang, 'seriesBound'),
    target: t(lang, 'seriesTarget'),
    half: t(lang, 'seriesHalf'),
  }[kind];
  return words ? t(lang, 'seriesOf', { name: base, words }) : base;
}

/** Which comparators label a point of their own, and with what. */
const PREFIX: Record<string, string> = { '~': '≈', '<=': '≤', '<': '<', '>': '>', '>=': '≥' };

/** decimalsOf([3.76, 50.1]) -> 2: the most decimals any value is written with, at most 2. */
export function decimalsOf(values: Iterable<number>): number {
  let most = 0;
  for (const v of values) {
    const s = String(v);
    const dot = s.indexOf('.');
    if (dot >= 0 && !s.includes('e')) most = Math.max(most, s.length - dot - 1);
  }
  return Math.min(2, most);
}

/** The plot of one category axis (index `axis`) of the option. */
function plotOf(
  model: ChartModel,
  axis: number,
  several: boolean,
  lang: Lang,
  unitWords: (o: Observation) => string,
) {
  const option = model.option as { xAxis?: Axis | Axis[]; yAxis?: Axis | Axis[]; series?: Series[] };
  const categories = (list(option.xAxis)[axis]?.data ?? []).map(plain);
  const out: NativeSeries[] = [];
  const observed: Observation[] = [];
  for (const s of list(option.series)) {
    if ((s.xAxisIndex ?? 0) !== axis || !s.data) continue;
    const screenType = s.type ?? 'line';
    const type = screenType === 'bar' ? 'bar' : 'line';
    const color = (s.color ?? '#7a7a7a').replace('#', '').toUpperCase();
    const reference = String(s.id ?? '').startsWith('ref-');
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
          color: reference ? '7A7A7A' : color,
          values: categories.map(() => null),
          points: categories.map(() => null),
          joined: false,
          unmarked: [],
          labels: false,
          prefixes: new Map(),
          suffixes: new Map(),
        };
        byKind.set(kind, ns);
      }
      return ns;
    };
    // A full-year line ('line:<city>') is one joined series through all its points, as on screen; the points
    // of another kind on it are marked by their own series.
    const line = screenType === 'line' && !reference ? seriesFor('actual') : undefined;
    if (line) line.joined = true;
    s.data.forEach((item, i) => {
      if (i >= categories.length || item === null || typeof item !== 'object') return;
      const o = item.ref ? model.marks.get(item.ref) : undefined;
      if (item.value === null || item.value === undefined || !o) return;
      if (!reference) observed.push(o);
      const kind = reference ? 'reference' : kindOf(o, screenType);
      const ns = seriesFor(kind);
      ns.values[i] = item.value;
      ns.points[i] = o;
      if (kind === 'reference') ns.joined = true;
      if (line && ns !== line) {
        line.values[i] = item.value;
        line.unmarked.push(i);
      }
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
      const prefix = kind === 'bound' && o.comparator === '>=' ? undefined : PREFIX[o.comparator];
      if (prefix && kind !== 'reference') {
        ns.prefixes.set(i, prefix);
        ns.labels = true;
      }
    });
    // A city's line with no point of its own and nothing to join (one bound, nothing else) is no line at all.
    if (
      line &&
      line.values.filter((v) => v !== null).length < 2 &&
      line.unmarked.length === line.values.filter((v) => v !== null).length
    )
      byKind.delete('actual');
    // Actual first, then the kinds in a fixed order: the legend reads the same on every slide.
    const order: NativeKind[] = ['actual', 'derived', 'bound', 'half', 'target', 'reference'];
    for (const k of order) {
      const ns = byKind.get(k);
      if (ns && ns.values.some((v) => v !== null)) out.push(ns);
    }
  }
  const values = out.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const first = observed[0];
  const percent = first?.unit === '%';
  const count = first?.unit === 'count';
  // Counts past 100,000 read better in 万 ("12.5万家"); money is already in 亿元.
  const divisor = count && Math.max(0, ...values.map(Math.abs)) >= 100_000 ? 10_000 : 1;
  if (divisor !== 1) for (const s of out) s.values = s.values.map((v) => (v === null ? null : v / divisor));
  const unit = first ? unitWords(first) : plain(list(option.yAxis)[axis]?.name);
  const axisTitle = divisor === 1 ? unit : t(lang, 'tenThousand', { unit });
  // Of several plots each is named, as the screen names its value axes ('高新技术企业数'), with the unit.
  const name = several ? plain(list(option.yAxis)[axis]?.name) : '';
  return {
    title: name ? `${name}${inBrackets(axisTitle, lang)}` : '',
    categories,
    series: out,
    axisTitle: name ? '' : axisTitle,
    decimals: divisor === 1 ? decimalsOf(values) : 2,
    percent,
    divisor,
  } satisfies NativePlot;
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
