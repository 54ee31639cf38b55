// The explorer's indicator picker: a button that opens a search box over the indicators grouped by topic, each with
// the number of places that have it; the WAI-ARIA combobox keys; mouse and touch; on a phone and a desktop, in
// Chinese and English.
import { test, expect, chartsReady } from './fixtures';
import type { Page } from '@playwright/test';

const WORDS = {
  zh: { query: '专利', match: /专利/, count: /^\d+ 地$/, first: '研发与科技投入', none: '没有匹配的指标' },
  en: {
    query: 'patent',
    match: /patent/i,
    count: /^\d+ places?$/,
    first: 'R&D and S&T spending',
    none: 'No indicator matches',
  },
} as const;

const explorerReady = (page: Page) => page.locator('[data-chart="explorer"][data-ready="true"]');

async function openPicker(page: Page, lang: 'zh' | 'en') {
  await page.goto(`./#/?lang=${lang}`);
  await chartsReady(page, ['explorer']);
  const button = page.getByTestId('explorer-indicator');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const search = page.getByTestId('explorer-search');
  await expect(search).toBeFocused();
  return { button, search, options: page.getByTestId('explorer-option') };
}

for (const [width, height] of [
  [1280, 800],
  [390, 844],
] as const) {
  for (const lang of ['zh', 'en'] as const) {
    const w = WORDS[lang];
    test.describe(`explorer picker, ${width} px, ${lang}`, () => {
      test.use({ viewport: { width, height }, hasTouch: width < 600 });

      test('lists the indicators under topic headings, each with its number of places', async ({
        page,
        problems,
      }) => {
        const { button, options } = await openPicker(page, lang);
        // The button names the indicator shown, as the chart's title does.
        const name = (await button.textContent())?.trim() ?? '';
        expect(name).not.toBe('');
        await expect(page.locator('[data-chart="explorer"] h2')).toContainText(name);

        const headings = page.locator('[data-chart="explorer"] [role="listbox"] [data-topic]');
        await expect(headings.first()).toHaveText(w.first);
        expect(await headings.count()).toBeGreaterThanOrEqual(10);
        await expect(headings.filter({ hasText: lang === 'zh' ? '其他' : 'Other' })).toHaveCount(0);
        expect(await options.count()).toBeGreaterThan(200);
        // Each option: its name and "N 地" / "N places", the N the number the list counted.
        const counts = await options.evaluateAll((els) =>
          els.map((el) => ({
            count: el.querySelector('.count')?.textContent?.trim() ?? '',
            places: Number(el.getAttribute('data-places')),
          })),
        );
        for (const c of counts) {
          expect(c.count).toMatch(w.count);
          expect(parseInt(c.count, 10)).toBe(c.places);
        }
        // Most have a figure somewhere; an indicator only ever masked in the reports (x.xx) has none: 0.
        expect(counts.filter((c) => c.places > 0).length).toBeGreaterThan(counts.length / 2);
        // The indicator shown is the active option, in view; the list fits the screen's width.
        const active = options.and(page.locator('[aria-selected="true"]'));
        await expect(active).toHaveCount(1);
        await expect(active.locator('.name')).toHaveText(name);
        await expect(active).toBeInViewport();
        const box = await page.getByTestId('explorer-search').locator('..').boundingBox();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(width);
        void problems;
      });

      test(`typing “${w.query}” narrows the list; ↓ and Enter choose and redraw the chart`, async ({
        page,
        problems,
      }) => {
        const { button, search, options } = await openPicker(page, lang);
        const all = await options.count();
        await search.pressSequentially(w.query);
        await expect.poll(() => options.count()).toBeLessThan(all);
        const names = await options.locator('.name').allTextContents();
        expect(names.length).toBeGreaterThan(1);
        for (const n of names) expect(n).toMatch(w.match);
        // Topics with matches only: patents (outputs) and their ranks.
        const headings = page.locator('[data-chart="explorer"] [role="listbox"] [data-topic]');
        await expect(headings).toHaveCount(2);

        // The first match is active; ↓ moves to the next, and the search box says so.
        await expect(options.first()).toHaveAttribute('aria-selected', 'true');
        await search.press('ArrowDown');
        const second = options.nth(1);
        await expect(second).toHaveAttribute('aria-selected', 'true');
        await expect(search).toHaveAttribute('aria-activedescendant', (await second.getAttribute('id'))!);
        const id = (await second.getAttribute('data-indicator'))!;
        const chosen = (await second.locator('.name').textContent())!.trim();
        await search.press('Enter');

        await expect(search).toBeHidden();
        await expect(button).toBeFocused();
        await expect(button).toHaveText(chosen);
        await expect(page).toHaveURL(new RegExp(`indicator=${id}`));
        await expect(page.locator('[data-chart="explorer"] h2')).toContainText(chosen);
        await expect(explorerReady(page)).toBeVisible();
        void problems;
      });

      test('Escape closes the list and gives the focus back; nothing is chosen', async ({
        page,
        problems,
      }) => {
        const { button, search } = await openPicker(page, lang);
        const before = page.url();
        await search.pressSequentially('zzzz');
        await expect(page.getByTestId('explorer-option')).toHaveCount(0);
        await expect(page.locator('[data-chart="explorer"] [role="status"]')).toHaveText(w.none);
        await search.press('Escape');
        await expect(search).toBeHidden();
        await expect(button).toBeFocused();
        await expect(button).toHaveAttribute('aria-expanded', 'false');
        expect(page.url()).toBe(before);
        // Opened again, the search starts afresh.
        await button.press('Enter');
        await expect(search).toHaveValue('');
        // A press outside the picker closes it too.
        await page.locator('h1').click();
        await expect(search).toBeHidden();
        void problems;
      });

      test(`choosing an option by ${width < 600 ? 'touch' : 'mouse'} redraws the chart`, async ({
        page,
        problems,
      }) => {
        const { search, options } = await openPicker(page, lang);
        await search.fill(w.query);
        await expect.poll(() => options.count()).toBeLessThan(20);
        const last = options.last();
        const id = (await last.getAttribute('data-indicator'))!;
        if (width < 600) await last.tap();
        else await last.click();
        await expect(search).toBeHidden();
        await expect(page).toHaveURL(new RegExp(`indicator=${id}`));
        await expect(explorerReady(page)).toBeVisible();
        void problems;
      });
    });
  }
}
