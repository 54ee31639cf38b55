import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// base './' + hash routing: dist/ works from any static host, any sub-path, and file://.
export default defineConfig({
  base: './',
  plugins: [svelte()],
  // data/ holds the curated dataset; it is copied to dist/data by scripts in the build (see copyData).
  publicDir: 'public',
  build: { target: 'es2022', sourcemap: false, reportCompressedSize: false },
  worker: { format: 'es' },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
