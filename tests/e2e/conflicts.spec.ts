import { test, expect, chartsReady, markPixel } from './fixtures';
import type { Page } from '@playwright/test';
import { resolve } from 'node:path';

// 芜湖,研发经费投入强度,2022,3.80,% — the report (2023 summary) gives 3.76 for 2022.
const WUHU = resolve(import.meta.dirname, '../fixtures/e2e/conflicts/wuhu-3.80.csv');
const REPORT = '芜湖市科技局2023年工作总结和下一步工作计划';
const ROW = '[data-chart="rd-intensity"] table tr[data-row="wuhu-rd_intensity-2022-actual"]';

/** A file named `name` holding Wuhu's 2022 R&D intensity as `value`. */
function wuhuFile(name: string, value: string) {
  return {
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(`城市,指标,年份,数值,单位\n芜湖,研发经费投入强度,2022,${value},%\n`),
  };
}

async function tooltipOf(page: Page, ref: string): Promise<string> {
  const box = page.locator('[data-chart="rd-intensity"] .chart-box');
  await expect(box).toHaveAttribute('data-tips', 'on');
  // The upload panel above may push the chart's lower marks past the window's edge: bring it into view first.
  await box.scrollIntoViewIfNeeded();
  const point = await markPixel(page, 'rd-intensity', ref);
  await page.mouse.move(point.x - 1, point.y);
  await page.mouse.move(point.x, point.y);
  const tip = page.locator('[data-testid="chart-tooltip"]').first();
  return (await tip.count()) ? ((await tip.textContent()) ?? '') : '';
}

const entries = (page: Page) => page.getByTestId('uploaded-list').locator('li');

