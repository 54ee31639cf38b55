// Presentation mode reads from the back of a room, and an embed keeps its chart: at 1920×1080 the title is at least
// 32 px and every word the chart draws at least 18 px (read from the drawn picture, not from the option); the export
// row stays out of the picture until asked for; at 1280×720 the slide still fits the screen. An embed's export row
// is one slim line that leaves the plot most of the frame.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CHARTS, chartsReady, chartTexts, expect, test, textsOutside } from './fixtures';

interface DrawnText {
  text: string;
  px: number;
}

/**
 * Every piece of text the chart draws, with its size on screen: zrender's text spans (a Text element draws one per
 * line and rich-text fragment) in the display list, their font's px size times their transform's scale.
 */
async function drawnTextSizes(page: Page, chartId: string): Promise<DrawnText[]> {
  return page.evaluate((id) => {
    type El = {
      type: string;
      invisible?: boolean;
      style?: { text?: unknown; font?: string; fontSize?: number | string; opacity?: number };
      transform?: number[] | null;
    };
    type Inst = { getZr(): { storage: { getDisplayList(update: boolean): El[] } } };
    const box = document.querySelector(`[data-chart="${id}"] .chart-box`) as
      (HTMLElement & { __echarts?: Inst }) | null;
    const inst = box?.__echarts;
    if (!inst) throw new Error(`no chart instance in [data-chart="${id}"] .chart-box`);
    const out: { text: string; px: number }[] = [];
    for (const d of inst.getZr().storage.getDisplayList(true)) {
      const text = d.style?.text;
      if (d.type !== 'tspan' && d.type !== 'text') continue;
      if (typeof text !== 'string' || text.trim() === '' || d.invisible || d.style?.opacity === 0) continue;
      const fromFont = /(\d+(?:\.\d+)?)px/.exec(d.style?.font ?? '')?.[1];
      const size = Number(fromFont ?? d.style?.fontSize ?? 12);
      // The vertical scale of the element's transform (a text drawn scaled up or down).
      const m = d.transform;
      const k = m ? Math.hypot(m[2] ?? 0, m[3] ?? 1) : 1;
      out.push({ text, px: size * k });
    }
    return out;
  }, chartId);
}

const titlePx = (page: Page, chartId: string) =>
  page.locator(`[data-chart="${chartId}"] h2`).evaluate((h) => parseFloat(getComputedStyle(h).fontSize));

const slideScale = (page: Page) =>
  page
    .getByTestId('presentation')
    .evaluate((s) => getComputedStyle(s.querySelector('.slide')!).getPropertyValue('--scale'));

const EXPORTS = ['export-png', 'export-svg', 'export-csv', 'export-xlsx', 'export-pptx'] as const;

