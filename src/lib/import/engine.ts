// The import pipeline on decoded text: dialect -> papaparse (arrays, explicit delimiter, in chunks) -> header and
// layout -> one record per long row / wide cell -> columnar observations + issues. Pure, synchronous per chunk;
// written as a generator so that a caller can yield to the event loop between chunks.
// Example: run(importSteps('城市,指标,年份,数值\n芜湖,研发经费投入强度,2022,3.10\n', ctx, 'UTF-8'))
//   -> { ok: true, layout: 'long', columns: <1 observation: wuhu / rd_intensity / 2022 / 3.1>, issues: [], ... }
// Hot path (1M rows): per row a few Map lookups keyed by the cell strings (every distinct city / indicator / year /
// unit is resolved once), a charCode loop for plain decimals, typed-array stores. Everything else is the slow path.

import Papa from 'papaparse';
import type { IndicatorDef, Place } from '../data/types';
import type { Kind } from '../table/fields';
import type { ImportContext, ImportCounts, ImportFailure, ImportIssue, Msg } from './types';
import { CELL_DROPPED, IssueLog, joinMsgs, KEPT, ROW_DROPPED, ROW_SKIPPED } from './issues';
import { comparatorCode, importedFlags, kindCode, ObservationColumns } from '../table/builder';
import { detectDialect, type Dialect } from './delimiter';
import { detectLayout, type Layout } from './layout';
import { IndicatorRegistry } from './indicators';
import { isTotalName, PlaceRegistry } from './places';
import { plainDecimal, readComparator, readNumber } from './numbers';
import { MAX_YEAR, MIN_YEAR, readPeriod } from './periods';
import { bracketUnit, cleanText, clip } from './text';
import { convertExp, parseUnit, unitZh, type UnitSpec } from './units';
import { guessMeasure } from '../data/measure';
import { both } from '../i18n/importMessages';

export interface ColumnarImport {
  ok: true;
  encoding: string;
  delimiter: string;
  layout: 'long' | 'wide';
  headerLine: number;
  issues: ImportIssue[];
  counts: ImportCounts;
  indicators: IndicatorDef[];
  places: Place[];
  columns: ObservationColumns;
  /** `upload:<datasetId>` */
  source: string;
}

export type ColumnarResult = ColumnarImport | ImportFailure;

/** Characters handed to papaparse at a time (progress granularity; a main-thread slice stays well under 100 ms). */
export const CHUNK_CHARS = 1 << 18;

const HEADER_ROWS = 30;

function failure(code: string, message: Msg): ImportFailure {
  return { ok: false, code, message };
}

function isBlank(s: string | undefined): boolean {
  if (s === undefined || s === '') return true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10 && c !== 0x3000 && c !== 0xa0 && c !== 0xfeff)
      return false;
  }
  return true;
}

function rowBlank(f: readonly string[]): boolean {
  for (let i = 0; i < f.length; i++) if (!isBlank(f[i])) return false;
  return true;
}

const FOOTNOTE =
  /^(?:注|附注|说明|备注|资料来源|数据来源|来源|note|notes|source)\s*[0-9一二三四五六七八九十]*\s*[:：.、]/i;

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

type UnitPlan =
  { ok: true; exp: number; warn: Msg | null; note: string } | { ok: false; code: string; reason: Msg };

