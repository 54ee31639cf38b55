// The benchmark's shared ground: paths, budgets, timeouts, and small helpers (median, round,
// timeouts, child processes, interleaved app/bare runs) that every other scripts/bench module uses.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
export const BENCH = join(ROOT, 'bench');
export const BUILD = join(BENCH, '.build');
export const BARE_SRC = join(BENCH, 'bare');
export const BARE_OUT = join(BUILD, 'bare');
export const OPTIONS_JSON = join(BUILD, 'options.json');
export const RESULTS = join(BENCH, 'results.json');

export const TOGGLE_CITY = 'fuzhou';
export const KB = 1024;

export const BUDGET = {
  sizeKB: 230,
  readyRatio: 1.3,
  importRatio: 1.5,
  longTaskMs: 100,
  toggleScriptMs: 16,
};

/** Every wait has one (ms); importReport is set from --import-timeout. */
export const TIMEOUT = {
  build: 10 * 60_000,
  options: 120_000,
  ready: 60_000,
  importReport: 240_000,
  bareParse: 120_000,
  afterImportReady: 120_000,
  toggle: 15_000,
};

export const log = (...a) => console.error('[bench]', ...a);

export function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

export const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

export function errText(e) {
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}

/** firstLine('app', 'vite failed\n...') -> 'app: vite failed' (null stays null) */
export const firstLine = (prefix, text) => (text == null ? null : `${prefix}: ${text.split('\n')[0]}`);

export const tail = (s, n = 25) => s.trim().split('\n').slice(-n).join('\n');

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** withTimeout(promise, 5000, 'what') -> the promise's value, or rejects with a clear message. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const children = new Set();

/** Kills a child started with detached: true, and its whole process group. */
function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/** Stops the builds this script started (their whole process groups). */
export function killChildren() {
  for (const child of children) killGroup(child);
}

/** run('npx', ['vite', 'build']) -> { code, out } with the combined output; killed after timeoutMs. */
export function run(cmd, args, { cwd = ROOT, timeoutMs } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      detached: true,
    });
    children.add(child);
    child.on('exit', () => children.delete(child));
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      out += `\n[bench] killed after ${timeoutMs} ms`;
      killGroup(child);
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolvePromise({ code: -1, out: out + String(e) });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? -1, out });
    });
  });
}

/**
 * interleaved(5, { app: (i) => ..., bare: null }, 'import') -> { app: [values], bare: [values],
 * errors: { app, bare }, pairs: [{ app, bare }] }: n rounds of one run of each side, app first in
 * even rounds and bare first in odd ones, so both meet the machine as it is at that moment. A side
 * given as null is skipped (it cannot be measured); a failed run is logged and kept in errors.
 * onRound(i, pair) is called after each round.
 */
export async function interleaved(n, sides, what, onRound) {
  const out = { app: [], bare: [], errors: { app: [], bare: [] }, pairs: [] };
  for (let i = 0; i < n; i++) {
    const pair = {};
    for (const side of i % 2 ? ['bare', 'app'] : ['app', 'bare']) {
      if (!sides[side]) continue;
      try {
        pair[side] = await sides[side](i);
        out[side].push(pair[side]);
      } catch (e) {
        out.errors[side].push(errText(e));
        log(`${what} run ${i + 1} ${side}: ${errText(e)}`);
      }
    }
    out.pairs.push(pair);
    onRound?.(i, pair);
  }
  return out;
}
