// tech-contracts: technology-contract turnover per city and period as bars. A first-half figure is
// its own hatched "H1" bar, never joined by a line to full years; stated YoY growth labels the bar.
// Turnover of different scopes (registered = seller side, absorbed = buyer side, side not stated) are
// separate ids and separate series, each named with its scope: never one series.
import { isReferencePlace, rowKey, rowsOf } from '../data/dataset';
import type { Observation } from '../table/schema';
import { t } from '../i18n/messages';
import { axisPeriodLabel, formatNumber, inBrackets, periodLabel, unitLabel } from '../i18n/format';
import type { ChartInput, ChartModel, ChartSpec } from './common';
import {
  summarise,
  baseOption,
  observationTable,
  placeName,
  scopeNames,
  sourceFootnote,
  tooltipHtml,
  linkOf,
} from './common';
import { cityBars, maskedFootnote, periodsOf } from './series';
import { categoryLabels, legendBlock, textPx } from './layout';

/** Each scope's turnover id and the id of its stated growth. The first is the main scope. */
const SCOPES = [
  ['tech_contract_value', 'tech_contract_value_yoy'],
  ['tech_contract_value_absorbed', 'tech_contract_value_absorbed_yoy'],
  ['tech_contract_value_unspecified', 'tech_contract_value_unspecified_yoy'],
] as const;
const VALUE = SCOPES[0][0];
const YOY_OF = new Map<string, string>(SCOPES);

export function build(input: ChartInput): ChartModel {
  const { data, lang } = input;
  const bg = input.dark ? '#1e1e1e' : '#ffffff';
  const cities = input.cities.filter((c) => !isReferencePlace(data.places.get(c)));
  const pick = (id: string) => rowsOf(data, id, cities);
  const valueRows = SCOPES.flatMap(([value]) => pick(value));
  const yoyRows = SCOPES.flatMap(([, yoy]) => pick(yoy));
  const periods = periodsOf(valueRows.filter((r) => r.value !== null));
  const yoyFor = (o: Observation) =>
    yoyRows.find(
      (y) =>
        y.indicator === YOY_OF.get(o.indicator) &&
        y.city === o.city &&
        y.period === o.period &&
        y.kind === o.kind &&
        y.value !== null,
    );
  const drawn = SCOPES.map(([value]) => value).filter((id) => valueRows.some((r) => r.indicator === id));
  const scopeWords = scopeNames(data, drawn, lang);
  const px = textPx(input);
  const bars = cityBars(data, valueRows, cities, periods, lang, {
    bg,
    px,
    width: input.width,
    scopes: scopeWords,
    labelFor: (o) => {
      const y = yoyFor(o);
      if (!y || y.value === null) return '';
      return `\n${t(lang, 'yoy')} ${y.value >= 0 ? '+' : ''}${formatNumber(y.value, lang)}%`;
    },
  });
  for (const y of yoyRows) bars.marks.set(rowKey(y), y);
  const masked = [...valueRows, ...yoyRows].filter((r) => r.value === null);
  const unit = unitLabel(data.indicators.get(VALUE)?.unit ?? '100m CNY', lang, data.units);
  const categories = periods.map((p) => axisPeriodLabel(p, lang));
  const legend = legendBlock(
    bars.series.map((x) => String(x.name)),
    input,
  );
  const option = {
    ...baseOption(input),
    tooltip: {
      ...baseOption(input).tooltip,
      trigger: 'item',
      formatter: (p: { data?: { ref?: string } }) => {
        const o = p.data?.ref ? bars.marks.get(p.data.ref) : undefined;
        if (!o) return '';
        const y = yoyFor(o);
        const link = linkOf(input);
        return tooltipHtml(data, o, lang, link) + (y ? tooltipHtml(data, y, lang, link) : '');
      },
    },
    legend: legend.legend,
    grid: { left: 56, right: 24, top: legend.top + px * 2.4, bottom: legend.bottom + 12, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: categoryLabels(categories, input).axisLabel },
    yAxis: {
      type: 'value',
      min: 0,
      name: unit,
      nameTextStyle: { fontSize: px },
      axisLabel: { fontSize: px },
    },
    series: bars.series,
  };
  const plotted = valueRows.filter((r) => r.value !== null);
  const tableRows = [...plotted, ...yoyRows.filter((r) => r.value !== null), ...masked];
  const { footnote, ids } = sourceFootnote(data, tableRows, lang);
  const notes = [footnote, ...maskedFootnote(data, masked, lang)];
  if (periods.some((p) => p.endsWith('-H1'))) notes.push(t(lang, 'chartTcSub'));
  if (drawn.length > 1) notes.push(t(lang, 'tcScopes'));
  if (bars.labelsLeftOut) notes.push(t(lang, 'barLabelsLeftOut', { touch: !!input.touch }));
  return {
    option,
    table: observationTable(data, tableRows, lang),
    footnotes: notes,
    summary: summarise(
      t(lang, 'chartTc'),
      plotted,
      lang,
      (o) =>
        `${placeName(data, o.city, lang)} ${periodLabel(o.period, lang)} ${formatNumber(o.value ?? 0, lang)} ${unit}${scopeWords.get(o.indicator) ? inBrackets(scopeWords.get(o.indicator)!, lang) : ''}`,
    ),
    sources: ids,
    empty: plotted.length === 0,
    marks: bars.marks,
    height: legend.height,
  };
}

export const techContracts = {
  id: 'tech-contracts',
  title: 'chartTc',
  subtitle: 'chartTcSub',
  draws: SCOPES.flat(),
  build,
} satisfies ChartSpec;
