import { test, expect, chartsReady, markPixel } from './fixtures';

test('links from an English chart keep English: the tooltip’s, the click’s and the way back', async ({
  page,
  problems,
}) => {
  await page.goto('./#/embed/rd-intensity?lang=en&cities=wuhu');
  await chartsReady(page, ['rd-intensity']);
  // The tooltip loads after the first picture, once the page is idle: the chart says when it has it.
  await expect(page.locator('[data-chart="rd-intensity"] .chart-box')).toHaveAttribute('data-tips', 'on');
  const point = await markPixel(page, 'rd-intensity', 'wuhu-rd_intensity-2022-actual');
  const tooltipLink = async () => {
    await page.mouse.move(point.x - 1, point.y);
    await page.mouse.move(point.x, point.y);
    const a = page.locator('[data-testid="chart-tooltip"] a.tt-link').first();
    return (await a.count()) ? ((await a.getAttribute('href')) ?? '') : '';
  };
  await expect
    .poll(tooltipLink)
    .toBe('#/sources/001_bf8fc6d553621b5e?lang=en&mark=wuhu-rd_intensity-2022-actual');
  await page.mouse.click(point.x, point.y);
  await expect(page).toHaveURL(
    /#\/sources\/001_bf8fc6d553621b5e\?lang=en&mark=wuhu-rd_intensity-2022-actual$/,
  );
  await expect(page.locator('mark.active').first()).toContainText('3.76');
  const back = page.getByRole('link', { name: /Back to dashboard/ });
  await expect(back).toHaveAttribute('href', '#/?lang=en');
  void problems;
});

test('the dashboard’s list of reports links each in the reader’s language', async ({ page, problems }) => {
  await page.goto('./#/?lang=en');
  await chartsReady(page);
  const first = page.locator('.sources a').first();
  await expect(first).toHaveAttribute('href', /^#\/sources\/[a-z0-9_-]+\?lang=en$/);
  await page.goto('./');
  await chartsReady(page);
  await expect(page.locator('.sources a').first()).toHaveAttribute('href', /^#\/sources\/[a-z0-9_-]+$/);
  void problems;
});
