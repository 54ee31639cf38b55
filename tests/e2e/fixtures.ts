// Shared browser-test helpers: wait for charts, collect page errors and CSP violations.
import { test as base, expect, type Page } from '@playwright/test';

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
