#!/usr/bin/env node
// Performance benchmark of the production build against its floors (bare echarts/core, bare
// papaparse), in headless Chromium on loopback. `npm run bench` (= node scripts/bench.mjs); --help.
//
// Prints a markdown table, writes bench/results.json, exits 1 when a budget is missed (or a part
// could not be measured), unless --no-fail. Every wait has a timeout: a missed one fails its
// metric with a message instead of hanging. Timings vary 10-25% on the 2-core machines: budgets
// on time are ratios against a floor measured in the same run, or main-thread script time.
// This file is the command line and the order of the steps; the steps are in scripts/bench/.
import { parseArgs } from 'node:util';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { prepare } from './bench/build.mjs';
import { openSpecs, writeBareOptions } from './bench/specs.mjs';
import { serve } from './bench/serve.mjs';
import { createReport, machineInfo } from './bench/report.mjs';
import { sizePart } from './bench/size.mjs';
import { readyPart } from './bench/ready.mjs';
import { importPart } from './bench/import.mjs';
import { togglePart } from './bench/toggle.mjs';
import { xlsxPart } from './bench/xlsx.mjs';
import { BUILD, DIST, TIMEOUT, errText, firstLine, killChildren, log, withTimeout } from './bench/util.mjs';

/** The parts, in the order they run (--only picks among them). */
const PARTS = { size: sizePart, ready: readyPart, import: importPart, xlsx: xlsxPart, toggle: togglePart };

const FLAGS = {
  'no-build': { type: 'boolean', help: 'reuse dist/ (and bench/.build/ if present) instead of building' },
  runs: { type: 'string', arg: 'N', help: 'cold loads per page for "charts ready" (default 15)' },
  'import-runs': { type: 'string', arg: 'N', help: 'CSV imports, app and bare each (default 5)' },
  'xlsx-runs': { type: 'string', arg: 'N', help: 'workbook imports, app and bare each (default 5)' },
  'xlsx-rows': { type: 'string', arg: 'N', help: 'rows of the generated workbook (default 100000)' },
  toggles: { type: 'string', arg: 'N', help: 'city toggles measured (default 7)' },
  only: {
    type: 'string',
    arg: 'LIST',
    help: 'comma list of: size, ready, import, xlsx, toggle (default all)',
  },
  'csv-rows': {
    type: 'string',
    arg: 'N',
    help: 'rows of the generated CSV (default 1000000; other sizes use their own file)',
  },
  'import-timeout': { type: 'string', arg: 'S', help: 'seconds to wait for the import report (default 240)' },
  chromium: { type: 'string', arg: 'PATH', help: 'browser (default $CHROMIUM_PATH or /usr/bin/chromium)' },
  'no-fail': { type: 'boolean', help: 'exit 0 even when a budget is missed' },
  help: { type: 'boolean', short: 'h', help: 'print this and exit' },
};

function usage() {
  const lines = Object.entries(FLAGS).map(
    ([name, f]) => `  ${`--${name}${f.short ? `, -${f.short}` : ''} ${f.arg ?? ''}`.padEnd(22)}${f.help}`,
  );
  return `usage: node scripts/bench.mjs [options]\n${lines.join('\n')}`;
}

