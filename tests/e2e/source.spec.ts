import { test, expect } from './fixtures';

test('the source view highlights the quoted sentence and shows the row it became', async ({
  page,
  problems,
}) => {
  await page.goto('./#/sources/001_bf8fc6d553621b5e?mark=wuhu-rd_intensity-2022-actual');
  const mark = page.locator('mark[data-keys~="wuhu-rd_intensity-2022-actual"]').first();
  await expect(mark).toBeVisible();
  await expect(mark).toContainText('3.76%');
  await expect(page.getByTestId('quote-rows')).toContainText('3.76%');
  await expect(page.getByTestId('quote-rows')).toContainText('2022年（报告年份 2023年）');
  expect(await page.getByTestId('quote-mark').count()).toBeGreaterThan(10);
  void problems;
});

test('a link made before the figure moved to the year it measures still opens it; notes follow the language', async ({
  page,
  problems,
}) => {
  await page.goto('./#/sources/001_bf8fc6d553621b5e?mark=wuhu-rd_intensity-2023-actual');
  await expect(page.locator('mark.active').first()).toContainText('3.76%');
  await expect(page.getByTestId('quote-rows')).toContainText('研发统计数据约在所涉年度的次年发布');
  await page.goto('./#/sources/004_1546186363c61f01?lang=en');
  await expect(page.locator('.source')).toContainText('An unnamed city');
  await page.goto('./#/sources/004_1546186363c61f01');
  await expect(page.locator('.source')).toContainText('某市科技局（转载于公文素材库');
  await expect(page.locator('.source')).not.toContainText('unknown');
  void problems;
});
