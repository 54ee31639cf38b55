import { test, expect, chartsReady, CHARTS } from './fixtures';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseBboxLayout, type LayoutLine, type LayoutPage } from '../pptx-layout';

interface SheetCell {
  value: string | number | boolean | null;
  data_type: string;
  number_format: string;
}

/** An .xlsx as openpyxl reads it (scripts/read-xlsx.py): sheets of rows of cells with their types. */
async function readWorkbook(bytes: Buffer): Promise<{ sheets: { name: string; rows: SheetCell[][] }[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'xlsx-e2e-'));
  try {
    const file = join(dir, 'export.xlsx');
    await writeFile(file, bytes);
    const { stdout } = await promisify(execFile)('python3', ['scripts/read-xlsx.py', file], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(stdout);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function downloadOf(page: import('@playwright/test').Page, testid: string): Promise<Buffer> {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-testid="${testid}"]`).first().click(),
  ]);
  return readFileSync((await dl.path()) as string);
}

for (const id of CHARTS) {
  test.describe(`${id} in an embed`, () => {
    test('shows one chart alone and exports PNG, SVG, CSV, .xlsx and a slide', async ({ page, problems }) => {
      await page.setViewportSize({ width: 960, height: 640 });
      await page.goto(`./#/embed/${id}`);
      await chartsReady(page, [id]);
      await expect(page.locator('[data-chart]')).toHaveCount(1);
      await expect(page.locator('h1')).toHaveCount(0);

      const png = await downloadOf(page, 'export-png');
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(1800);

      const title = (await page.locator(`[data-chart="${id}"] h2`).textContent())?.trim() ?? '';
      const svg = (await downloadOf(page, 'export-svg')).toString('utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain(title);
      // Parse in a blank page: the app's CSP would (rightly) report the SVG's style attributes.
      const blank = await page.context().newPage();
      const parsed = await blank.evaluate((s) => {
        const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
        return doc.getElementsByTagName('parsererror').length === 0 && doc.documentElement.nodeName === 'svg';
      }, svg);
      await blank.close();
      expect(parsed).toBe(true);

      const csv = await downloadOf(page, 'export-csv');
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.toString('utf8')).toMatch(/芜湖|海门|福州/);
      expect(csv.toString('utf8'), 'headers in the view’s language').toMatch(/^\uFEFF城市,指标,/);

      // The workbook as Excel reads it (openpyxl): the chart's sheet, then the sources.
      const book = await readWorkbook(await downloadOf(page, 'export-xlsx'));
      expect(book.sheets.at(-1)?.name).toBe('来源');
      const [header, ...body] = book.sheets[0]!.rows;
      expect(header?.[0]?.value).toBe('城市');
      const valueCol = header!.findIndex((c) => c.value === '数值');
      const values = body.map((r) => r[valueCol]).filter((c) => c?.value !== null && c?.value !== undefined);
      expect(values.length).toBeGreaterThan(0);
      for (const c of values) expect(c!.data_type, 'figures are numbers').toBe('n');
      expect(
        book.sheets.flatMap((x) => x.rows.flat()).some((c) => c.data_type === 'f'),
        'no formulas',
      ).toBe(false);

      const pptx = await downloadOf(page, 'export-pptx');
      expect(pptx.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
      expect(pptx.includes(Buffer.from('ppt/slides/slide1.xml'))).toBe(true);
      void problems;
    });
  });
}

test('?lang=en and ?lang=zh switch an embed’s labels', async ({ page, problems }) => {
  await page.goto('./#/embed/high-tech?lang=en');
  await chartsReady(page, ['high-tech']);
  await expect(page.locator('[data-chart="high-tech"] h2')).toContainText('High-tech enterprises');
  await page.goto('./#/embed/high-tech?lang=zh');
  await chartsReady(page, ['high-tech']);
  await expect(page.locator('[data-chart="high-tech"] h2')).toContainText('高新技术企业');
  void problems;
});

test('CSV export neutralises formula cells from uploaded names', async ({ page, problems }) => {
  await page.goto('./');
  await chartsReady(page);
  await page
    .getByTestId('csv-upload')
    .setInputFiles(new URL('../fixtures/e2e/hostile-names.csv', import.meta.url).pathname);
  await expect(page.getByTestId('import-report')).toBeVisible();
  // The report comes before the rows join the charts: wait for the chart to hold them.
  await expect(page.locator('[data-chart="rd-intensity"] table')).toContainText('HYPERLINK');
  await chartsReady(page);
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-chart="rd-intensity"] [data-testid="export-csv"]').click(),
  ]);
  const text = readFileSync((await dl.path()) as string, 'utf8');
  expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
  expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  void problems;
});

