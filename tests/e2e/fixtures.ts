// Shared browser-test helpers: wait for charts, collect page errors and CSP violations.
import { test as base, expect, type Page } from '@playwright/test';
import { overlaps } from './chartProbe';

export const CHARTS = ['rd-intensity', 'high-tech', 'tech-contracts', 'plan-targets'] as const;

export async function chartsReady(page: Page, ids: readonly string[] = CHARTS): Promise<void> {
  for (const id of ids) await expect(page.locator(`[data-chart="${id}"][data-ready="true"]`)).toBeVisible();
}

/** A test page that fails on any uncaught error, console error or CSP violation. */
export const test = base.extend<{ problems: string[] }>({
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(
          `CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`,
        );
      });
    });
    await use(problems);
    expect(problems, 'no page errors, console errors or CSP violations').toEqual([]);
  },
});

export { expect };

/** Page coordinates of the mark whose data item has `ref`, via the chart instance's convertToPixel. */
export async function markPixel(page: Page, chartId: string, ref: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(
    ([id, want]) => {
      type Inst = {
        getOption(): { series: { data: ({ ref?: string; value?: unknown } | null)[] }[] };
        convertToPixel(finder: { seriesIndex: number }, value: unknown): number[];
      };
      const el = document.querySelector(`[data-chart="${id}"] .chart-box`) as
        (HTMLElement & { __echarts?: Inst }) | null;
      const inst = el?.__echarts;
      if (!el || !inst) return null;
      const series = inst.getOption().series;
      for (let s = 0; s < series.length; s++) {
        const data = series[s]?.data ?? [];
        for (let i = 0; i < data.length; i++) {
          const d = data[i];
          if (d && d.ref === want) {
            const xy = inst.convertToPixel({ seriesIndex: s }, [i, d.value]);
            const r = el.getBoundingClientRect();
            return { x: r.left + (xy[0] ?? 0), y: r.top + (xy[1] ?? 0) };
          }
        }
      }
      return null;
    },
    [chartId, ref] as const,
  );
  if (!p) throw new Error(`no mark ${ref} in ${chartId}`);
  return p;
}

export interface TextBox {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every piece of text a chart draws (zrender's text spans), with its box in the chart's own pixels. */
export async function chartTexts(page: Page, chartId: string): Promise<{ box: TextBox; texts: TextBox[] }> {
  return page.evaluate((id) => {
    type Rect = { x: number; y: number; width: number; height: number; applyTransform(m: number[]): void };
    type El = {
      type: string;
      invisible?: boolean;
      style?: { text?: unknown; opacity?: number };
      transform?: number[];
      getBoundingRect(): { clone(): Rect };
    };
    type Inst = {
      getZr(): { storage: { getDisplayList(update: boolean): El[] } };
      getWidth(): number;
      getHeight(): number;
    };
    const el = document.querySelector(`[data-chart="${id}"] .chart-box`) as
      (HTMLElement & { __echarts?: Inst }) | null;
    const inst = el?.__echarts;
    if (!inst) throw new Error(`no chart ${id}`);
    const texts: TextBox[] = [];
    for (const d of inst.getZr().storage.getDisplayList(true)) {
      const text = d.style?.text;
      if (d.type !== 'tspan' || typeof text !== 'string' || text.trim() === '' || d.invisible) continue;
      if (d.style?.opacity === 0) continue;
      const r = d.getBoundingRect().clone();
      if (d.transform) r.applyTransform(d.transform);
      texts.push({ text, x: r.x, y: r.y, width: r.width, height: r.height });
    }
    return { box: { text: '', x: 0, y: 0, width: inst.getWidth(), height: inst.getHeight() }, texts };
  }, chartId);
}

/** Pairs of texts that print over each other (by more than `slack` px each way), as readable lines. */
export function overlappingTexts(texts: readonly TextBox[], slack = 1): string[] {
  return overlaps(texts, slack).map(({ a, b }) => `"${a.text}" over "${b.text}"`);
}

/** Texts that run off the chart's box. */
export function textsOutside(box: TextBox, texts: readonly TextBox[], slack = 1): string[] {
  return texts
    .filter(
      (t) =>
        t.x < box.x - slack ||
        t.y < box.y - slack ||
        t.x + t.width > box.x + box.width + slack ||
        t.y + t.height > box.y + box.height + slack,
    )
    .map(
      (t) =>
        `"${t.text}" at ${Math.round(t.x)},${Math.round(t.y)} (${Math.round(t.width)}×${Math.round(t.height)})`,
    );
}
