// Time-series marks shared by the R&D, high-tech and explorer charts. The encodings are the product:
// actual = filled dot on a line; derived = hollow dot; lower bound = up-triangle with "≥";
// target = hollow diamond off the line; H1 = its own category, never joined to full years;
// masked = not drawn at all (listed in a footnote), never 0.
import type { Dataset } from '../data/dataset';
import { isHalfYear, isTimePeriod, periodOrder, rowKey, rowsOf } from '../data/dataset';
import type { Observation } from '../table/schema';
import type { Lang } from '../i18n/messages';
import { t } from '../i18n/messages';
import {
  axisPeriodLabel,
  comparatorSymbol,
  formatNumber,
  inBrackets,
  labelled,
  listed,
} from '../i18n/format';
import { MARKS_ONLY, REFERENCE_COLOR, placeName, safeLabel } from './common';
import { cityStyles } from './palette';
import { barCentres, staggerLabels, type LabelSpot } from './layout';

const NO_STYLE = { color: REFERENCE_COLOR, dash: 'solid' } as const;

/** The bar patterns of repeated colours: dots for the second round, crosses for the third. */
const REPEAT_DECAL = {
  dashed: {
    symbol: 'circle',
    symbolSize: 0.7,
    dashArrayX: 5,
    dashArrayY: 5,
    color: 'rgba(255,255,255,0.75)',
  },
  dotted: {
    symbol: 'rect',
    symbolSize: 0.5,
    dashArrayX: [1, 0],
    dashArrayY: [1, 4],
    rotation: Math.PI / 4,
    color: 'rgba(0,0,0,0.35)',
  },
} as const;

/**
 * Labels that still overprint once moved apart (layout.ts staggerLabels for bars; the lower of two points'
 * below it) are hidden, the smaller mark's: ECharts' label layout, which measures what it drew.
 */
export const LABEL_LAYOUT = { hideOverlap: true } as const;

export interface MarkItem {
  value: number | null;
  ref?: string;
  symbol?: string;
  symbolSize?: number;
  itemStyle?: Record<string, unknown>;
  label?: Record<string, unknown>;
}

export interface SeriesBuild {
  categories: string[];
  periods: string[];
  series: Record<string, unknown>[];
  plotted: Observation[];
  masked: Observation[];
  marks: Map<string, Observation>;
}

export const isBound = (o: Observation) => o.comparator === '>=' || o.comparator === '>';

/**
 * Category list: every year from the first to the last (so a gap in reporting shows as a gap, not
 * as two neighbouring years), plus the half-years that occur; a masked year ('', 'Y', 'Y-1') never becomes one.
 * periodsOf(rows with 2019, 2020-H1, 2023) -> ['2019', '2020-H1', '2020', '2021', '2022', '2023']
 */
export function periodsOf(rows: readonly Observation[]): string[] {
  const present = new Set(rows.map((r) => r.period).filter(isTimePeriod));
  const years = [...present].map((p) => Number(p.slice(0, 4))).filter((y) => Number.isFinite(y));
  if (!years.length) return [];
  const out = new Set(present);
  const [lo, hi] = [Math.min(...years), Math.max(...years)];
  if (hi - lo <= 40) for (let y = lo; y <= hi; y++) out.add(String(y));
  return [...out].sort((a, b) => periodOrder(a) - periodOrder(b));
}

function markItem(
  o: Observation,
  color: string,
  lang: Lang,
  marks: Map<string, Observation>,
  opts: { bg: string; px?: number },
): MarkItem {
  const ref = rowKey(o);
  marks.set(ref, o);
  const hollow = o.kind === 'derived' || o.kind === 'target' || isBound(o);
  const symbol = o.kind === 'target' ? 'diamond' : isBound(o) ? 'triangle' : 'circle';
  const item: MarkItem = {
    value: o.value,
    ref,
    symbol,
    symbolSize: o.kind === 'target' ? 14 : 9,
    itemStyle: hollow
      ? { color: opts.bg, borderColor: color, borderWidth: 2 }
      : { color, borderColor: color },
  };
  const prefix = comparatorSymbol(o.comparator);
  const h1 = isHalfYear(o.period) ? ` ${t(lang, 'h1Short')}` : '';
  const tgt = o.kind === 'target' ? `${t(lang, 'target')} ` : '';
  if (prefix || h1 || tgt) {
    const pct = o.unit === '%' ? '%' : '';
    item.label = {
      show: true,
      formatter: safeLabel(`${tgt}${prefix}${formatNumber(o.value ?? 0, lang)}${pct}${h1}`),
      color,
      position: 'top',
      fontSize: opts.px ?? 12,
    };
  }
  return item;
}

