import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { test, expect, chartsReady } from './fixtures';

const serious = (violations: { impact?: string | null; id: string; nodes: { target: unknown }[] }[]) =>
  violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target).slice(0, 3))}`);

for (const [name, url, ready] of [
  ['dashboard', './', true],
  ['dashboard (en)', './#/?lang=en', true],
  ['embed', './#/embed/plan-targets', false],
  ['source view', './#/sources/003_88c14eeab7c82779', false],
] as const) {
  test(`${name} has no serious or critical accessibility violations`, async ({ page, problems }) => {
    await page.goto(url);
    if (ready) await chartsReady(page);
    else await page.waitForLoadState('networkidle');
    await page.waitForTimeout(200);
    const result = await new AxeBuilder({ page }).analyze();
    expect(serious(result.violations)).toEqual([]);
    void problems;
  });
}

test('every control is reachable by keyboard, and the city picker works from the keyboard', async ({
  page,
  problems,
}) => {
  await page.goto('./');
  await chartsReady(page);
  const wuhu = page.locator('[data-city="wuhu"] input');
  await wuhu.focus();
  await page.keyboard.press('Space');
  await expect(wuhu).not.toBeChecked();
  await chartsReady(page);
  await expect(page.locator('[data-chart="rd-intensity"] table')).not.toContainText('3.76%');
  // Tab through the page: every button and link gets focus in turn, none is skipped as unfocusable.
  const seen = new Set<string>();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    seen.add(
      await page.evaluate(
        () => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? '',
      ),
    );
  }
  expect([...seen]).toEqual(
    expect.arrayContaining(['csv-upload', 'export-png', 'export-svg', 'export-csv', 'export-pptx']),
  );
  void problems;
});

test("a work report's review has no serious or critical accessibility violations", async ({
  page,
  problems,
}) => {
  const report = readFileSync(new URL('../fixtures/e2e/report/qingshan-2024.txt', import.meta.url), 'utf8');
  await page.goto('./');
  await chartsReady(page);
  await page.getByRole('button', { name: '粘贴表格或报告文字' }).click();
  await page.getByTestId('paste-area').fill(report);
  await page.getByTestId('paste-report').click();
  await expect(page.getByTestId('extract-review')).toBeVisible();
  const result = await new AxeBuilder({ page }).include('.review').analyze();
  expect(serious(result.violations)).toEqual([]);
  void problems;
});
