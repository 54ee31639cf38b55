// Plan targets where they are used: an embed on a 16:9 slide (960×540), presentation mode (1280×720), a phone
// (390 px), in Chinese and English. Every page fits its frame with no text over other text and none cut off by the
// chart's edge, every target is on some page, and the status of every target is in the table.
import type { Page } from '@playwright/test';
import { chartsReady, chartTexts, expect, overlappingTexts, test, textsOutside } from './fixtures';

const PT = '[data-chart="plan-targets"]';

/** The chart's texts print over none of each other, stay inside it, and the page does not scroll. */
async function fitsWithoutOverlap(page: Page, what: string) {
  await chartsReady(page, ['plan-targets']);
  const { box, texts } = await chartTexts(page, 'plan-targets');
  expect(texts.length, `${what}: the chart draws its words`).toBeGreaterThan(5);
  expect(overlappingTexts(texts), `${what}: no text over other text`).toEqual([]);
  expect(textsOutside(box, texts), `${what}: no text off the chart`).toEqual([]);
  const [scrollH, viewH, scrollW, viewW] = await page.evaluate(() => {
    const stage = document.querySelector('[data-testid="presentation"]') ?? document.documentElement;
    return [stage.scrollHeight, stage.clientHeight, stage.scrollWidth, stage.clientWidth];
  });
  expect(scrollH, `${what}: fits the height without scrolling`).toBeLessThanOrEqual(viewH);
  expect(scrollW, `${what}: fits the width`).toBeLessThanOrEqual(viewW);
  return texts;
}

/** The words the chart draws now, to wait for a new page to be drawn after a step. */
const wordsNow = async (page: Page) =>
  (await chartTexts(page, 'plan-targets')).texts.map((t) => t.text).join('|');

/** After a step to another page: wait until the chart draws another page, and is ready. */
async function turned(page: Page, before: string) {
  await expect.poll(() => wordsNow(page), { message: 'the next page is drawn' }).not.toBe(before);
  await chartsReady(page, ['plan-targets']);
}

/** How many targets a page names: each target's words say "… · 目标 …" / "… · Target …" once. */
const targetsNamed = (texts: { text: string }[], word: string) =>
  texts.filter((t) => new RegExp(`(^|· )${word} `).test(t.text)).length;

for (const [lang, word, pageMark] of [
  ['zh', '目标', /（(\d+)\/(\d+)）/],
  ['en', 'Target', /\((\d+)\/(\d+)\)/],
] as const) {
  test(`embed at 960×540 (${lang}): pages of about eight lines, each fitting the frame, every target on one`, async ({
    page,
    problems,
  }) => {
    await page.setViewportSize({ width: 960, height: 540 });
    await page.goto(`./#/embed/plan-targets?lang=${lang}`);
    await chartsReady(page, ['plan-targets']);
    const rows = await page.locator(`${PT} table tbody tr`).count();
    const title = page.locator(`${PT} h2`);
    const count = Number(pageMark.exec((await title.textContent()) ?? '')?.[2]);
    expect(count, 'more than one page').toBeGreaterThan(1);
    let named = 0;
    for (let n = 1; n <= count; n++) {
      await expect(title).toContainText(lang === 'zh' ? `（${n}/${count}）` : `(${n}/${count})`);
      named += targetsNamed(await fitsWithoutOverlap(page, `page ${n}`), word);
      if (n < count) {
        const before = await wordsNow(page);
        await page.getByRole('button', { name: lang === 'zh' ? '下一页' : 'Next page' }).click();
        await expect(page).toHaveURL(new RegExp(`page=${n + 1}`));
        await turned(page, before);
      }
    }
    expect(named, 'every target of the table is on some page').toBe(rows);
    void problems;
  });

  test(`presentation at 1280×720 (${lang}): ← → step through the pages, then on to the next chart`, async ({
    page,
    problems,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`./#/present/plan-targets?lang=${lang}`);
    await chartsReady(page, ['plan-targets']);
    const title = page.locator(`${PT} h2`);
    const count = Number(pageMark.exec((await title.textContent()) ?? '')?.[2]);
    for (let n = 1; n <= count; n++) {
      await expect(title).toContainText(lang === 'zh' ? `（${n}/${count}）` : `(${n}/${count})`);
      await fitsWithoutOverlap(page, `slide ${n}`);
      const before = await wordsNow(page);
      await page.keyboard.press('ArrowRight');
      if (n < count) await turned(page, before);
    }
    await chartsReady(page, ['rd-intensity']);
    await page.keyboard.press('ArrowLeft');
    await expect(title, 'back: the last page').toContainText(`${count}/${count}`);
    await expect(page).toHaveURL(new RegExp(`page=${count}`));
    void problems;
  });
}

