// Pages for the measures: a fresh browser context per page (withPage), the in-page hook installed
// before any page script (long tasks, the time all charts are data-ready), gotoReady, which waits for
// that hook's console message, and the page's CDP Performance metrics.
import { TIMEOUT, errText, withTimeout } from './util.mjs';

/**
 * Installed before any page script (serialised by Playwright; runs in the browser): records long
 * tasks, stamps window.__bench.ready when all charts are data-ready and logs `__bench:ready` (or
 * `__bench:load-error`). Leaves window.__bench.notReady() / allReady() for the measures' own waits.
 */
function pageHooks(ids) {
  const notReady = () =>
    ids.filter((id) => !document.querySelector(`[data-chart="${id}"][data-ready="true"]`));
  const allReady = () => !notReady().length;
  const b = (window.__bench = { ids, ready: null, longtasks: [], longtaskError: null, notReady, allReady });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    b.longtaskError = String(e);
  }
  let timer = 0;
  const check = () => {
    if (b.ready !== null) return;
    const failed = !!document.querySelector('[data-testid="load-error"]');
    if (!failed && !allReady()) return;
    if (!failed) b.ready = performance.now();
    mo.disconnect();
    clearInterval(timer);
    // Tells the driver without it polling the page (see gotoReady).
    console.debug(failed ? '__bench:load-error' : '__bench:ready');
  };
  const mo = new MutationObserver(check);
  mo.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
  timer = setInterval(check, 100);
}

/**
 * withPage(browser, async ({ context, page, problems }) => ...) -> fn's value: a new context at the
 * benchmark's viewport (1280 x 800, zh-CN, light), its page errors and console errors collected in
 * `problems`, closed afterwards.
 */
export async function withPage(browser, fn) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    colorScheme: 'light',
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${errText(e)}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text().slice(0, 300)}`);
    });
    page.on('crash', () => problems.push('page crashed'));
    return await fn({ context, page, problems });
  } finally {
    await withTimeout(context.close(), 15_000, 'closing a browser context').catch(() => {});
  }
}

export const withProblems = (msg, problems) =>
  problems.length ? `${msg} [${problems.slice(0, 3).join(' | ')}]` : msg;

/**
 * Opens `url` with pageHooks installed and waits until the hook saw all charts `ids` ready; -> ms since
 * navigation start. The hook reports through the console: polling (waitForFunction) would evaluate
 * Playwright's injected script in the page, ~20 ms of main-thread work at an arbitrary moment of the
 * load, which a page busy until its charts are drawn pays in full and an idle one not at all.
 */
export async function gotoReady(page, url, problems, what, ids) {
  await page.addInitScript(pageHooks, ids);
  const signal = page.waitForEvent('console', {
    predicate: (m) => m.text().startsWith('__bench:') || m.type() === 'error',
    timeout: TIMEOUT.ready,
  });
  signal.catch(() => {}); // awaited below; a failed goto must not leave it unhandled
  await page.goto(url, { timeout: TIMEOUT.ready, waitUntil: 'commit' });
  let text;
  try {
    text = (await signal).text();
  } catch (e) {
    const state = await withTimeout(
      page.evaluate(() =>
        [...document.querySelectorAll('[data-chart]')].map(
          (el) => `${el.getAttribute('data-chart')}=${el.getAttribute('data-ready')}`,
        ),
      ),
      5000,
      'reading chart states',
    ).catch(() => []);
    throw new Error(
      withProblems(
        `${what}: charts not ready within ${TIMEOUT.ready} ms (${state.join(' ') || 'no [data-chart]'}; ${errText(e)})`,
        problems,
      ),
      { cause: e },
    );
  }
  if (text !== '__bench:ready') {
    const loadError = await page.evaluate(
      () => document.querySelector('[data-testid="load-error"]')?.textContent?.trim() ?? null,
    );
    throw new Error(
      withProblems(`${what}: ${loadError ? `the app shows a load error: ${loadError}` : text}`, problems),
    );
  }
  return page.evaluate(() => window.__bench.ready);
}

/**
 * cdpMetrics(context, page) -> sample(): Performance.enable on the page's CDP session; each
 * sample() is Performance.getMetrics as { name: value (s) }.
 */
export async function cdpMetrics(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
}

/** msBetween(m0, m1, 'ScriptDuration') -> ms of that metric between two samples. */
export const msBetween = (m0, m1, name) => ((m1[name] ?? 0) - (m0[name] ?? 0)) * 1000;
