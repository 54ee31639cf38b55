// `npm run dev`, the README's first command, must open on a clean screen: Vite warns when its config reaches an
// import without a file extension (unsupported by its coming native config loader). vite.config.ts reaches
// build/ and the few src/lib files that build/ reads; their imports name their files.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfigFromFile } from 'vite';

afterEach(() => vi.restoreAllMocks());

describe('vite.config.ts', () => {
  it('loads without a warning', async () => {
    const said: string[] = [];
    for (const k of ['log', 'info', 'warn', 'error'] as const)
      vi.spyOn(console, k).mockImplementation((...a: unknown[]) => void said.push(a.join(' ')));
    const loaded = await loadConfigFromFile(
      { command: 'serve', mode: 'development' },
      undefined,
      process.cwd(),
    );
    expect(loaded?.path).toMatch(/vite\.config\.ts$/);
    expect(said).toEqual([]);
  });
});
