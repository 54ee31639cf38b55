// rd-intensity: R&D expenditure as % of GDP per city over time, with national/provincial reference
// lines and targets drawn as targets (hollow diamonds), never as achievements.
import { isReferencePlace, placeRows, placesOf } from '../data/dataset';
import type { Observation } from '../table/schema';
import type { TextMessageKey } from '../i18n/messages';
import { t } from '../i18n/messages';
import { formatNumber, inBrackets, periodLabel, unitLabel } from '../i18n/format';
import type { ChartInput, ChartModel, ChartSpec } from './common';
import {
  REFERENCE_COLOR,
  baseOption,
  indicatorName,
  observationTable,
  placeName,
  safeLabel,
  sourceFootnote,
  summarise,
  itemTooltip,
} from './common';
import { citySeries, maskedFootnote } from './series';
import { categoryLabels, legendBlock, nameLineEnds, rankLabel, textPx, valueScale } from './layout';

const INDICATOR = 'rd_intensity';

export function referenceRows(input: ChartInput, indicator: string): Observation[] {
  const { data } = input;
  return placesOf(data, indicator)
    .filter((place) => isReferencePlace(data.places.get(place)))
    .flatMap((place) =>
      placeRows(data, indicator, place).filter((r) => r.kind === 'reference' && r.value !== null),
    );
}

/** Any indicator over time per city, with reference lines; used by rd-intensity and the explorer. */
export function buildTimeChart(input: ChartInput, indicator: string, titleKey: TextMessageKey): ChartModel {
  const { data, lang } = input;
  const unitId = data.indicators.get(indicator)?.unit ?? '';
  const pct = unitId === '%';
  const unit = unitLabel(unitId, lang, data.units);
  const fmt = (v: number | null) =>
    pct ? `${formatNumber(v ?? 0, lang)}%` : `${formatNumber(v ?? 0, lang)}`;
  const bg = input.dark ? '#1e1e1e' : '#ffffff';
  const cities = input.cities.filter((c) => !isReferencePlace(data.places.get(c)));
  const px = textPx(input);
  const s = citySeries(data, indicator, cities, lang, { bg, px, kinds: ['actual', 'derived', 'target'] });
  const refs = referenceRows(input, indicator);
  for (const r of refs) s.marks.set(`ref-${r.city}-${r.period}`, r);
  const series = s.series.slice();
  // References are dashed grey lines across the whole period axis, labelled at their end with place,
  // value and the year the source gives (plain line series: no markLine component in the bundle).
  const span = s.categories.length ? s.categories : refs.map((r) => periodLabel(r.period, lang));
  refs.forEach((r, i) => {
    const ref = `ref-${r.city}-${r.period}`;
    series.push({
      id: ref,
      type: 'line',
      name: safeLabel(placeName(data, r.city, lang)),
      color: REFERENCE_COLOR,
      symbol: 'none',
      triggerEvent: true, // the dashed line itself answers the pointer (it has no symbols)
      lineStyle: { type: 'dashed', width: 1.5, color: REFERENCE_COLOR },
      data: span.map(() => ({ value: r.value, ref })),
      endLabel: {
        show: true,
        color: REFERENCE_COLOR,
        formatter: safeLabel(
          `${placeName(data, r.city, lang)} ${fmt(r.value)}${inBrackets(periodLabel(r.period, lang), lang)}`,
        ),
        fontSize: px,
        // Alternate above/below so two close references (2.18 %, 1.8 %) do not overprint.
        offset: [-4, (i % 2 ? 12 : -10) * (input.scale ?? 1)],
        align: 'right',
      },
      z: 1,
    });
  });
  const rank = data.indicators.get(indicator)?.measure === 'rank';
  const scale = valueScale(
    [...s.plotted, ...refs].map((o) => o.value),
    !rank,
  );
  const log = scale.offered && !!input.logScale;
  const right = nameLineEnds(s.series, input);
  const legend = legendBlock(
    series.map((x) => String(x.name)),
    input,
  );
  const axis = categoryLabels(s.categories, input, right);
  const option = {
    ...baseOption(input),
    tooltip: itemTooltip(input, s.marks),
    legend: legend.legend,
    // Room above the plot for the legend's rows and the unit; below for the turned year labels.
    grid: {
      left: 48,
      right: 24 + right,
      top: legend.top + px * 2.4,
      bottom: legend.bottom + 12,
      containLabel: true,
    },
    xAxis: { type: 'category', data: s.categories, boundaryGap: true, axisLabel: axis.axisLabel },
    // Every property said each time (a redraw merges the axis into the one drawn before): a rank axis is
    // turned over with whole places, '第1' on top; a log axis starts where the data does.
    yAxis: {
      type: log ? 'log' : 'value',
      name: unit,
      nameTextStyle: { fontSize: px },
      inverse: rank,
      min: rank ? 1 : log ? null : 0,
      minInterval: rank ? 1 : 0,
      axisLabel: { fontSize: px, formatter: rank ? rankLabel(lang) : pct ? '{value}%' : '{value}' },
    },
    series,
  };
  const tableRows = [...s.plotted, ...s.masked, ...refs];
  const { footnote, ids } = sourceFootnote(data, tableRows, lang);
  const latest = cities
    .map((c) => {
      const own = s.plotted.filter((o) => o.city === c && o.kind !== 'target');
      const last = own[own.length - 1];
      return last
        ? `${placeName(data, c, lang)} ${fmt(last.value)}${inBrackets(periodLabel(last.period, lang), lang)}`
        : '';
    })
    .filter(Boolean);
  return {
    option,
    table: observationTable(data, tableRows, lang),
    footnotes: [footnote, ...maskedFootnote(data, s.masked, lang)],
    summary: summarise(
      titleKey === 'chartEx' ? indicatorName(data, indicator, lang) : t(lang, titleKey),
      latest,
      lang,
    ),
    sources: ids,
    empty: s.plotted.length === 0 && refs.length === 0,
    marks: s.marks,
    logScale: scale.offered ? { on: log } : undefined,
    height: legend.height,
  };
}

export function build(input: ChartInput): ChartModel {
  return buildTimeChart(input, INDICATOR, 'chartRd');
}

export const rdIntensity = {
  id: 'rd-intensity',
  title: 'chartRd',
  subtitle: 'chartRdSub',
  draws: [INDICATOR],
  build,
} satisfies ChartSpec;
