// The `xlsx` part: the generated 100,000-row workbook imported into the app (file input -> import report: the
// worker, the workbook reader loaded on demand, the rows indexed) against the bare page's own SheetJS read of
// the same bytes (read + sheet_to_json), interleaved; ratio and the longest main-thread task.
import { BUDGET, BUILD, median, round, log, interleaved } from './util.mjs';
import { appImportRun, bareRun } from './import-run.mjs';

/** The xlsx part (ctx: see scripts/bench.mjs). */
export async function xlsxPart(ctx) {
  const { browser, appUrl, bareUrl, appBlocked, bareBuildError, xlsx, xlsxError, chartIds, opts, report } =
    ctx;
  const blocked = appBlocked ?? xlsxError;
  const bareBlocked = xlsxError ?? bareBuildError;
  const url = xlsx ? `../${xlsx.file.slice(BUILD.length + 1)}` : null;
  const r = await interleaved(
    opts.xlsxRuns,
    {
      app:
        !blocked &&
        (async (i) => {
          const run = await appImportRun(browser, appUrl, xlsx.file, chartIds);
          log(
            `xlsx run ${i + 1} app: ${round(run.ms)} ms, longest task ${round(run.longestTaskMs)} ms, ` +
              `after ${round(run.after?.longestTaskMs)} ms, counts ${JSON.stringify(run.counts)}`,
          );
          return run;
        }),
      bare:
        !bareBlocked &&
        (async (i) => {
          const run = await bareRun(browser, bareUrl, 'bareXlsx', url, 'bare SheetJS read of the workbook');
          log(
            `xlsx run ${i + 1} bare: read ${round(run.parseMs)} ms + rows ${round(run.rowsMs)} ms (${run.rows} rows)`,
          );
          return run;
        }),
    },
    'xlsx',
  );
  const { app, bare } = r;
  const appErr = blocked ?? (!app.length ? r.errors.app[0] : null);
  const bareErr = bareBlocked ?? (!bare.length ? r.errors.bare[0] : null);
  const done = app.filter((x) => !x.timedOut);
  const appMs = done.map((x) => x.ms);
  const bareMs = bare.map((x) => x.totalMs);
  const rows = (opts.xlsxRows / 1000).toFixed(0);
  report.add({
    key: 'xlsx app',
    label: `Workbook import ${rows}k rows (.xlsx): app, file → report (median)`,
    unit: 'ms',
    value: median(appMs),
    runs: appMs,
    error: appErr ?? (app.length && !done.length ? 'every run timed out' : null),
    info: { runs: app, bytes: xlsx?.bytes ?? null },
  });
  report.add({
    key: 'xlsx bare',
    label: 'Workbook read: bare SheetJS read + sheet_to_json (median)',
    unit: 'ms',
    value: median(bareMs),
    runs: bareMs,
    error: bareErr,
    info: { runs: bare },
  });
  const ratio = appMs.length && bareMs.length ? median(appMs) / median(bareMs) : null;
  report.add({
    key: 'xlsx ratio',
    label: 'Workbook import: app / bare',
    unit: '×',
    value: ratio,
    runs: appMs.map((a, i) => (bareMs[i] ? a / bareMs[i] : null)).filter((x) => x != null),
    budget: BUDGET.importRatio,
    error: ratio == null ? appErr || bareErr || 'no successful runs' : null,
  });
  const lt = done.map((x) => Math.max(x.longestTaskMs ?? 0, x.after?.longestTaskMs ?? 0));
  report.add({
    key: 'xlsx longtask',
    label: 'Workbook import: longest main-thread task, until charted and saved (max of runs)',
    unit: 'ms',
    value: lt.length ? Math.max(...lt) : null,
    runs: lt,
    budget: BUDGET.longTaskMs,
    error: appErr ?? (app.length && !lt.length ? 'not measured' : null),
  });
}