interface IndEntry {
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
interface IndRef {
  e: IndEntry;
  nameUnit: string;
}

const CITY_EMPTY = -1;
const CITY_TOTAL = -2;
const CITY_FOOTNOTE = -3;
const PERIOD_BAD = -1;
const PERIOD_MASKED = -2;

class Engine {
  readonly issues = new IssueLog();
  readonly cols: ObservationColumns;
  readonly places: PlaceRegistry;
  readonly indicators: IndicatorRegistry;
  layout: Layout | null = null;
  dataRows = 0;
  private ncol = 0;
  /** Fields a row needs: up to the last column that is used (trailing unnamed / unused columns may be absent). */
  private minFields = 0;
  private wide = false;
  private fixedCity = -1;
  private fixedIndicator: IndRef | null = null;
  /** The city of the row rowHead() last read. */
  private rowCity = 0;
  private fixedPeriod = -1;
  private periodIdx: number[] = [];
  private fileUnitMsg: Msg = UNIT_COLUMN;
  private readonly cityCache = new Map<string, number>();
  private readonly indCache = new Map<string, IndRef | null>();
  private readonly entries = new Map<IndicatorDef, IndEntry>();
  private readonly periodCache = new Map<string, number>();
  private readonly periodErrors = new Map<string, { code: string; error: Msg }>();
  private readonly kindCache = new Map<string, number>();
  private readonly cmpCache = new Map<string, number>();
  private readonly noteCache = new Map<string, string>();
  private lastInd: IndRef | null = null;
  private lastIndRaw = '\u0000';
  private lastCity = CITY_EMPTY;
  private lastCityRaw = '\u0000';
  private readonly yearIdx = new Int32Array(MAX_YEAR - MIN_YEAR + 1).fill(-1);
  private lastPlan: UnitPlan | null = null;
  private lastPlanEntry: IndEntry | null = null;
  private lastPlanFrom: Msg | null = null;
  private lastPlanUnit = '';

  constructor(
    private readonly ctx: ImportContext,
    private readonly dialect: Dialect,
    expectedRows: number,
  ) {
    this.cols = new ObservationColumns(expectedRows);
    this.places = new PlaceRegistry(ctx.places ?? []);
    this.indicators = new IndicatorRegistry(ctx.indicators ?? []);
  }

  /** Sets up columns from the header; returns a refusal if the layout cannot be used. */
  start(layout: Layout): ImportFailure | null {
    this.layout = layout;
    this.ncol = layout.headers.length;
    const used = [...Object.values(layout.cols), ...layout.periods.map((p) => p.index)];
    this.minFields = Math.max(...used) + 1;
    this.wide = layout.kind === 'wide';
    const { cols, titles, headerLine } = layout;
    this.periodIdx = layout.periods.map((p) => this.cols.intern(p.period));
    if (layout.fileUnitLine > 0) this.fileUnitMsg = both('unitLine', { line: layout.fileUnitLine });
    const stem = this.ctx.fileName.replace(/\.[^.]*$/, '');
    // The first title line that names a known city / indicator, else the file name (line 0), and the
    // text it was found in (for the warning).
    const named = <T>(find: (text: string) => T | null): { found: T | null; line: number; text: string } => {
      for (const t of titles) {
        const found = find(t.text);
        if (found) return { found, line: t.line, text: t.text };
      }
      return { found: find(stem), line: 0, text: this.ctx.fileName };
    };

    if (cols.city === -1) {
      const { found: place, line, text } = named((t) => this.places.findInText(t));
      if (!place) return failure('missing-column', both('noCityColumn', { line: headerLine }));
      this.fixedCity = this.cols.intern(place.id);
      const from = line > 0 ? both('fromTitle', { line }) : both('fromFileName');
      this.issues.add(
        line,
        '',
        'warning',
        'city-from-title',
        text,
        both('cityFromTitle', { from, place }),
        KEPT,
      );
    }

    if (cols.indicator === -1) {
      const { found: def, line, text } = named((t) => this.indicators.findInText(t));
      if (!def) return failure('missing-column', both('noIndicatorColumn', { line: headerLine }));
      this.fixedIndicator = { e: this.entry(def), nameUnit: '' };
      this.issues.add(
        line,
        '',
        'warning',
        'indicator-from-title',
        text,
        both('indicatorFromTitle', { indicator: def }),
        KEPT,
      );
    }

    if (layout.kind === 'long' && cols.period === -1) {
      let found: { line: number; year: string } | null = null;
      for (const t of titles) {
        const m = /((?:19|20)\d{2})\s*(?:年|年度)/.exec(t.text);
        if (m) {
          found = { line: t.line, year: m[1]! };
          break;
        }
      }
      if (!found) return failure('missing-column', both('noYearColumn', { line: headerLine }));
      this.fixedPeriod = this.cols.intern(found.year);
      this.issues.add(
        found.line,
        '',
        'warning',
        'period-from-title',
        found.year,
        both('periodFromTitle', { year: found.year }),
        KEPT,
      );
    }

    for (const c of layout.ignored)
      this.issues.add(
        headerLine,
        c.header,
        'warning',
        'column-ignored',
        c.header,
        both('columnIgnored'),
        KEPT,
      );
    return null;
  }

