import { test, expect, chartsReady, markPixel, CHARTS } from './fixtures';

test.describe('dashboard', () => {
  test("draws all four charts and reads Wuhu's 3.76 % from the R&D chart's table", async ({
    page,
    problems,
  }) => {
    await page.goto('./');
    await chartsReady(page);
    const table = page.locator('[data-chart="rd-intensity"] table');
    const row = table
      .locator('tbody tr', { hasText: '芜湖' })
      .filter({ hasText: '实际' })
      .filter({ hasText: '3.76%' });
    await expect(row).toHaveCount(1);
    // In the year it measures (2022), with the 2023 summary's own year beside it.
    await expect(row.locator('td').nth(2)).toHaveText('2022年');
    await expect(row.locator('td').nth(3)).toHaveText('2023年');
    await expect(row.locator('td').nth(4)).toHaveText('3.76%');
    await expect(table).not.toContainText('Stated in');
    expect(problems).toEqual([]);
  });

  test('works from a deep sub-path of a static host', async ({ page, problems }) => {
    await page.goto('/deep/sub/path/');
    await chartsReady(page);
    await expect(page.locator('[data-chart="rd-intensity"] table')).toContainText('3.76%');
    void problems;
  });

  test('switching language switches labels, and the choice lives in the URL', async ({ page, problems }) => {
    await page.goto('./');
    await chartsReady(page);
    await expect(page.locator('h1')).toHaveText('科技指标看板');
    await page.getByTestId('lang-switch').click();
    await expect(page).toHaveURL(/lang=en/);
    await chartsReady(page);
    await expect(page.locator('h1')).toHaveText('City S&T Indicator Dashboard');
    await expect(page.locator('[data-chart="rd-intensity"] table')).toContainText('Wuhu');
    await expect(page.locator('[data-chart="rd-intensity"] h2')).toContainText('R&D intensity');
    void problems;
  });

  test('hovering a mark shows its source sentence; clicking opens the source view at it', async ({
    page,
    problems,
  }) => {
    await page.goto('./#/embed/rd-intensity?cities=wuhu');
    await chartsReady(page, ['rd-intensity']);
    // The tooltip loads after the first picture, once the page is idle: the chart says when it has it.
    await expect(page.locator('[data-chart="rd-intensity"] .chart-box')).toHaveAttribute('data-tips', 'on');
    const point = await markPixel(page, 'rd-intensity', 'wuhu-rd_intensity-2022-actual');
    // Hover as a person would: if the chart redrew under the pointer, move onto the mark again.
    const tooltipText = async () => {
      await page.mouse.move(point.x - 1, point.y);
      await page.mouse.move(point.x, point.y);
      const tip = page.locator('[data-testid="chart-tooltip"]').first();
      return (await tip.count()) ? ((await tip.textContent()) ?? '') : '';
    };
    await expect.poll(tooltipText).toContain('3.76');
    await expect(page.locator('[data-testid="chart-tooltip"]').first()).toContainText('全社会研发经费投入');
    await expect(page.locator('[data-testid="chart-tooltip"]').first()).toContainText('报告归于2023年');
    await page.mouse.click(point.x, point.y);
    await expect(page).toHaveURL(
      /#\/sources\/001_bf8fc6d553621b5e\?cities=wuhu&mark=wuhu-rd_intensity-2022-actual/,
    );
    await expect(page.locator('mark.active').first()).toContainText('3.76');
    void problems;
  });

  test('each chart has a screen-reader summary and a data table', async ({ page, problems }) => {
    await page.goto('./');
    await chartsReady(page);
    for (const id of CHARTS) {
      await expect(page.locator(`[data-chart="${id}"] [data-testid="chart-summary"]`)).not.toBeEmpty();
      expect(await page.locator(`[data-chart="${id}"] table tbody tr`).count()).toBeGreaterThan(0);
    }
    void problems;
  });

  test('toggling a city re-renders every chart without it', async ({ page, problems }) => {
    await page.goto('./');
    await chartsReady(page);
    await page.locator('[data-city="fuzhou"] input').uncheck();
    await expect(page).toHaveURL(/cities=/);
    await chartsReady(page);
    await expect(page.locator('[data-chart="high-tech"] table')).not.toContainText('福州');
    await expect(page.locator('[data-chart="high-tech"] table')).toContainText('芜湖');
    void problems;
  });

  test('ignores hostile or unknown URL parameters with a visible notice', async ({ page, problems }) => {
    await page.goto('./#/embed/rd-intensity?cities=%3Cscript%3Ealert(1)%3C/script%3E,nowhere&__proto__=x');
    await chartsReady(page, ['rd-intensity']);
    await expect(page.getByTestId('notice').first()).toBeVisible();
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
    void problems;
  });
});

test('screenshots at laptop and phone size', async ({ page, problems }) => {
  for (const [w, h, name] of [
    [1280, 800, 'laptop'],
    [390, 844, 'phone'],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('./');
    await chartsReady(page);
    await page.screenshot({
      path: `test-results/screens/dashboard-${name}.png`,
      fullPage: name === 'laptop',
    });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `no horizontal scroll at ${w}px`).toBeLessThanOrEqual(1);
  }
  void problems;
});

test('the charts do not move once drawn: the upload panel arriving later keeps its place', async ({
  page,
  problems,
}) => {
  type Watch = { readyAt: number | null; shifts: { at: number; value: number; moved: string[] }[] };
  await page.addInitScript((ids) => {
    const w: Watch = { readyAt: null, shifts: [] };
    (window as unknown as { __watch: Watch }).__watch = w;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & {
        value: number;
        sources?: { node?: Node | null }[];
      })[])
        w.shifts.push({
          at: e.startTime,
          value: e.value,
          moved: (e.sources ?? []).map((s) => (s.node as Element | null)?.className?.toString() ?? '?'),
        });
    }).observe({ type: 'layout-shift', buffered: true });
    // When the page itself marks the last chart ready (a test's polling would notice later).
    new MutationObserver((_, mo) => {
      if (ids.every((id) => document.querySelector(`[data-chart="${id}"][data-ready="true"]`))) {
        w.readyAt = performance.now();
        mo.disconnect();
      }
    }).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-ready'],
    });
  }, CHARTS);
  for (const [w, h] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('./');
    await chartsReady(page);
    await expect(page.getByTestId('csv-upload')).toBeEnabled(); // the import code has loaded
    const { readyAt, shifts } = await page.evaluate(() => (window as unknown as { __watch: Watch }).__watch);
    expect(readyAt).not.toBeNull();
    const later = shifts.filter((s) => s.at >= readyAt!);
    expect(later, `no layout shift after the charts were drawn at ${w}px`).toEqual([]);
  }
  void problems;
});
