// Recognising a file uploaded before: by its bytes (the SHA-256 the importer gives, import/fingerprint.ts), else by
// its name.
import type { StoredDataset } from './types';

/**
 * What an upload repeats: `same-file` an upload of the same bytes; `same-name` one of a file of the same name
 * whose bytes differ, or cannot be told (`known: false`: either has no fingerprint). Pasted tables have no file
 * name (named: false) and are recognised by their bytes only.
 */
export type Repeat =
  { kind: 'same-file'; of: StoredDataset } | { kind: 'same-name'; of: StoredDataset; known: boolean };

/** repeatOf(saved, { fileName: 'wuhu.csv', fingerprint: 'ab…', named: true }) -> { kind: 'same-file', of } or null */
export function repeatOf(
  saved: readonly StoredDataset[],
  file: { fileName: string; fingerprint: string | undefined; named: boolean },
): Repeat | null {
  const fp = file.fingerprint;
  const same = fp ? saved.find((d) => d.fingerprint === fp) : undefined;
  if (same) return { kind: 'same-file', of: same };
  const named = file.named ? saved.find((d) => d.fileName === file.fileName) : undefined;
  return named ? { kind: 'same-name', of: named, known: !!fp && !!named.fingerprint } : null;
}
