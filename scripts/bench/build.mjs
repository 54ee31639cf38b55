// What the benchmark measures, prepared: the app (`npx vite build` → dist/), the bare echarts/core
// floor page (bench/bare → bench/.build/bare, which imports the app's start-up ECharts parts itself)
// and the import's CSV (big-csv.mjs).
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBigCsv } from './big-csv.mjs';
import { ensureBigXlsx } from './big-xlsx.mjs';
import { BARE_OUT, BARE_SRC, BUILD, DIST, ROOT, TIMEOUT, errText, log, run, tail } from './util.mjs';

/** What the bare page is built from outside bench/bare/: the app's start-up parts list. */
const BARE_APP_INPUTS = [join(ROOT, 'src/lib/echarts/parts.ts')];

async function buildApp() {
  log('building the app: npx vite build ...');
  const t0 = Date.now();
  const r = await run('npx', ['vite', 'build'], { timeoutMs: TIMEOUT.build });
  if (r.code !== 0) throw new Error(`npx vite build failed (exit ${r.code}):\n${tail(r.out)}`);
  log(`app built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/**
 * True when bench/.build/bare is missing or older than its inputs: bench/bare/ and the app files it
 * imports (then --no-build rebuilds it).
 */
function bareStale() {
  const out = join(BARE_OUT, 'index.html');
  if (!existsSync(out)) return true;
  const built = statSync(out).mtimeMs;
  const inputs = [...readdirSync(BARE_SRC).map((f) => join(BARE_SRC, f)), ...BARE_APP_INPUTS];
  return inputs.some((f) => existsSync(f) && statSync(f).mtimeMs > built);
}

async function buildBare() {
  const vite = await import('vite');
  log(
    `building the bare echarts/core page (the app's start-up ECharts parts: STARTUP_PARTS of ` +
      `${BARE_APP_INPUTS.map((f) => f.slice(ROOT.length + 1)).join(', ')}) ...`,
  );
  await vite.build({
    root: BARE_SRC,
    base: './',
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: BARE_OUT,
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      chunkSizeWarningLimit: 2000,
    },
  });
}

/**
 * prepare(opts, { bare, csv, xlsx }) -> { appError, bareBuildError, csv, csvError, xlsx, xlsxError }: builds what the chosen
 * parts need; each that cannot be prepared fails only the metrics that need it (its error, else null).
 */
export async function prepare(opts, need) {
  mkdirSync(BUILD, { recursive: true });
  let appError = null;
  if (opts.build) {
    try {
      await buildApp();
    } catch (e) {
      appError = e.message;
    }
  }
  if (!appError && !existsSync(join(DIST, 'index.html')))
    appError = 'dist/index.html missing (build the app, or drop --no-build)';
  if (appError) log(appError);

  let bareBuildError = null;
  if (need.bare) {
    try {
      if (opts.build || bareStale()) await buildBare();
    } catch (e) {
      bareBuildError = `bare page build: ${errText(e)}`;
      log(bareBuildError);
    }
  }

  let csv = null;
  let csvError = null;
  if (need.csv) {
    const name = opts.csvRows === 1_000_000 ? 'big.csv' : `big-${opts.csvRows}.csv`;
    try {
      csv = await ensureBigCsv(join(BUILD, name), opts.csvRows);
      log(
        `CSV ${name}: ${opts.csvRows} rows, ${(csv.bytes / 1e6).toFixed(1)} MB${csv.reused ? ' (reused)' : ' (generated)'}`,
      );
    } catch (e) {
      csvError = `CSV generation: ${errText(e)}`;
    }
  }
  let xlsx = null;
  let xlsxError = null;
  if (need.xlsx) {
    const name = opts.xlsxRows === 100_000 ? 'big-100k.xlsx' : `big-${opts.xlsxRows}.xlsx`;
    try {
      xlsx = ensureBigXlsx(join(BUILD, name), opts.xlsxRows);
      log(
        `workbook ${name}: ${opts.xlsxRows} rows, ${(xlsx.bytes / 1e6).toFixed(1)} MB${xlsx.reused ? ' (reused)' : ' (generated)'}`,
      );
    } catch (e) {
      xlsxError = `workbook generation: ${errText(e)}`;
    }
  }
  return { appError, bareBuildError, csv, csvError, xlsx, xlsxError };
}
