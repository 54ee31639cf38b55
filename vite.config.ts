import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { viteSingleFile } from 'vite-plugin-singlefile';
import {
  cpSync,
  createReadStream,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { resolve, join, normalize, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { bundleCurated, CURATED_BUNDLE, CURATED_IN_PAGE } from './build/bundle.ts';

const dataDir = resolve(import.meta.dirname, 'data');
const single = !!process.env.SINGLE_FILE;

/** data/curated.json: the CSV and definition files of data/, read and checked now, not in the browser. */
const curatedJson = () => bundleCurated((file) => readFileSync(resolve(dataDir, '..', file), 'utf8'));

/** Every file the app fetches from data/, keyed by its relative path ('data/curated.json'). */
function dataFiles(): Record<string, string> {
  const out: Record<string, string> = { [CURATED_BUNDLE]: curatedJson() };
  for (const f of readdirSync(join(dataDir, 'reports')))
    out[`data/reports/${f}`] = readFileSync(join(dataDir, 'reports', f), 'utf8');
  return out;
}

/**
 * `virtual:inline-data`: null in the normal build (the app fetches data/ at run time); in the
 * single-file build, the data files themselves, so one HTML file works from file:// and e-mail.
 */
function inlineData(): Plugin {
  const id = 'virtual:inline-data';
  return {
    name: 'inline-data',
    resolveId: (src) => (src === id ? '\0' + id : undefined),
    load: (src) =>
      src === '\0' + id ? `export default ${single ? JSON.stringify(dataFiles()) : 'null'};` : undefined,
    // The built page carries the dataset itself, as a JSON data block (never run as a script, so the
    // CSP does not apply): read at start-up with no fetch to wait for (7-14 ms after the scripts ran).
    // The dev server fetches data/curated.json instead (a bad row answers 500 there, naming its line);
    // the single-file build has the data in its script (virtual:inline-data).
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) =>
        single || ctx.server
          ? []
          : [
              {
                tag: 'script',
                attrs: { type: 'application/json', id: CURATED_IN_PAGE },
                // '<' escaped so no text in the data can close the element.
                children: curatedJson().replaceAll('<', '\\u003c'),
                injectTo: 'body' as const,
              },
            ],
    },
  };
}

/**
 * data/ stays the single source of truth at the top of the repo: served at ./data/ in dev and
 * copied to dist/data/ at build, with data/curated.json made from it (what the app fetches at start-up;
 * a bad curated row fails the build, or answers 500 in dev, naming its line).
 */
function curatedData(): Plugin {
  let outDir: string | null = null;
  return {
    name: 'curated-data',
    configResolved(config) {
      // Vitest resolves a dummy outDir: copy only in a real build.
      outDir =
        config.command === 'build' && !process.env.VITEST ? resolve(config.root, config.build.outDir) : null;
    },
    configureServer(server) {
      server.middlewares.use('/data', (req, res, next) => {
        const rel = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/'));
        if (`data${rel}` === CURATED_BUNDLE) {
          try {
            const body = curatedJson();
            res.setHeader('Content-Type', 'application/json; charset=utf-8');
            res.end(body);
          } catch (e) {
            res.statusCode = 500;
            res.end(String(e));
          }
          return;
        }
        const file = join(dataDir, rel);
        if (!file.startsWith(dataDir + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        const type = file.endsWith('.json')
          ? 'application/json'
          : file.endsWith('.csv')
            ? 'text/csv'
            : 'text/plain';
        res.setHeader('Content-Type', `${type}; charset=utf-8`);
        createReadStream(file).pipe(res);
      });
    },
    closeBundle() {
      if (!outDir || single) return;
      cpSync(dataDir, join(outDir, 'data'), { recursive: true });
      writeFileSync(join(outDir, CURATED_BUNDLE), curatedJson());
    },
  };
}

/**
 * The single-file build inlines its script and styles, which `script-src 'self'` would block: replace
 * 'self' with the SHA-256 of exactly those inline blocks, so the CSP stays strict in that file too.
 */
function cspForInlined(): Plugin {
  const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
  return {
    name: 'csp-for-inlined',
    enforce: 'post',
    // After vite-plugin-singlefile has inlined everything (it does so in generateBundle).
    writeBundle(opts) {
      const file = join(opts.dir ?? 'dist-single', 'index.html');
      let text = readFileSync(file, 'utf8');
      const script = /<script(?:\s[^>]*)?>([\s\S]*?)<\/script>/g;
      const scripts = [...text.matchAll(script)].map((m) => sha(m[1] ?? ''));
      // Styles outside the scripts only: the inlined code holds markup of its own (SheetJS writes ODS's
      // `<style:style …>`), which a pattern over the whole page took for a style block.
      const outside = text.replace(script, '');
      const styles = [...outside.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/g)].map((m) =>
        sha(m[1] ?? ''),
      );
      text = text
        // The file:// notice's stylesheet (public/boot.css) is for dist/, whose script cannot run from a file.
        .replace(/<link rel="stylesheet" href="[^"]*boot\.css"\s*\/?>\s*/, '')
        .replace("script-src 'self'", `script-src ${scripts.join(' ')}`)
        .replace("style-src 'self'", `style-src 'self' ${styles.join(' ')}`)
        .replace("worker-src 'self'", "worker-src 'self' blob:");
      writeFileSync(file, text);
    },
  };
}

/**
 * The dev server injects each component's CSS as a <style> element, which index.html's
 * `style-src 'self'` blocks: the page came up unstyled, its chart boxes had no height and no chart
 * was ever drawn. Served by `vite` (dev) only; built pages keep the strict policy.
 */
function devStyles(): Plugin {
  return {
    name: 'dev-styles',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  };
}

// base './' + hash routing: dist/ works from any static host, any sub-path.
export default defineConfig({
  base: './',
  plugins: [
    svelte(),
    curatedData(),
    inlineData(),
    devStyles(),
    ...(single ? [viteSingleFile(), cspForInlined()] : []),
  ],
  build: {
    target: 'es2022',
    // Terser, two passes: 1.4 KB gzip less first-load JS than Vite's default minifier (measured on this build),
    // at about 15 s more per build.
    minify: 'terser',
    terserOptions: { compress: { passes: 2 } },
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1200,
    outDir: single ? 'dist-single' : 'dist',
  },
  worker: { format: 'es' },
  // The dev server's dependency scan starts at the app's page only: bench/bare/index.html imports
  // a module only the benchmark provides, and the failed scan turned pre-bundling off.
  optimizeDeps: { entries: ['index.html'] },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
