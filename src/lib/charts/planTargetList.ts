// plan-targets, a list page: the targets still awaiting data (no actual yet, or masked), in columns of short lines
// read top to bottom, left to right — "○ 研发经费投入强度 · 目标 2.71%" under its city and plan year. No axis: there
// is nothing to measure. One grid per column, each column's words starting at its left edge.
import type { Observation } from '../table/schema';
import type { TargetProgress } from '../data/targets';
import type { ChartInput } from './common';
import { baseOption, safeLabel } from './common';
import { LIST_LINES, type Line, awaitingItem, listEm, richStyles, statusStyle } from './planTargetRows';
import { targetTooltip } from './planTargetBars';

/** awaitingItem as rich text (the mark in its status colour), its name shortened to fit `em`. */
function item(input: ChartInput, p: TargetProgress, em: number): string {
  const { mark, text } = awaitingItem(input, p, em);
  return `{${statusStyle(p)}|${mark}} {n|${safeLabel(text)}}`;
}

export function listOption(
  input: ChartInput,
  columns: readonly Line[][],
  progress: readonly TargetProgress[],
  marks: ReadonlyMap<string, Observation>,
) {
  const scale = input.scale ?? 1;
  const n = columns.length;
  const em = listEm(input, n);
  const rich = richStyles(input, scale);
  const words = (line: Line | undefined) =>
    !line ? '' : 'title' in line ? `{g|${safeLabel(line.title)}}` : item(input, line.p, em);
  return {
    ...baseOption(input),
    tooltip: targetTooltip(input, progress, marks),
    grid: columns.map((_, i) => ({
      left: `${(100 * i) / n}%`,
      width: `${100 / n}%`,
      top: 4,
      bottom: 4,
    })),
    xAxis: columns.map((_, i) => ({ type: 'value', gridIndex: i, show: false })),
    yAxis: columns.map((column, i) => ({
      type: 'category',
      gridIndex: i,
      inverse: true,
      // Every column has LIST_LINES places, so lines sit at the same height across columns.
      data: Array.from({ length: LIST_LINES }, (_, j) => words(column[j])),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { interval: 0, inside: true, align: 'left', rich },
    })),
    series: [],
  };
}
