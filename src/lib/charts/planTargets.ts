// plan-targets: every target of the chosen cities against its latest comparable actual, as bullet
// bars on a common "% of target" scale (targets have different units). A target with no actual gets
// no bar and says "no actual reported" — an empty bar would read as 0 %.
import { rowKey, targetsOf } from '../data/dataset';
import type { Observation } from '../table/schema';
import type { TargetProgress } from '../data/targets';
import { targetProgress } from '../data/targets';
import { t } from '../i18n/messages';
import { formatNumber, formatValue, inBrackets, periodLabel } from '../i18n/format';
import type { ChartInput, ChartModel, ChartSpec, TableModel } from './common';
import {
  summarise,
  baseOption,
  cityColor,
  escapeHtml,
  indicatorName,
  placeName,
  safeLabel,
  sourceFootnote,
  tooltipHtml,
  NARROW_PLOT,
  PHONE_PLOT,
} from './common';

const SCALE_MAX = 150;

function describe(input: ChartInput, p: TargetProgress): string {
  const { data, lang } = input;
  const v = (o: Observation) => formatValue(o.value, o.comparator, o.unit, lang, data.units);
  const tgt = `${t(lang, 'target')} ${v(p.target)}`;
  if (!p.latest) return `${tgt} · ${t(lang, 'noActual')}`;
  const when = p.comparable
    ? ''
    : inBrackets(`${t(lang, 'asOf')} ${periodLabel(p.latest.period, lang)}`, lang);
  const pct = p.achievedPct === null ? '' : ` · ${formatNumber(p.achievedPct, lang, 1)}%`;
  return `${t(lang, 'latestActual')} ${v(p.latest)}${when} / ${tgt}${pct}`;
}

function table(input: ChartInput, progress: TargetProgress[]): TableModel {
  const { data, lang } = input;
  const v = (o: Observation | null) =>
    o ? formatValue(o.value, o.comparator, o.unit, lang, data.units) : '';
  const columns = [
    t(lang, 'city'),
    t(lang, 'indicator'),
    t(lang, 'planYear'),
    t(lang, 'target'),
    t(lang, 'baseline'),
    t(lang, 'latestActual'),
    t(lang, 'gap'),
    t(lang, 'achieved'),
  ];
  return {
    columns,
    total: progress.length,
    rows: progress.map((p) => ({
      key: rowKey(p.target),
      cells: [
        placeName(data, p.target.city, lang),
        indicatorName(data, p.target.indicator, lang),
        periodLabel(p.target.period, lang),
        v(p.target),
        p.baseline ? v(p.baseline) + inBrackets(periodLabel(p.baseline.period, lang), lang) : '',
        p.latest ? v(p.latest) + inBrackets(periodLabel(p.latest.period, lang), lang) : t(lang, 'noActual'),
        p.gap === null ? '' : formatNumber(p.gap, lang),
        p.achievedPct === null ? '' : `${formatNumber(p.achievedPct, lang, 1)}%`,
      ],
    })),
    csv: {
      header: [
        'city',
        'indicator',
        'plan_period',
        'target',
        'target_comparator',
        'unit',
        'baseline',
        'baseline_period',
        'latest_actual',
        'latest_period',
        'gap',
        'achieved_pct',
        'source',
      ],
      rows: progress.map((p) => [
        placeName(data, p.target.city, lang),
        indicatorName(data, p.target.indicator, lang),
        p.target.period,
        p.target.value,
        p.target.comparator,
        p.target.unit,
        p.baseline?.value ?? null,
        p.baseline?.period ?? '',
        p.latest?.value ?? null,
        p.latest?.period ?? '',
        p.gap,
        p.achievedPct === null ? null : Math.round(p.achievedPct * 10) / 10,
        p.target.source,
      ]),
    },
  };
}