test("Wuhu's uploaded 3.80 against the report's 3.76: listed with both sources, drawn as uploaded, and the report's value when chosen, after a reload too", async ({
  page,
  problems,
}) => {
  await page.goto('./');
  await chartsReady(page);
  await page.getByTestId('csv-upload').setInputFiles(WUHU);
  await expect(page.getByTestId('count-imported')).toHaveText('1');
  const conflict = page.getByTestId('import-conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('芜湖市 · 研发经费投入强度 · 2022年');
  await expect(conflict).toContainText('你的文件「wuhu-3.80.csv」：3.8%');
  await expect(conflict).toContainText('第 2 行');
  await expect(conflict).toContainText(`报告《${REPORT}》：3.76%`);

  // By default the charts draw the upload's value, and say so.
  await chartsReady(page);
  await expect(page.locator(ROW)).toHaveCount(1);
  await expect(page.locator(ROW)).toContainText('3.8%');
  await expect(page.locator(ROW)).toContainText('已报告（上传）');
  await expect.poll(() => tooltipOf(page, 'wuhu-rd_intensity-2022-actual')).toContain('3.8%（上传）');
  const tip = page.locator('[data-testid="chart-tooltip"]').first();
  await expect(tip).toContainText(`报告值: 3.76%（来源: ${REPORT}）`);
  await expect(tip).toContainText('来源: 上传: wuhu-3.80.csv');

  // The report's value, chosen from the keyboard: the chart draws 3.76 again, the conflict stays listed.
  const yours = conflict.getByRole('radio', { name: '你的 3.8%' });
  await expect(yours).toBeChecked();
  await yours.focus();
  await page.keyboard.press('ArrowDown');
  await expect(conflict.getByRole('radio', { name: '报告的 3.76%' })).toBeChecked();
  await chartsReady(page);
  await expect(page.locator(ROW)).toContainText('3.76%');
  await expect(page.locator(ROW)).not.toContainText('上传');
  await expect(conflict).toHaveCount(1);

  await page.reload();
  await expect(page.getByTestId('uploaded-list')).toContainText('wuhu-3.80.csv');
  await chartsReady(page);
  await expect(page.locator(ROW)).toContainText('3.76%');
  await expect(page.locator(ROW)).not.toContainText('上传');
  await page.getByTestId('open-conflicts').click();
  await expect(
    page.getByTestId('import-conflict').getByRole('radio', { name: '报告的 3.76%' }),
  ).toBeChecked();
  void problems;
});

test('the same file twice is offered as a replace, never added as a second copy', async ({
  page,
  problems,
}) => {
  await page.goto('./');
  await chartsReady(page);
  await page.getByTestId('csv-upload').setInputFiles(WUHU);
  await expect(entries(page)).toHaveCount(1);

  // Cancelled: nothing changes.
  await page.getByTestId('csv-upload').setInputFiles(WUHU);
  const offer = page.getByTestId('repeat-offer');
  await expect(offer).toContainText('已载入过同一文件「wuhu-3.80.csv」');
  await expect(offer.getByRole('button')).toHaveText(['替换', '取消']);
  await offer.getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('repeat-declined')).toBeVisible();
  await expect(entries(page)).toHaveCount(1);

  // Replaced, from the keyboard (the offer takes the focus): still one entry, the chart as before.
  await page.getByTestId('csv-upload').setInputFiles(WUHU);
  await expect(offer.getByRole('button', { name: '替换' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(offer).toHaveCount(0);
  await expect(entries(page)).toHaveCount(1);
  await expect(page.getByTestId('import-conflict')).toHaveCount(1);
  await chartsReady(page);
  await expect(page.locator(ROW)).toHaveCount(1);
  await expect(page.locator(ROW)).toContainText('3.8%');
  await page.reload();
  await expect(page.getByTestId('uploaded-list')).toContainText('wuhu-3.80.csv');
  await expect(entries(page)).toHaveCount(1);
  void problems;
});

test('a file of the same name with other content is offered as a replace or a second upload', async ({
  page,
  problems,
}) => {
  await page.goto('./#/?lang=en');
  await chartsReady(page);
  await page.getByTestId('csv-upload').setInputFiles(wuhuFile('wuhu.csv', '3.80'));
  await expect(entries(page)).toHaveCount(1);

  await page.getByTestId('csv-upload').setInputFiles(wuhuFile('wuhu.csv', '3.90'));
  const offer = page.getByTestId('repeat-offer');
  await expect(offer).toContainText('A file of this name was loaded before ("wuhu.csv"), with other content');
  await expect(offer.getByRole('button')).toHaveText(['Replace', 'Add as a second upload', 'Cancel']);
  await offer.getByRole('button', { name: 'Add as a second upload' }).click();
  await expect(entries(page)).toHaveCount(2);
  // The second disagrees with the first, as drawn: it names the earlier upload.
  const conflict = page.getByTestId('import-conflict');
  await expect(conflict).toContainText('Earlier upload "wuhu.csv": 3.8%');
  await expect(conflict).toContainText('Your file "wuhu.csv": 3.9%');
  await chartsReady(page);
  await expect(page.locator(ROW)).toContainText('3.9%');

  await page.getByTestId('csv-upload').setInputFiles(wuhuFile('wuhu.csv', '3.70'));
  await offer.getByRole('button', { name: 'Replace' }).click();
  await expect(entries(page)).toHaveCount(2);
  await chartsReady(page);
  await expect(page.locator(ROW)).toContainText('3.7%');
  void problems;
});

test('thirty conflicts: twenty listed with the count, the rest on request, and one choice for all', async ({
  page,
  problems,
}) => {
  await page.goto('./');
  await chartsReady(page);
  await page
    .getByTestId('csv-upload')
    .setInputFiles(resolve(import.meta.dirname, '../fixtures/e2e/conflicts/many.csv'));
  const report = page.getByTestId('conflict-report');
  await expect(report.getByRole('heading')).toHaveText('「many.csv」与已有数据不一致 30 处');
  await expect(page.getByTestId('import-conflict')).toHaveCount(20);
  await expect(page.getByTestId('conflicts-more')).toHaveText('再显示 10 处（还有 10 处未显示）');
  await chartsReady(page);
  await expect(page.locator(ROW)).toContainText('4.76%');

  await report.getByRole('button', { name: '全部画报告的' }).click();
  await chartsReady(page);
  await expect(page.locator(ROW)).toContainText('3.76%');
  await page.getByTestId('conflicts-more').click();
  await expect(page.getByTestId('import-conflict')).toHaveCount(30);
  await expect(page.locator('[data-testid="import-conflict"][data-drawn="existing"]')).toHaveCount(30);
  await report.getByRole('button', { name: '全部画你的' }).click();
  await expect(page.locator('[data-testid="import-conflict"][data-drawn="upload"]')).toHaveCount(30);
  await chartsReady(page);
  await expect(page.locator(ROW)).toContainText('4.76%');
  void problems;
});