test('the iframe snippet resizes itself in a host page, and ignores other frames', async ({
  page,
  problems,
}) => {
  await page.goto('./');
  await chartsReady(page);
  await page.locator('[data-chart="rd-intensity"] [data-testid="share"]').click();
  const snippet = await page.getByTestId('iframe-snippet').inputValue();
  expect(snippet).toContain('#/embed/rd-intensity');
  // A host page on the same server (as a user's intranet page would be), with a rogue frame beside.
  const rogue = `<iframe id="rogue" srcdoc="<script>parent.postMessage({type:'cst-embed-height',height:5},'*')</scr${''}ipt>"></iframe>`;
  await page.route('**/host.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><body>${snippet}${rogue}</body>`,
    }),
  );
  await page.goto('./host.html');
  const frame = page.locator('iframe[id^="cst-"]');
  await expect.poll(async () => (await frame.boundingBox())?.height ?? 0, { timeout: 20_000 }).not.toBe(480);
  const h = (await frame.boundingBox())?.height ?? 0;
  expect(h).toBeGreaterThan(300); // the rogue frame asked for 5 px (clamped to 200): ignored
  expect(h).toBeLessThanOrEqual(2000);
  void problems;
});

const run = promisify(execFile);
const ALL_CITIES = 'cities=wuhu,wuhu_county,fuzhou,haimen,x_city';

/** A chart card's export button's download. */
async function exportOf(
  page: import('@playwright/test').Page,
  chartId: string,
  kind: string,
): Promise<Buffer> {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-chart="${chartId}"] [data-testid="export-${kind}"]`).click(),
  ]);
  return readFileSync((await dl.path()) as string);
}

/** The text of each <text> of an SVG, in document order (parsed in a blank page: the app's CSP forbids its styles). */
async function svgTexts(
  page: import('@playwright/test').Page,
  svg: string,
): Promise<{ text: string; style: string }[]> {
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate((s) => {
      const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
      return [...doc.getElementsByTagName('text')].map((t) => ({
        text: t.textContent ?? '',
        style: t.getAttribute('style') ?? '',
      }));
    }, svg);
  } finally {
    await blank.close();
  }
}

/**
 * The SVG as librsvg draws it: rsvg-convert to PDF (96 px to the inch, so a point is 4/3 px), read back by
 * `pdftotext -bbox-layout` into text lines with their boxes.
 */
async function drawnByRsvg(svg: string): Promise<LayoutPage> {
  const dir = await mkdtemp(join(tmpdir(), 'rsvg-'));
  try {
    await writeFile(join(dir, 'chart.svg'), svg);
    await run('rsvg-convert', ['-f', 'pdf', '-o', join(dir, 'chart.pdf'), join(dir, 'chart.svg')]).catch(
      (e) => {
        throw (e as NodeJS.ErrnoException).code === 'ENOENT'
          ? new Error('rsvg-convert not found: apt-get install librsvg2-bin')
          : e;
      },
    );
    await run('pdftotext', ['-bbox-layout', join(dir, 'chart.pdf'), join(dir, 'chart.html')]);
    const [drawn] = parseBboxLayout(await readFile(join(dir, 'chart.html'), 'utf8'));
    if (!drawn) throw new Error('pdftotext found no page in the PDF rsvg-convert wrote');
    return drawn;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Text compared as read: spaces aside (a wrapped line's are at its ends), ligatures as letters. */
const bare = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** The lowest lines of a page that, read top down, make up `whole`; none when they do not. */
function linesOf(lines: readonly LayoutLine[], whole: string): LayoutLine[] {
  const want = bare(whole);
  const byY = [...lines].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
  let read = '';
  for (let i = byY.length - 1; i >= 0; i--) {
    read = bare(byY[i]!.text) + read;
    if (read === want) return byY.slice(i);
    if (!want.endsWith(read)) return [];
  }
  return [];
}

for (const lang of ['en', 'zh'] as const) {
  test(`a long source line (${lang}, every city) is exported whole: every character in the SVG, drawn by librsvg in lines inside the 960 × 540 picture and below the axis labels`, async ({
    page,
    problems,
  }) => {
    await page.goto(`./#/?${ALL_CITIES}&lang=${lang}`);
    await chartsReady(page, ['high-tech']);
    const source = (
      (await page.locator('[data-chart="high-tech"] .foot').first().textContent()) ?? ''
    ).trim();
    expect(source, 'the longest source line: five reports').toMatch(
      lang === 'en' ? /^Sources: .*bsmz/ : /^来源：.*bsmz/,
    );

    const svg = (await exportOf(page, 'high-tech', 'svg')).toString('utf8');
    const texts = await svgTexts(page, svg);
    expect(
      bare(texts.map((t) => t.text).join('')),
      'every character of the source line is in the SVG',
    ).toContain(bare(source));
    expect(
      texts.filter((t) => t.text.includes('…')).map((t) => t.text),
      'nothing is cut with “…”',
    ).toEqual([]);

    const drawn = await drawnByRsvg(svg);
    expect([drawn.width, drawn.height], 'the picture stays 960 × 540 px (720 × 405 pt)').toEqual([720, 405]);
    const lines = linesOf(drawn.lines, source);
    const last = [...drawn.lines].sort((a, b) => a.yMin - b.yMin).slice(-8);
    expect(
      lines.length,
      `the source line is the picture’s lowest text, whole, over several lines; the lowest are ${JSON.stringify(last)}`,
    ).toBeGreaterThan(1);
    for (const l of lines) {
      expect(l.xMin, `"${l.text}" inside the picture`).toBeGreaterThanOrEqual(0);
      expect(l.xMax, `"${l.text}" inside the picture`).toBeLessThanOrEqual(drawn.width);
      expect(l.yMax, `"${l.text}" inside the picture`).toBeLessThanOrEqual(drawn.height);
    }
    const top = Math.min(...lines.map((l) => l.yMin));
    const above = drawn.lines.filter((l) => !lines.includes(l));
    const years = above.filter((l) => /^2018/.test(l.text));
    expect(years.length, 'the year labels (the lower plot names the years both plots share) are drawn').toBe(
      1,
    );
    for (const l of above) expect(l.yMax, `"${l.text}" stays above the source line`).toBeLessThanOrEqual(top);

    const png = await exportOf(page, 'high-tech', 'png');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)], 'the PNG stays 960 × 540 at 2x').toEqual([
      1920, 1080,
    ]);
    void problems;
  });
}