export function build(input: ChartInput): ChartModel {
  const { data, lang } = input;
  const progress = targetProgress(data, input.cities);
  // On a phone the words ("latest actual … / target …") move to the tooltip and table.
  const width = input.width ?? 800;
  const narrow = width < NARROW_PLOT;
  // A phone's plot has room for 0 / 50 / 100 % target / 150 % under it, not for seven labels.
  const phone = width < PHONE_PLOT;
  const step = phone ? 50 : 25;
  const marks = new Map<string, Observation>();
  const categories = progress.map((p) =>
    safeLabel(
      narrow
        ? `${indicatorName(data, p.target.indicator, lang)}\n${placeName(data, p.target.city, lang)} ${periodLabel(p.target.period, lang)}`
        : `${placeName(data, p.target.city, lang)} ${periodLabel(p.target.period, lang)} · ${indicatorName(data, p.target.indicator, lang)}`,
    ),
  );
  const bars = progress.map((p) => {
    marks.set(rowKey(p.target), p.target);
    const color = cityColor(data, p.target.city);
    if (p.achievedPct === null) return { value: 0, ref: rowKey(p.target), itemStyle: { opacity: 0 } };
    return {
      value: Math.min(p.achievedPct, SCALE_MAX),
      ref: rowKey(p.target),
      itemStyle: {
        color,
        opacity: p.comparable ? 1 : 0.6,
        borderColor: color,
        borderWidth: p.comparable ? 0 : 1,
        borderType: 'dashed',
      },
    };
  });
  const baselineMarks = progress.map((p) =>
    p.baseline && p.baseline.value !== null && p.target.value
      ? { value: Math.min((p.baseline.value / p.target.value) * 100, SCALE_MAX), ref: rowKey(p.baseline) }
      : { value: null },
  );
  for (const p of progress) {
    if (p.baseline) marks.set(rowKey(p.baseline), p.baseline);
    if (p.latest) marks.set(rowKey(p.latest), p.latest);
  }
  const byRef = new Map(progress.map((p) => [rowKey(p.target), p]));
  const option = {
    ...baseOption(input),
    tooltip: {
      ...baseOption(input).tooltip,
      trigger: 'item',
      formatter: (prm: { data?: { ref?: string } }) => {
        const ref = prm.data?.ref;
        const p = ref ? byRef.get(ref) : undefined;
        if (p) {
          const parts = [`<div>${escapeHtml(describe(input, p))}</div>`, tooltipHtml(data, p.target, lang)];
          if (p.latest) parts.push(tooltipHtml(data, p.latest, lang));
          return parts.join('<hr class="tt-rule">');
        }
        const o = ref ? marks.get(ref) : undefined;
        return o ? tooltipHtml(data, o, lang) : '';
      },
    },
    grid: { left: 8, right: 8, top: 24, bottom: phone ? 42 : 28, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: SCALE_MAX,
      interval: step,
      axisLabel: {
        formatter: (v: number) => (v === 100 ? `100%${phone ? '\n' : ' '}${t(lang, 'target')}` : `${v}%`),
      },
      // The 100 % line is the target: that split line (0, 25, 50, 75, 100 … or 0, 50, 100 …) drawn dark.
      splitLine: {
        lineStyle: {
          color: Array.from({ length: SCALE_MAX / step + 1 }, (_, i) =>
            i * step === 100 ? (input.dark ? '#ddd' : '#333') : '#e4e4e4',
          ),
        },
      },
      name: t(lang, 'achieved'),
      nameLocation: 'middle',
      nameGap: phone ? 38 : 24, // room for the two-line "100% / 目标" label
    },
    // Left: what the target is; right: how far along it is, in words (so "no actual" is said, not drawn as 0).
    yAxis: [
      {
        type: 'category',
        data: categories,
        inverse: true,
        axisLabel: { width: narrow ? 140 : 230, overflow: 'truncate', interval: 0 },
      },
      {
        type: 'category',
        data: progress.map((p) => safeLabel(describe(input, p))),
        inverse: true,
        position: 'right',
        show: !narrow,
        axisLine: { show: false },
        axisTick: { show: false },
        axisLabel: { width: 260, overflow: 'truncate', interval: 0, color: input.dark ? '#bbb' : '#444' },
      },
    ],
    series: [
      {
        id: 'achieved',
        type: 'bar',
        name: t(lang, 'achieved'),
        data: bars,
        barMaxWidth: 22,
      },
      {
        id: 'baseline',
        type: 'scatter',
        name: t(lang, 'baseline'),
        data: baselineMarks,
        symbol: 'rect',
        symbolSize: [3, 18],
        itemStyle: { color: input.dark ? '#eee' : '#222' },
      },
    ],
  };
  const used = progress.flatMap((p) => [p.target, ...(p.latest ? [p.latest] : [])]);
  const { footnote, ids } = sourceFootnote(data, used, lang);
  const maskedTargets = targetsOf(data, input.cities).filter((r) => r.value === null);
  const maskedNote = [...new Set(maskedTargets.map((r) => r.city))].map((c) => {
    const n = maskedTargets.filter((r) => r.city === c).length;
    return t(lang, 'maskedTargets', { place: placeName(data, c, lang), n });
  });
  return {
    option,
    table: table(input, progress),
    footnotes: [footnote, ...maskedNote],
    summary: summarise(
      t(lang, 'chartPt'),
      progress,
      lang,
      (p) =>
        `${placeName(data, p.target.city, lang)} ${indicatorName(data, p.target.indicator, lang)} ${describe(input, p)}`,
    ),
    sources: ids,
    empty: progress.length === 0,
    height: Math.max(380, 60 + progress.length * 30),
    marks,
  };
}

export const planTargets = {
  id: 'plan-targets',
  title: 'chartPt',
  subtitle: 'chartPtSub',
  draws: [],
  build,
} satisfies ChartSpec;