/**
 * Build per-city series for one indicator: a line through full-year actual/derived values, a separate
 * scatter for half-year values and one for targets. Returns what was plotted and what was masked.
 */
export function citySeries(
  ds: Dataset,
  indicator: string,
  cities: readonly string[],
  lang: Lang,
  opts: {
    bg: string;
    xAxisIndex?: number;
    yAxisIndex?: number;
    kinds?: readonly string[];
    periods?: string[];
    /** Text size, CSS px (layout.ts textPx). */
    px?: number;
  },
): SeriesBuild {
  const rows = rowsOf(ds, indicator, cities).filter((r) => !opts.kinds || opts.kinds.includes(r.kind));
  const masked = rows.filter((r) => r.value === null);
  const drawable = rows.filter((r) => r.value !== null);
  const periods = opts.periods ?? periodsOf(drawable);
  const categories = periods.map((p) => axisPeriodLabel(p, lang));
  const marks = new Map<string, Observation>();
  const series: Record<string, unknown>[] = [];
  // Labels that would overprint move apart, then the smaller mark's gives way (once ECharts' label layout
  // has loaded, with the tooltip: setup.ts); the chart then says so (Chart.svelte counts them).
  const axes = {
    xAxisIndex: opts.xAxisIndex ?? 0,
    yAxisIndex: opts.yAxisIndex ?? 0,
    labelLayout: LABEL_LAYOUT,
  };
  // Index once: a large upload has many cities, and a scan per city per period would be quadratic.
  const byCity = new Map<string, Map<string, Observation[]>>();
  for (const r of drawable) {
    let periods = byCity.get(r.city);
    if (!periods) byCity.set(r.city, (periods = new Map()));
    const list = periods.get(r.period);
    if (list) list.push(r);
    else periods.set(r.period, [r]);
  }
  const styles = cityStyles(ds, cities);
  for (const city of cities) {
    const ownByPeriod = byCity.get(city);
    if (!ownByPeriod) continue;
    const own = [...ownByPeriod.values()].flat();
    const { color, dash } = styles.get(city) ?? NO_STYLE;
    const name = safeLabel(placeName(ds, city, lang));
    // One mark per period: of two rows of one figure, the dataset keeps only the one the user chose to draw
    // (DatasetPart.hidden); rows that agree both stay, and the first (curated before uploads) is drawn.
    const aligned = (pick: (o: Observation) => boolean) =>
      periods.map((p) => {
        const o = ownByPeriod.get(p)?.find(pick);
        return o ? markItem(o, color, lang, marks, opts) : { value: null };
      });
    const full = (o: Observation) => !isHalfYear(o.period) && (o.kind === 'actual' || o.kind === 'derived');
    const half = (o: Observation) => isHalfYear(o.period) && o.kind !== 'target';
    if (own.some(full))
      series.push({
        id: `line:${city}`,
        type: 'line',
        name,
        color,
        connectNulls: true,
        data: aligned(full),
        lineStyle: { width: 2, type: dash },
        ...axes,
      });
    if (own.some(half))
      series.push({ ...MARKS_ONLY, id: `h1:${city}`, name, color, data: aligned(half), ...axes });
    if (own.some((o) => o.kind === 'target'))
      series.push({
        ...MARKS_ONLY,
        id: `target:${city}`,
        name,
        color,
        data: aligned((o) => o.kind === 'target'),
        ...axes,
      });
  }
  labelsApart(series);
  const plotted = [...marks.values()];
  return { categories, periods, series, plotted, masked, marks };
}

