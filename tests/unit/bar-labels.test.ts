// Bar labels that would overprint a neighbour give way, by priority; estimates follow ECharts' bar layout.
import { describe, expect, it } from 'vitest';
import { barCentres, keptLabels, labelWidth } from '../../src/lib/charts/barLabels';
import { HEADLINE_CHARTS } from '../../src/lib/charts/registry';
import { input } from './helpers';

type Item = { value: number | null; label?: { formatter: string } };
const labels = (option: unknown) =>
  (option as { series: { data: Item[] }[] }).series
    .flatMap((s) => s.data)
    .flatMap((d) => (d.label ? [d.label.formatter] : []));

describe('bar labels', () => {
  it('estimates a label by its widest line, Chinese characters wider than digits', () => {
    expect(labelWidth('同比')).toBeGreaterThan(labelWidth('12'));
    expect(labelWidth('50.1\n+31.57%')).toBe(labelWidth('+31.57%'));
  });

  it('places bars like ECharts: slots side by side within a period, periods in order', () => {
    const x = barCentres(599, 8, 2);
    expect(x(0, 1) - x(0, 0)).toBeGreaterThan(0);
    expect(x(1, 0)).toBeGreaterThan(x(0, 1));
    expect(x(7, 1)).toBeLessThan(599);
  });

  it('keeps labels by priority, each unless it overprints one already kept', () => {
    const kept = keptLabels([
      { x: 10, width: 40, priority: 1 },
      { x: 30, width: 40, priority: 2 },
      { x: 90, width: 40, priority: 0 },
    ]);
    expect([...kept].sort()).toEqual([1, 2]);
  });

  it('on a phone the contract chart drops labels that would overprint, bounds and half-years first kept, and says so', async () => {
    const phone = HEADLINE_CHARTS['tech-contracts'].build(await input({ width: 340 }));
    const shown = labels(phone.option);
    expect(shown).toContain('≥1,000');
    expect(shown).toContain('≈38.08');
    expect(shown.some((l) => l.startsWith('31.12\nH1'))).toBe(true);
    expect(shown).toHaveLength(3); // 26.83 H1 and 50.1 (YoY +31.57 %) gave way
    expect(phone.footnotes.join(' ')).toContain('部分柱子的数值标签因空间不足省略');

    // Three scopes are three series, so each period has three slots: at 800 px every label fits.
    const wide = HEADLINE_CHARTS['tech-contracts'].build(await input({ width: 800 }));
    expect(labels(wide.option)).toHaveLength(5);
    expect(wide.footnotes.join(' ')).not.toContain('部分柱子');
  });
});
