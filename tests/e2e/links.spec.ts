// Links keep the view: a source link opened from a chart (its tooltip's, a click on a mark) and the way back
// keep the language and the chosen cities. And dist/index.html opened from file:// says what to open instead.
import { test, expect, chartsReady, markPixel } from './fixtures';
import type { Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const MARK = 'wuhu-rd_intensity-2022-actual';
const SOURCE = '001_bf8fc6d553621b5e';

/** The rd-intensity mark's position, its tooltip loaded and the chart on screen (a phone scrolls to it). */
async function markOnScreen(page: Page): Promise<{ x: number; y: number }> {
  const box = page.locator('[data-chart="rd-intensity"] .chart-box');
  // The tooltip loads after the first picture, once the page is idle: the chart says when it has it.
  await expect(box).toHaveAttribute('data-tips', 'on');
  await box.scrollIntoViewIfNeeded();
  return markPixel(page, 'rd-intensity', MARK);
}

/** Hover as a person would (if the chart redrew under the pointer, onto the mark again): the tooltip's link. */
async function hoverLink(page: Page, point: { x: number; y: number }): Promise<string> {
  await page.mouse.move(point.x - 1, point.y);
  await page.mouse.move(point.x, point.y);
  const a = page.locator('[data-testid="chart-tooltip"] a.tt-link').first();
  return (await a.count()) ? ((await a.getAttribute('href')) ?? '') : '';
}

/** The rd-intensity chart's tooltip shown only after a long wait: a click goes to the mark beneath it. */
async function holdTooltipBack(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Inst = { setOption(o: unknown): void };
    const el = document.querySelector('[data-chart="rd-intensity"] .chart-box') as
      (HTMLElement & { __echarts?: Inst }) | null;
    el?.__echarts?.setOption({ tooltip: { showDelay: 600_000 } });
  });
}

test('links from an English chart keep English: the tooltip’s, the click’s and the way back', async ({
  page,
  problems,
}) => {
  await page.goto('./#/embed/rd-intensity?lang=en&cities=wuhu');
  await chartsReady(page, ['rd-intensity']);
  const point = await markOnScreen(page);
  await expect
    .poll(() => hoverLink(page, point))
    .toBe(`#/sources/${SOURCE}?lang=en&cities=wuhu&mark=${MARK}`);
  await page.mouse.click(point.x, point.y);
  await expect(page).toHaveURL(new RegExp(`#/sources/${SOURCE}\\?lang=en&cities=wuhu&mark=${MARK}$`));
  await expect(page.locator('mark.active').first()).toContainText('3.76');
  const back = page.getByRole('link', { name: /Back to dashboard/ });
  await expect(back).toHaveAttribute('href', '#/?lang=en&cities=wuhu');
  void problems;
});

for (const width of [1280, 390])
  test.describe(`at ${width} px wide`, () => {
    test.use({ viewport: { width, height: 800 } });

    for (const lang of ['zh', 'en'] as const) {
      const langParam = lang === 'en' ? 'lang=en&' : '';
      const dashboard = `#/?${langParam}cities=wuhu,fuzhou`;
      const toSource = `#/sources/${SOURCE}?${langParam}cities=wuhu,fuzhou&mark=${MARK}`;
      const backName = lang === 'en' ? /Back to dashboard/ : /返回看板/;
      const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

      /** On the source view: the sentence highlighted; its back link returns to the same dashboard. */
      async function onSourceThenBack(page: Page) {
        await expect(page).toHaveURL(new RegExp(`${escaped(toSource)}$`));
        await expect(page.locator('mark.active').first()).toContainText('3.76');
        const back = page.getByRole('link', { name: backName });
        await expect(back).toHaveAttribute('href', dashboard);
        await back.click();
        await expect(page).toHaveURL(new RegExp(`${escaped(dashboard)}$`));
        await chartsReady(page);
        const picker = page.getByTestId('city-picker');
        await expect(picker.locator('label[data-city="wuhu"] input')).toBeChecked();
        await expect(picker.locator('label[data-city="fuzhou"] input')).toBeChecked();
        await expect(picker.locator('label[data-city="haimen"] input')).not.toBeChecked();
        await expect(page.locator('html')).toHaveAttribute('lang', lang === 'en' ? 'en' : 'zh-CN');
      }

      test(`${lang}: the tooltip’s source link keeps the language and the chosen cities, and so does the way back`, async ({
        page,
        problems,
      }) => {
        await page.goto(`./${dashboard}`);
        await chartsReady(page);
        // The app has replaced the loading placeholder, file:// sentence and all.
        await expect(page.locator('.boot-file')).toHaveCount(0);
        const point = await markOnScreen(page);
        await expect.poll(() => hoverLink(page, point)).toBe(toSource);
        const link = page.locator('[data-testid="chart-tooltip"] a.tt-link').first();
        await expect(link).toContainText(lang === 'en' ? 'Open source' : '查看原文');
        await link.click();
        await onSourceThenBack(page);
        void problems;
      });

      test(`${lang}: a click on a mark keeps the language and the chosen cities, and so does the way back`, async ({
        page,
        problems,
      }) => {
        await page.goto(`./${dashboard}`);
        await chartsReady(page);
        const point = await markOnScreen(page);
        // On a phone-wide page the tooltip is as wide as the chart and covers the mark the moment the
        // pointer reaches it (there, its link is the way to the source): held back, the click reaches the mark.
        if (width < 600) await holdTooltipBack(page);
        await page.mouse.click(point.x, point.y);
        await onSourceThenBack(page);
        void problems;
      });
    }
  });