for (const [lang, exportWord, fullScreen] of [
  ['zh', '导出', '全屏'],
  ['en', 'Export', 'Full screen'],
] as const) {
  test.describe(`presentation at 1920×1080 (${lang})`, () => {
    test.use({ viewport: { width: 1920, height: 1080 } });

    for (const id of ['rd-intensity', 'high-tech', 'tech-contracts'] as const) {
      test(`${id}: a title of 32 px or more, every chart text 18 px or more`, async ({ page, problems }) => {
        await page.goto(`./#/present/${id}?lang=${lang}`);
        await chartsReady(page, [id]);
        expect(await titlePx(page, id), 'the slide title’s font-size (px)').toBeGreaterThanOrEqual(32);
        const texts = await drawnTextSizes(page, id);
        expect(texts.length, 'the chart draws its words').toBeGreaterThan(5);
        // Grouped by size: { '12px': '"2018", "2019", …' }.
        const small: Record<string, string> = {};
        for (const t of texts.filter((t) => t.px < 18 - 0.01)) {
          const px = `${Math.round(t.px * 10) / 10}px`;
          small[px] = small[px] ? `${small[px]}, "${t.text}"` : `"${t.text}"`;
        }
        const scale = (await slideScale(page)).trim();
        expect(
          small,
          `${id} (${lang}): chart texts drawn under 18 px at 1920×1080 (Present passes scale ${scale}; the spec ` +
            `should draw every text at 12 × scale px, value labels 11 × scale)`,
        ).toEqual({});
        void problems;
      });
    }

    test('the export row is out of the picture until asked for, then works; Escape hides it', async ({
      page,
      problems,
    }) => {
      await page.goto(`./#/present/rd-intensity?lang=${lang}`);
      await chartsReady(page, ['rd-intensity']);
      for (const hook of EXPORTS) await expect(page.getByTestId(hook), `${hook} before asking`).toBeHidden();
      const toggle = page.getByRole('button', { name: exportWord, exact: true });
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      for (const hook of EXPORTS)
        await expect(page.getByTestId(hook), `${hook} once asked for`).toBeVisible();
      // Inside the slide, over its foot: the slide does not grow, the page does not scroll.
      const slide = await page.locator('[data-chart="rd-intensity"]').boundingBox();
      const row = await page.getByTestId('export-png').boundingBox();
      expect(row!.y + row!.height).toBeLessThanOrEqual(slide!.y + slide!.height);
      const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
      expect(dl.suggestedFilename()).toMatch(/\.png$/);
      const png = readFileSync((await dl.path()) as string);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // Escape hides it (and stays in presentation mode), focus back on the control; a second press hides it too.
      await page.keyboard.press('Escape');
      for (const hook of EXPORTS) await expect(page.getByTestId(hook), `${hook} after Escape`).toBeHidden();
      await expect(page.getByTestId('presentation')).toBeVisible();
      await expect(toggle).toBeFocused();
      await toggle.click();
      await expect(page.getByTestId('export-svg')).toBeVisible();
      await toggle.click();
      await expect(page.getByTestId('export-svg')).toBeHidden();
      void problems;
    });

    test('the full-screen control is an inline SVG icon with its name', async ({ page, problems }) => {
      await page.goto(`./#/present/rd-intensity?lang=${lang}`);
      await chartsReady(page, ['rd-intensity']);
      const button = page.getByRole('button', { name: fullScreen, exact: true });
      await expect(button).toBeVisible();
      await expect(button.locator('svg')).toBeVisible();
      expect((await button.innerText()).trim(), 'no glyph that a font may lack').toBe('');
      void problems;
    });
  });

  test(`presentation at 1280×720 (${lang}): rd-intensity fits the slide without a scrollbar`, async ({
    page,
    problems,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`./#/present/rd-intensity?lang=${lang}`);
    await chartsReady(page, ['rd-intensity']);
    const [scrollH, viewH, scrollW, viewW] = await page.evaluate(() => {
      const stage = document.querySelector('[data-testid="presentation"]')!;
      const doc = document.documentElement;
      return [
        Math.max(stage.scrollHeight, doc.scrollHeight),
        doc.clientHeight,
        Math.max(stage.scrollWidth, doc.scrollWidth),
        doc.clientWidth,
      ];
    });
    expect(scrollH, 'no vertical scrollbar').toBeLessThanOrEqual(viewH);
    expect(scrollW, 'no horizontal scrollbar').toBeLessThanOrEqual(viewW);
    const { box, texts } = await chartTexts(page, 'rd-intensity');
    expect(textsOutside(box, texts), 'no chart text off the chart').toEqual([]);
    const card = await page.locator('[data-chart="rd-intensity"]').boundingBox();
    expect(card!.y + card!.height, 'the slide ends on the screen').toBeLessThanOrEqual(720);
    void problems;
  });

  for (const id of CHARTS)
    test(`embed of ${id} at 960×540 (${lang}): the export buttons in one slim row, the plot most of the frame`, async ({
      page,
      problems,
    }) => {
      await page.setViewportSize({ width: 960, height: 540 });
      await page.goto(`./#/embed/${id}?lang=${lang}`);
      await chartsReady(page, [id]);
      const boxes = [];
      for (const hook of EXPORTS) {
        await expect(page.getByTestId(hook)).toBeVisible();
        boxes.push((await page.getByTestId(hook).boundingBox())!);
      }
      const top = Math.min(...boxes.map((b) => b.y));
      const bottom = Math.max(...boxes.map((b) => b.y + b.height));
      expect(bottom - top, 'the export buttons: one row, at most 32 px high').toBeLessThanOrEqual(32);
      const plot = (await page.locator(`[data-chart="${id}"] .plot`).boundingBox())!;
      expect(plot.height / 540, 'the plot’s share of the frame height').toBeGreaterThanOrEqual(0.7);
      const scrollH = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(scrollH, 'the embed fits its frame').toBeLessThanOrEqual(540);
      void problems;
    });

  test(`embed at 390 px wide (${lang}): every export button shown, named, inside the frame`, async ({
    page,
    problems,
  }) => {
    await page.setViewportSize({ width: 390, height: 700 });
    await page.goto(`./#/embed/rd-intensity?lang=${lang}`);
    await chartsReady(page, ['rd-intensity']);
    for (const hook of EXPORTS) {
      const b = page.getByTestId(hook);
      await expect(b).toBeVisible();
      await expect(b, `${hook} has a name`).toHaveAccessibleName(/\S/);
      const box = (await b.boundingBox())!;
      expect(box.x + box.width, `${hook} inside the frame`).toBeLessThanOrEqual(390);
    }
    const scrollW = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollW, 'no sideways scrolling').toBeLessThanOrEqual(390);
    void problems;
  });
}