/** How far right the title row of a PNG export is inked (CSS px; the picture is 960 px wide). */
async function titleInkRight(page: import('@playwright/test').Page, png: Buffer): Promise<number> {
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const k = img.width / 960;
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      ctx.drawImage(img, 0, 0);
      // The title's line: 11 to 31 px from the top (the subtitle starts below 36).
      const row = ctx.getImageData(0, Math.round(11 * k), img.width, Math.round(20 * k));
      let right = 0;
      for (let i = 0; i < row.data.length; i += 4)
        if ((row.data[i] ?? 255) < 128) right = Math.max(right, (i / 4) % row.width);
      return right / k;
    }, png.toString('base64'));
  } finally {
    await blank.close();
  }
}

for (const [lang, explorer] of [
  ['zh', '指标浏览'],
  ['en', 'Indicator explorer'],
] as const) {
  test(`the explorer’s PNG and SVG exports are titled with the indicator shown (${lang}, first visit)`, async ({
    page,
    problems,
  }) => {
    await page.goto(`./#/?lang=${lang}`);
    await chartsReady(page, ['explorer']);
    // What the picker shows: the default indicator, named in the view's language.
    const picked = ((await page.getByTestId('explorer-indicator').textContent()) ?? '').trim();
    expect(picked).not.toBe('');
    const title = `${explorer}: ${picked}`;

    const svg = (await exportOf(page, 'explorer', 'svg')).toString('utf8');
    const texts = await svgTexts(page, svg);
    const drawnTitle = texts.find((t) => t.text.startsWith(explorer));
    expect(drawnTitle?.text, 'the SVG’s title').toBe(title);

    // The PNG's title is inked as far as the whole title reaches when drawn in its font (from 17 px: left 12
    // and ECharts' padding 5), well past the bare "指标浏览".
    const png = await exportOf(page, 'explorer', 'png');
    const font = /font-size:16px;font-family:([^;]+)/.exec(drawnTitle?.style ?? '')?.[1] ?? 'sans-serif';
    const width = await page.evaluate(
      ([f, t, bareTitle]) => {
        const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
        ctx.font = `bold 16px ${f}`;
        return [ctx.measureText(t).width, ctx.measureText(bareTitle).width];
      },
      [font, title, explorer] as const,
    );
    const right = await titleInkRight(page, png);
    expect(right, 'the PNG’s title reaches past the bare chart name').toBeGreaterThan(
      17 + (width[0] ?? 0) - 4,
    );
    expect(right, 'and no further than the whole title').toBeLessThan(17 + (width[0] ?? 0) + 3);
    expect(width[1] ?? 0).toBeLessThan((width[0] ?? 0) - 40);
    await expect(page.locator('[data-chart="explorer"] h2'), 'and so is the card').toHaveText(title);
    void problems;
  });
}

test('the whole dashboard’s data as one workbook (en): a sheet per chart, then the sources', async ({
  page,
  problems,
}) => {
  await page.goto('./#/?lang=en');
  await chartsReady(page);
  const book = await readWorkbook(await downloadOf(page, 'export-all-xlsx'));
  const titles = await page.locator('[data-chart] h2').allTextContents();
  expect(book.sheets).toHaveLength(5);
  expect(book.sheets.at(-1)?.name).toBe('Sources');
  expect(titles.some((x) => x.startsWith(book.sheets[0]!.name.slice(0, 20)))).toBe(true);
  expect(book.sheets[0]!.rows[0]?.[0]?.value).toBe('City');
  void problems;
});
