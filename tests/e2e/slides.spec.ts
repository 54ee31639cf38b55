// The slides the dashboard downloads, as LibreOffice Impress lays them out (tests/pptx-layout.ts): plan targets
// as native table slides with every target of the chart's table on some slide, and a picture slide whose long
// English source line wraps rather than runs off. No text line overlaps another or leaves its slide.
import { test, expect } from './fixtures';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
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
  await expect(page.locator('[data-chart="rd-intensity"][data-ready="true"]')).toBeVisible();
  await page
    .locator('[data-chart="rd-intensity"] [data-testid="slide-kind"]')
    .selectOption({ label: 'picture' });
  const file = testInfo.outputPath('rd-intensity-en.pptx');
  const layout = await slidesOf(page, 'rd-intensity', file);
  expect(layout.pages.length).toBe(1);
  const zip = await JSZip.loadAsync(readFileSync(file));
  expect(
    Object.keys(zip.files).some((n) => /^ppt\/media\/.*\.png$/.test(n)),
    'a picture',
  ).toBe(true);
  expect(
    Object.keys(zip.files).some((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)),
    'no native chart',
  ).toBe(false);
  expect(layoutProblems(layout), 'text lines overlapping or off the slide').toEqual([]);
  const source = (await page.locator('[data-chart="rd-intensity"] .foot').first().textContent()) ?? '';
  expect(source.length).toBeGreaterThan(0);
  expect(pageText(layout.pages[0] as NonNullable<(typeof layout.pages)[0]>)).toContain(compact(source));
  void problems;
});

for (const lang of ['zh', 'en'] as const)
  test(`each chart's slide (${lang}) is a native chart with its data, titles, years and cities as text`, async ({
    page,
    problems,
  }, testInfo) => {
    test.setTimeout(240_000);
    await page.goto(ALL_CITIES + (lang === 'en' ? '&lang=en' : ''));
    const words = {
      'rd-intensity':
        lang === 'zh' ? ['2018年', '芜湖市', '福州市', '全国'] : ['2018', 'Wuhu', 'Fuzhou', 'China'],
      'high-tech': lang === 'zh' ? ['2023年', '≥2,000'] : ['2023', '≥2,000'],
      'tech-contracts': lang === 'zh' ? ['2019上半年', '≥1,000'] : ['2019 H1', '≥1,000'],
    };
    for (const [chart, want] of Object.entries(words)) {
      const file = testInfo.outputPath(`${chart}-${lang}.pptx`);
      const layout = await slidesOf(page, chart, file);
      expect(layout.pages, chart).toHaveLength(1);
      const text = pageText(layout.pages[0]!);
      const title = (await page.locator(`[data-chart="${chart}"] h2`).textContent()) ?? '';
      expect(text, `${chart}: title`).toContain(compact(title));
      for (const w of want) expect(text, `${chart}: ${w}`).toContain(compact(w));
      const zip = await JSZip.loadAsync(readFileSync(file));
      const charts = Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
      expect(charts.length, `${chart}: native charts`).toBe(chart === 'high-tech' ? 2 : 1);
      expect(Object.keys(zip.files).filter((n) => /^ppt\/embeddings\/.+\.xlsx$/.test(n)).length).toBe(
        charts.length,
      );
      const notes = await zip.file('ppt/notesSlides/notesSlide1.xml')?.async('string');
      expect(notes, `${chart}: speaker notes quote a sentence`).toMatch(/「[^」]+」/);
    }
    void problems;
  });

test('the briefing deck (en): a title slide naming the cities, every chart, a sources slide', async ({
  page,
  problems,
}, testInfo) => {
  test.setTimeout(240_000);
  await page.goto(ALL_CITIES + '&lang=en');
  await expect(page.locator('[data-chart="plan-targets"][data-ready="true"]')).toBeVisible();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-deck').click()]);
  const file = testInfo.outputPath('deck-en.pptx');
  await dl.saveAs(file);
  const layout = await checkPptxLayout(file);
  const texts = layout.pages.map(pageText);
  expect(texts[0]).toContain(compact('Cities compared: Wuhu, Wuhu County, Fuzhou, Haimen'));
  for (const chart of ['rd-intensity', 'high-tech', 'tech-contracts', 'plan-targets']) {
    const title = (await page.locator(`[data-chart="${chart}"] h2`).textContent()) ?? '';
    expect(
      texts.some((x) => x.includes(compact(title.replace(/\s*\(\d+\/\d+\)$/, '')))),
      title,
    ).toBe(true);
  }
  expect(texts.at(-1)).toContain(compact('Sources'));
  expect(texts.at(-1)).toContain(compact('Wuhu Municipal'));
  const zip = await JSZip.loadAsync(readFileSync(file));
  expect(Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(4);
  void problems;
});
