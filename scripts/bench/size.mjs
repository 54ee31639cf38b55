// The `size` part: the script files #/ and #/embed/rd-intensity request until all their charts are
// data-ready, each gzipped -9 from dist/ and summed, against the first-load budget.
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUDGET, DIST, KB, errText, log } from './util.mjs';
import { gotoReady, withPage } from './hooks.mjs';

/** Script files requested until all charts are ready, gzipped -9 from disk. */
function measureSize(browser, appUrl, route, ids) {
  return withPage(browser, async ({ context, page, problems }) => {
    const seen = new Map(); // url -> request start (epoch ms)
    const note = (url, start) => {
      if (!url.startsWith(appUrl)) return;
      if (!seen.has(url) || seen.get(url) > start) seen.set(url, start);
    };
    const onResponse = (r) => {
      const req = r.request();
      const path = new URL(r.url()).pathname;
      if (req.resourceType() === 'script' || /\.m?js$/.test(path))
        note(r.url(), req.timing().startTime || Date.now());
    };
    page.on('response', onResponse);
    context.on('response', onResponse);
    page.on('worker', (w) => note(w.url(), Date.now()));
    const readyMs = await gotoReady(page, `${appUrl}${route}`, problems, `size ${route}`, ids);
    const readyEpoch = await page.evaluate(() => performance.timeOrigin + window.__bench.ready);
    await page.waitForTimeout(500); // let late response events arrive
    const files = [];
    const unmapped = [];
    for (const [url, start] of seen) {
      if (start > readyEpoch + 5) continue; // requested after the charts were ready
      const rel = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '');
      const file = normalize(join(DIST, rel));
      if (!file.startsWith(DIST + sep) || !existsSync(file)) {
        unmapped.push(url);
        continue;
      }
      const buf = readFileSync(file);
      files.push({ file: rel, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
    }
    files.sort((a, b) => b.gzip - a.gzip);
    const gzip = files.reduce((s, f) => s + f.gzip, 0);
    return {
      gzipKB: gzip / KB,
      rawKB: files.reduce((s, f) => s + f.bytes, 0) / KB,
      files,
      unmapped,
      readyMs,
    };
  });
}

/** The size part: one metric per route (ctx: see scripts/bench.mjs). */
export async function sizePart({ browser, appUrl, appBlocked, chartIds, report }) {
  for (const [route, ids] of [
    ['#/', chartIds],
    ['#/embed/rd-intensity', ['rd-intensity']],
  ]) {
    const key = `size ${route}`;
    const metric = { key, label: `initial JS, gzip -9: ${route}`, unit: 'KB', budget: BUDGET.sizeKB };
    if (appBlocked) {
      report.add({ ...metric, error: appBlocked });
      continue;
    }
    try {
      log(`measuring ${key} ...`);
      const r = await measureSize(browser, appUrl, route, ids);
      report.add({
        ...metric,
        value: r.gzipKB,
        runs: [r.gzipKB],
        info: { rawKB: r.rawKB, files: r.files, unmapped: r.unmapped, readyMs: r.readyMs },
      });
      if (r.unmapped.length) report.note(`${route}: scripts not found in dist/: ${r.unmapped.join(', ')}`);
    } catch (e) {
      report.add({ ...metric, error: errText(e) });
    }
  }
}