  // ---- lookups, each resolved once per distinct cell text -------------------------------------------------

  private city(raw: string): number {
    if (raw === this.lastCityRaw) return this.lastCity;
    let c = this.cityCache.get(raw);
    if (c !== undefined) {
      this.lastCityRaw = raw;
      return (this.lastCity = c);
    }
    if (isBlank(raw)) c = CITY_EMPTY;
    else if (isTotalName(raw)) c = CITY_TOTAL;
    else if (FOOTNOTE.test(cleanText(raw))) c = CITY_FOOTNOTE;
    else {
      const p = this.places.resolve(raw);
      c = p ? this.cols.intern(p.id) : CITY_EMPTY;
    }
    this.cityCache.set(raw, c);
    this.lastCityRaw = raw;
    return (this.lastCity = c);
  }

  private entry(def: IndicatorDef): IndEntry {
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

  private indicator(raw: string): IndRef | null {
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

  private period(raw: string): number {
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
    const r = readPeriod(raw);
    if (!r.ok) {
      p = PERIOD_BAD;
      this.periodErrors.set(raw, { code: r.code === 'empty' ? 'missing-period' : r.code, error: r.error });
    } else p = r.masked ? PERIOD_MASKED : this.cols.intern(r.period);
    this.periodCache.set(raw, p);
    return p;
  }

  private kind(raw: string): number {
    let k = this.kindCache.get(raw);
    if (k === undefined) {
      const word = KIND_WORDS.get(cleanText(raw).toLowerCase());
      k = word === undefined ? -1 : kindCode(word);
      this.kindCache.set(raw, k);
    }
    return k;
  }

  private comparator(raw: string): number {
    let c = this.cmpCache.get(raw);
    if (c === undefined) {
      const r = readComparator(raw);
      c = r === null ? -1 : comparatorCode(r);
      this.cmpCache.set(raw, c);
    }
    return c;
  }

  /** The row's kind code (0 = actual when there is no kind column); -1 after reporting the row dropped. */
  private rowKind(f: readonly string[], line: number): number {
    return this.codedCell(f, line, 'kind');
  }

  /** The row's comparator code (0 = '=' when there is no column); -1 after reporting the row dropped. */
  private rowComparator(f: readonly string[], line: number): number {
    return this.codedCell(f, line, 'comparator');
  }

  /** A cell read as a code (0 when the column is absent); -1 after reporting the row dropped. No closure per row. */
  private codedCell(f: readonly string[], line: number, field: 'kind' | 'comparator'): number {
    const col = this.layout!.cols[field];
    if (col < 0) return 0;
    const raw = f[col]!;
    const isKind = field === 'kind';
    const c = isKind ? this.kind(raw) : this.comparator(raw);
    if (c < 0)
      this.issues.add(
        line,
        this.layout!.headers[col]!,
        'error',
        isKind ? 'bad-kind' : 'bad-comparator',
        raw,
        both(isKind ? 'badKind' : 'badComparator', { raw: clip(raw.trim()) }),
        ROW_DROPPED,
      );
    return c;
  }

  /** The user's note for a row: note column, then 来源 column. */
  private baseNote(f: readonly string[]): string {
    const { note, source } = this.layout!.cols;
    const n = note >= 0 ? (f[note] ?? '') : '';
    const s = source >= 0 ? (f[source] ?? '') : '';
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

  /** Fixes the unit of an indicator that has none yet, from the first row that states one. */
  private fixUnit(e: IndEntry, sourceUnit: string, raw: string): void {
    let label = '';
    if (sourceUnit !== '') label = parseUnit(sourceUnit)?.label ?? '';
    else if (Number.isNaN(plainDecimal(raw))) {
      const r = readNumber(raw, { delimiter: this.dialect.delimiter });
      if (!r.ok) return; // masked / empty / bad: decide on a later row
      label = r.unit;
    }
    e.fixed = true;
    e.target = label === '' ? null : parseUnit(label);
    if (e.user) {
      e.def.unit = label;
      e.def.measure = guessMeasure(e.def.zh, label);
    }
    e.unitIdx = this.cols.intern(label);
  }

  private plan(e: IndEntry, sourceUnit: string, from: Msg): UnitPlan {
    if (e === this.lastPlanEntry && from === this.lastPlanFrom && sourceUnit === this.lastPlanUnit)
      return this.lastPlan!;
    const p = this.planUncached(e, sourceUnit, from);
    this.lastPlanEntry = e;
    this.lastPlanFrom = from;
    this.lastPlanUnit = sourceUnit;
    return (this.lastPlan = p);
  }

  private planUncached(e: IndEntry, sourceUnit: string, from: Msg): UnitPlan {
    let byText = e.plans.get(from);
    if (!byText) e.plans.set(from, (byText = new Map()));
    let p = byText.get(sourceUnit);
    if (p) return p;
    const spec = parseUnit(sourceUnit);
    const target = e.target;
    const tZh = target ? unitZh(target.label) : '（无）';
    const targetLabel = target ? target.label : null;
    if (spec === null) p = { ok: true, exp: 0, warn: null, note: '' };
    else {
      const exp = convertExp(spec, target);
      if (exp === null)
        p = {
          ok: false,
          code: spec.dim === 'percent' ? 'percent-not-allowed' : 'unit-mismatch',
          reason: both('unitDoesNotFit', { from, unit: spec.label, indicator: e.def, target: targetLabel }),
        };
      else if (exp !== 0 || spec.dim === 'none')
        p = {
          ok: true,
          exp,
          warn: both('unitConvertedFrom', { from, unit: spec.label, target: targetLabel, exp }),
          note: `单位已由${unitZh(spec.label)}换算为${tZh}`,
        };
      else p = { ok: true, exp: 0, warn: null, note: '' };
    }
    byText.set(sourceUnit, p);
    return p;
  }

  // ---- rows -------------------------------------------------------------------------------------------------

  /** Width check. false = the row is done (skipped or rejected). */
  private width(f: string[], line: number): boolean {
    const n = f.length;
    if (n === this.ncol) return true;
    if (n > this.ncol) {
      let extra = false;
      for (let i = this.ncol; i < n; i++) if (!isBlank(f[i])) extra = true;
      if (!extra) return true;
    } else {
      if (n >= this.minFields) return true;
      if (rowBlank(f)) return false;
      const first = cleanText(f.find((c) => !isBlank(c)) ?? '');
      if (FOOTNOTE.test(first)) {
        this.footnote(f, line);
        return false;
      }
    }
    this.dataRows++;
    this.issues.add(
      line,
      '',
      'error',
      'field-count',
      f.join(this.dialect.delimiter),
      both('fieldCount', { expected: this.ncol, found: n }),
      ROW_DROPPED,
    );
    return false;
  }

  private footnote(f: readonly string[], line: number): void {
    this.issues.add(
      line,
      '',
      'warning',
      'footnote',
      f.filter((c) => !isBlank(c)).join(' '),
      both('footnoteRow'),
      ROW_SKIPPED,
    );
  }

  /** Handles a negative city code; returns nothing: the row is done. */
  private cityProblem(code: number, f: readonly string[], line: number, raw: string): void {
    const col = this.layout!.headers[this.layout!.cols.city] ?? '';
    if (code === CITY_EMPTY) {
      if (rowBlank(f)) return;
      this.dataRows++;
      this.issues.add(line, col, 'error', 'missing-city', raw, both('cityEmpty'), ROW_DROPPED);
    } else if (code === CITY_TOTAL) {
      this.dataRows++;
      this.issues.add(
        line,
        col,
        'warning',
        'total-row',
        raw,
        both('totalRow', { raw: clip(raw.trim()) }),
        ROW_SKIPPED,
      );
    } else this.footnote(f, line);
  }

  row(f: string[], line: number): void {
    if (f.length !== this.ncol && !this.width(f, line)) return;
    if (this.wide) this.wideRow(f, line);
    else this.longRow(f, line);
  }

  /**
   * A data row's indicator, its city left in `rowCity` (no object made per row: a million rows), or null after
   * saying why the row is left out (a wide row with no indicator and no figure is left out silently).
   */
  private rowHead(f: string[], line: number, wide: boolean): IndRef | null {
    const L = this.layout!;
    const c = L.cols;
    let city = this.fixedCity;
    if (c.city >= 0) {
      const raw = f[c.city]!;
      city = this.city(raw);
      if (city < 0) {
        this.cityProblem(city, f, line, raw);
        return null;
      }
    }
    this.dataRows++;
    const ref = c.indicator >= 0 ? this.indicator(f[c.indicator]!) : this.fixedIndicator;
    if (ref === null) {
      if (!(wide && L.periods.every((p) => isBlank(f[p.index]))))
        this.issues.add(
          line,
          L.headers[c.indicator]!,
          'error',
          'missing-indicator',
          '',
          both('indicatorEmpty'),
          ROW_DROPPED,
        );
      return null;
    }
    this.rowCity = city;
    return ref;
  }

  private longRow(f: string[], line: number): void {
    const L = this.layout!;
    const c = L.cols;
    const ref = this.rowHead(f, line, false);
    if (!ref) return;
    const city = this.rowCity;
    let period = this.fixedPeriod;
    let pre: Msg[] | null = null;
    let preCodes: string[] | null = null;
    if (c.period >= 0) {
      const raw = f[c.period]!;
      period = this.period(raw);
      if (period < 0) {
        if (period === PERIOD_BAD) {
          const e = this.periodErrors.get(raw)!;
          this.issues.add(line, L.headers[c.period]!, 'error', e.code, raw, e.error, ROW_DROPPED);
          return;
        }
        period = 0;
        pre = [both('yearMasked', { raw: clip(raw.trim()) })];
        preCodes = ['masked-period'];
      }
    }
    const kind = this.rowKind(f, line);
    if (kind < 0) return;
    const cmp = this.rowComparator(f, line);
    if (cmp < 0) return;
    let sourceUnit = '';
    let unitFrom: Msg = UNIT_COLUMN;
    if (c.unit >= 0) sourceUnit = f[c.unit]!;
    if (isBlank(sourceUnit)) {
      sourceUnit = '';
      if (ref.nameUnit !== '') [sourceUnit, unitFrom] = [ref.nameUnit, UNIT_NAME];
      else if (L.valueUnit !== '') [sourceUnit, unitFrom] = [L.valueUnit, UNIT_HEADER];
      else if (L.fileUnit !== '') [sourceUnit, unitFrom] = [L.fileUnit, this.fileUnitMsg];
    }
    const note = c.note >= 0 || c.source >= 0 ? this.baseNote(f) : '';
    this.emit(
      city,
      ref.e,
      period,
      f[c.value]!,
      sourceUnit,
      unitFrom,
      cmp,
      kind,
      note,
      line,
      L.headers[c.value]!,
      pre,
      preCodes,
      false,
    );
  }

  private wideRow(f: string[], line: number): void {
    const L = this.layout!;
    const c = L.cols;
    const ref = this.rowHead(f, line, true);
    if (!ref) return;
    const city = this.rowCity;
    const kind = this.rowKind(f, line);
    if (kind < 0) return;
    const cmp = this.rowComparator(f, line);
    if (cmp < 0) return;
    const unitCell = c.unit >= 0 ? f[c.unit]! : '';
    const note = c.note >= 0 || c.source >= 0 ? this.baseNote(f) : '';
    const periods = L.periods;
    for (let k = 0; k < periods.length; k++) {
      const p = periods[k]!;
      const raw = f[p.index];
      if (raw === undefined || raw === '') continue;
      let sourceUnit = unitCell;
      let unitFrom: Msg = UNIT_COLUMN;
      if (isBlank(sourceUnit)) {
        sourceUnit = '';
        if (ref.nameUnit !== '') [sourceUnit, unitFrom] = [ref.nameUnit, UNIT_NAME];
        else if (p.unit !== '') [sourceUnit, unitFrom] = [p.unit, UNIT_HEADER];
        else if (L.fileUnit !== '') [sourceUnit, unitFrom] = [L.fileUnit, this.fileUnitMsg];
      }
      this.emit(
        city,
        ref.e,
        this.periodIdx[k]!,
        raw,
        sourceUnit,
        unitFrom,
        cmp,
        kind,
        note,
        line,
        p.header,
        null,
        null,
        true,
      );
    }
  }

  /** One record: a long row's value or a wide row's year cell. */
  private emit(
    city: number,
    ind: IndEntry,
    period: number,
    raw: string,
    sourceUnit: string,
    unitFrom: Msg,
    cmpCol: number,
    kind: number,
    note: string,
    line: number,
    column: string,
    pre: Msg[] | null,
    preCodes: string[] | null,
    wide: boolean,
  ): void {
    const dropped = wide ? CELL_DROPPED : ROW_DROPPED;
    if (!ind.fixed) this.fixUnit(ind, sourceUnit, raw);
    let warn = pre;
    let codes = preCodes;
    let cmp = cmpCol;
    let redacted = false;
    let extraNote = '';
    let v = plainDecimal(raw);
    if (v === v) {
      const plan = this.plan(ind, sourceUnit, unitFrom);
      if (!plan.ok) {
        this.issues.add(line, column, 'error', plan.code, raw, plan.reason, dropped);
        return;
      }
      if (plan.exp !== 0) v = Number(`${raw}e${plan.exp}`);
      if (plan.warn !== null) {
        (warn ??= []).push(plan.warn);
        (codes ??= []).push('unit-converted');
        extraNote = plan.note;
      }
      v += 0; // -0 -> 0
    } else {
      const r = readNumber(raw, {
        unit: ind.target?.label ?? '',
        sourceUnit,
        delimiter: this.dialect.delimiter,
      });
      if (r.ok) {
        if (ind.fixed && ind.target === null && r.unit !== '') {
          this.issues.add(
            line,
            column,
            'error',
            'unit-mismatch',
            raw,
            both('unitWhereNoneBefore', { raw: clip(raw.trim()), unit: r.unit, indicator: ind.def }),
            dropped,
          );
          return;
        }
        v = r.value;
        if (r.comparator !== '=') {
          const cell = comparatorCode(r.comparator);
          if (cmp > 0 && cmp !== cell) {
            this.issues.add(
              line,
              column,
              'error',
              'conflicting-qualifier',
              raw,
              both('qualifierVsColumn', { raw: clip(raw.trim()) }),
              dropped,
            );
            return;
          }
          cmp = cell;
        }
        for (const w of r.warnings) {
          (warn ??= []).push(w.message);
          (codes ??= []).push(w.code);
          if (w.code === 'unit-converted') extraNote = `单位已换算为${unitZh(r.unit)}`;
        }
      } else if (r.missing) {
        if (r.code === 'empty') {
          if (wide) return;
          this.issues.add(line, column, 'warning', 'empty-value', raw, r.reason, ROW_SKIPPED);
          return;
        }
        v = NaN;
        (warn ??= []).push(r.reason);
        (codes ??= []).push(r.code);
        if (r.code === 'masked') redacted = true;
        else extraNote = '区间值，未取值';
      } else {
        this.issues.add(line, column, 'error', r.code, raw, r.error, dropped);
        return;
      }
    }
    const fullNote = extraNote === '' ? note : note === '' ? extraNote : `${note}；${extraNote}`;
    this.cols.push(
      city,
      ind.idIdx,
      period,
      v,
      ind.unitIdx,
      importedFlags(cmp, kind, redacted),
      raw,
      fullNote === '' ? 0 : this.cols.intern(fullNote),
      line,
    );
    if (warn !== null) this.issues.add(line, column, 'warning', codes!.join(','), raw, joinMsgs(warn), KEPT);
  }
}

const UNIT_COLUMN: Msg = both('unitColumn');
const UNIT_NAME: Msg = both('unitInName');
const UNIT_HEADER: Msg = both('unitInHeader');

/** Unit in a name's trailing brackets, if it reads as a unit: '研发经费（万元）' -> '万元', '企业数（国家级）' -> ''. */
function nameUnitOf(raw: string): string {
  const u = bracketUnit(raw);
  if (u === '') return '';
  const spec = parseUnit(u);
  if (spec === null) return '';
  return !spec.dim.startsWith('other:') || u.includes('/') ? u : '';
}

/**
 * Whether some quoted cell in chunk[0, consumed) holds a line break: more breaks than rows they end.
 * (Cheap: one indexOf per line; the per-field scan then runs only for chunks that need it.)
 */
function hasBreaksInside(chunk: string, consumed: number, nl: string, rows: number, last: boolean): boolean {
  let k = 0;
  let at = chunk.indexOf(nl);
  while (at !== -1 && at < consumed) {
    k++;
    at = chunk.indexOf(nl, at + 1);
  }
  // Every row of a middle chunk ends with a break; the last chunk's last row never does (papaparse yields a final
  // empty row after a trailing break).
  return k > (last ? rows - 1 : rows);
}

/** Number of line breaks (`nl`) inside the fields of a row (quoted multi-line cells). */
function breaksInside(f: readonly string[], nl: string): number {
  let k = 0;
  for (let i = 0; i < f.length; i++) {
    const s = f[i]!;
    let at = s.indexOf(nl);
    while (at !== -1) {
      k++;
      at = s.indexOf(nl, at + 1);
    }
  }
  return k;
}

/**
 * Imports decoded text into columns. Yields progress (0..1) after each chunk of `chunkChars` characters.
 * Never throws for bad input: every problem is an issue (row) or an ImportFailure (whole file).
 */
export function* importSteps(
  input: string,
  ctx: ImportContext,
  encoding: string,
  chunkChars = CHUNK_CHARS,
): Generator<number, ColumnarResult> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (isBlank(text)) return failure('no-data', both('emptyFile'));

  const dialect = detectDialect(text);
  const stripCR = dialect.newline === '\n' && text.lastIndexOf('\r\n', 64 * 1024) !== -1;
  const nl = dialect.newline;
  const firstNl = text.indexOf(nl);
  const avgLine = firstNl > 0 ? Math.max(16, Math.min(firstNl, 200)) : 64;
  const engine = new Engine(ctx, dialect, Math.min(4_000_000, Math.ceil(text.length / avgLine)));

  let pos = 0; // start of the first row not yet parsed
  let line = 1; // physical line of that row
  let window = chunkChars;
  const preview: string[][] = [];
  const previewLines: number[] = [];
  let started = false;
  let previewNonBlank = 0;

  const begin = (): ImportFailure | null => {
    const res = detectLayout(preview, previewLines);
    if (!res.ok) return { ok: false, code: res.code, message: res.message };
    const refusal = engine.start(res.layout);
    if (refusal) return refusal;
    started = true;
    for (let i = res.layout.headerIndex + 1; i < preview.length; i++)
      engine.row(preview[i]!, previewLines[i]!);
    preview.length = 0;
    return null;
  };

  while (pos < text.length) {
    const end = Math.min(text.length, pos + window);
    const last = end === text.length;
    const chunk = text.slice(pos, end);
    const parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: nl, quoteChar: '"' });
    const res = parser.parse(chunk, 0, !last) as {
      data: string[][];
      errors: Array<{ code: string; row: number }>;
      meta: { cursor: number };
    };
    const consumed = last ? chunk.length : res.meta.cursor;
    if (consumed === 0 && !last) {
      window *= 2; // one row longer than the window (or an open quote): look further
      continue;
    }
    window = chunkChars;
    const rows = res.data;
    let bad: Set<number> | null = null;
    for (const e of res.errors) {
      if (e.row >= rows.length) continue; // the partial last row, parsed again with the next chunk
      if (e.code === 'MissingQuotes') {
        let l = line;
        for (let i = 0; i < e.row; i++) l += 1 + breaksInside(rows[i]!, nl);
        return failure('unclosed-quote', both('unclosedQuote', { line: l }));
      }
      (bad ??= new Set()).add(e.row);
    }
    const multiline = chunk.indexOf('"') !== -1 && hasBreaksInside(chunk, consumed, nl, rows.length, last);
    for (let i = 0; i < rows.length; i++) {
      const f = rows[i]!;
      const rowLine = line;
      line += multiline ? 1 + breaksInside(f, nl) : 1;
      if (stripCR) {
        const lastField = f[f.length - 1]!;
        if (lastField.charCodeAt(lastField.length - 1) === 13) f[f.length - 1] = lastField.slice(0, -1);
      }
      if (bad !== null && bad.has(i)) {
        if (!started) return malformedBeforeHeader(rowLine);
        engine.dataRows++;
        engine.issues.add(
          rowLine,
          '',
          'error',
          'malformed-quotes',
          f.join(dialect.delimiter),
          both('malformedQuotes'),
          ROW_DROPPED,
        );
        continue;
      }
      if (started) engine.row(f, rowLine);
      else {
        preview.push(f);
        previewLines.push(rowLine);
        if (!rowBlank(f)) previewNonBlank++;
        if (previewNonBlank >= HEADER_ROWS) {
          const refusal = begin();
          if (refusal) return refusal;
        }
      }
    }
    pos += consumed;
    yield pos / text.length;
  }
  if (!started) {
    const refusal = begin();
    if (refusal) return refusal;
  }

  const layout = engine.layout!;
  if (engine.dataRows === 0) return failure('no-data', both('noDataRows', { line: layout.headerLine }));
  const issues = engine.issues;
  return {
    ok: true,
    encoding,
    delimiter: dialect.delimiter,
    layout: layout.kind,
    headerLine: layout.headerLine,
    issues: issues.list,
    counts: { imported: engine.cols.n, rejected: issues.errors, warned: issues.warnings },
    indicators: engine.indicators.created,
    places: engine.places.created,
    columns: engine.cols,
    source: `upload:${ctx.datasetId}`,
  };
}

function malformedBeforeHeader(line: number): ImportFailure {
  return failure('malformed-quotes', both('malformedHeaderQuotes', { line }));
}

/** Runs a generator to the end, reporting what it yields. */
export function runSteps<T>(steps: Generator<number, T>, onProgress?: (fraction: number) => void): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    onProgress?.(r.value);
  }
}
