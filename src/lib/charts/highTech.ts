// high-tech: national high-tech enterprises in existence per city over time (top) and the number
// added per period (bottom). 突破2000家 is a lower bound (up-triangle, "≥"); mid-year points say H1.
import { isReferencePlace, rowsOf } from '../data/dataset';
import { t } from '../i18n/messages';
import { axisPeriodLabel, formatNumber, inBrackets, periodLabel } from '../i18n/format';
import type { ChartInput, ChartModel, ChartSpec } from './common';
import {
  baseOption,
  indicatorName,
  observationTable,
  placeName,
  scopeNames,
  sourceFootnote,
  summarise,
  itemTooltip,
} from './common';
import { cityBars, citySeries, maskedFootnote, periodsOf } from './series';
import { categoryLabels, legendBlock, nameLineEnds, textPx } from './layout';

const COUNT = 'high_tech_enterprises';
const ADDED = 'high_tech_enterprises_new';
/** Net additions (净增) are another scope than 新增 (gross or net unstated): bars of their own. */
const NET = 'high_tech_enterprises_net_new';

export function build(input: ChartInput): ChartModel {
  const { data, lang } = input;
  const bg = input.dark ? '#1e1e1e' : '#ffffff';
  const cities = input.cities.filter((c) => !isReferencePlace(data.places.get(c)));
  const pick = (id: string) => rowsOf(data, id, cities);
  const countRows = pick(COUNT);
  const addedRows = [...pick(ADDED), ...pick(NET)];
  const scopes = [ADDED, NET].filter((id) => addedRows.some((r) => r.indicator === id));
  const periods = periodsOf([...countRows, ...addedRows].filter((r) => r.value !== null));
  const px = textPx(input);
  const top = citySeries(data, COUNT, cities, lang, { bg, periods, px });
  const bottom = cityBars(data, addedRows, cities, periods, lang, {
    bg,
    px,
    xAxisIndex: 1,
    yAxisIndex: 1,
    width: input.width,
    scopes: scopeNames(data, scopes, lang),
  });
  const marks = new Map([...top.marks, ...bottom.marks]);
  const masked = [...countRows, ...addedRows].filter((r) => r.value === null);
  const categories = periods.map((p) => axisPeriodLabel(p, lang));
  const right = nameLineEnds(top.series, input);
  const series = [...top.series, ...bottom.series];
  // The legend names each city once (its line; its bars where it has no line): the lower plot's axis says
  // what its bars count, and a city's bars have its colour.
  const cityOf = (x: Record<string, unknown>) => String(x.id).split(':')[1];
  const legendNames = cities.flatMap((c) => {
    const first = top.series.find((x) => cityOf(x) === c) ?? bottom.series.find((x) => cityOf(x) === c);
    return first ? [String(first.name)] : [];
  });
  const legend = legendBlock(legendNames, input);
  const axis = categoryLabels(categories, input, right);
  const axisName = (name: string) => ({ name, nameTextStyle: { align: 'left', fontSize: px } });
  // The two plots share the height left by the legend and both units above them (containLabel: each grid's
  // box holds its axis labels); a legend of many rows makes the chart taller instead of the plots smaller.
  const nameRoom = px * 2.4;
  const height = legend.height;
  // Between the plots: the lower one's unit, and room for an export's title block and source line to take.
  const plots = height - legend.top - legend.bottom - 2 * nameRoom - 40;
  // Heights as shares of the chart, so a taller box (an embed, presentation) gives the plots the room; the
  // top plot hangs from the legend, the bottom one stands on the chart's foot (an export adds its title and
  // source line there: export/render.ts).
  const share = (x: number) => `${((100 * x) / height).toFixed(2)}%`;
  const grid = { left: 56, right: 24 + right, containLabel: true };
  const option = {
    ...baseOption(input),
    tooltip: itemTooltip(input, marks),
    legend: { ...legend.legend, data: legendNames },
    grid: [
      { ...grid, top: legend.top + nameRoom, height: share(plots * 0.54) },
      { ...grid, bottom: legend.bottom + 12, height: share(plots * 0.46) },
    ],
    // The plots share their years: the lower one names them (every year with a mark in either).
    xAxis: [0, 1].map((gridIndex) => ({
      type: 'category',
      data: categories,
      gridIndex,
      axisLabel: gridIndex ? axis.axisLabel : { show: false },
    })),
    yAxis: [
      {
        type: 'value',
        gridIndex: 0,
        min: 0,
        splitNumber: 4,
        axisLabel: { fontSize: px },
        ...axisName(indicatorName(data, COUNT, lang)),
      },
      {
        type: 'value',
        gridIndex: 1,
        min: 0,
        // A short plot: few ticks, or their labels print over each other.
        splitNumber: 2,
        axisLabel: { fontSize: px },
        ...axisName(scopes.length > 1 ? t(lang, 'netAdded') : indicatorName(data, scopes[0] ?? ADDED, lang)),
      },
    ],
    series,
  };
  const plotted = [...marks.values()];
  const tableRows = [...plotted, ...masked];
  const { footnote, ids } = sourceFootnote(data, tableRows, lang);
  const latest = cities
    .map((c) => {
      const own = top.plotted.filter((o) => o.city === c && o.kind !== 'target');
      const last = own[own.length - 1];
      if (!last || last.value === null) return '';
      const bound = last.comparator === '>=' || last.comparator === '>' ? '≥' : '';
      return `${placeName(data, c, lang)} ${bound}${formatNumber(last.value, lang)}${inBrackets(periodLabel(last.period, lang), lang)}`;
    })
    .filter(Boolean);
  return {
    option,
    table: observationTable(data, tableRows, lang),
    footnotes: [
      footnote,
      ...maskedFootnote(data, masked, lang),
      ...(scopes.length > 1 ? [t(lang, 'htScopes')] : []),
      ...(bottom.labelsLeftOut ? [t(lang, 'barLabelsLeftOut', { touch: !!input.touch })] : []),
    ],
    summary: summarise(t(lang, 'chartHt'), latest, lang),
    sources: ids,
    empty: plotted.length === 0,
    marks,
    height,
  };
}

export const highTech = {
  id: 'high-tech',
  title: 'chartHt',
  subtitle: 'chartHtSub',
  draws: [COUNT, ADDED, NET],
  build,
} satisfies ChartSpec;
