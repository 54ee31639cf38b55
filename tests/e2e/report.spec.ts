// Bring your own report: a city's work report pasted or uploaded (.txt, .docx made by LibreOffice Writer) is read
// into figures, reviewed beside its highlighted text, confirmed, and then charted like any source: each figure's
// sentence one click away, kept across a reload, gone when the report is removed.
import { test, expect, chartsReady, markPixel } from './fixtures';
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPORT_FILE = resolve(import.meta.dirname, '../fixtures/e2e/report/qingshan-2024.txt');
const REPORT = readFileSync(REPORT_FILE, 'utf8');
const CITY = '青山市';
const RD_SENTENCE = '全市全社会研发投入强度达2.45%';
/** The report's 2.45% measures 2023 (a year-end summary's R&D figure is last year's). */
const RD_ROW = '[data-chart="rd-intensity"] table tr[data-row$="-rd_intensity-2023-actual"]';

async function openPaste(page: Page, lang: 'zh' | 'en' = 'zh') {
  await page
    .getByRole('button', { name: lang === 'zh' ? '粘贴表格或报告文字' : "Paste a table or a report's text" })
    .click();
  return page.getByTestId('paste-area');
}

/** The review's row whose sentence contains `text`. */
const reviewRow = (page: Page, text: string) =>
  page.getByTestId('extract-review').getByTestId('extract-row').filter({ hasText: text });

/** The tooltip of the rd-intensity mark `ref` (the chart brought into view, hovered as a person would), and where. */
async function rdTooltip(page: Page, ref: string) {
  const box = page.locator('[data-chart="rd-intensity"] .chart-box');
  await expect(box).toHaveAttribute('data-tips', 'on');
  await box.scrollIntoViewIfNeeded();
  const point = await markPixel(page, 'rd-intensity', ref);
  const tip = page.locator('[data-testid="chart-tooltip"]').first();
  await expect
    .poll(async () => {
      await page.mouse.move(point.x - 1, point.y);
      await page.mouse.move(point.x, point.y);
      return (await tip.count()) ? ((await tip.textContent()) ?? '') : '';
    })
    .toContain(RD_SENTENCE);
  return { tip, point };
}

async function pasteAndReview(page: Page) {
  await page.goto('./');
  await chartsReady(page);
  await (await openPaste(page)).fill(REPORT);
  await page.getByTestId('paste-report').click();
  await expect(page.getByTestId('extract-review')).toBeVisible();
}

