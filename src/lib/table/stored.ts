// Rows as IndexedDB keeps them: the table's columns in one Blob (a handle: IndexedDB's put then copies a few
// strings, not ~40 MB of typed arrays on the main thread), its dictionary and quotes as two strings. Records of
// earlier versions (columns-v1 / -v2) are still read, as tables too. Reading checks every cell and indexes the
// rows in slices that yield, so no main-thread task runs long and no Observation object is made.
import { COMPARATORS, FIELD_MAX, TABLE_TEXT } from './fields';
import type { Bilingual } from '../i18n/bilingual';
import { tableMessages } from './messages';
import { indexInSlices, inSlices } from './slices';
import { packStrings, unpackStrings, type PackedStrings } from './strings';
import type { RowTable } from './table';

const TEXT = ['city', 'indicator', 'period', 'unit', 'source', 'quote', 'note'] as const;
type TextField = (typeof TEXT)[number];
export const MAX_PACKED_ROWS = 2_000_000;

/** Bytes per row in `bytes`: value (f64), the six text columns and the quote ends (u32), flags (u8). */
const ROW_BYTES = 8 + 4 * TABLE_TEXT.length + 4 + 1;

export interface PackedRows {
  format: 'columns-v3';
  n: number;
  /** The table's dictionary. */
  dict: PackedStrings;
  /** Every row's quote, one after the other (their ends are in `bytes`). */
  quotes: string;
  /** value | city | indicator | period | unit | source | note | quote ends | flags, n of each. */
  bytes: Blob | ArrayBuffer;
}

/** packRows(table) -> the record's `packed` field; `asBlob: false` where a store cannot keep Blobs. */
export async function packRows(t: RowTable, asBlob = true): Promise<PackedRows> {
  const parts = [t.value, ...TABLE_TEXT.map((f) => t[f]), t.quotes.ends, t.flags];
  const blob = new Blob(parts as BlobPart[]);
  return {
    format: 'columns-v3',
    n: t.n,
    dict: packStrings(t.dict),
    quotes: t.quotes.text,
    bytes: asBlob ? blob : await blob.arrayBuffer(),
  };
}

export type UnpackedTable = { ok: true; table: RowTable } | { ok: false; problem: Bilingual };

const damaged = (problem: Bilingual): UnpackedTable => ({ ok: false, problem });
const damagedRow = (i: number, field = '') =>
  damaged(tableMessages.both('damagedRow', { row: i + 1, field }));

/** Every end inside the text and in order. */
function endsFit(ends: Uint32Array, length: number): boolean {
  let at = 0;
  for (const end of ends) {
    if (end < at) return false;
    at = end;
  }
  return at === length;
}

async function bytesOf(raw: unknown): Promise<ArrayBuffer | null> {
  try {
    if (raw instanceof ArrayBuffer) return raw;
    if (typeof Blob === 'function' && raw instanceof Blob) return await raw.arrayBuffer();
  } catch {
    /* unreadable blob: damaged */
  }
  return null;
}

/** The table of a columns-v3 record, before its cells are checked; null when its shape is wrong. */
async function tableOf(p: Partial<Omit<PackedRows, 'format'>>, n: number): Promise<RowTable | null> {
  const d = p.dict;
  if (typeof p.quotes !== 'string' || typeof d !== 'object' || d === null) return null;
  if (typeof d.text !== 'string' || !(d.ends instanceof Uint32Array) || !endsFit(d.ends, d.text.length))
    return null;
  const buf = await bytesOf(p.bytes);
  if (!buf || buf.byteLength !== n * ROW_BYTES) return null;
  let at = 0;
  const u32 = () => new Uint32Array(buf, (at += 4 * n) - 4 * n, n);
  const value = new Float64Array(buf, 0, n);
  at = 8 * n;
  const [city, indicator, period, unit, source, note, ends] = [
    u32(),
    u32(),
    u32(),
    u32(),
    u32(),
    u32(),
    u32(),
  ];
  const flags = new Uint8Array(buf, at, n);
  if (!endsFit(ends!, p.quotes.length)) return null;
  return {
    n,
    dict: unpackStrings(d as PackedStrings),
    city: city!,
    indicator: indicator!,
    period: period!,
    unit: unit!,
    source: source!,
    note: note!,
    value,
    flags,
    quotes: { text: p.quotes, ends: ends! },
  };
}

