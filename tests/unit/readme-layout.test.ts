// The README's "Layout of the code" is the newcomer's map: every folder it names exists, and every folder of
// src/lib and the top level is on it.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readRepoFile } from './helpers';

const root = resolve(import.meta.dirname, '../..');
const readme = readRepoFile('README.md');
const block = /## Layout of the code\n\n```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const listed = block
  .split('\n')
  .map((l) => l.split(/\s+/)[0]!.replace(/\/$/, ''))
  .filter(Boolean);
const dirs = (dir: string) =>
  readdirSync(resolve(root, dir)).filter((f) => statSync(resolve(root, dir, f)).isDirectory());

describe("the README's layout of the code", () => {
  it('names only folders that exist', () => {
    expect(listed.length).toBeGreaterThan(10);
    for (const path of listed) expect(existsSync(resolve(root, path)), path).toBe(true);
  });

  it('names every folder of src/lib and src/', () => {
    for (const d of dirs('src/lib')) expect(listed, `src/lib/${d}`).toContain(`src/lib/${d}`);
    for (const d of dirs('src').filter((d) => d !== 'lib')) expect(listed, `src/${d}`).toContain(`src/${d}`);
  });

  it('names every tracked top-level folder with code or data', () => {
    for (const d of ['build', 'data', 'scripts']) expect(listed).toContain(d);
  });
});