/**
 * Where several cities' labelled marks share a period ('≥2,000' and '≥1,200' in 2023), the lowest one's label
 * goes below its mark, out of the way of the one above.
 */
function labelsApart(series: readonly Record<string, unknown>[]): void {
  const byPeriod = new Map<number, MarkItem[]>();
  for (const s of series)
    (s.data as MarkItem[]).forEach((item, i) => {
      if (item.label && item.value !== null) byPeriod.set(i, [...(byPeriod.get(i) ?? []), item]);
    });
  for (const items of byPeriod.values()) {
    if (items.length < 2) continue;
    const lowest = items.reduce((a, b) => ((b.value ?? 0) < (a.value ?? 0) ? b : a));
    lowest.label = { ...lowest.label, position: 'bottom' };
  }
}

/** Footnote naming masked figures: "某市：报告中有此数字，但原文已遮蔽（x.xx），不是 0". */
export function maskedFootnote(ds: Dataset, masked: readonly Observation[], lang: Lang): string[] {
  if (!masked.length) return [];
  const names = [...new Set(masked.map((m) => placeName(ds, m.city, lang)))];
  return [labelled(listed(names, lang), t(lang, 'maskedLong'), lang)];
}

/** Below this plot width per drawn bar (CSS px, on the spec's nominal width), bars carry no value labels. */
const MIN_LABELLED_BAR = 12;
/** A bar slot narrower than this (CSS px) stacks its label's words. */
const WORDS_SIDE_BY_SIDE = 64;

/**
 * Bars per city and period. Half-year bars are hatched and labelled H1 so they are not read as full
 * years; lower bounds get a dashed outline and a "≥" label; targets are hollow dashed bars.
 * Where the bars are too narrow for any label (a file of many cities over many years: 500 labels
 * printed over each other, and drawing them took half the chart's time), `labelsLeftOut` is true, no
 * bar carries a label and the chart says so; the outlines and hatching still tell bounds, targets
 * and half-years apart.
 */
