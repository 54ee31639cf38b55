// The city toggles of the `toggle` part: the click and its wait in the page, the trace read into
// script time per main-thread task, and the bare page re-setting its options as the floor.
import { TIMEOUT, TOGGLE_CITY, errText, log, withTimeout } from './util.mjs';
import { cdpMetrics, gotoReady, msBetween, withPage, withProblems } from './hooks.mjs';

/**
 * In the page (loaded by gotoReady, so window.__bench is there): clicks the city's checkbox and
 * resolves when the charts have re-rendered: every instance fired `finished` after the click and every
 * card is data-ready="true" (checked again after the current task, so the whole synchronous re-render
 * is inside the time). With animation off, ECharts fires `finished` inside setOption, so data-ready may
 * never visibly leave "true": the instances (`.chart-box.__echarts`, the browser tests' hook) are the
 * reliable signal.
 */
function toggleCity({ ids, selector, timeoutMs }) {
  return new Promise((resolvePromise, reject) => {
    const input = document.querySelector(selector);
    if (!input) {
      reject(new Error(`no element ${selector}`));
      return;
    }
    const insts = ids.map(
      (id) => document.querySelector(`[data-chart="${id}"] .chart-box`)?.__echarts ?? null,
    );
    const fired = new Map();
    const handlers = [];
    let done = false;
    let lastEvent = 0;
    let settleTimer = 0;
    const { allReady, notReady } = window.__bench;
    const missing = () => ids.filter((id, i) => insts[i] && !fired.has(id));
    const cleanup = () => {
      mo.disconnect();
      clearTimeout(killTimer);
      clearTimeout(settleTimer);
      clearInterval(poll);
      handlers.forEach(([inst, h]) => inst.off('finished', h));
    };
    const channel = new MessageChannel();
    let pending = false;
    channel.port1.onmessage = () => {
      pending = false;
      if (done || !allReady()) return;
      if (missing().length) {
        // Some chart re-rendered nothing? Accept after a quiet second, and say so.
        if (!settleTimer)
          settleTimer = setTimeout(() => finish(`no 'finished' from ${missing().join(', ')}`), 1000);
        return;
      }
      finish(null);
    };
    const check = () => {
      if (done || pending) return;
      pending = true;
      channel.port2.postMessage(0);
    };
    const finish = (note) => {
      if (done) return;
      done = true;
      console.timeStamp('bench:done'); // the end of the traced window (see taskScript)
      const end = note ? lastEvent || performance.now() : performance.now();
      cleanup();
      resolvePromise({
        wallMs: end - t0,
        lastFinishedMs: lastEvent ? lastEvent - t0 : null,
        checked: input.checked,
        instances: insts.filter(Boolean).length,
        note,
      });
    };
    insts.forEach((inst, i) => {
      if (!inst) return;
      const h = () => {
        lastEvent = performance.now();
        clearTimeout(settleTimer);
        settleTimer = 0;
        if (!fired.has(ids[i])) fired.set(ids[i], lastEvent);
        check();
      };
      inst.on('finished', h);
      handlers.push([inst, h]);
    });
    const mo = new MutationObserver(check);
    mo.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
    const poll = setInterval(check, 50);
    const killTimer = setTimeout(() => {
      if (done) return;
      done = true;
      cleanup();
      reject(
        new Error(
          `charts not re-rendered ${timeoutMs} ms after the toggle (not ready: ${notReady().join(', ') || '-'}; ` +
            `no 'finished': ${missing().join(', ') || '-'})`,
        ),
      );
    }, timeoutMs);
    // The click runs in its own task (a timer), not inside the CDP evaluate that installed this:
    // Chromium's ScriptDuration does not count script run by the inspector itself.
    let t0 = 0;
    setTimeout(() => {
      t0 = performance.now();
      console.timeStamp('bench:click'); // the start of the traced window (see taskScript)
      input.click();
      check();
    }, 0);
  });
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];
const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'RunMicrotasks', 'v8.evaluateModule']);

/**
 * taskScript(trace) -> { clickTaskMs, maxTaskMs, tasks }: script time (the union of the script
 * events' spans) of each main-thread task between the page's `bench:click` and `bench:done`
 * timestamps: the task that handled the click, and the longest one, i.e. the most script any one
 * frame had to wait for.
 */
