// The `import` part: the generated CSV imported into the app against the bare page's decode + parse of
// the same bytes, interleaved; ratio, longest main-thread task before and after the report, peak heap.
import { BUDGET, BUILD, median, round, log, interleaved } from './util.mjs';
import { appImportRun, bareParseRun } from './import-run.mjs';

const logAppRun = (i, r) =>
  r.timedOut
    ? log(`import run ${i + 1} app: timed out (≥ ${round(r.ms)} ms)`)
    : log(
        `import run ${i + 1} app: ${round(r.ms)} ms, longest task ${round(r.longestTaskMs)} ms, heap peak ${round(r.heapPeakMB)} MB, ` +
          `main-thread script ${round(r.mainThreadScriptMs)} ms, counts ${JSON.stringify(r.counts)}`,
      );

/** The import part (ctx: see scripts/bench.mjs). */
export async function importPart(ctx) {
  const { browser, appUrl, bareUrl, appBlocked, bareBuildError, csv, csvError, chartIds, opts, report } = ctx;
  const blocked = appBlocked ?? csvError;
  const bareBlocked = csvError ?? bareBuildError;
  const csvUrl = csv ? `../${csv.file.slice(BUILD.length + 1)}` : null;
  const r = await interleaved(
    opts.importRuns,
    {
      app:
        !blocked &&
        (async (i) => {
          const run = await appImportRun(browser, appUrl, csv.file, chartIds);
          logAppRun(i, run);
          return run;
        }),
      bare:
        !bareBlocked &&
        (async (i) => {
          const run = await bareParseRun(browser, bareUrl, csvUrl);
          log(`import run ${i + 1} bare: decode+parse ${round(run.totalMs)} ms (${run.rows} rows)`);
          return run;
        }),
    },
    'import',
  );
  const { app, bare } = r;
  const appErr = blocked ?? (!app.length ? r.errors.app[0] : null);
  const bareErr = bareBlocked ?? (!bare.length ? r.errors.bare[0] : null);
  // Timed-out runs count with their lower bound (the timeout), shown as ≥.
  const appMs = app.map((x) => x.ms);
  const bareMs = bare.map((x) => x.totalMs);
  const timedOut = app.filter((x) => x.timedOut).length;
  const appMedian = median(appMs);
  // The median is only a lower bound when it moves once timed-out runs count as endless.
  const atLeast = median(app.map((x) => (x.timedOut ? Number.MAX_VALUE : x.ms))) !== appMedian;
  report.add({
    key: 'import app',
    label: `CSV import ${(opts.csvRows / 1e6).toFixed(opts.csvRows % 1e6 ? 2 : 0)}M rows: app, file → report (median)`,
    unit: 'ms',
    value: appMedian,
    atLeast,
    runs: appMs,
    error: appErr,
    info: { runs: app, timedOut, errors: r.errors.app, csvBytes: csv?.bytes ?? null },
  });
  report.add({
    key: 'import bare',
    label: 'CSV parse: bare TextDecoder + papaparse (median)',
    unit: 'ms',
    value: median(bareMs),
    runs: bareMs,
    error: bareErr,
    info: { runs: bare, errors: r.errors.bare },
  });
  const ratio = appMs.length && bareMs.length ? appMedian / median(bareMs) : null;
  report.add({
    key: 'import ratio',
    label: 'CSV import: app / bare',
    unit: '×',
    value: ratio,
    atLeast,
    runs: appMs.map((a, i) => (bareMs[i] ? a / bareMs[i] : null)).filter((x) => x != null),
    budget: BUDGET.importRatio,
    error: ratio == null ? appErr || bareErr || 'no successful runs' : null,
  });
  const lt = app.map((x) => x.longestTaskMs).filter((x) => x != null);
  const ltMax = lt.length ? Math.max(...lt) : null;
  report.add({
    key: 'import longtask',
    label: 'CSV import: longest main-thread task (max of runs)',
    unit: 'ms',
    value: ltMax,
    atLeast: app.some((x) => x.timedOut && x.longestTaskMs === ltMax),
    runs: lt,
    budget: BUDGET.longTaskMs,
    error:
      appErr ??
      (app.length && !lt.length
        ? `longtask observer unavailable: ${app[0].longtaskError ?? 'no data'}`
        : null),
    info: { median: median(lt) },
  });
  const heap = app.filter((x) => !x.timedOut).map((x) => x.heapPeakMB);
  report.add({
    key: 'import heap',
    label: 'CSV import: peak JS heap, main thread (median)',
    unit: 'MB',
    value: median(heap),
    runs: heap,
    error: appErr ?? (app.length && !heap.length ? 'every import run timed out' : null),
    info: {
      heapStartMB: app.map((x) => x.heapStartMB ?? null),
      afterImport: app.map((x) => x.after ?? null),
    },
  });
  // After the report the rows join the charts and the upload is saved, still on the main thread:
  // the same budget, so "no frozen page" covers the whole import, not only the part up to the report.
  const late = app.map((x) => x.after?.longestTaskMs).filter((x) => typeof x === 'number');
  report.add({
    key: 'import after',
    label: 'CSV import: longest main-thread task after the report, until charted and saved (max of runs)',
    unit: 'ms',
    value: late.length ? Math.max(...late) : null,
    runs: late,
    budget: BUDGET.longTaskMs,
    error: appErr ?? (app.length && !late.length ? 'not measured (charts not ready again in time)' : null),
  });
}
