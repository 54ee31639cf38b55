// The per-cell lookups of an import, each resolved once per distinct cell text (a million rows name a few
// dozen cities, indicators and years): city -> place index, name -> indicator entry, year -> period index, and
// the kind / comparator / note columns. Indexes are into the columns' string table (ObservationColumns.intern).
// Example: lookups.period('2022') -> 7 (no Map lookup for a plain year); lookups.city('合计') -> CITY_TOTAL

import type { IndicatorDef } from '../data/types';
import type { Kind } from '../table/fields';
import type { Msg } from './types';
import { comparatorCode, kindCode, type ObservationColumns } from '../table/builder';
import { IndicatorRegistry } from './indicators';
import { isTotalName, PlaceRegistry } from './places';
import { readComparator } from './numbers';
import { MAX_YEAR, MIN_YEAR, readPeriod } from './periods';
import { cleanText } from './text';
import { nameUnitOf, parseUnit, type UnitSpec } from './units';
import { isBlank, isFootnote } from './cells';

export const CITY_EMPTY = -1;
export const CITY_TOTAL = -2;
const CITY_FOOTNOTE = -3;
export const PERIOD_BAD = -1;
const PERIOD_MASKED = -2;

const KIND_WORDS = new Map<string, Kind>([
  ['', 'actual'],
  ['actual', 'actual'],
  ['实际', 'actual'],
  ['实际值', 'actual'],
  ['实绩', 'actual'],
  ['完成', 'actual'],
  ['完成值', 'actual'],
  ['target', 'target'],
  ['目标', 'target'],
  ['目标值', 'target'],
  ['计划', 'target'],
  ['规划', 'target'],
  ['力争', 'target'],
  ['预期', 'target'],
  ['plan', 'target'],
  ['goal', 'target'],
  ['reference', 'reference'],
  ['参考', 'reference'],
  ['参考值', 'reference'],
  ['参照', 'reference'],
  ['对比', 'reference'],
  ['对照', 'reference'],
  ['derived', 'derived'],
  ['推算', 'derived'],
  ['计算', 'derived'],
  ['估算', 'derived'],
  ['computed', 'derived'],
]);

/** A status cell that says the figure is masked in its source (the dashboard's export: 已遮蔽 / masked). */
const MASKED_STATUS = new Set(['已遮蔽', '遮蔽', '已遮盖', '遮盖', 'masked', 'redacted']);

/** A year the report masks, relative to its own ('Y-1', 'Y', 'Y+1'), as the dashboard's export writes it. */
const RELATIVE_PERIOD = /^y(?:[+-][1-9])?$/;

export type UnitPlan =
  { ok: true; exp: number; warn: Msg | null; note: string } | { ok: false; code: string; reason: Msg };

export interface IndEntry {
  def: IndicatorDef;
  idIdx: number;
  user: boolean;
  /** Unit decided (known indicators with a unit: always; others: at their first number). */
  fixed: boolean;
  target: UnitSpec | null;
  unitIdx: number;
  /** Unit plans by where the unit was stated (a constant Msg object), then by the unit text. */
  plans: Map<Msg, Map<string, UnitPlan>>;
}

/** An indicator as named on a row: the entry plus the unit in the name's brackets ('研发经费（万元）' -> '万元'). */
export interface IndRef {
  e: IndEntry;
  nameUnit: string;
}

export class Lookups {
  readonly places: PlaceRegistry;
  readonly indicators: IndicatorRegistry;
  private readonly cityCache = new Map<string, number>();
  private readonly indCache = new Map<string, IndRef | null>();
  private readonly entries = new Map<IndicatorDef, IndEntry>();
  private readonly periodCache = new Map<string, number>();
  /** Why a period text was refused, by the text (read when the row is reported). */
  readonly periodErrors = new Map<string, { code: string; error: Msg }>();
  private readonly kindCache = new Map<string, number>();
  private readonly cmpCache = new Map<string, number>();
  private readonly maskedCache = new Map<string, boolean>();
  private readonly noteCache = new Map<string, string>();
  private lastInd: IndRef | null = null;
  private lastIndRaw = '\u0000';
  private lastCity = CITY_EMPTY;
  private lastCityRaw = '\u0000';
  private readonly yearIdx = new Int32Array(MAX_YEAR - MIN_YEAR + 1).fill(-1);

  constructor(
    private readonly cols: ObservationColumns,
    places: ConstructorParameters<typeof PlaceRegistry>[0],
    indicators: ConstructorParameters<typeof IndicatorRegistry>[0],
  ) {
    this.places = new PlaceRegistry(places);
    this.indicators = new IndicatorRegistry(indicators);
  }

