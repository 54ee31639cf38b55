import { test, expect, chartsReady } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

test('presentation mode steps through the four charts with the arrow keys', async ({ page, problems }) => {
  await page.goto('./');
  await chartsReady(page);
  await page.getByTestId('present').click();
  await expect(page.getByTestId('presentation')).toBeVisible();
  await chartsReady(page, ['rd-intensity']);
  await page.keyboard.press('ArrowRight');
  await chartsReady(page, ['high-tech']);
  await expect(page).toHaveURL(/#\/present\/high-tech/);
  await page.keyboard.press('ArrowLeft');
  await chartsReady(page, ['rd-intensity']);
  const box = await page.locator('[data-chart="rd-intensity"]').boundingBox();
  expect((box?.width ?? 0) / (box?.height ?? 1)).toBeCloseTo(16 / 9, 1);
  void problems;
});

test('a chart taller than the screen starts at its title and scrolls in presentation mode', async ({
  page,
  problems,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./#/present/plan-targets');
  await chartsReady(page, ['plan-targets']);
  const title = page.locator('[data-chart="plan-targets"] h2');
  expect((await title.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
  // The controls are named in the reader's language (the page is Chinese).
  await page.getByRole('button', { name: '下一张图表' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: '下一张图表' })).toBeInViewport();
  void problems;
});

test('the permalink reopens exactly the chosen view', async ({ page, problems }) => {
  await page.goto('./#/?lang=en');
  await chartsReady(page);
  await page.locator('[data-city="haimen"] input').uncheck();
  await chartsReady(page);
  await page.locator('[data-chart="high-tech"] [data-testid="share"]').click();
  const link = await page.getByTestId('permalink').inputValue();
  expect(link).toContain('lang=en');
  const fresh = await page.context().newPage();
  await fresh.goto(link);
  await chartsReady(fresh);
  await expect(fresh.locator('[data-city="haimen"] input')).not.toBeChecked();
  await expect(fresh.locator('[data-city="wuhu"] input')).toBeChecked();
  await expect(fresh.locator('h1')).toHaveText('City S&T Indicator Dashboard');
  void problems;
});

test('all four charts download as one 16:9 deck', async ({ page, problems }) => {
  await page.goto('./');
  await chartsReady(page);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-deck').click()]);
  const bytes = readFileSync((await dl.path()) as string);
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  for (const n of [1, 2, 3, 4]) expect(bytes.includes(Buffer.from(`ppt/slides/slide${n}.xml`))).toBe(true);
  void problems;
});

/** Serves index.html with its dataset data block rewritten by `edit`. */
async function editDataBlock(page: Page, edit: (block: string) => string) {
  await page.route(
    (url) => /\/(index\.html)?$/.test(url.pathname),
    async (route) => {
      const res = await route.fetch();
      const html = (await res.text()).replace(
        /<script type="application\/json" id="curated-data">[\s\S]*?<\/script>/,
        edit,
      );
      await route.fulfill({ response: res, body: html });
    },
  );
}

test('a dataset that fails to load says which and why', async ({ page }) => {
  // The data the page carries, damaged:
  await editDataBlock(page, () => '<script type="application/json" id="curated-data">{"rows": [</script>');
  await page.goto('./');
  await expect(page.getByTestId('load-error')).toContainText('data/curated.json');
  await expect(page.getByTestId('load-error')).toContainText('not valid JSON');
  // A page without it fetches the file, and says why that failed:
  await page.unrouteAll();
  await editDataBlock(page, () => '');
  await page.route('**/data/curated.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('./');
  await expect(page.getByTestId('load-error')).toContainText('data/curated.json');
  await expect(page.getByTestId('load-error')).toContainText('404');
});
