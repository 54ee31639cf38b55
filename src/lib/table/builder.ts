// The importer's growable columns: dictionary-encoded strings + typed arrays, cheap to build row by row. At the
// end they become a RowTable (table.ts), which the worker posts with its buffers transferred (wire.ts).
// Apart from table.ts so the first-load bundle, which makes tables with tableFromRows, does not carry it.
// Example: push(city=intern('wuhu'), indicator=intern('rd_intensity'), period=intern('2022'), value=3.1, ...)
//   then toTable('upload:my') -> a one-row table; rowAt(table, 0) -> { city: 'wuhu', ..., source: 'upload:my' }
import { COMPARATORS, KINDS, type Comparator, type Kind } from './fields';
import { packStrings } from './strings';
import { packFlags, type RowTable } from './table';

export function comparatorCode(c: Comparator): number {
  return COMPARATORS.indexOf(c);
}
export function kindCode(k: Kind): number {
  return KINDS.indexOf(k);
}

/** A row's flags from the importer's codes (see RowTable.flags). */
export function importedFlags(comparator: number, kind: number, redacted: boolean): number {
  return packFlags(comparator, kind, redacted ? 1 : 0);
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

  /**
   * The rows as a table with exact-size columns (source = `upload:<id>` on every row). The quotes are packed
   * into one string here, so no per-row string is kept past the import.
   */
  toTable(source: string): RowTable {
    const n = this.n;
    const src = this.intern(source);
    return {
      n,
      dict: this.strings,
      city: this.city.slice(0, n),
      indicator: this.indicator.slice(0, n),
      period: this.period.slice(0, n),
      unit: this.unit.slice(0, n),
      source: new Uint32Array(n).fill(src),
      note: this.note.slice(0, n),
      value: this.value.slice(0, n),
      flags: this.flags.slice(0, n),
      quotes: packStrings(this.quote),
    };
  }
}
