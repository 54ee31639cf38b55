// The deterministic part of the performance budget, run in `npm test`: the JavaScript a first visit
// loads (entry + modulepreloaded chunks named in dist/index.html), gzip -9, must stay ≤ 230 KB.
// Timings live in `npm run bench`, never in a test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 230 * 1024;
const dist = process.argv[2] ?? 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = [
  ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.\/([^"]+\.js)"/g),
].map((m) => m[1]);
if (!files.length) {
  console.error(`size-check: no scripts found in ${dist}/index.html`);
  process.exit(1);
}
let total = 0;
for (const f of files) {
  const gz = gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
  total += gz;
  console.log(`  ${(gz / 1024).toFixed(1).padStart(7)} KB  ${f}`);
}
const ok = total <= BUDGET;
console.log(
  `size-check: initial JS ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET / 1024} KB): ${ok ? 'OK' : 'OVER BUDGET'}`,
);
process.exit(ok ? 0 : 1);
