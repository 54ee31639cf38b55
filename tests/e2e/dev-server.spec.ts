// `npm run dev` (the README's first command): index.html's CSP also governs the dev server, which
// injects each component's CSS as a <style> element. Blocked, the page came up unstyled, its chart
// boxes had no height and no chart was ever drawn.
import { test, expect, chartsReady } from './fixtures';

test('the dev server shows the styled dashboard and draws its four charts', async ({ page, problems }) => {
  await page.goto('./');
  await chartsReady(page);
  // A component's own CSS (ChartCard's), which the dev server injects inline:
  await expect(page.locator('[data-chart="rd-intensity"]')).toHaveCSS('border-top-left-radius', '8px');
  void problems;
});
