// high-tech: national high-tech enterprises in existence per city over time (top) and the number
// added per period (bottom). 突破2000家 is a lower bound (up-triangle, "≥"); mid-year points say H1.
import { isReferencePlace, rowsOf } from '../data/dataset';
import { t } from '../i18n/messages';
import { formatNumber, inBrackets, periodLabel } from '../i18n/format';
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
  const top = citySeries(data, COUNT, cities, lang, { bg, periods });
  const bottom = cityBars(data, addedRows, cities, periods, lang, {
    bg,
    xAxisIndex: 1,
    yAxisIndex: 1,
    width: input.width,
    scopes: scopeNames(data, scopes, lang),
  });
  const marks = new Map([...top.marks, ...bottom.marks]);
  const masked = [...countRows, ...addedRows].filter((r) => r.value === null);
  const categories = periods.map((p) => periodLabel(p, lang));
  const option = {
    ...baseOption(input),
    tooltip: itemTooltip(input, marks),
    legend: { top: 0, type: 'scroll' },
    grid: [
      { left: 56, right: 24, top: 48, height: '38%', containLabel: true },
      { left: 56, right: 24, bottom: 28, height: '28%', containLabel: true },
    ],
    xAxis: [
      { type: 'category', data: categories, gridIndex: 0, axisLabel: { interval: 0, hideOverlap: true } },
      { type: 'category', data: categories, gridIndex: 1, axisLabel: { interval: 0, hideOverlap: true } },
    ],
    yAxis: [
      {
        type: 'value',
        gridIndex: 0,
        min: 0,
        name: indicatorName(data, COUNT, lang),
        nameTextStyle: { align: 'left' },
      },
      {
        type: 'value',
        gridIndex: 1,
        min: 0,
        name: scopes.length > 1 ? t(lang, 'netAdded') : indicatorName(data, scopes[0] ?? ADDED, lang),
        nameTextStyle: { align: 'left' },
      },
    ],
    series: [...top.series, ...bottom.series],
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
      ...(bottom.labelsLeftOut ? [t(lang, 'barLabelsLeftOut')] : []),
      ...(bottom.labelsDropped ? [t(lang, 'barLabelsSome')] : []),
    ],
    summary: summarise(t(lang, 'chartHt'), latest, lang),
    sources: ids,
    empty: plotted.length === 0,
    marks,
  };
}

export const highTech = {
  id: 'high-tech',
  title: 'chartHt',
  subtitle: 'chartHtSub',
  draws: [COUNT, ADDED, NET],
  build,
} satisfies ChartSpec;
