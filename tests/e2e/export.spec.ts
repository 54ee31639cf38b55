import { test, expect, chartsReady, CHARTS } from './fixtures';
import { readFileSync } from 'node:fs';

async function downloadOf(page: import('@playwright/test').Page, testid: string): Promise<Buffer> {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-testid="${testid}"]`).first().click(),
  ]);
  return readFileSync((await dl.path()) as string);
}

for (const id of CHARTS) {
  test.describe(`${id} in an embed`, () => {
    test('shows one chart alone and exports PNG, SVG, CSV and a slide', async ({ page, problems }) => {
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
