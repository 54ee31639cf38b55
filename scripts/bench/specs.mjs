// The app's chart registry, reached through Vite's SSR loader (scripts/bench/options.ts): the headline
// chart ids every part of the bench measures, and the bare page's input, bench/.build/options.json (the
// app's own options built for the boxes the app draws its charts in, and the ids).
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { BARE_OUT, OPTIONS_JSON, ROOT, TIMEOUT, log, withTimeout } from './util.mjs';
import { gotoReady, withPage } from './hooks.mjs';

/**
 * openSpecs() -> { chartIds, writeOptions(boxes), close() }: scripts/bench/options.ts loaded with the
 * project's vite.config.ts (load.ts imports `virtual:inline-data`, which only Vite resolves). Close it
 * before timing anything: the Vite server lives in this process.
 */
export async function openSpecs() {
  const vite = await import('vite');
  const server = await vite.createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const mod = await withTimeout(
      server.ssrLoadModule('/scripts/bench/options.ts'),
      TIMEOUT.options,
      'loading scripts/bench/options.ts',
    );
    const chartIds = [...mod.CHART_IDS];
    if (!chartIds.length) throw new Error('scripts/bench/options.ts: CHART_IDS is empty');
    return {
      chartIds,
      writeOptions: (boxes) =>
        withTimeout(mod.writeOptions(ROOT, OPTIONS_JSON, boxes), TIMEOUT.options, 'building the options'),
      close: () => server.close(),
    };
  } catch (e) {
    await server.close();
    throw e;
  }
}

const boxText = (b) => (b ? `${b.width}x${b.height}` : '?');

/**
 * The headline charts' boxes in the app at the benchmark's viewport: -> {'rd-intensity': {width, height}, ...}.
 * The bare page draws each option in a box of the same size (a 1214 x 1200 plot is not a 600 x 380 one).
 */
function measureBoxes(browser, appUrl, ids) {
  return withPage(browser, async ({ page, problems }) => {
    await gotoReady(page, `${appUrl}#/`, problems, 'chart boxes: app #/', ids);
    return page.evaluate((ids) => {
      const out = {};
      for (const id of ids) {
        const box = document.querySelector(`[data-chart="${id}"] .chart-box`)?.getBoundingClientRect();
        if (!box?.width || !box.height) throw new Error(`no drawn box for chart ${id}`);
        out[id] = { width: Math.round(box.width), height: Math.round(box.height) };
      }
      return out;
    }, ids);
  });
}

/**
 * The bare page's options: the app's, built for the boxes the app draws them in, written to
 * bench/.build/options.json and beside the bare page. -> what options.ts wrote.
 */
export async function writeBareOptions(browser, appUrl, specs) {
  log('measuring the chart boxes of #/, writing bench/.build/options.json (Vite SSR loader) ...');
  const out = await specs.writeOptions(await measureBoxes(browser, appUrl, specs.chartIds));
  copyFileSync(OPTIONS_JSON, join(BARE_OUT, 'options.json'));
  log(
    `options.json: ${out.cities.length} cities; ` +
      Object.entries(out.sizes)
        .map(([id, s]) => `${id} ${s.series} series/${s.points} points in ${boxText(out.boxes[id])}`)
        .join(', '),
  );
  return out;
}
