// The slides the dashboard downloads, as LibreOffice Impress lays them out (tests/pptx-layout.ts): plan targets
// as native table slides with every target of the chart's table on some slide, and a picture slide whose long
// English source line wraps rather than runs off. No text line overlaps another or leaves its slide.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { checkPptxLayout, compact, layoutProblems, pageText, type PptxLayout } from '../pptx-layout';

const ALL_CITIES = './#/?cities=wuhu,wuhu_county,fuzhou,haimen,x_city';

async function slidesOf(page: Page, chart: string, file: string): Promise<PptxLayout> {
  await expect(page.locator(`[data-chart="${chart}"][data-ready="true"]`)).toBeVisible();
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-chart="${chart}"] [data-testid="export-pptx"]`).click(),
  ]);
  await dl.saveAs(file);
  return checkPptxLayout(file);
}

/** The chart's HTML table as rows of cell texts keyed by column header. */
async function tableRows(page: Page, chart: string): Promise<Record<string, string>[]> {
  const table = page.locator(`[data-chart="${chart}"] table`).first();
  const headers = (await table.locator('thead th').allTextContents()).map((s) => s.trim());
  const rows = table.locator('tbody tr');
  const out: Record<string, string>[] = [];
  for (let i = 0, n = await rows.count(); i < n; i++) {
    const cells = (await rows.nth(i).locator('td').allTextContents()).map((s) => s.trim());
    out.push(Object.fromEntries(headers.map((h, j) => [h, cells[j] ?? ''])));
  }
  return out;
}

for (const lang of ['zh', 'en'] as const) {
  const col =
    lang === 'zh'
      ? { city: '城市', indicator: '指标', year: '规划年', target: '目标' }
      : { city: 'City', indicator: 'Indicator', year: 'Plan year', target: 'Target' };

  test(`plan targets (${lang}): table slides carry every target, no text overlaps or leaves a slide`, async ({
    page,
    problems,
  }, testInfo) => {
    test.setTimeout(180_000);
    await page.goto(ALL_CITIES + (lang === 'en' ? '&lang=en' : ''));
    const layout = await slidesOf(page, 'plan-targets', testInfo.outputPath(`plan-targets-${lang}.pptx`));
    const n = layout.pages.length;
    console.info(`plan-targets ${lang}: ${n} slides, LibreOffice took ${layout.seconds.toFixed(1)} s`);
    expect(layoutProblems(layout), 'text lines overlapping or off the slide').toEqual([]);

    const rows = await tableRows(page, 'plan-targets');
    expect(rows.length, 'the chart has targets').toBeGreaterThan(0);
    const texts = layout.pages.map(pageText);
    if (n > 1)
      texts.forEach((text, i) => expect(text, `slide ${i + 1}: page mark`).toContain(`${i + 1}/${n}`));
    // Each target on a slide with its city and plan year (the group title) and its indicator and target.
    const missing = rows.filter((r) => {
      const want = [r[col.city], r[col.year], r[col.indicator], r[col.target]]
        .filter((s): s is string => !!s)
        .map(compact);
      return !texts.some((text) => want.every((w) => text.includes(w)));
    });
    expect(
      missing.map((r) => `${r[col.city]} ${r[col.year]} ${r[col.indicator]} ${r[col.target]}`),
      'targets on no slide',
    ).toEqual([]);
    void problems;
  });
}

test('a picture slide (en): the long source line wraps inside the slide, complete', async ({
  page,
  problems,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.goto(ALL_CITIES + '&lang=en');
  const layout = await slidesOf(page, 'rd-intensity', testInfo.outputPath('rd-intensity-en.pptx'));
  expect(layout.pages.length).toBe(1);
  expect(layoutProblems(layout), 'text lines overlapping or off the slide').toEqual([]);
  const source = (await page.locator('[data-chart="rd-intensity"] .foot').first().textContent()) ?? '';
  expect(source.length).toBeGreaterThan(0);
  expect(pageText(layout.pages[0] as NonNullable<(typeof layout.pages)[0]>)).toContain(compact(source));
  void problems;
});
