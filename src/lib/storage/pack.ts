// Rows as IndexedDB keeps them: columns of dictionary indexes and a Float64Array, not a million objects.
// Structured-cloning typed arrays is a copy; cloning 1M small objects is seconds of frozen page.
// Packing and unpacking yield every slice, so no main-thread task runs long.
import { COMPARATORS, KINDS, STATUSES } from '../data/types';
import type { Observation } from '../data/types';
import { emptyIndex, indexRows, rememberIndex } from '../data/dataset';
import { LIMITS } from './validate';
import { packStrings, unpackStrings, type PackedStrings } from '../data/packedStrings';

const TEXT = ['city', 'indicator', 'period', 'unit', 'source', 'quote', 'note'] as const;
type TextField = (typeof TEXT)[number];
const MAX_LEN: Record<TextField, number> = {
  city: LIMITS.id,
  indicator: LIMITS.id,
  period: 32,
  unit: LIMITS.shortText,
  source: LIMITS.shortText,
  quote: LIMITS.longText,
  note: LIMITS.longText,
};
// ~10 ms of packing per task on the 2-core machines here (50k rows made 50 ms tasks).
const SLICE = 10_000;
export const MAX_PACKED_ROWS = 2_000_000;

export interface PackedRows {
  format: 'columns-v2';
  n: number;
  /**
   * Every distinct string of the text columns, packed as one string (v1 kept a string array: half a
   * million values as strings made IndexedDB's put a 100 ms serialisation on the main thread).
   */
  dict: PackedStrings;
  /** Per text field, one index into `dict` per row. */
  text: Record<TextField, Uint32Array>;
  /** NaN where the value is null (missing or masked). */
  value: Float64Array;
  /** comparator index | kind index << 3 | status index << 5 */
  flags: Uint8Array;
}

