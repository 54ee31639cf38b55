// Browser tests need a Chromium from the machine (npx playwright install cannot download here).
// CHROMIUM_PATH, else /usr/bin/chromium; as root with apt-get, install Debian's chromium + CJK fonts.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { CHROMIUM_PATH } from './chromium.mjs';

const wanted = CHROMIUM_PATH;
if (existsSync(wanted)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
function hasApt() {
  try {
    execSync('command -v apt-get', { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
}
if (isRoot && hasApt() && !process.env.CHROMIUM_PATH) {
  console.log('Chromium not found: installing Debian packages chromium and fonts-noto-cjk …');
  execSync(
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk',
    {
      stdio: 'inherit',
      shell: '/bin/bash',
    },
  );
  if (existsSync(wanted)) process.exit(0);
}
console.error(
  `No Chromium at ${wanted}.\n` +
    'Browser tests drive a real Chromium. Install one (Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk)\n' +
    'or point CHROMIUM_PATH at a Chromium/Chrome binary, then run npm test again.',
);
process.exit(1);