test('the dashboard’s list of reports links each in the reader’s language', async ({ page, problems }) => {
  await page.goto('./#/?lang=en');
  await chartsReady(page);
  const first = page.locator('.sources a').first();
  await expect(first).toHaveAttribute('href', /^#\/sources\/[a-z0-9_-]+\?lang=en$/);
  await page.goto('./');
  await chartsReady(page);
  await expect(page.locator('.sources a').first()).toHaveAttribute('href', /^#\/sources\/[a-z0-9_-]+$/);
  // With cities chosen, a report opened from the list keeps them for the way back.
  await page.goto('./#/?lang=en&cities=fuzhou');
  await chartsReady(page);
  await expect(page.locator('.sources a').first()).toHaveAttribute(
    'href',
    /^#\/sources\/[a-z0-9_-]+\?lang=en&cities=fuzhou$/,
  );
  void problems;
});

test.describe('opened from file://', () => {
  const dist = resolve(import.meta.dirname, '../../dist/index.html');
  const single = resolve(import.meta.dirname, '../../dist-single/index.html');
  const sentence = (page: Page) => page.locator('#app .boot-file');

  // No `problems` here: from file:// the browser refuses dist's module script, and says so in the console.
  test('dist/index.html, whose script does not run from a file, says to open dist-single/index.html, after a moment', async ({
    page,
  }) => {
    expect(existsSync(dist), 'npm run build ran before the browser tests').toBe(true);
    await page.goto(pathToFileURL(dist).href, { waitUntil: 'domcontentloaded' });
    // Not at once: a normal load replaces the placeholder long before.
    const early = await sentence(page).evaluate((el) => ({
      at: document.timeline.currentTime as number,
      visibility: getComputedStyle(el).visibility,
      delay: getComputedStyle(el).animationDelay,
    }));
    expect(early.delay).toBe('2s');
    if (early.at < 1500) expect(early.visibility).toBe('hidden');
    await expect(sentence(page)).toBeVisible({ timeout: 10_000 });
    await expect(sentence(page)).toContainText('dist-single/index.html');
    await expect(sentence(page)).toContainText('本地文件');
    await expect(sentence(page).locator('[lang="en"]')).toContainText('open the single-file build');
    // The loading line is still there: the app never ran.
    await expect(page.locator('#app .boot')).toBeVisible();
  });

  test('dist-single/index.html never says to open itself: not even while its script has not run', async ({
    browser,
  }) => {
    expect(existsSync(single), 'npm run build:single ran before the browser tests').toBe(true);
    // Scripts off: the placeholder stays, as it would while a slow machine reads the page's script.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pathToFileURL(single).href);
    await expect(page.locator('#app .boot')).toBeVisible();
    await page.waitForTimeout(2500);
    await expect(sentence(page)).toBeHidden();
    await context.close();
  });

  test('dist-single/index.html from file:// replaces the placeholder with the app', async ({
    page,
    problems,
  }) => {
    await page.goto(pathToFileURL(single).href);
    await chartsReady(page, ['rd-intensity']);
    await expect(sentence(page)).toHaveCount(0);
    void problems;
  });
});

test('a change of view that leaves a chart as it was still reaches its tooltip’s link', async ({
  page,
  problems,
}) => {
  await page.goto('./#/?lang=en&cities=wuhu,fuzhou');
  await chartsReady(page);
  const point = await markOnScreen(page);
  // 芜湖县 has no R&D figure: the R&D chart is not redrawn, its tooltip's link must still name it.
  await page.evaluate(() => (location.hash = '#/?lang=en&cities=wuhu,fuzhou,wuhu_county'));
  await expect(page).toHaveURL(/wuhu_county/);
  await chartsReady(page);
  await expect
    .poll(() => hoverLink(page, point))
    .toBe(`#/sources/${SOURCE}?lang=en&cities=wuhu,fuzhou,wuhu_county&mark=${MARK}`);
  void problems;
});
