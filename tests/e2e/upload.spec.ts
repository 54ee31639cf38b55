import { test, expect, chartsReady } from './fixtures';
import type { Page } from '@playwright/test';
import { resolve } from 'node:path';

const fixture = (name: string) => resolve(import.meta.dirname, '../fixtures/e2e', name);

/** Upload a CSV made of `lines` (header first) as the file `name`. */
function uploadLines(page: Page, name: string, lines: string[]) {
  return page
    .getByTestId('csv-upload')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
}

test.describe('upload', () => {
  test('a file with 40 cities: the picker lists the 12 charted ones, finds any other by name, and charts it when ticked', async ({
    page,
    problems,
  }) => {
    await page.goto('./');
    await chartsReady(page);
    const lines = ['城市,指标,年份,数值'];
    for (let c = 1; c <= 40; c++) lines.push(`样本${c}市,研发经费投入强度,2022,${(1 + c / 20).toFixed(2)}`);
    await uploadLines(page, 'many.csv', lines);
    await expect(page.getByTestId('count-imported')).toHaveText('40');
    const picker = page.getByTestId('city-picker');
    await expect(picker.locator('label', { hasText: '（上传）' })).toHaveCount(12);
    // Twelve new cities reach the charts a few at a time; the chart is ready only once all are drawn.
    await chartsReady(page);
    const drawn = await page.evaluate(() => {
      type Instance = { getOption(): { series: { name: string }[] } };
      const box = document.querySelector('[data-chart="rd-intensity"] .chart-box') as
        (Element & { __echarts?: Instance }) | null;
      return box?.__echarts?.getOption().series.map((s) => s.name) ?? [];
    });
    for (let c = 1; c <= 12; c++) expect(drawn).toContain(`样本${c}市`);
    await expect(page.getByTestId('more-cities')).toHaveText('其余 28 个上传城市…');
    await page.getByTestId('more-cities').click();
    await expect(picker.locator('label', { hasText: '（上传）' })).toHaveCount(40);
    await page.getByTestId('city-search').fill('样本37');
    await expect(picker.locator('label', { hasText: '（上传）' })).toHaveCount(1);
    await picker.getByLabel('样本37市').check();
    await chartsReady(page);
    await expect(page.locator('[data-chart="rd-intensity"] table')).toContainText('样本37市');
    await page.getByTestId('city-search').fill('不存在');
    await expect(picker).toContainText('没有匹配的城市');
    void problems;
  });

  test('a GB18030 wide table from Chinese Excel joins every chart with its Chinese names intact, and survives a reload', async ({
    page,
    problems,
  }) => {
    await page.goto('./');
    await chartsReady(page);
    await page.getByTestId('csv-upload').setInputFiles(fixture('wide-gb18030.csv'));
    await expect(page.getByTestId('import-report')).toBeVisible();
    await expect(page.getByTestId('import-encoding')).toContainText(/GB18030/i);
    await expect(page.getByTestId('count-imported')).toHaveText('6');
    await chartsReady(page);
    const rd = page.locator('[data-chart="rd-intensity"] table');
    await expect(rd.locator('tr', { hasText: '示例甲市' }).filter({ hasText: '3.25%' })).toHaveCount(1);
    await expect(page.locator('[data-chart="high-tech"] table')).toContainText('示例甲市');
    await page.reload();
    await chartsReady(page);
    await expect(page.locator('[data-chart="rd-intensity"] table')).toContainText('示例甲市');
    await expect(page.getByTestId('uploaded-list')).toContainText('wide-gb18030.csv');
    void problems;
  });

  test('a long upload: the screen-reader table holds the first 100 rows and says how many there are; shown, it holds them all', async ({
    page,
    problems,
  }) => {
    await page.goto('./');
    await chartsReady(page);
    const lines = ['城市,指标,年份,数值'];
    for (let c = 1; c <= 8; c++)
      for (let y = 1991; y <= 2020; y++)
        lines.push(`示例${c}市,研发经费投入强度,${y},${(c + (y - 1990) / 10).toFixed(2)}`);
    await uploadLines(page, 'long.csv', lines);
    await expect(page.getByTestId('count-imported')).toHaveText('240');
    const card = page.locator('[data-chart="rd-intensity"]');
    await expect(card.locator('table')).toContainText('示例1市');
    await chartsReady(page);
    await expect(card.locator('table tbody tr')).toHaveCount(100);
    await expect(card.getByText(/^显示前 100 行，共 \d+ 行/)).toBeAttached();
    await card.getByRole('button', { name: '显示数据表' }).click();
    const rows = await card.locator('table tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(240);
    await expect(
      card.locator('table tbody tr', { hasText: '示例8市' }).filter({ hasText: '2020年' }),
    ).toHaveCount(1);
    void problems;
  });

  test('a UTF-8-with-BOM long table: Haimen actuals close the gaps of its 2020 plan; 万元 converted', async ({
    page,
    problems,
  }) => {
    await page.goto('./');
    await chartsReady(page);
    await page.getByTestId('csv-upload').setInputFiles(fixture('long-utf8-bom.csv'));
    await expect(page.getByTestId('import-report')).toBeVisible();
    await expect(page.getByTestId('count-imported')).toHaveText('3');
    // 380000 万元 is 38 亿元: converted, with a warning naming the line.
    await expect(page.locator('[data-testid="import-warning"][data-line="4"]')).toBeVisible();
    await chartsReady(page);
    const targets = page.locator('[data-chart="plan-targets"] table');
    const row = targets.locator('tr', { hasText: '海门' }).filter({ hasText: '2.71%' });
    await expect(row).toContainText('2.75%');
    await expect(row).not.toContainText('尚无实际值');
    await expect(page.locator('[data-chart="tech-contracts"] table')).toContainText('示例乙市');
    void problems;
  });

  test('hostile names are shown literally and run nothing', async ({ page, problems }) => {
    await page.goto('./');
    await chartsReady(page);
    await page.evaluate(() => ((window as unknown as { __pwned: number }).__pwned = 0));
    await page.getByTestId('csv-upload').setInputFiles(fixture('hostile-names.csv'));
    await expect(page.getByTestId('import-report')).toBeVisible();
    await chartsReady(page);
    const rd = page.locator('[data-chart="rd-intensity"] table');
    await expect(rd).toContainText('<img src=x onerror=alert(1)>');
    await expect(rd).toContainText('深圳{a|x}');
    await expect(page.getByTestId('city-picker')).toContainText('<img src=x onerror=alert(1)>');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    void problems;
  });

  test('a refused file leaves what was loaded unchanged and says why', async ({ page, problems }) => {
    await page.goto('./');
    await chartsReady(page);
    const before = await page.locator('[data-chart="rd-intensity"] table').textContent();
    await page.getByTestId('csv-upload').setInputFiles(fixture('workbook.csv'));
    await expect(page.getByTestId('import-failed')).toContainText(/Excel/);
    await chartsReady(page);
    expect(await page.locator('[data-chart="rd-intensity"] table').textContent()).toBe(before);
    void problems;
  });

  test('bad rows are refused by line and reason while good rows are kept', async ({ page, problems }) => {
    await page.goto('./');
    await chartsReady(page);
    await page.getByTestId('csv-upload').setInputFiles(fixture('mixed-rows.csv'));
    await expect(page.getByTestId('import-report')).toBeVisible();
    await expect(page.locator('[data-testid="import-error"][data-line="3"]')).toContainText('abc');
    await expect(page.locator('[data-testid="import-warning"][data-line="4"]')).toBeVisible();
    await chartsReady(page);
    await expect(page.locator('[data-chart="rd-intensity"] table')).toContainText('合肥');
    void problems;
  });
});

test('where storage is unavailable (private mode, sandboxed frame) uploads still work for the visit, and the page says so', async ({
  page,
  problems,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    });
  });
  await page.goto('./');
  await chartsReady(page);
  await expect(page.getByTestId('memory-only')).toBeVisible();
  await page
    .getByTestId('csv-upload')
    .setInputFiles(new URL('../fixtures/e2e/wide-gb18030.csv', import.meta.url).pathname);
  await expect(page.getByTestId('import-report')).toBeVisible();
  await chartsReady(page);
  await expect(page.locator('[data-chart="rd-intensity"] table')).toContainText('示例甲市');
  void problems;
});
