// The benchmark's static hosts: scripts/serve.mjs in a child process per folder (loopback, no
// caching, ephemeral port), as a real static host would serve the pages.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ROOT, withTimeout } from './util.mjs';

/**
 * serve('dist') -> { url, close }: scripts/serve.mjs in a process of its own, as a real static host.
 * Served from this process, every file waited behind the driver's own traffic (Playwright's CDP
 * messages share this event loop): a page of eight files paid that more than one of three (same
 * builds, interleaved loads: ratio 1.28 served from here, 1.18 from a separate process).
 */
export function serve(dir) {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.mjs'), resolve(dir), '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const close = () => {
    if (child.exitCode === null) child.kill();
  };
  process.once('exit', close); // also when the bench fails or is interrupted
  return withTimeout(
    new Promise((resolvePromise, reject) => {
      let out = '';
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`static server for ${dir} exited (${code})`)));
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const m = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolvePromise({ url: m[1], close });
      });
    }),
    15_000,
    `starting the static server for ${dir}`,
  ).catch((e) => {
    close();
    throw e;
  });
}
