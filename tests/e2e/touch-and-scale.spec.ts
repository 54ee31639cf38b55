// On a touch screen the first tap on a mark shows its tooltip (with its link to the source), and only the link
// navigates; footnotes say "tap" there and "hover" elsewhere. A chart whose values span orders of magnitude
// offers a log scale, off by default, carried in the link; bars and narrow spans never offer it.
import { test, expect, chartsReady, markPixel } from './fixtures';
import type { Page } from '@playwright/test';
import { resolve } from 'node:path';

const MARK = 'wuhu-rd_intensity-2022-actual';
const FIXTURE = resolve(import.meta.dirname, '../fixtures/e2e/twelve-cities.csv');
const PATENTS = '专利授权量';
const WORDS = {
  zh: { open: '查看原文', tap: '轻触', hover: '悬停', log: '对数刻度' },
  en: { open: 'Open source', tap: 'tap', hover: 'hover', log: 'Log scale' },
} as const;

async function uploadTwelve(page: Page) {
  await page.getByTestId('csv-upload').setInputFiles(FIXTURE);
  await expect(page.getByTestId('import-report')).toBeVisible();
  await chartsReady(page);
}

for (const lang of ['zh', 'en'] as const) {
  test.describe(`touch (${lang}, 390 px)`, () => {
    test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

    test('the first tap shows the tooltip and its link; only the link goes to the source', async ({
      page,
      problems,
    }) => {
      await page.goto(`./#/?lang=${lang}`);
      await chartsReady(page);
      const box = page.locator('[data-chart="rd-intensity"] .chart-box');
      await expect(box).toHaveAttribute('data-tips', 'on');
      await box.scrollIntoViewIfNeeded();
      const url = page.url();
      const point = await markPixel(page, 'rd-intensity', MARK);
      await page.touchscreen.tap(point.x, point.y);
      const tip = page.locator('[data-testid="chart-tooltip"]').first();
      await expect(tip).toBeVisible();
      await expect(tip).toContainText('3.76');
      await page.waitForTimeout(300); // a navigation would have happened by now
      expect(page.url(), 'the tap stays on the dashboard').toBe(url);
      await tip.getByRole('link', { name: new RegExp(WORDS[lang].open) }).tap();
      await expect(page).toHaveURL(/#\/sources\/.*mark=wuhu-rd_intensity-2022-actual/);
      void problems;
    });

    test('footnotes say tap, not hover', async ({ page, problems }) => {
      await page.goto(`./#/?lang=${lang}`);
      await chartsReady(page);
      await uploadTwelve(page);
      // Twelve cities' bars on a phone are too dense to label: the footnote says how to read them.
      const notes = page.locator('[data-chart="tech-contracts"] footer .foot');
      await expect(notes.filter({ hasText: WORDS[lang].tap })).not.toHaveCount(0);
      await expect(notes.filter({ hasText: WORDS[lang].hover })).toHaveCount(0);
      void problems;
    });
  });

  test(`a footnote says when labels are hidden, and only then (${lang}, 1280 px)`, async ({
    page,
    problems,
  }) => {
    await page.goto(`./#/?lang=${lang}`);
    await chartsReady(page);
    for (const id of ['rd-intensity', 'high-tech'])
      await expect(page.locator(`[data-chart="${id}"] .chart-box`)).toHaveAttribute('data-tips', 'on');
    // The curated cities' labels all fit.
    await expect(page.getByTestId('labels-hidden')).toHaveCount(0);
    await uploadTwelve(page);
    // Seventeen cities' new high-tech enterprises of 2023 side by side: some bar labels give way.
    const note = page.locator('[data-chart="high-tech"]').getByTestId('labels-hidden');
    await expect(note).toBeVisible();
    await expect(note).toContainText(WORDS[lang].hover);
    void problems;
  });

  test.describe(`log scale (${lang}, 1280 px)`, () => {
    test('offered where values span orders of magnitude, off by default, kept in the link; never on bars', async ({
      page,
      problems,
    }) => {
      await page.goto(`./#/?lang=${lang}`);
      await chartsReady(page);
      await expect(page.locator('[data-chart="tech-contracts"] [data-testid="scale-toggle"]')).toHaveCount(0);
      await expect(page.locator('[data-chart="rd-intensity"] [data-testid="scale-toggle"]')).toHaveCount(0);
      await uploadTwelve(page);
      await page.getByTestId('explorer-indicator').click();
      await page.getByTestId('explorer-search').fill(PATENTS);
      await page.getByTestId('explorer-option').filter({ hasText: PATENTS }).first().click();
      const card = page.locator('[data-chart="explorer"]');
      await expect(card.locator('h2')).toContainText(PATENTS);
      const toggle = card.getByTestId('scale-toggle');
      await expect(toggle).not.toBeChecked();
      await expect(card.getByText(WORDS[lang].log)).toBeVisible();
      const axisType = () =>
        page.evaluate(() => {
          type Inst = { getOption(): { yAxis: { type: string }[] } };
          const el = document.querySelector('[data-chart="explorer"] .chart-box') as HTMLElement & {
            __echarts?: Inst;
          };
          return el.__echarts?.getOption().yAxis[0]?.type;
        });
      expect(await axisType()).toBe('value');
      await toggle.check();
      await expect(page).toHaveURL(/scale=log/);
      await expect(card.getByTestId('scale-note')).toBeVisible();
      await expect.poll(axisType).toBe('log');
      await page.reload();
      await chartsReady(page, ['explorer']);
      await expect(page.locator('[data-chart="explorer"]').getByTestId('scale-toggle')).toBeChecked();
      await expect.poll(axisType).toBe('log');
      // The headline bars and R&D intensity (1–4 %) still offer none.
      await expect(page.locator('[data-chart="tech-contracts"] [data-testid="scale-toggle"]')).toHaveCount(0);
      await expect(page.locator('[data-chart="rd-intensity"] [data-testid="scale-toggle"]')).toHaveCount(0);
      void problems;
    });
  });
}