export function cityBars(
  ds: Dataset,
  rows: readonly Observation[],
  cities: readonly string[],
  periods: readonly string[],
  lang: Lang,
  opts: {
    bg: string;
    xAxisIndex?: number;
    yAxisIndex?: number;
    labelFor?: (o: Observation) => string;
    /** The plot's nominal width in CSS px (ChartInput.width; default 800). */
    width?: number;
    /** Text size, CSS px (layout.ts textPx). */
    px?: number;
    /**
     * Rows of several scopes (ids of one measure: registered / absorbed turnover) become separate
     * series per city, named with the scope, never one: scope id -> its words ('吸纳'). In this order.
     */
    scopes?: ReadonlyMap<string, string>;
  },
): {
  series: Record<string, unknown>[];
  marks: Map<string, Observation>;
  labelsLeftOut: boolean;
} {
  const marks = new Map<string, Observation>();
  const series: Record<string, unknown>[] = [];
  const scopes = opts.scopes ?? new Map([['', '']]);
  const scopeOf = (o: Observation) => (opts.scopes ? o.indicator : '');
  const seriesKey = (city: string, scope: string) => `${city}\u0000${scope}`;
  const byCityPeriod = new Map<string, Observation>();
  for (const r of rows) {
    const key = `${seriesKey(r.city, scopeOf(r))}\u0000${r.period}`;
    // The first row of a figure, as citySeries: a conflict's other row is not in `rows` (DatasetPart.hidden).
    if (r.value !== null && !byCityPeriod.has(key)) byCityPeriod.set(key, r);
  }
  const hasSeries = new Set(rows.filter((r) => r.value !== null).map((r) => seriesKey(r.city, scopeOf(r))));
  // The plot's width per drawn bar: bars a file leaves sparse over many years still get labels.
  const [periodSet, chosen] = [new Set(periods), new Set(cities)];
  let bars = 0;
  for (const r of byCityPeriod.values()) if (periodSet.has(r.period) && chosen.has(r.city)) bars++;
  const width = opts.width ?? 800;
  const labelsLeftOut = bars > 0 && width / bars < MIN_LABELLED_BAR;
  // Each city has a slot in every period: where a slot is narrower than a label's words side by side
  // ("26.83 H1", "同比 +31.67%"), neighbouring labels overprinted; there every word gets its own line.
  const slot = width / Math.max(1, periods.length * hasSeries.size);
  const lines = (text: string) => (slot < WORDS_SIDE_BY_SIDE ? text.replaceAll(' ', '\n') : text);
  const styles = cityStyles(ds, cities);
  const centre = barCentres(width, periods.length, hasSeries.size);
  const spots: (LabelSpot & { label: Record<string, unknown> })[] = [];
  for (const [city, scope] of cities.flatMap((c) => [...scopes.keys()].map((s) => [c, s] as const))) {
    if (!hasSeries.has(seriesKey(city, scope))) continue;
    const { color, dash } = styles.get(city) ?? NO_STYLE;
    const slotIndex = series.length;
    const moves: (LabelSpot | undefined)[] = [];
    const data = periods.map((p, periodIndex) => {
      const o = byCityPeriod.get(`${seriesKey(city, scope)}\u0000${p}`);
      if (!o) return { value: null };
      const ref = rowKey(o);
      marks.set(ref, o);
      const half = isHalfYear(o.period);
      const target = o.kind === 'target';
      const item = {
        value: o.value,
        ref,
        itemStyle: {
          color: target ? opts.bg : color,
          opacity: half ? 0.55 : 1,
          borderColor: color,
          borderWidth: target || isBound(o) ? 2 : 0,
          borderType: target || isBound(o) ? 'dashed' : 'solid',
          decal: half
            ? {
                symbol: 'rect',
                dashArrayX: [1, 0],
                dashArrayY: [2, 3],
                rotation: -Math.PI / 4,
                color: 'rgba(255,255,255,0.6)',
              }
            : undefined,
        },
        label: labelsLeftOut
          ? undefined
          : {
              show: true,
              position: 'top',
              color,
              // A half-year bar is paler; its label is not.
              opacity: 1,
              fontSize: opts.px ?? 12,
              formatter: lines(
                safeLabel(
                  `${target ? t(lang, 'target') + ' ' : ''}${comparatorSymbol(o.comparator)}${formatNumber(o.value ?? 0, lang)}${half ? ' ' + t(lang, 'h1Short') : ''}${opts.labelFor?.(o) ?? ''}`,
                ),
              ),
            },
      };
      if (item.label) {
        const spot = { x: centre(periodIndex, slotIndex), text: item.label.formatter, label: item.label };
        spots.push(spot);
        moves[periodIndex] = spot;
      }
      return item;
    });
    const words = scopes.get(scope);
    series.push({
      id: `bar${opts.xAxisIndex ?? 0}:${city}${scope ? `:${scope}` : ''}`,
      type: 'bar',
      name: safeLabel(placeName(ds, city, lang) + (words ? inBrackets(words, lang) : '')),
      color,
      data,
      barMaxWidth: 36,
      xAxisIndex: opts.xAxisIndex ?? 0,
      yAxisIndex: opts.yAxisIndex ?? 0,
      // A city whose colour another in view has too (past the palette's twelve) is told apart by a pattern, as
      // a line is by its dashes; a half-year bar keeps its stripes.
      // (said even when solid: a redraw merges a series into the one with its id, which kept its pattern).
      itemStyle: { decal: dash === 'solid' ? null : REPEAT_DECAL[dash] },
      // Moved up where it would print over a neighbour's (staggerLabels, below); hidden where it still does, a
      // taller bar's label kept before a shorter neighbour's (ECharts ranks labels by their mark's area).
      labelLayout: (p: { dataIndex: number }) => ({ ...LABEL_LAYOUT, dy: moves[p.dataIndex]?.dy ?? 0 }),
    });
  }
  staggerLabels(spots, opts.px ?? 12);
  // The same move as the label's own offset: the first picture, drawn before the label layout has loaded, already
  // has it (once loaded, the layout's dy takes the offset's place).
  for (const s of spots) s.label.offset = [0, s.dy ?? 0];
  return { series, marks, labelsLeftOut };
}