/** The first damaged cell of rows [from, to): its problem, or null. */
function damageIn(t: RowTable, from: number, to: number): UnpackedTable | null {
  const { dict } = t;
  const quoteEnds = t.quotes.ends;
  for (let i = from; i < to; i++) {
    for (const f of TABLE_TEXT) {
      const s = dict[t[f][i]!];
      if (s === undefined || s.length > FIELD_MAX[f] || (s === '' && (f === 'city' || f === 'indicator')))
        return damagedRow(i, f);
    }
    const fl = t.flags[i]!;
    const v = t.value[i]!;
    if (fl >> 6 || (fl & 7) >= COMPARATORS.length || v === Infinity || v === -Infinity) return damagedRow(i);
    if (quoteEnds[i]! - (i ? quoteEnds[i - 1]! : 0) > FIELD_MAX.quote) return damagedRow(i, 'quote');
  }
  return null;
}

/**
 * Checks every cell of a table (dictionary indexes, lengths, flags, numbers) and, unless `index` is false (a table
 * being saved is indexed already), indexes its rows, in time slices; the first problem names the row and the field.
 */
export async function checkTable(t: RowTable, index = true): Promise<UnpackedTable> {
  let problem: UnpackedTable | null = null;
  const check = (from: number, to: number) => !(problem = damageIn(t, from, to));
  await (index ? indexInSlices(t, { check }) : inSlices(t.n, check));
  return problem ?? { ok: true, table: t };
}

/** unpackRows(record.packed) -> the rows as a checked, indexed table, or the first problem (the record is set aside). */
export async function unpackRows(raw: unknown): Promise<UnpackedTable> {
  if (typeof raw !== 'object' || raw === null) return damaged(tableMessages.both('rowsMissing'));
  const p = raw as Partial<Omit<PackedRows, 'format'>> & { format?: unknown };
  const n = p.n;
  const legacy = p.format === 'columns-v1' || p.format === 'columns-v2';
  if (
    (p.format !== 'columns-v3' && !legacy) ||
    typeof n !== 'number' ||
    !Number.isInteger(n) ||
    n < 0 ||
    n > MAX_PACKED_ROWS
  )
    return damaged(tableMessages.both('unknownRowFormat'));
  const t = legacy ? legacyTable(raw as Partial<LegacyRows>, n) : await tableOf(p, n);
  return t ? checkTable(t) : damaged(tableMessages.both('damagedColumns'));
}

/** columns-v1 / -v2: one dictionary for every text column (quotes too); v1 kept it as an array. */
interface LegacyRows {
  format: 'columns-v1' | 'columns-v2';
  n: number;
  dict: PackedStrings | string[];
  text: Record<TextField, Uint32Array>;
  value: Float64Array;
  flags: Uint8Array;
}

/** The dictionary of a v2 record (packed) or a v1 record (an array); null when damaged. */
function readDict(format: unknown, raw: unknown): string[] | null {
  if (format === 'columns-v1')
    return Array.isArray(raw) && raw.every((s) => typeof s === 'string') ? (raw as string[]) : null;
  const p = raw as Partial<PackedStrings> | null;
  if (typeof p !== 'object' || p === null || typeof p.text !== 'string' || !(p.ends instanceof Uint32Array))
    return null;
  return endsFit(p.ends, p.text.length) ? unpackStrings(p as PackedStrings) : null;
}

/**
 * A record of an earlier version as a table, before its cells are checked; null when its shape is wrong. Its
 * dictionary serves the table's text columns as it is (same indexes, same flags); only the quotes, which it
 * kept as dictionary indexes too, are packed here.
 */
function legacyTable(p: Partial<LegacyRows>, n: number): RowTable | null {
  const dict = readDict(p.format, p.dict);
  const cols = p.text as Partial<Record<TextField, unknown>> | undefined;
  if (
    !dict ||
    !(p.value instanceof Float64Array) ||
    p.value.length !== n ||
    !(p.flags instanceof Uint8Array) ||
    p.flags.length !== n ||
    typeof cols !== 'object' ||
    cols === null
  )
    return null;
  const text = {} as Record<TextField, Uint32Array>;
  for (const f of TEXT) {
    const c = cols[f];
    if (!(c instanceof Uint32Array) || c.length !== n) return null;
    text[f] = c;
  }
  const quotes = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const q = dict[text.quote[i]!];
    if (q === undefined) return null;
    quotes[i] = q;
  }
  return {
    n,
    dict,
    city: text.city,
    indicator: text.indicator,
    period: text.period,
    unit: text.unit,
    source: text.source,
    note: text.note,
    value: p.value,
    flags: p.flags,
    quotes: packStrings(quotes),
  };
}
