// One CSV import in each page, for the `import` part: the app (file input → import report, long tasks,
// heap, then the time until the upload is charted and saved) and the bare page (TextDecoder + papaparse).
import { TIMEOUT, errText, log, sleep, withTimeout } from './util.mjs';
import { cdpMetrics, gotoReady, msBetween, withPage, withProblems } from './hooks.mjs';

/** In the page: arms the import watch; returns after stamping t0 (the caller sets the files right after). */
function armImport() {
  const imp = (window.__imp = {
    t0: 0,
    end: null,
    failed: null,
    heapStart: 0,
    heapPeak: 0,
    samples: 0,
  });
  const heap = () => performance.memory?.usedJSHeapSize ?? 0;
  const sample = () => {
    const h = heap();
    imp.samples++;
    if (h > imp.heapPeak) imp.heapPeak = h;
  };
  const check = () => {
    if (imp.end !== null) return;
    const ok = document.querySelector('[data-testid="import-report"]');
    const bad = document.querySelector('[data-testid="import-failed"]');
    if (!ok && !bad) return;
    imp.end = performance.now();
    if (bad) imp.failed = bad.textContent?.trim() ?? 'import failed';
    sample();
    mo.disconnect();
    clearInterval(timer);
  };
  const mo = new MutationObserver(check);
  mo.observe(document.body, { subtree: true, childList: true });
  const timer = setInterval(() => {
    sample();
    check();
  }, 50);
  imp.heapStart = heap();
  imp.heapPeak = imp.heapStart;
  imp.t0 = performance.now();
  return imp.t0;
}

/**
 * Waits from Node until the report is shown, probing the page: a main thread that does not answer for
 * 2 s is busy, so a timed-out run still tells how long its current task has run at least.
 * -> { finished, busySince } (busySince: epoch ms the page last answered before it went busy, or null).
 */
async function waitForReport(page, t0Node, problems) {
  const deadline = t0Node + TIMEOUT.importReport;
  let lastAnswer = Date.now();
  let busySince = null;
  while (Date.now() < deadline) {
    const answer = await Promise.race([
      page.evaluate(() => window.__imp.end !== null).catch((e) => `error: ${errText(e)}`),
      sleep(2000).then(() => 'busy'),
    ]);
    if (answer === true) return { finished: true, busySince };
    if (typeof answer === 'string' && answer.startsWith('error'))
      throw new Error(withProblems(`import: ${answer}`, problems));
    if (answer === 'busy') busySince ??= lastAnswer;
    else {
      lastAnswer = Date.now();
      busySince = null;
    }
    await sleep(250);
  }
  return { finished: false, busySince };
}

/**
 * After the report: the rows join the dataset (the upload is listed), the charts take them in and the
 * upload is saved. -> the longest task after `reportEnd` and the heap then, or { error }.
 */
async function afterReport(page, reportEnd) {
  try {
    await page.waitForSelector('[data-testid="uploaded-list"]', { timeout: TIMEOUT.afterImportReady });
    await page.waitForFunction(() => window.__bench.allReady(), null, {
      timeout: TIMEOUT.afterImportReady,
      polling: 250,
    });
    await page.waitForTimeout(2000); // the save to IndexedDB follows the redraw
    const lt = await page.evaluate(() => window.__bench.longtasks);
    const late = lt.filter((x) => x.start + x.duration > reportEnd);
    return {
      longestTaskMs: Math.max(0, ...late.map((x) => x.duration)),
      heapMB: (await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0)) / 2 ** 20,
    };
  } catch (e) {
    return { error: errText(e) };
  }
}