function taskScript(buf) {
  const events = JSON.parse(buf.toString('utf8')).traceEvents ?? [];
  const stamp = (m) => events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === m);
  const click = stamp('bench:click');
  const done = stamp('bench:done');
  if (!click || !done) throw new Error('toggle trace: no bench:click / bench:done timestamps');
  const onMain = events.filter((e) => e.pid === click.pid && e.tid === click.tid && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ts + e.dur >= click.ts && e.ts <= done.ts);
  const scripts = onMain.filter((e) => SCRIPT_EVENTS.has(e.name)).sort((a, b) => a.ts - b.ts);
  let clickTaskMs = 0;
  let maxTaskMs = 0;
  for (const t of tasks) {
    let ms = 0;
    let end = -Infinity;
    for (const e of scripts) {
      if (e.ts < t.ts || e.ts >= t.ts + t.dur) continue;
      const from = Math.max(e.ts, end);
      const to = e.ts + e.dur;
      if (to > from) ms += (to - from) / 1000;
      end = Math.max(end, to);
    }
    if (click.ts >= t.ts && click.ts <= t.ts + t.dur) clickTaskMs = ms;
    maxTaskMs = Math.max(maxTaskMs, ms);
  }
  return { clickTaskMs, maxTaskMs, tasks: tasks.length };
}

/** n toggles of TOGGLE_CITY on the app's #/, each traced -> [{ wallMs, maxTaskMs, clickTaskMs, scriptMs, ... }] */
export function toggleRuns(browser, appUrl, n, ids) {
  return withPage(browser, async ({ context, page, problems }) => {
    await gotoReady(page, `${appUrl}#/`, problems, 'toggle: app #/', ids);
    const selector = `[data-city="${TOGGLE_CITY}"] input`;
    if (!(await page.locator(selector).count())) throw new Error(`toggle: no ${selector} on #/`);
    const sample = await cdpMetrics(context, page);
    const runs = [];
    for (let i = 0; i < n; i++) {
      await page.waitForTimeout(400); // idle between toggles
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      const m0 = await sample();
      const r = await withTimeout(
        page.evaluate(toggleCity, { ids, selector, timeoutMs: TIMEOUT.toggle }),
        TIMEOUT.toggle + 5000,
        `toggle ${i + 1}`,
      ).catch((e) => {
        throw new Error(withProblems(`toggle ${i + 1}: ${errText(e)}`, problems));
      });
      await page.waitForTimeout(300); // work scheduled after the last `finished` still counts
      const m1 = await sample();
      const tasks = taskScript(await browser.stopTracing());
      runs.push({
        ...r,
        ...tasks,
        scriptMs: msBetween(m0, m1, 'ScriptDuration'),
        taskMs: msBetween(m0, m1, 'TaskDuration'),
        layoutMs: msBetween(m0, m1, 'LayoutDuration'),
        styleMs: msBetween(m0, m1, 'RecalcStyleDuration'),
      });
      if (r.instances < ids.length)
        log(`toggle: only ${r.instances} chart instances found via .chart-box.__echarts`);
      if (r.note) log(`toggle ${i + 1}: ${r.note}`);
    }
    return runs;
  });
}

/** The floor for the toggle: the bare page re-sets its options (notMerge), n times -> [{ wallMs, scriptMs }] */
export function bareRerenderRuns(browser, bareUrl, n, ids) {
  return withPage(browser, async ({ context, page, problems }) => {
    await gotoReady(page, bareUrl, problems, 'toggle floor: bare page', ids);
    const sample = await cdpMetrics(context, page);
    const runs = [];
    for (let i = 0; i < n; i++) {
      await page.waitForTimeout(400);
      const m0 = await sample();
      const wallMs = await withTimeout(
        page.evaluate(() => window.bareRerender()),
        TIMEOUT.toggle,
        'bare re-render',
      );
      await page.waitForTimeout(300);
      const m1 = await sample();
      runs.push({ wallMs, scriptMs: msBetween(m0, m1, 'ScriptDuration') });
    }
    return runs;
  });
}
