import { test, expect } from './fixtures';

test('the source view highlights the quoted sentence and shows the row it became', async ({
  page,
  problems,
}) => {
  await page.goto('./#/sources/001_bf8fc6d553621b5e?mark=wuhu-rd_intensity-2023-actual');
  const mark = page.locator('mark[data-keys~="wuhu-rd_intensity-2023-actual"]').first();
  await expect(mark).toBeVisible();
  await expect(mark).toContainText('3.76%');
  await expect(page.getByTestId('quote-rows')).toContainText('3.76%');
  expect(await page.getByTestId('quote-mark').count()).toBeGreaterThan(10);
  void problems;
});
