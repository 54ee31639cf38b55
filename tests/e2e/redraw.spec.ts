// Charts are updated in place after a change (merged options, one chart per frame): what the user
// sees must be exactly what a fresh load of the same view draws.
import type { Page } from '@playwright/test';
import { CHARTS, chartsReady, expect, test } from './fixtures';

/**
 * Every headline chart's canvas as a PNG data URL, once all of them are drawn in full: the label layout comes
 * with the tooltip, after the first picture (data-tips="on"), and redraws the chart.
 */
async function pictures(page: Page): Promise<Record<string, string>> {
  await chartsReady(page);
  for (const id of CHARTS)
    await expect(page.locator(`[data-chart="${id}"] .chart-box[data-tips="on"]`)).toHaveCount(1);
  await chartsReady(page);
  return page.evaluate((ids) => {
    const out: Record<string, string> = {};
    for (const id of ids) {
      const el = document.querySelector(`[data-chart="${id}"] .chart-box`) as
        (HTMLElement & { __echarts?: { getDataURL(o: object): string } }) | null;
      out[id] = el?.__echarts?.getDataURL({ type: 'png', pixelRatio: 1 }) ?? '';
    }
    return out;
  }, CHARTS);
}

/** A change the dashboard redraws in place, how to undo it, and the URL each way (the state has been taken in). */
const changes = [
  {
    name: 'toggling a city',
    change: (page: Page) => page.locator('[data-city="fuzhou"] input').uncheck(),
    changed: /cities=/,
    undo: (page: Page) => page.locator('[data-city="fuzhou"] input').check(),
    undone: /^(?!.*cities=)/, // back to the default selection
  },
  {
    name: 'switching language',
    change: (page: Page) => page.getByTestId('lang-switch').click(),
    changed: /lang=en/,
    undo: (page: Page) => page.getByTestId('lang-switch').click(),
    undone: /^(?!.*lang=en)/, // back to Chinese
  },
];

for (const c of changes) {
  test(`after ${c.name}, every chart looks exactly like a fresh load of that view; undone, like the first picture`, async ({
    page,
    browser,
    problems,
  }) => {
    await page.goto('./');
    const first = await pictures(page);

    await c.change(page);
    await expect(page).toHaveURL(c.changed);
    const changed = await pictures(page);
    expect(changed['rd-intensity'], 'the R&D chart changed').not.toBe(first['rd-intensity']);

    const fresh = await browser.newPage({ viewport: page.viewportSize() ?? undefined });
    await fresh.goto(page.url());
    expect(await pictures(fresh)).toEqual(changed);
    await fresh.close();

    await c.undo(page);
    await expect(page).toHaveURL(c.undone);
    expect(await pictures(page)).toEqual(first);
    void problems;
  });
}