/** A row that cannot be stored (never one the importer made); names the row and field. */
export class PackError extends Error {
  constructor(
    readonly row: number,
    readonly field: string,
  ) {
    super(`row ${row + 1}: invalid ${field}`);
  }
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/** packRows([{city:'wuhu', …}]) -> {format:'columns-v1', n: 1, dict: ['wuhu', …], …} */
export async function packRows(rows: readonly Observation[]): Promise<PackedRows> {
  const n = rows.length;
  const dict: string[] = [];
  const seen = new Map<string, number>();
  const id = (s: string) => {
    let i = seen.get(s);
    if (i === undefined) {
      i = dict.length;
      dict.push(s);
      seen.set(s, i);
    }
    return i;
  };
  const text = Object.fromEntries(TEXT.map((f) => [f, new Uint32Array(n)])) as Record<TextField, Uint32Array>;
  const value = new Float64Array(n);
  const flags = new Uint8Array(n);
  for (let start = 0; start < n; start += SLICE) {
    if (start) await tick();
    const end = Math.min(n, start + SLICE);
    for (let i = start; i < end; i++) {
      const r = rows[i] as Observation;
      for (const f of TEXT) {
        const v = r[f];
        if (typeof v !== 'string' || v.length > MAX_LEN[f]) throw new PackError(i, f);
        (text[f] as Uint32Array)[i] = id(v);
      }
      if (r.value !== null && !Number.isFinite(r.value)) throw new PackError(i, 'value');
      value[i] = r.value === null ? NaN : r.value;
      const c = COMPARATORS.indexOf(r.comparator);
      const k = KINDS.indexOf(r.kind);
      const s = STATUSES.indexOf(r.status);
      if (c < 0 || k < 0 || s < 0) throw new PackError(i, 'comparator/kind/status');
      flags[i] = c | (k << 3) | (s << 5);
    }
  }
  return { format: 'columns-v2', n, dict: packStrings(dict), text, value, flags };
}

export type Unpacked = { ok: true; rows: Observation[] } | { ok: false; problem: { zh: string; en: string } };

const bad = (en: string, zh: string): Unpacked => ({ ok: false, problem: { zh, en } });

/** The dictionary of a v2 record (packed) or a v1 record (an array); null when damaged. */
function readDict(format: unknown, raw: unknown): string[] | null {
  if (format === 'columns-v1')
    return Array.isArray(raw) && raw.every((s) => typeof s === 'string') ? (raw as string[]) : null;
  const p = raw as Partial<PackedStrings> | null;
  if (typeof p !== 'object' || p === null || typeof p.text !== 'string' || !(p.ends instanceof Uint32Array))
    return null;
  let at = 0;
  for (const end of p.ends) {
    if (end < at) return null;
    at = end;
  }
  return at === p.text.length ? unpackStrings(p as PackedStrings) : null;
}

/** unpackRows(packed) -> fresh Observation objects, or the first problem (a damaged record is set aside). */
export async function unpackRows(raw: unknown): Promise<Unpacked> {
  if (typeof raw !== 'object' || raw === null) return bad('rows are missing', '缺少数据行');
  const p = raw as Partial<Omit<PackedRows, 'format'>> & { format?: unknown };
  const n = p.n;
  if (
    (p.format !== 'columns-v2' && p.format !== 'columns-v1') ||
    typeof n !== 'number' ||
    !Number.isInteger(n) ||
    n < 0 ||
    n > MAX_PACKED_ROWS
  )
    return bad('unknown row format', '无法识别的数据行格式');
  const dict = readDict(p.format, p.dict);
  if (!dict) return bad('damaged string table', '字符串表已损坏');
  if (
    !(p.value instanceof Float64Array) ||
    p.value.length !== n ||
    !(p.flags instanceof Uint8Array) ||
    p.flags.length !== n
  )
    return bad('damaged value columns', '数值列已损坏');
  const cols = p.text;
  if (typeof cols !== 'object' || cols === null) return bad('damaged text columns', '文本列已损坏');
  for (const f of TEXT) {
    const c = (cols as Record<string, unknown>)[f];
    if (!(c instanceof Uint32Array) || c.length !== n) return bad(`damaged column ${f}`, `${f} 列已损坏`);
  }
  const rows: Observation[] = new Array(n);
  // Indexed slice by slice as the rows are rebuilt, so showing them does not scan them all at once.
  const index = emptyIndex();
  const t = cols as Record<TextField, Uint32Array>;
  // Each cell is checked as it is read (in the slices, not in one pass over all columns first).
  let damaged: TextField | null = null;
  const s = (f: TextField, i: number) => {
    const v = dict[(t[f] as Uint32Array)[i] as number];
    if (v === undefined || v.length > MAX_LEN[f]) {
      damaged ??= f;
      return '';
    }
    return v;
  };
  for (let start = 0; start < n; start += SLICE) {
    if (start) await tick();
    const end = Math.min(n, start + SLICE);
    for (let i = start; i < end; i++) {
      const fl = p.flags[i] as number;
      const comparator = COMPARATORS[fl & 7];
      const kind = KINDS[(fl >> 3) & 3];
      const status = STATUSES[(fl >> 5) & 1];
      const v = p.value[i] as number;
      if (!comparator || !kind || !status || fl >> 6 || v === Infinity || v === -Infinity)
        return bad(`damaged row ${i + 1}`, `第 ${i + 1} 条数据已损坏`);
      const row: Observation = {
        city: s('city', i),
        indicator: s('indicator', i),
        period: s('period', i),
        value: Number.isNaN(v) ? null : v,
        unit: s('unit', i),
        comparator,
        kind,
        status,
        source: s('source', i),
        quote: s('quote', i),
        note: s('note', i),
      };
      if (damaged) return bad(`damaged column ${damaged}`, `${damaged} 列已损坏`);
      if (!row.city || !row.indicator) return bad(`damaged row ${i + 1}`, `第 ${i + 1} 条数据已损坏`);
      rows[i] = row;
    }
    indexRows(rows, index, start, end);
  }
  rememberIndex(rows, index);
  return { ok: true, rows };
}
