// The `ready` part: navigation start → all headline charts data-ready, the app's #/ against the bare
// echarts/core page, cold (a new context per load), interleaved; budget on the median per-run ratio.
import { BUDGET, median, round, log, interleaved } from './util.mjs';
import { gotoReady, withPage } from './hooks.mjs';

/** One cold load of `url` -> ms from navigation start to all charts ready (the same hook for both pages). */
const readyRun = (browser, url, what, ids) =>
  withPage(browser, ({ page, problems }) => gotoReady(page, url, problems, what, ids));

/** The ready part (ctx: see scripts/bench.mjs). */
export async function readyPart({
  browser,
  appUrl,
  bareUrl,
  appBlocked,
  bareError,
  chartIds,
  opts,
  options,
  report,
}) {
  const r = await interleaved(
    opts.runs,
    {
      app: !appBlocked && (() => readyRun(browser, `${appUrl}#/`, 'app #/', chartIds)),
      // Timed by the same hook as the app (its charts carry the same data-ready attributes).
      bare: !bareError && (() => readyRun(browser, bareUrl, 'bare page', chartIds)),
    },
    'ready',
    (i, run) => log(`ready run ${i + 1}/${opts.runs}: app ${round(run.app)} ms, bare ${round(run.bare)} ms`),
  );
  const appErr = appBlocked ?? (!r.app.length ? r.errors.app[0] : null);
  const bareErr = bareError ?? (!r.bare.length ? r.errors.bare[0] : null);
  report.add({
    key: 'ready app',
    label: 'charts ready: app #/ (median, cold)',
    unit: 'ms',
    value: median(r.app),
    runs: r.app,
    error: appErr,
    info: { errors: r.errors.app },
  });
  report.add({
    key: 'ready bare',
    label: 'charts ready: bare echarts/core (median, cold)',
    unit: 'ms',
    value: median(r.bare),
    runs: r.bare,
    error: bareErr,
    info: {
      errors: r.errors.bare,
      options: options?.sizes ?? null,
      cities: options?.cities?.length ?? null,
    },
  });
  // Budgeted: each run loads the app and the bare page back to back, so the two share the
  // machine's state at that moment; the median of those ratios. The ratio of the two medians pairs
  // loads from different moments: four runs of one build on 2026-11-23 gave 1.36, 1.07, 1.22 and
  // 1.13x that way, and 1.24, 1.20, 1.24 and 1.23x as the median of per-run ratios (printed too).
  const pairs = r.pairs.filter((p) => p.app && p.bare).map((p) => p.app / p.bare);
  const ratio = pairs.length ? median(pairs) : null;
  report.add({
    key: 'ready ratio',
    label: 'charts ready: app / bare (median of the per-run ratios)',
    unit: '×',
    value: ratio,
    runs: pairs,
    budget: BUDGET.readyRatio,
    error: ratio == null ? appErr || bareErr || 'no run with both pages loaded' : null,
    info: { failedRuns: r.errors.app.length + r.errors.bare.length },
  });
  report.add({
    key: 'ready ratio of medians',
    label: 'charts ready: median app / median bare',
    unit: '×',
    value: r.app.length && r.bare.length ? median(r.app) / median(r.bare) : null,
  });
}
