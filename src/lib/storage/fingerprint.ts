// Recognising a file uploaded before: by its bytes (SHA-256), else by its name.
import type { StoredDataset } from './types';

/**
 * The SHA-256 of the bytes, as 64 hex digits; undefined where the browser offers no digest (crypto.subtle is
 * missing on a page served over plain http from another host) or it fails.
 * await fingerprintOf(new Blob(['abc'])) -> 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export async function fingerprintOf(blob: Blob): Promise<string | undefined> {
  try {
    const subtle = globalThis.crypto?.subtle;
    if (!subtle) return undefined;
    const digest = new Uint8Array(await subtle.digest('SHA-256', await blob.arrayBuffer()));
    return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return undefined;
  }
}

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
