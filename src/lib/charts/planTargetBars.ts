// plan-targets, the bullet graph of a page (or the dashboard's list): one line per group title or target, the actual
// a bar on the % scale, the target a tick at 100 %, the baseline a diamond, the status and values in words on the
// right (above the bar when the plot is narrow). A bound (≥ 2,000) is drawn hollow and dashed.
import type { Observation } from '../table/schema';
import { rowKey } from '../data/dataset';
import type { TargetProgress } from '../data/targets';
import { targetKey } from '../data/targets';
import { t } from '../i18n/messages';
import { t as pt } from '../i18n/planTargetMessages';
import type { ChartInput } from './common';
import { MARKS_ONLY, baseOption, escapeHtml, linkOf, tooltipHtml, NARROW_PLOT, PHONE_PLOT } from './common';
import type { Line } from './planTargetRows';
import { reasonText, richStyles, statusColor, statusLine, valuesLine, words } from './planTargetRows';

const MAX_PCT = 150;

/**
 * The tooltip of a target's marks: its status, why, the values, then the target's and the actual's own; of any other
 * mark (a baseline), that figure's. `marks` is the model's (ref -> the observation drawn).
 */
export function targetTooltip(
  input: ChartInput,
  progress: readonly TargetProgress[],
  marks: ReadonlyMap<string, Observation>,
) {
  const { data, lang } = input;
  const link = linkOf(input);
  const byRef = new Map(progress.map((p) => [targetKey(p.target), p]));
  return {
    ...baseOption(input).tooltip,
    trigger: 'item' as const,
    formatter: (prm: { data?: { ref?: string } }) => {
      const ref = prm.data?.ref;
      const p = ref ? byRef.get(ref) : undefined;
      if (p) {
        const head = [statusLine(input, p), reasonText(p, lang), valuesLine(input, p)];
        const parts = [
          head.map((s) => `<div>${escapeHtml(s)}</div>`).join(''),
          tooltipHtml(data, p.target, lang, link),
        ];
        if (p.latest) parts.push(tooltipHtml(data, p.latest, lang, link));
        return parts.join('<hr class="tt-rule">');
      }
      const o = ref ? marks.get(ref) : undefined;
      return o ? tooltipHtml(data, o, lang, link) : '';
    },
  };
}