/** cli(process.argv.slice(2)) -> the options (recorded in results.json); throws on a bad flag. */
function cli(argv) {
  const { values } = parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false });
  if (values.help) {
    console.log(usage());
    process.exit(0);
  }
  const int = (name, fallback) => {
    const v = values[name];
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} wants a positive integer, got ${v}`);
    return n;
  };
  let only = Object.keys(PARTS);
  if (values.only !== undefined) {
    only = values.only
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = only.filter((p) => !(p in PARTS));
    if (bad.length || !only.length) throw new Error(`--only: unknown part(s) ${bad.join(', ') || '(none)'}`);
  }
  TIMEOUT.importReport = int('import-timeout', TIMEOUT.importReport / 1000) * 1000;
  return {
    build: !values['no-build'],
    runs: int('runs', 15), // the ready ratio is a median over runs: with 7 it moved more with the machine's load
    importRuns: int('import-runs', 5), // a 1M-row import varies 30 % run to run here: the median of 3 was not stable
    toggles: int('toggles', 7),
    only,
    fail: !values['no-fail'],
    csvRows: int('csv-rows', 1_000_000),
    xlsxRuns: int('xlsx-runs', 5),
    xlsxRows: int('xlsx-rows', 100_000),
    chromium: values.chromium ?? CHROMIUM_PATH,
  };
}

async function main() {
  let opts;
  try {
    opts = cli(process.argv.slice(2));
  } catch (e) {
    console.error(`[bench] ${e.message}\n${usage()}`);
    return 2;
  }
  const want = new Set(opts.only);
  const needBare = want.has('ready') || want.has('import') || want.has('xlsx') || want.has('toggle');
  const started = new Date();
  const machine = machineInfo(started);
  const report = createReport();
  const servers = [];
  let browser = null;
  let specs = null;
  let stopping = false; // interrupted: no report (the runs after it only failed), exit 130
  const shutdown = async () => {
    await specs?.close().catch(() => {});
    specs = null;
    if (browser) await withTimeout(browser.close(), 15_000, 'closing the browser').catch(() => {});
    browser = null;
    for (const s of servers.splice(0)) s.close();
  };
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.once(sig, () => {
      log(`${sig}: stopping`);
      stopping = true;
      killChildren();
      shutdown().finally(() => process.exit(130));
    });
  }

  // 1. Builds. Each part that cannot be prepared fails only the metrics that need it.
  const built = await prepare(opts, { bare: needBare, csv: want.has('import'), xlsx: want.has('xlsx') });
  /** What every part reads (scripts/bench/{size,ready,import,toggle}.mjs), filled in below. */
  const ctx = {
    opts,
    report,
    ...built, // appError, bareBuildError, csv, csvError, xlsx, xlsxError
    bareError: built.bareBuildError, // why the bare page cannot draw (no build, or no options), or null
    appBlocked: null, // 'app: …' when no app metric can be measured
    chartIds: null, // the headline charts' ids, from the app's registry
    browser: null,
    appUrl: null,
    bareUrl: null,
    options: null, // what options.ts wrote for the bare page (workload sizes)
  };
  try {
    // 2. The chart ids every part measures, from the app's registry (through Vite's SSR loader).
    if (!ctx.appError) {
      try {
        specs = await openSpecs();
        ctx.chartIds = specs.chartIds;
      } catch (e) {
        ctx.appError = `chart ids (scripts/bench/options.ts): ${errText(e)}`;
        log(ctx.appError);
      }
    }
    ctx.appBlocked = firstLine('app', ctx.appError); // why no app metric can be measured, or null

    // 3. Servers and browser.
    const appSrv = ctx.appError ? null : await serve(DIST);
    if (appSrv) servers.push(appSrv);
    const benchSrv = needBare ? await serve(BUILD) : null;
    if (benchSrv) servers.push(benchSrv);
    ctx.appUrl = appSrv?.url ?? null;
    ctx.bareUrl = benchSrv ? `${benchSrv.url}bare/index.html` : null;
    const { chromium } = await import('playwright-core');
    browser = ctx.browser = await chromium.launch({
      executablePath: opts.chromium,
      args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'], // the import's peak heap in whole bytes
      headless: true,
      timeout: 60_000,
    });
    machine.chromium = browser.version();
    log(`Chromium ${machine.chromium}; app ${appSrv?.url ?? '(none)'}; bench ${benchSrv?.url ?? '(none)'}`);

    // 4. The bare page's options: the app's own, built for the boxes the app draws them in.
    if ((want.has('ready') || want.has('toggle')) && !ctx.bareError) {
      if (ctx.appError) ctx.bareError = 'chart options: the app is needed to measure its chart boxes';
      else {
        try {
          ctx.options = await writeBareOptions(browser, ctx.appUrl, specs);
        } catch (e) {
          ctx.bareError = `chart options: ${errText(e)}`;
          log(ctx.bareError);
        }
      }
    }
    await specs?.close(); // nothing is timed while the Vite server runs in this process
    specs = null;

    // 5. The parts.
    for (const [name, part] of Object.entries(PARTS)) if (want.has(name)) await part(ctx);
  } catch (e) {
    report.note(`bench aborted: ${errText(e)}`);
    log(`bench aborted: ${e.stack ?? e}`);
    report.add({ key: 'bench', label: 'benchmark run', unit: '', error: errText(e) });
  } finally {
    await shutdown();
  }

  // 6. Report.
  if (stopping) return 130;
  const failed = report.finish({ started, machine, opts });
  return failed && opts.fail ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[bench] ${e.stack ?? e}`);
    process.exit(2);
  },
);