/** One import of `csvFile` into the app's #/ -> the run's numbers (see the import part). */
export function appImportRun(browser, appUrl, csvFile, chartIds) {
  return withPage(browser, async ({ context, page, problems }) => {
    await gotoReady(page, `${appUrl}#/`, problems, 'import: app #/', chartIds);
    const input = page.locator('input[type=file][data-testid="csv-upload"]');
    // The upload panel comes when the page is idle after the first picture: wait for it as a user would.
    await input
      .first()
      .waitFor({ state: 'attached', timeout: 10_000 })
      .catch(() => undefined);
    if ((await input.count()) !== 1)
      throw new Error('import: no single input[type=file][data-testid="csv-upload"] on #/');
    const sample = await cdpMetrics(context, page);
    await page.waitForTimeout(300);
    const m0 = await sample();
    // Diagnosis: worker lifetimes (the app's importer parses in a worker), in page time.
    const origin = await page.evaluate(() => performance.timeOrigin);
    const workers = [];
    page.on('worker', (w) => {
      const span = { url: w.url().split('/').pop(), start: Date.now() - origin, end: null };
      workers.push(span);
      w.on('close', () => (span.end = Date.now() - origin));
    });
    const t0 = await page.evaluate(armImport);
    const t0Node = Date.now();
    // The workers' lifetimes in ms after t0 (+-a few ms).
    const workerSpans = () =>
      workers.map((w) => ({ url: w.url, startMs: w.start - t0, endMs: w.end === null ? null : w.end - t0 }));
    await input.setInputFiles(csvFile, { timeout: 60_000 });
    const { finished, busySince } = await waitForReport(page, t0Node, problems);
    if (!finished) {
      const now = Date.now();
      log(
        `import: no [data-testid="import-report"] within ${TIMEOUT.importReport} ms` +
          (busySince ? `; main thread busy for the last ${Math.round((now - busySince) / 1000)} s` : ''),
      );
      return {
        timedOut: true,
        ms: now - t0Node,
        longestTaskMs: busySince ? now - busySince : null,
        workers: workerSpans(),
        problems: problems.slice(0, 5),
      };
    }
    const m1 = await sample();
    const r = await page.evaluate(() => {
      const imp = window.__imp;
      const text = (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? null;
      return {
        ...imp,
        longtasks: window.__bench.longtasks,
        longtaskError: window.__bench.longtaskError,
        counts: {
          imported: text('count-imported'),
          rejected: text('count-rejected'),
          warned: text('count-warned'),
        },
        encoding: text('import-encoding'),
      };
    });
    if (r.failed) throw new Error(withProblems(`import: the app refused the file: ${r.failed}`, problems));
    const overlaps = (lt, a, b) => lt.start < b && lt.start + lt.duration > a;
    const inWindow = r.longtasks.filter((lt) => overlaps(lt, t0, r.end));
    // The task in which the report appeared: the observer stamps `end` in its last microtasks, so
    // allow for the rounding of long-task times.
    const finalTask =
      inWindow
        .filter((lt) => lt.start <= r.end && lt.start + lt.duration >= r.end - 50)
        .sort((a, b) => b.duration - a.duration)[0] ?? null;
    // Budgeted like the window before the report: the page must not freeze either.
    const after = await afterReport(page, r.end);
    return {
      ms: r.end - t0,
      // Where the time went (diagnosis): the workers' lifetimes, and the main-thread task in which
      // the report appeared (render of the report and the new rows).
      workers: workerSpans(),
      reportTaskMs: finalTask ? finalTask.duration : null,
      longestTaskMs: r.longtaskError ? null : Math.max(0, ...inWindow.map((x) => x.duration)),
      longTasks: inWindow.length,
      longtaskError: r.longtaskError,
      heapStartMB: r.heapStart / 2 ** 20,
      heapPeakMB: r.heapPeak / 2 ** 20,
      heapSamples: r.samples,
      mainThreadScriptMs: msBetween(m0, m1, 'ScriptDuration'),
      mainThreadTaskMs: msBetween(m0, m1, 'TaskDuration'),
      counts: r.counts,
      encoding: r.encoding,
      after,
    };
  });
}

/**
 * One call of the bare page's `fn` (window.bareParse / window.bareXlsx) on the file at `url` (relative to the bare
 * page) -> what it returns.
 */
export function bareRun(browser, bareUrl, fn, url, what) {
  return withPage(browser, async ({ page, problems }) => {
    await page.goto(bareUrl, { timeout: TIMEOUT.ready });
    await page.waitForFunction((name) => typeof window[name] === 'function', fn, {
      timeout: TIMEOUT.ready,
      polling: 100,
    });
    try {
      return await withTimeout(
        page.evaluate(([name, u]) => window[name](u), [fn, url]),
        TIMEOUT.bareParse,
        what,
      );
    } catch (e) {
      throw new Error(withProblems(errText(e), problems), { cause: e });
    }
  });
}

/** One bare decode + parse of the CSV at `csvUrl` (relative to the bare page) -> bareParse's numbers. */
export function bareParseRun(browser, bareUrl, csvUrl) {
  return bareRun(browser, bareUrl, 'bareParse', csvUrl, 'bare papaparse of the CSV');
}
