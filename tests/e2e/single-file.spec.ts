import { test, expect, chartsReady } from './fixtures';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const single = resolve(import.meta.dirname, '../../dist-single/index.html');

test('the single-file build opens from file:// and draws all four charts', async ({ page, problems }) => {
  expect(existsSync(single), 'npm run build:single ran before the browser tests').toBe(true);
  await page.goto(pathToFileURL(single).href);
  await chartsReady(page);
  await expect(page.locator('[data-chart="rd-intensity"] table')).toContainText('3.76%');
  void problems;
});
