// Charts are updated in place after a change (merged options, one chart per frame): what the user
// sees must be exactly what a fresh load of the same view draws.
import type { Page } from '@playwright/test';
import { CHARTS, chartsReady, expect, test } from './fixtures';

/** Every headline chart's canvas as a PNG data URL, once all of them are drawn. */
async function pictures(page: Page): Promise<Record<string, string>> {
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

test('after toggling a city, every chart looks exactly like a fresh load of that view; toggled back, like the first picture', async ({
  page,
  browser,
  problems,
}) => {
  await page.goto('./');
  const first = await pictures(page);
  const fuzhou = page.locator('[data-city="fuzhou"] input');

  await fuzhou.uncheck();
  await expect(page).toHaveURL(/cities=/);
  const without = await pictures(page);
  expect(without['rd-intensity'], 'Fuzhou left the R&D chart').not.toBe(first['rd-intensity']);

  const fresh = await browser.newPage({ viewport: page.viewportSize() ?? undefined });
  await fresh.goto(page.url());
  expect(await pictures(fresh)).toEqual(without);
  await fresh.close();

  await fuzhou.check();
  expect(await pictures(page)).toEqual(first);
  void problems;
});

test('after switching language, every chart looks exactly like a fresh load in that language; switched back, like the first picture', async ({
  page,
  browser,
  problems,
}) => {
  await page.goto('./');
  const first = await pictures(page);

  await page.getByTestId('lang-switch').click();
  await expect(page).toHaveURL(/lang=en/);
  const english = await pictures(page);
  expect(english['rd-intensity'], 'the R&D chart speaks English').not.toBe(first['rd-intensity']);

  const fresh = await browser.newPage({ viewport: page.viewportSize() ?? undefined });
  await fresh.goto(page.url());
  expect(await pictures(fresh)).toEqual(english);
  await fresh.close();

  await page.getByTestId('lang-switch').click();
  await expect(page).not.toHaveURL(/lang=en/);
  expect(await pictures(page)).toEqual(first);
  void problems;
});
