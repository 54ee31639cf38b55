import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { resolve, join, normalize, sep } from 'node:path';

const dataDir = resolve(import.meta.dirname, 'data');

/**
 * data/ stays the single source of truth at the top of the repo: served at ./data/ in dev and
 * copied to dist/data/ at build, where the app fetches it at run time (no copy of numbers in TS).
 */
function curatedData(): Plugin {
  let outDir = 'dist';
  return {
    name: 'curated-data',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use('/data', (req, res, next) => {
        const rel = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/'));
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
      if (!process.env.SINGLE_FILE) cpSync(dataDir, join(outDir, 'data'), { recursive: true });
    },
  };
}

// base './' + hash routing: dist/ works from any static host, any sub-path.
export default defineConfig({
  base: './',
  plugins: [svelte(), curatedData()],
  build: { target: 'es2022', reportCompressedSize: false, chunkSizeWarningLimit: 1200 },
  worker: { format: 'es' },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
