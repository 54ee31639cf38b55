// Observations as columns: dictionary-encoded strings + typed arrays. Cheap to build row by row, cheap to send
// from the worker (typed arrays are transferred, strings travel as one packed string), and rebuilt into
// Observation objects in slices that let the main thread breathe.
// Example: push(city='wuhu', indicator='rd_intensity', period='2022', value=3.1, ...) then materialize(cols, 0, 1, out)
//   -> out[0] = { city: 'wuhu', indicator: 'rd_intensity', period: '2022', value: 3.1, unit: '%', comparator: '=',
//                 kind: 'actual', status: 'reported', source: 'upload:my', quote: '3.10', note: '' }

import type { Comparator, Kind, Observation, Status } from '../data/types';
import { packStrings, type PackedStrings } from '../data/packedStrings';

export const COMPARATOR_CODES: readonly Comparator[] = ['=', '>', '>=', '<', '<=', '~'];
export const KIND_CODES: readonly Kind[] = ['actual', 'target', 'derived', 'reference'];

export function comparatorCode(c: Comparator): number {
  return COMPARATOR_CODES.indexOf(c);
}
export function kindCode(k: Kind): number {
  return KIND_CODES.indexOf(k);
}

const REDACTED = 32;

/** flags = comparator (bits 0-2) | kind (bits 3-4) | redacted (bit 5). */
export function packFlags(comparator: number, kind: number, redacted: boolean): number {
  return comparator | (kind << 3) | (redacted ? REDACTED : 0);
}

/** Growable columns; `strings` is the dictionary that city / indicator / period / unit / note index into. */
export class ObservationColumns {
  n = 0;
  city: Uint32Array;
  indicator: Uint32Array;
  period: Uint32Array;
  unit: Uint32Array;
  note: Uint32Array;
  line: Uint32Array;
  value: Float64Array;
  flags: Uint8Array;
  quote: string[] = [];
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(capacity = 1024) {
    const c = Math.max(16, capacity);
    this.city = new Uint32Array(c);
    this.indicator = new Uint32Array(c);
    this.period = new Uint32Array(c);
    this.unit = new Uint32Array(c);
    this.note = new Uint32Array(c);
    this.line = new Uint32Array(c);
    this.value = new Float64Array(c);
    this.flags = new Uint8Array(c);
    this.intern('');
  }

  /** Dictionary index of `s` (added on first use). */
  intern(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  private grow(): void {
    const c = this.city.length * 2;
    const g = <T extends Uint32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(c);
      b.set(a);
      return b;
    };
    this.city = g(this.city, (n) => new Uint32Array(n));
    this.indicator = g(this.indicator, (n) => new Uint32Array(n));
    this.period = g(this.period, (n) => new Uint32Array(n));
    this.unit = g(this.unit, (n) => new Uint32Array(n));
    this.note = g(this.note, (n) => new Uint32Array(n));
    this.line = g(this.line, (n) => new Uint32Array(n));
    this.value = g(this.value, (n) => new Float64Array(n));
    this.flags = g(this.flags, (n) => new Uint8Array(n));
  }

  /** Appends one observation; `value` NaN = null. Arguments other than value / quote are dictionary indexes. */
  push(
    city: number,
    indicator: number,
    period: number,
    value: number,
    unit: number,
    flags: number,
    quote: string,
    note: number,
    line: number,
  ): void {
    const i = this.n;
    if (i === this.city.length) this.grow();
    this.city[i] = city;
    this.indicator[i] = indicator;
    this.period[i] = period;
    this.value[i] = value;
    this.unit[i] = unit;
    this.flags[i] = flags;
    this.note[i] = note;
    this.line[i] = line;
    this.quote.push(quote);
    this.n = i + 1;
  }

  /** Exact-size copies of the columns, in the shape sent over postMessage (quotes and strings packed). */
  toWire(source: string): WireColumns {
    const n = this.n;
    return {
      n,
      source,
      strings: packStrings(this.strings),
      quotes: packStrings(this.quote),
      city: this.city.slice(0, n),
      indicator: this.indicator.slice(0, n),
      period: this.period.slice(0, n),
      unit: this.unit.slice(0, n),
      note: this.note.slice(0, n),
      line: this.line.slice(0, n),
      value: this.value.slice(0, n),
      flags: this.flags.slice(0, n),
    };
  }
}

/** The columns as posted by the worker (all typed arrays exact-size, transferable). */
export interface WireColumns {
  n: number;
  source: string;
  strings: PackedStrings;
  quotes: PackedStrings;
  city: Uint32Array;
  indicator: Uint32Array;
  period: Uint32Array;
  unit: Uint32Array;
  note: Uint32Array;
  line: Uint32Array;
  value: Float64Array;
  flags: Uint8Array;
}

/** Buffers to transfer with a WireColumns. */
export function wireTransferables(w: WireColumns): ArrayBuffer[] {
  return [
    w.strings.ends,
    w.quotes.ends,
    w.city,
    w.indicator,
    w.period,
    w.unit,
    w.note,
    w.line,
    w.value,
    w.flags,
  ].map((a) => a.buffer as ArrayBuffer);
}

interface ColumnsView {
  city: Uint32Array;
  indicator: Uint32Array;
  period: Uint32Array;
  unit: Uint32Array;
  note: Uint32Array;
  value: Float64Array;
  flags: Uint8Array;
}

/**
 * Builds Observations [from, to) into `out` (pushed in order). `strings` is the unpacked dictionary; `quoteAt(i)`
 * gives row i's raw cell text. Line numbers stay in the `line` column (ImportSuccess.lines), not in the note.
 */
export function materialize(
  c: ColumnsView,
  strings: readonly string[],
  source: string,
  quoteAt: (i: number) => string,
  from: number,
  to: number,
  out: Observation[],
): void {
  const statusOf: readonly Status[] = ['reported', 'redacted'];
  for (let i = from; i < to; i++) {
    const f = c.flags[i]!;
    const v = c.value[i]!;
    out.push({
      city: strings[c.city[i]!]!,
      indicator: strings[c.indicator[i]!]!,
      period: strings[c.period[i]!]!,
      value: v === v ? v : null,
      unit: strings[c.unit[i]!]!,
      comparator: COMPARATOR_CODES[f & 7]!,
      kind: KIND_CODES[(f >> 3) & 3]!,
      status: statusOf[(f >> 5) & 1]!,
      source,
      quote: quoteAt(i),
      note: strings[c.note[i]!]!,
    });
  }
}

/** Quote accessor over packed quotes. */
export function packedAt(p: PackedStrings): (i: number) => string {
  const { text, ends } = p;
  return (i) => text.slice(i === 0 ? 0 : ends[i - 1]!, ends[i]!);
}
