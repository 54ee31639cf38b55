// plan-targets as rows of text: the HTML table (with its status column), the CSV and the native table of the
// slides. Every target is a row in all three, whatever its status.
import { inBrackets, periodLabel, formatNumber } from '../i18n/format';
import { t } from '../i18n/messages';
import { t as pt } from '../i18n/planTargetMessages';
import type { Observation } from '../table/schema';
import type { TargetProgress } from '../data/targets';
import { TARGET_STATUSES, targetKey } from '../data/targets';
import type { ChartInput, SlideTable, TableModel } from './common';
import { indicatorName, placeName } from './common';
import type { TargetGroup } from './planTargetRows';
import {
  statusWords,
  boundMarks,
  pct,
  reasonText,
  statusLine,
  statusText,
  valueText,
  valuesLine,
} from './planTargetRows';

function cellValue(input: ChartInput, o: Observation | null, withPeriod: boolean): string {
  if (!o) return '';
  const v = valueText(input, o);
  return withPeriod ? v + inBrackets(periodLabel(o.period, input.lang), input.lang) : v;
}

export function targetTable(input: ChartInput, progress: readonly TargetProgress[]): TableModel {
  const { data, lang } = input;
  return {
    columns: [
      t(lang, 'city'),
      t(lang, 'indicator'),
      t(lang, 'planYear'),
      t(lang, 'status'),
      t(lang, 'note'),
      t(lang, 'target'),
      t(lang, 'baseline'),
      t(lang, 'latestActual'),
      t(lang, 'gap'),
      t(lang, 'achieved'),
    ],
    total: progress.length,
    rows: progress.map((p) => ({
      key: targetKey(p.target),
      cells: [
        placeName(data, p.target.city, lang),
        indicatorName(data, p.target.indicator, lang),
        periodLabel(p.target.period, lang),
        statusText(p, lang),
        reasonText(p, lang),
        cellValue(input, p.target, false),
        cellValue(input, p.baseline, true),
        p.latest ? cellValue(input, p.latest, true) : t(lang, 'noActual'),
        p.gap === null ? '' : boundMarks(p).gap + formatNumber(p.gap, lang),
        pct(p.achievedPct, lang, boundMarks(p).pct),
      ],
    })),
    csv: {
      header: [
        'city',
        'indicator',
        'plan_period',
        'status',
        'status_reason',
        'target',
        'target_comparator',
        'unit',
        'baseline',
        'baseline_period',
        'latest_actual',
        'latest_comparator',
        'latest_period',
        'gap',
        'achieved_pct',
        'source',
        'quote',
      ],
      rows: progress.map((p) => [
        placeName(data, p.target.city, lang),
        indicatorName(data, p.target.indicator, lang),
        p.target.period,
        statusText(p, lang),
        reasonText(p, lang),
        p.target.value,
        p.target.comparator,
        p.target.unit,
        p.baseline?.value ?? null,
        p.baseline?.period ?? '',
        p.latest?.value ?? null,
        p.latest?.comparator ?? '',
        p.latest?.period ?? '',
        p.gap,
        p.achievedPct === null ? null : Math.round(p.achievedPct * 10) / 10,
        p.target.source,
        p.target.quote,
      ]),
    },
  };
}

/**
 * The slides' native table: a group per city and plan year, every target a row (awaiting-data ones last in their
 * group), in three columns that fit a 16:9 slide at 12 pt: the name, the status (and % of target), the values.
 * The baseline is in the chart, its table and the CSV.
 */
export function targetSlideTable(input: ChartInput, groups: readonly TargetGroup[]): SlideTable {
  const { data, lang } = input;
  const row = (p: TargetProgress) => [
    indicatorName(data, p.target.indicator, lang),
    statusLine(input, p),
    valuesLine(input, p),
  ];
  return {
    columns: [t(lang, 'indicator'), t(lang, 'status'), `${t(lang, 'latestActual')} · ${t(lang, 'target')}`],
    widths: [3.6, 2.3, 3.3],
    groups: groups.map((g) => ({ title: g.title, rows: [...g.shown, ...g.awaiting].map(row) })),
    legend: statusKey(lang),
  };
}

/** '状态：● 已达成  ▲ 进度符合  …': what the marks mean, under the chart and on every slide. */
export function statusKey(lang: ChartInput['lang']): string {
  const items = TARGET_STATUSES.map((s) => statusWords(s, lang));
  return pt(lang, 'statusKey', { items });
}
