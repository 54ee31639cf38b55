// An update that brings many new series is drawn a few series at a time; the last step is the option itself.
import { describe, expect, it } from 'vitest';
import { drawSteps, seriesIds } from '../../src/lib/echarts/steps';

const option = (ids: string[]) => ({ legend: {}, series: ids.map((id) => ({ id, type: 'line' })) });

describe('draw steps', () => {
  it('adds twelve new cities four at a time, keeping what is on screen and series without an id', () => {
    const shown = new Set(['line:wuhu', 'line:fuzhou']);
    const ids = [...shown, ...Array.from({ length: 12 }, (_, i) => `line:u-${i}`)];
    const full = { ...option(ids), series: [...option(ids).series, { type: 'line' }] };
    const steps = drawSteps(full, shown);
    expect(steps.map((s) => s.series.length)).toEqual([7, 11, 15]);
    expect(steps.at(-1)).toBe(full);
    expect(seriesIds(steps[0]!).slice(0, 6)).toEqual([
      'line:wuhu',
      'line:fuzhou',
      'line:u-0',
      'line:u-1',
      'line:u-2',
      'line:u-3',
    ]);
    for (const s of steps) expect(s.legend).toBe(full.legend);
  });

  it('draws a small change (a city toggled) in one step', () => {
    const shown = new Set(['line:wuhu']);
    const next = option(['line:wuhu', 'line:fuzhou', 'target:fuzhou']);
    expect(drawSteps(next, shown)).toEqual([next]);
    expect(drawSteps(option([]), shown)).toHaveLength(1);
  });
});