/** The bullet graph of `lines`, and the plot height it wants (CSS px) where it is not fitted to a frame. */
export function barsOption(
  input: ChartInput,
  lines: readonly Line[],
  progress: readonly TargetProgress[],
  marks: ReadonlyMap<string, Observation>,
) {
  const { lang } = input;
  const scale = input.scale ?? 1;
  const width = input.width ?? 800;
  const stacked = width < NARROW_PLOT;
  const phone = width < PHONE_PLOT;
  const compact = lines.every((l) => !('p' in l) || l.compact);
  const rowH = (compact ? (stacked ? 42 : 28) : stacked ? 66 : 46) * scale;
  const barW = (stacked ? 10 : 14) * scale;
  const text = input.dark ? '#ddd' : '#333';
  const ink = input.dark ? '#eee' : '#222';
  // The target of a line that has a bar: one with an actual that says how far (a compact line never has one).
  const barOf = (l: Line) => ('p' in l && !l.compact && l.p.achievedPct !== null ? l.p : null);
  const bars = lines.map((l) => {
    const p = barOf(l);
    if (!p) return { value: null };
    const color = statusColor(p.status, input.dark);
    return {
      value: Math.min(p.achievedPct ?? 0, MAX_PCT),
      ref: targetKey(p.target),
      // A bound (≥ 2,000) is drawn hollow and dashed: the true figure may lie beyond its end.
      itemStyle: p.bound
        ? { color: `${color}55`, borderColor: color, borderWidth: 1.5, borderType: 'dashed' }
        : { color },
    };
  });
  const ticks = lines.map((l) => {
    const p = barOf(l);
    return p ? { value: 100, ref: targetKey(p.target) } : { value: null };
  });
  const baselines = lines.map((l) => {
    const p = barOf(l);
    return p && p.baselinePct !== null && p.baseline
      ? { value: Math.min(p.baselinePct, MAX_PCT), ref: rowKey(p.baseline) }
      : { value: null };
  });
  const step = phone ? 50 : 25;
  const rich = richStyles(input, scale);
  // The words are the categories themselves (rich text): what a redraw compares and what any renderer draws.
  // A name in one line across a stacked plot (less its margins), or in two of the left column's 200 px, shortened
  // past them ("…"); a tenth spare, as fonts vary. (Wrapped here, not by ECharts: see wrapText.) The values line
  // keeps the bars room: another scope's name in it is shortened to fit 26 em (about 310 px at 12 px).
  const em = ((stacked ? width - 40 : 200) / 12) * 0.9;
  const said = lines.map((l) => words(input, l, em, stacked ? 1 : 2, stacked ? em : 26));
  const left = said.map((w) => (stacked && w.status ? `${w.name}\n${w.status}` : w.name));
  const legendH = compact ? 0 : 26 * scale;
  // Stacked: a line's words sit above its bar, reaching into the empty lower half of the line above.
  const wordsH = (compact ? 2 : 3) * 15 * scale + barW / 2 + 4;
  const option = {
    ...baseOption(input),
    tooltip: targetTooltip(input, progress, marks),
    legend: compact
      ? undefined
      : {
          top: 0,
          left: stacked ? 4 : 'center',
          selectedMode: false,
          itemHeight: 10 * scale,
          textStyle: { fontSize: 11 * scale, color: text },
          data: [t(lang, 'achieved'), t(lang, 'target'), t(lang, 'baseline')],
        },
    grid: stacked
      ? {
          left: 6,
          right: 14,
          top: legendH + Math.max(0, wordsH - rowH / 2) + 4,
          bottom: compact ? 4 : 44 * scale,
        }
      : { left: 8, right: 8, top: legendH + 4, bottom: compact ? 4 : 44 * scale, containLabel: true },
    xAxis: {
      type: 'value',
      show: !compact,
      min: 0,
      max: MAX_PCT,
      interval: step,
      axisLabel: {
        fontSize: 12 * scale,
        formatter: '{value}%', // the axis name says the target is 100 %; the ticks mark it
        hideOverlap: true,
      },
      splitLine: {
        lineStyle: {
          color: Array.from({ length: MAX_PCT / step + 1 }, (_, i) =>
            i * step === 100 ? (input.dark ? '#999' : '#888') : input.dark ? '#444' : '#e4e4e4',
          ),
        },
      },
      name: pt(lang, 'achievedAxis'),
      nameLocation: 'middle',
      nameGap: 26 * scale,
    },
    yAxis: [
      {
        type: 'category',
        data: left,
        inverse: true,
        axisLine: { show: false },
        axisTick: { show: false },
        axisLabel: stacked
          ? {
              interval: 0,
              inside: true,
              align: 'left',
              verticalAlign: 'bottom',
              lineHeight: 15 * scale,
              padding: [0, 0, barW / 2 + 4, 0],
              rich,
            }
          : { interval: 0, lineHeight: 15 * scale, rich },
      },
      {
        type: 'category',
        data: said.map((w) => w.status),
        inverse: true,
        position: 'right',
        show: !stacked,
        axisLine: { show: false },
        axisTick: { show: false },
        axisLabel: {
          interval: 0,
          // Never cut nor wrapped by ECharts (its wrapping merges the two lines): the target and the actual are
          // the point of the chart, and containLabel makes room for them.
          lineHeight: 15 * scale,
          rich,
        },
      },
    ],
    series: [
      {
        id: 'achieved',
        type: 'bar',
        name: t(lang, 'achieved'),
        data: bars,
        barWidth: barW,
        itemStyle: { color: statusColor('cannot-tell', input.dark) },
      },
      {
        ...MARKS_ONLY,
        id: 'target',
        name: t(lang, 'target'),
        data: ticks,
        symbol: 'rect',
        symbolSize: [3 * scale, barW + 8 * scale],
        itemStyle: { color: ink },
        z: 3,
      },
      {
        ...MARKS_ONLY,
        id: 'baseline',
        name: t(lang, 'baseline'),
        data: baselines,
        symbol: 'diamond',
        symbolSize: 10 * scale,
        itemStyle: { color: input.dark ? '#222' : '#fff', borderColor: ink, borderWidth: 1.5 },
        z: 4,
      },
    ],
  };
  const height = Math.max(240, lines.length * rowH + legendH + (compact ? 8 : 60 * scale));
  return { option, height };
}