test.describe('a work report read into figures', () => {
  test('pasted: reviewed beside its text, confirmed, charted with its sentences, kept across a reload, removed with its figures', async ({
    page,
    problems,
  }) => {
    await pasteAndReview(page);
    // The city comes from the title; the headline figures come first, the R&D intensity in the year it measures.
    await expect(page.getByTestId('extract-city')).toHaveValue(CITY);
    const rows = page.getByTestId('extract-review').getByTestId('extract-row');
    expect(await rows.count()).toBeGreaterThanOrEqual(8);
    const rd = reviewRow(page, RD_SENTENCE).first();
    await expect(rd.getByTestId('extract-indicator')).toHaveValue('研发经费投入强度');
    await expect(rd.getByTestId('extract-period')).toHaveValue('2023');
    await expect(rd.getByTestId('extract-kind')).toHaveValue('actual');
    const lowerBound = reviewRow(page, '高新技术企业突破650家').first();
    await expect(lowerBound.getByTestId('extract-comparator')).toHaveValue('>=');
    const target = reviewRow(page, '力争全社会研发投入强度达到2.6%').first();
    await expect(target.getByTestId('extract-kind')).toHaveValue('target');
    await expect(target.getByTestId('extract-period')).toHaveValue('2025');
    // The masked figure is masked, never a number.
    const masked = reviewRow(page, '重点实验室xx个').filter({
      has: page.locator('.figure', { hasText: 'xx' }),
    });
    await expect(masked).toContainText('已遮蔽');
    // Picking a row outlines its sentence in the report's text beside the table.
    await rd.getByTestId('extract-keep').focus();
    await expect(page.locator('.review mark.active')).toContainText(RD_SENTENCE);
    // The hostile sentence stays text: no element was made from it.
    await expect(page.locator('.review img')).toHaveCount(0);

    // A row dropped from the keyboard is not added.
    const contracts = reviewRow(page, '技术合同成交额达到55亿元').first();
    await contracts.getByTestId('extract-keep').focus();
    await page.keyboard.press('Space');
    await expect(contracts.getByTestId('extract-keep')).not.toBeChecked();
    await page.getByTestId('extract-confirm').click();
    await expect(page.getByTestId('extract-review')).toHaveCount(0);
    await expect(page.getByTestId('report-note')).toContainText(CITY);

    // In the charts at once, in the year it measures; its tooltip quotes the sentence and names the report.
    await chartsReady(page);
    const rdRow = page.locator(RD_ROW, { hasText: CITY });
    await expect(rdRow).toHaveCount(1);
    await expect(rdRow).toContainText('2.45%');
    await expect(page.locator('[data-chart="high-tech"] table tr', { hasText: CITY }).first()).toContainText(
      '650',
    );
    await expect(
      page.locator('[data-chart="plan-targets"] table tr', { hasText: CITY }).first(),
    ).toBeVisible();
    await expect(page.locator('[data-chart="plan-targets"] table')).not.toContainText('55亿');
    await expect(page.locator('[data-chart="rd-intensity"]')).toContainText('上传的报告');

    // Kept across a reload; a click on its mark opens the report's text with the sentence highlighted.
    await page.reload();
    await chartsReady(page);
    await expect(page.getByTestId('uploaded-list')).toContainText('青山市科学技术局2024年工作总结');
    const ref = (await page.locator(RD_ROW, { hasText: CITY }).getAttribute('data-row')) ?? '';
    const { tip, point } = await rdTooltip(page, ref);
    await expect(tip).toContainText('上传的报告: 《青山市科学技术局2024年工作总结和2025年工作计划》');
    await expect(tip.locator('a.tt-link')).toHaveAttribute('href', /#\/sources\/report-[^?]+\?.*mark=/);
    await page.mouse.click(point.x, point.y);
    await expect(page.getByTestId('report-text')).toContainText('（五）科技服务走深走实');
    await expect(page.locator('mark.active')).toContainText(RD_SENTENCE);
    await expect(page.locator('h2')).toContainText('青山市科学技术局2024年工作总结和2025年工作计划');
    await expect(page.locator('article img')).toHaveCount(0);
    await page.getByRole('link', { name: /返回看板/ }).click();

    // The same report again is recognised, not added twice.
    await chartsReady(page);
    await (await openPaste(page)).fill(REPORT);
    await page.getByTestId('paste-report').click();
    await expect(page.getByTestId('report-note')).toContainText('已经加载过');
    await expect(page.getByTestId('extract-review')).toHaveCount(0);
    await expect(page.getByTestId('uploaded-list').locator('li')).toHaveCount(1);

    // Removing the report removes its figures.
    await page.getByTestId('remove-upload').click();
    await chartsReady(page);
    await expect(page.locator('[data-chart="rd-intensity"] table')).not.toContainText(CITY);
    expect(problems).toEqual([]);
  });

  test('a .docx written by LibreOffice Writer is read into the same review, in English too', async ({
    page,
    problems,
  }) => {
    const dir = mkdtempSync(join(tmpdir(), 'report-docx-'));
    writeFileSync(join(dir, 'qingshan.txt'), REPORT);
    execFileSync(
      'soffice',
      [
        '--headless',
        '--convert-to',
        'docx:MS Word 2007 XML',
        '--infilter=Text (encoded):UTF8,,,',
        '--outdir',
        dir,
        join(dir, 'qingshan.txt'),
      ],
      { timeout: 120_000, stdio: 'ignore' },
    );
    await page.goto('./#/?lang=en');
    await chartsReady(page);
    await page.getByTestId('csv-upload').setInputFiles(join(dir, 'qingshan.docx'));
    await expect(page.getByTestId('extract-review')).toBeVisible();
    await expect(page.getByTestId('extract-review')).toContainText('Headline indicators');
    await expect(reviewRow(page, RD_SENTENCE).first().getByTestId('extract-period')).toHaveValue('2023');
    await page.getByTestId('extract-confirm').click();
    await chartsReady(page);
    await expect(page.locator(RD_ROW, { hasText: CITY })).toHaveCount(1);
    await expect(page.locator('[data-chart="rd-intensity"]')).toContainText('uploaded report');
    expect(problems).toEqual([]);
  });

  test("a share link carries the report's figures with their sentences, named by the report, to a browser without it", async ({
    page,
    browser,
    problems,
  }) => {
    await pasteAndReview(page);
    await page.getByTestId('extract-confirm').click();
    await chartsReady(page);
    await page.locator('[data-chart="rd-intensity"] [data-testid="share"]').click();
    await page.getByTestId('carry-data').check();
    const link = await page.getByTestId('permalink').inputValue();
    expect(link).toContain('data=');
    const other = await browser.newContext();
    const fresh = await other.newPage();
    await fresh.goto(link);
    await chartsReady(fresh);
    const row = fresh.locator(RD_ROW, { hasText: CITY });
    await expect(row).toContainText('2.45%');
    await expect(fresh.locator('[data-chart="rd-intensity"]')).toContainText(
      '青山市科学技术局2024年工作总结',
    );
    // The report's text stays where it was uploaded: no link to a page this browser does not have.
    const ref = (await row.getAttribute('data-row')) ?? '';
    const { tip } = await rdTooltip(fresh, ref);
    await expect(tip.locator('a.tt-link')).toHaveCount(0);
    await other.close();
    expect(problems).toEqual([]);
  });

  test('what is not a report is refused with a reason, and nothing already loaded changes', async ({
    page,
    problems,
  }) => {
    await pasteAndReview(page);
    await page.getByTestId('extract-confirm').click();
    await chartsReady(page);
    const novel =
      '夜色渐深，她推开窗，远处的山影像一幅淡墨画。风从河面吹来，带着潮湿的青草气味。他没有说话，只是把那封信又读了一遍，' +
      '然后折好，放进口袋。街角的灯一盏一盏亮起来，像很多年前那个夏天一样。\n'.repeat(40);
    await page
      .getByTestId('csv-upload')
      .setInputFiles({ name: 'novel.txt', mimeType: 'text/plain', buffer: Buffer.from(novel) });
    await expect(page.getByTestId('import-failed')).toContainText('novel.txt');
    await expect(page.getByTestId('extract-review')).toHaveCount(0);
    const empty = readFileSync(resolve(import.meta.dirname, '../fixtures/e2e/report/empty.docx'));
    await page.getByTestId('csv-upload').setInputFiles({
      name: 'empty.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: empty,
    });
    await expect(page.getByTestId('import-failed')).toContainText('empty.docx');
    await expect(page.getByTestId('uploaded-list').locator('li')).toHaveCount(1);
    await expect(page.locator(RD_ROW, { hasText: CITY })).toHaveCount(1);

    // A report in short clauses between commas looks like columns to the table reader: the user can say otherwise.
    const clauses =
      '白水县科技局2024年工作总结\n全县高新技术企业达85家,同比增长10%,新增12家\n' +
      '技术合同成交额4.5亿元,同比增长12%,居全市第3位\n';
    await page.getByTestId('csv-upload').setInputFiles({
      name: 'clauses.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(clauses),
    });
    await page.getByTestId('read-as-report').click();
    await expect(page.getByTestId('extract-review')).toBeVisible();
    await expect(page.getByTestId('extract-city')).toHaveValue('白水县');
    expect(problems).toEqual([]);
  });
});
