// A row table as it travels from the import worker (postMessage): its dictionary packed into one string, its
// buffers transferred, so the main thread copies a few large things instead of a million small strings.
import { TABLE_TEXT } from './fields';
import { packStrings, unpackStrings, type PackedStrings } from './strings';
import type { RowTable } from './table';

/** A table whose dictionary is packed into one string. */
export type PackedTable = Omit<RowTable, 'dict'> & { dict: PackedStrings };

export function packTable(t: RowTable): PackedTable {
  return { ...t, dict: packStrings(t.dict) };
}

export function unpackTable(p: PackedTable): RowTable {
  return { ...p, dict: unpackStrings(p.dict) };
}

/** The buffers to transfer with a packed table (postMessage). */
export function tableBuffers(p: PackedTable): ArrayBuffer[] {
  return [p.dict.ends, p.quotes.ends, ...TABLE_TEXT.map((f) => p[f]), p.value, p.flags].map(
    (a) => a.buffer as ArrayBuffer,
  );
}
