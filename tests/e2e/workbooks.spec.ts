// Workbooks in the built app, in Chromium: read in the import worker (the reader fetched there on demand), a sheet
// chosen, columns mapped, a single-city sheet's city corrected, a protected workbook refused with nothing lost.
import { test, expect, chartsReady } from './fixtures';
import type { Page } from '@playwright/test';
import { resolve } from 'node:path';

const workbook = (name: string) => resolve(import.meta.dirname, '../fixtures/upload/workbooks', name);

async function upload(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByTestId('csv-upload').setInputFiles(file);
}

/** The row of the chart's data table naming `city` in `period`, as text. */
async function tableRow(page: Page, chart: string, city: string, period: string) {
  return page
    .locator(`[data-chart="${chart}"] table tr`, { hasText: city })
    .filter({ hasText: period })
    .first()
    .textContent();
}

test.describe('workbooks', () => {
  test('a yearbook workbook imports in the worker, one column per indicator, and joins every chart', async ({
    page,
    problems,
  }) => {
    const workers: string[] = [];
    const scripts: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    page.on('request', (r) => {
      if (r.url().endsWith('.js')) scripts.push(r.url().split('/').pop()!);
    });
    await page.goto('./');
    await chartsReady(page);
    await upload(page, workbook('wps-style.xlsx'));
    await expect(page.getByTestId('import-report')).toContainText('工作表“Sheet2”');
    await expect(page.getByTestId('import-encoding')).toHaveText('Excel (.xlsx)');
    await expect(page.getByTestId('count-imported')).toHaveText('18');
    await chartsReady(page);
    expect(await tableRow(page, 'rd-intensity', '合肥', '2023')).toContain('3.91');
    expect(await tableRow(page, 'tech-contracts', '合肥', '2023')).toContain('386.2');
    // Read in the module worker: the workbook reader is a chunk of its own, fetched only now (never in the first
    // load), and the main thread's fallback importer was never loaded.
    expect(workers.some((u) => /import\.worker/.test(u))).toBe(true);
    expect(scripts.some((f) => f.startsWith('workbook-'))).toBe(true);
    expect(scripts.some((f) => /^import-[^.]*\.js$/.test(f))).toBe(false);
    void problems;
  });

  test('a workbook with two tables asks which sheet, imports the one chosen, and switches without a second copy', async ({
    page,
    problems,
  }) => {
    await page.goto('./');
    await chartsReady(page);
    await upload(page, workbook('two-tables.xlsx'));
    const choices = page.getByTestId('sheet-choice');
    await expect(choices).toHaveText(['2022年', '2023年']);
    await expect(page.getByTestId('uploaded-list')).toHaveCount(0);
    await choices.filter({ hasText: '2023年' }).click();
    await expect(page.getByTestId('count-imported')).toHaveText('6');
    await expect(page.getByTestId('import-report')).toContainText('工作表“2023年”');
    await expect(page.getByTestId('uploaded-list').locator('li')).toHaveCount(1);
    await chartsReady(page);
    expect(await tableRow(page, 'rd-intensity', '合肥', '2023')).toContain('3.91');
    // Switch, by keyboard: the 2022 sheet replaces the 2023 one.
    await choices.filter({ hasText: '2022年' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('import-report')).toContainText('工作表“2022年”');
    await expect(page.getByTestId('uploaded-list').locator('li')).toHaveCount(1);
    await expect(page.getByTestId('uploaded-list')).toContainText('two-tables.xlsx（2022年）');
    await chartsReady(page);
    expect(await tableRow(page, 'rd-intensity', '合肥', '2022')).toContain('3.64');
    expect(await page.locator('[data-chart="rd-intensity"] table').textContent()).not.toContain('3.91');
    // The same workbook again: its sheet is asked, then the file is recognised (offered as a replace).
    await upload(page, workbook('two-tables.xlsx'));
    await choices.filter({ hasText: '2023年' }).click();
    await expect(page.getByTestId('repeat-offer')).toBeVisible();
    await page.getByTestId('repeat-cancel').click();
    await expect(page.getByTestId('uploaded-list').locator('li')).toHaveCount(1);
    void problems;
  });

  test('a table whose columns cannot be told apart opens the mapping step; the mapping is remembered for that header', async ({
    page,
    problems,
  }) => {
    await page.goto('./');
    await chartsReady(page);
    const odd = [
      '地方,科目,时点,量',
      '示例甲市,研发经费投入强度,2022,3.10',
      '示例甲市,研发经费投入强度,2023,3.30',
    ];
    await upload(page, { name: 'odd.csv', mimeType: 'text/csv', buffer: Buffer.from(odd.join('\n')) });
    const mapping = page.getByTestId('column-mapping');
    await expect(mapping).toBeVisible();
    await expect(mapping.locator('table')).toContainText('示例甲市');
    const select = (role: string) => mapping.locator(`select[data-role="${role}"]`);
    for (const role of ['city', 'indicator', 'period', 'value', 'unit'])
      await expect(select(role)).toBeVisible();
    await expect(mapping.getByText('城市', { exact: true })).toBeVisible();
    // By keyboard: the indicator select, then import.
    await select('indicator').focus();
    await select('indicator').selectOption({ label: '第 2 列：科目' });
    await select('city').selectOption({ label: '第 1 列：地方' });
    await mapping.getByRole('button', { name: '按此导入' }).press('Enter');
    await expect(page.getByTestId('count-imported')).toHaveText('2');
    await chartsReady(page);
    expect(await tableRow(page, 'rd-intensity', '示例甲市', '2023')).toContain('3.3');
    // A second file with the same header: the step opens with the same choices, said to be remembered.
    const again = ['地方,科目,时点,量', '示例乙市,研发经费投入强度,2022,2.50'];
    await upload(page, { name: 'odd2.csv', mimeType: 'text/csv', buffer: Buffer.from(again.join('\n')) });
    await expect(mapping).toContainText('已按上次');
    await expect(select('indicator')).toHaveValue('1');
    await mapping.getByRole('button', { name: '按此导入' }).click();
    await expect(page.getByTestId('count-imported')).toHaveText('1');
    void problems;
  });

  test('a single-city sheet takes its city from the title; the user corrects it and the charts follow', async ({
    page,
    problems,
  }) => {
    await page.goto('./');
    await chartsReady(page);
    await upload(page, workbook('single-city.xlsx'));
    await expect(page.getByTestId('count-imported')).toHaveText('6');
    await expect(page.getByTestId('import-warning').first()).toContainText('芜湖');
    await page.getByTestId('review-columns').click();
    const mapping = page.getByTestId('column-mapping');
    await mapping.locator('select[data-role="place"]').selectOption({ label: '福州市' });
    await mapping.getByRole('button', { name: '按此导入' }).click();
    await expect(page.getByTestId('count-imported')).toHaveText('6');
    await expect(page.getByTestId('uploaded-list').locator('li')).toHaveCount(1);
    await chartsReady(page);
    expect(await tableRow(page, 'rd-intensity', '福州', '2021')).toContain('3.48');
    void problems;
  });

  test('a password-protected workbook is refused as protected, and what was loaded stays', async ({
    page,
    problems,
  }) => {
    await page.goto('./');
    await chartsReady(page);
    await upload(page, workbook('yearbook.xlsx'));
    await expect(page.getByTestId('count-imported')).toHaveText('18');
    await upload(page, workbook('protected.xlsx'));
    await expect(page.getByTestId('import-failed')).toContainText('protected.xlsx');
    await expect(page.getByTestId('import-failed')).toContainText('密码');
    await upload(page, workbook('zip-bomb.xlsx'));
    await expect(page.getByTestId('import-failed')).toContainText('解压后');
    await expect(page.getByTestId('uploaded-list').locator('li')).toHaveCount(1);
    await chartsReady(page);
    expect(await tableRow(page, 'rd-intensity', '合肥', '2023')).toContain('3.91');
    void problems;
  });

  test('a workbook figure that disagrees with the report is listed as a conflict', async ({
    page,
    problems,
  }) => {
    await page.goto('./');
    await chartsReady(page);
    await upload(page, workbook('wuhu-conflict.xlsx'));
    const conflict = page.getByTestId('import-conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText('3.8');
    await expect(conflict).toContainText('3.76');
    void problems;
  });
});