  city(raw: string): number {
    if (raw === this.lastCityRaw) return this.lastCity;
    let c = this.cityCache.get(raw);
    if (c === undefined) {
      if (isBlank(raw)) c = CITY_EMPTY;
      else if (isTotalName(raw)) c = CITY_TOTAL;
      else if (isFootnote(cleanText(raw))) c = CITY_FOOTNOTE;
      else {
        const p = this.places.resolve(raw);
        c = p ? this.cols.intern(p.id) : CITY_EMPTY;
      }
      this.cityCache.set(raw, c);
    }
    this.lastCityRaw = raw;
    return (this.lastCity = c);
  }

  entry(def: IndicatorDef): IndEntry {
    let e = this.entries.get(def);
    if (e) return e;
    const user = this.indicators.isUser(def);
    const target = def.unit === '' ? null : parseUnit(def.unit);
    e = {
      def,
      idIdx: this.cols.intern(def.id),
      user,
      fixed: target !== null,
      target,
      unitIdx: this.cols.intern(user ? (target?.label ?? '') : def.unit),
      plans: new Map(),
    };
    this.entries.set(def, e);
    return e;
  }

  indicator(raw: string): IndRef | null {
    if (raw === this.lastIndRaw) return this.lastInd;
    let ref = this.indCache.get(raw);
    if (ref === undefined) {
      const def = this.indicators.resolve(raw);
      ref = def ? { e: this.entry(def), nameUnit: nameUnitOf(raw) } : null;
      this.indCache.set(raw, ref);
    }
    this.lastIndRaw = raw;
    this.lastInd = ref;
    return ref;
  }

  period(raw: string): number {
    if (raw.length === 4) {
      // '2022': no Map lookup, no parsing.
      let y = 0;
      for (let i = 0; i < 4; i++) {
        const d = raw.charCodeAt(i) - 48;
        if (d < 0 || d > 9) {
          y = -1;
          break;
        }
        y = y * 10 + d;
      }
      if (y >= MIN_YEAR && y <= MAX_YEAR) {
        const k = y - MIN_YEAR;
        let idx = this.yearIdx[k]!;
        if (idx === -1) idx = this.yearIdx[k] = this.cols.intern(raw);
        return idx;
      }
    }
    let p = this.periodCache.get(raw);
    if (p !== undefined) return p;
    const relative = cleanText(raw).toLowerCase();
    if (RELATIVE_PERIOD.test(relative)) {
      p = this.cols.intern(relative.toUpperCase());
      this.periodCache.set(raw, p);
      return p;
    }
    const r = readPeriod(raw);
    if (!r.ok) {
      p = PERIOD_BAD;
      this.periodErrors.set(raw, { code: r.code === 'empty' ? 'missing-period' : r.code, error: r.error });
    } else p = r.masked ? PERIOD_MASKED : this.cols.intern(r.period);
    this.periodCache.set(raw, p);
    return p;
  }

  /** Kind code of a kind cell ('' = actual), -1 if the word is not known. */
  kind(raw: string): number {
    let k = this.kindCache.get(raw);
    if (k === undefined) {
      const word = KIND_WORDS.get(cleanText(raw).toLowerCase());
      k = word === undefined ? -1 : kindCode(word);
      this.kindCache.set(raw, k);
    }
    return k;
  }

  /** Whether a status cell says the figure is masked ('已遮蔽', 'masked'); anything else reads as reported. */
  masked(raw: string): boolean {
    let m = this.maskedCache.get(raw);
    if (m === undefined) {
      m = MASKED_STATUS.has(cleanText(raw).toLowerCase());
      this.maskedCache.set(raw, m);
    }
    return m;
  }

  /** Comparator code of a comparator cell, -1 if it reads as none. */
  comparator(raw: string): number {
    let c = this.cmpCache.get(raw);
    if (c === undefined) {
      const r = readComparator(raw);
      c = r === null ? -1 : comparatorCode(r);
      this.cmpCache.set(raw, c);
    }
    return c;
  }

  /** The user's note for a row from its note and 来源 cells ('' when both are empty). */
  note(n: string, s: string): string {
    if (n === '' && s === '') return '';
    const key = `${n}\u0000${s}`;
    let hit = this.noteCache.get(key);
    if (hit === undefined) {
      const parts: string[] = [];
      if (!isBlank(n)) parts.push(n.trim());
      if (!isBlank(s)) parts.push(`来源：${s.trim()}`);
      hit = parts.join('；');
      if (this.noteCache.size < 100_000) this.noteCache.set(key, hit);
    }
    return hit;
  }
}