test('an embed link filters by city and plan year and keeps its page', async ({ page, problems }) => {
  await page.setViewportSize({ width: 960, height: 540 });
  await page.goto('./#/embed/plan-targets?cities=fuzhou');
  await chartsReady(page, ['plan-targets']);
  const cities = await page.locator(`${PT} table tbody tr td:first-child`).allTextContents();
  expect(new Set(cities)).toEqual(new Set(['福州市']));
  const titles = (await chartTexts(page, 'plan-targets')).texts.filter((t) => t.text.includes('年目标'));
  expect(
    titles.map((t) => t.text).every((t) => t.startsWith('福州市')),
    'only Fuzhou’s groups',
  ).toBe(true);
  await page.goto('./#/embed/plan-targets?plan=2024&page=99');
  await chartsReady(page, ['plan-targets']);
  const years = await page.locator(`${PT} table tbody tr td:nth-child(3)`).allTextContents();
  expect(new Set(years)).toEqual(new Set(['2024年']));
  await expect(page, 'a page past the last shows the last, and says so').not.toHaveURL(/page=99/);
  void problems;
});

for (const [lang, figures, opened] of [
  ['zh', '2019年：1,612个 · 目标 ≥1,800个', '研发经费投入强度 · 目标 2.71%'],
  ['en', '2019: 1,612 · Target ≥1,800', 'R&D intensity · Target 2.71%'],
] as const)
  test(`on a phone (390 px, ${lang}) each target keeps its status and figures above its bar; the awaiting list opens`, async ({
    page,
    problems,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`./#/?lang=${lang}`);
    await chartsReady(page);
    await page.locator(PT).scrollIntoViewIfNeeded();
    const { box, texts } = await chartTexts(page, 'plan-targets');
    expect(overlappingTexts(texts)).toEqual([]);
    expect(textsOutside(box, texts)).toEqual([]);
    expect(texts.map((t) => t.text)).toContain(figures);
    const awaiting = page.getByTestId('targets-awaiting');
    await awaiting.locator('summary').click();
    await expect(awaiting).toContainText(opened);
    void problems;
  });

test('presentation: stepping back to a chart not in pages leaves no page in the link', async ({
  page,
  problems,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('./#/present/plan-targets');
  await chartsReady(page, ['plan-targets']);
  await page.keyboard.press('ArrowLeft');
  await chartsReady(page, ['tech-contracts']);
  await expect(page).toHaveURL(/#\/present\/tech-contracts$/);
  void problems;
});

test('the dashboard’s plan-year filter shows one plan year and is kept in the link', async ({
  page,
  problems,
}) => {
  await page.goto('./#/');
  await chartsReady(page);
  await page.getByTestId('plan-year').selectOption('2024');
  await expect(page).toHaveURL(/plan=2024/);
  await chartsReady(page, ['plan-targets']);
  const years = await page.locator(`${PT} table tbody tr td:nth-child(3)`).allTextContents();
  expect(new Set(years)).toEqual(new Set(['2024年']));
  void problems;
});

test('a city’s own targets and actuals from an upload get the same statuses', async ({ page, problems }) => {
  await page.goto('./#/');
  await chartsReady(page);
  const lines = [
    '城市,指标,年份,数值,单位,类型',
    '示例丙市,研发经费投入强度,2021,2.5,%,实际',
    '示例丙市,研发经费投入强度,2022,2.8,%,实际',
    '示例丙市,研发经费投入强度,2025,3.5,%,目标',
    '示例丙市,高新技术企业数,2022,520,家,实际',
    '示例丙市,高新技术企业数,2022,500,家,目标',
    '示例丙市,技术合同成交额,2023,50,亿元,目标',
  ];
  await page
    .getByTestId('csv-upload')
    .setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await expect(page.getByTestId('import-report')).toBeVisible();
  await chartsReady(page, ['plan-targets']);
  const table = page.locator(`${PT} table`);
  const row = (indicator: string) =>
    table.locator('tr', { hasText: '示例丙市' }).filter({ hasText: indicator });
  // 2.5 % (2021) to 3.5 % (2025): on a straight path 2.75 % by 2022, and 2.8 % is ahead of it.
  await expect(row('研发经费投入强度')).toContainText('▲ 进度符合');
  await expect(row('高新技术企业数')).toContainText('● 已达成');
  await expect(row('技术合同成交额')).toContainText('○ 尚无实际值');
  void problems;
});
