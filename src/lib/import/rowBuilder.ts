// The one place an import makes an observation: a layout module (longRows / wideRows / columnRows) fills the
// builder's scratch record `rec` from a row and calls emit(); emit reads the figure (plain decimals on a fast
// path, everything else through readNumber), converts its unit, and pushes it to the columns or says why not.
// Example: rec = { city: <芜湖>, ind: <rd_intensity>, period: <2022>, raw: '3.10', sourceUnit: '%', ... }; emit()
//   -> one observation 3.1 %; raw '3,10' -> an error issue naming the line and column, the record dropped.

import type { ImportContext, Msg } from './types';
import { CELL_DROPPED, IssueLog, joinMsgs, KEPT, ROW_DROPPED, ROW_SKIPPED } from './issues';
import { comparatorCode, importedFlags, ObservationColumns } from '../table/builder';
import type { Layout } from './layout';
import { CITY_EMPTY, CITY_TOTAL, Lookups, type IndEntry, type IndRef, type UnitPlan } from './lookups';
import { plainDecimal, readNumber } from './numbers';
import { clip, cleanText } from './text';
import { convertExp, parseUnit, unitZh } from './units';
import { guessMeasure } from '../data/measure';
import { isBlank, isFootnote, rowBlank, rowText } from './cells';
import { both } from '../i18n/importMessages';

/** A workbook formula cell with no cached value (the workbook was never recalculated): a missing figure. */
export const NO_CACHED_VALUE = '\u0000formula';

const UNIT_COLUMN: Msg = both('unitColumn');
const UNIT_NAME: Msg = both('unitInName');
const UNIT_HEADER: Msg = both('unitInHeader');

/** What emit() reads: one figure and everything known about it. Reused for every record (no object per row). */
export interface Rec {
  city: number;
  ind: IndEntry;
  period: number;
  raw: string;
  sourceUnit: string;
  unitFrom: Msg;
  cmp: number;
  kind: number;
  note: string;
  line: number;
  column: string;
  /** Warnings known before the figure is read (a masked year), with their codes; null when none. */
  pre: Msg[] | null;
  preCodes: string[] | null;
  /** A cell of a row holding several figures: an empty one is skipped silently, a bad one drops only itself. */
  cell: boolean;
  /** The row's status column says the figure is masked: an empty value is then that masked figure (long rows). */
  masked: boolean;
}

export type RowReader = (b: RowBuilder, f: string[], line: number) => void;

export class RowBuilder {
  readonly issues = new IssueLog();
  readonly cols: ObservationColumns;
  readonly look: Lookups;
  layout!: Layout;
  dataRows = 0;
  /** The reader for the layout's rows (set by start). */
  read: RowReader = () => {};
  readonly rec: Rec;
  /** City / indicator / period for the whole table when it has no such column; -1 / null otherwise. */
  fixedCity = -1;
  fixedIndicator: IndRef | null = null;
  fixedPeriod = -1;
  /** Period index of each year column (wide layout); indicator of each indicator column (yearbook layout). */
  periodIdx: number[] = [];
  measureRefs: IndRef[] = [];
  /** The city of the row rowHead() last read. */
  rowCity = 0;
  fileUnitMsg: Msg = UNIT_COLUMN;
  private ncol = 0;
  /** Fields a row needs: up to the last column that is used (trailing unnamed / unused columns may be absent). */
  private minFields = 0;
  private lastPlan: UnitPlan | null = null;
  private lastPlanEntry: IndEntry | null = null;
  private lastPlanFrom: Msg | null = null;
  private lastPlanUnit = '';

  constructor(
    readonly ctx: ImportContext,
    /** The file's delimiter ('' for a workbook): with ';' a comma in a number may be a decimal comma. */
    readonly delimiter: string,
    expectedRows: number,
  ) {
    this.cols = new ObservationColumns(expectedRows);
    this.look = new Lookups(this.cols, ctx.places ?? [], ctx.indicators ?? []);
    this.rec = {
      city: 0,
      ind: null as unknown as IndEntry,
      period: 0,
      raw: '',
      sourceUnit: '',
      unitFrom: UNIT_COLUMN,
      cmp: 0,
      kind: 0,
      note: '',
      line: 0,
      column: '',
      pre: null,
      preCodes: null,
      cell: false,
      masked: false,
    };
  }

  /** Takes the layout (the caller has checked it can be used) and the reader for its rows. */
  use(layout: Layout, read: RowReader): void {
    this.layout = layout;
    this.read = read;
    this.ncol = layout.headers.length;
    const used = [
      ...Object.values(layout.cols),
      ...layout.periods.map((p) => p.index),
      ...layout.measures.map((m) => m.index),
    ];
    this.minFields = Math.max(...used) + 1;
    if (layout.fileUnitLine > 0) this.fileUnitMsg = both('unitLine', { line: layout.fileUnitLine });
  }

  row(f: string[], line: number): void {
    if (f.length !== this.ncol && !this.width(f, line)) return;
    this.read(this, f, line);
  }

  /** Width check. false = the row is done (skipped or rejected). */
  private width(f: string[], line: number): boolean {
    const n = f.length;
    if (n > this.ncol) {
      let extra = false;
      for (let i = this.ncol; i < n; i++) if (!isBlank(f[i])) extra = true;
      if (!extra) return true;
    } else {
      if (n >= this.minFields) return true;
      if (rowBlank(f)) return false;
      if (isFootnote(cleanText(f.find((c) => !isBlank(c)) ?? ''))) {
        this.footnote(f, line);
        return false;
      }
    }
    this.dataRows++;
    const { delimiter } = this;
    this.issues.add(
      line,
      '',
      'error',
      'field-count',
      f.join(delimiter === '' ? '\t' : delimiter),
      both('fieldCount', { expected: this.ncol, found: n }),
      ROW_DROPPED,
    );
    return false;
  }

  footnote(f: readonly string[], line: number): void {
    this.issues.add(line, '', 'warning', 'footnote', rowText(f), both('footnoteRow'), ROW_SKIPPED);
  }

  /**
   * A data row's city (-1 after saying why the row is left out: no city, a total row, a note); counts the row.
   */
  rowCityOf(f: string[], line: number): number {
    const col = this.layout.cols.city;
    if (col < 0) {
      this.dataRows++;
      return this.fixedCity;
    }
    const raw = f[col]!;
    const city = this.look.city(raw);
    if (city >= 0) {
      this.dataRows++;
      return city;
    }
    const header = this.layout.headers[col] ?? '';
    if (city === CITY_EMPTY) {
      if (rowBlank(f)) return -1;
      this.dataRows++;
      this.issues.add(line, header, 'error', 'missing-city', raw, both('cityEmpty'), ROW_DROPPED);
    } else if (city === CITY_TOTAL) {
      this.dataRows++;
      this.issues.add(
        line,
        header,
        'warning',
        'total-row',
        raw,
        both('totalRow', { raw: clip(raw.trim()) }),
        ROW_SKIPPED,
      );
    } else this.footnote(f, line);
    return -1;
  }

  /**
   * A long or wide row's indicator, its city left in `rowCity` (no object made per row: a million rows), or
   * null after saying why the row is left out (a wide row with no indicator and no figure is left out silently).
   */
  rowHead(f: string[], line: number, wide: boolean): IndRef | null {
    const city = this.rowCityOf(f, line);
    if (city < 0) return null;
    const L = this.layout;
    const c = L.cols;
    const ref = c.indicator >= 0 ? this.look.indicator(f[c.indicator]!) : this.fixedIndicator;
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

  /**
   * Sets rec.kind and rec.cmp from the row's kind and comparator cells (0 = actual, '=' when there is no such
   * column); false after reporting the row dropped.
   */
  rowCodes(f: readonly string[], line: number): boolean {
    const kind = this.codedCell(f, line, true);
    if (kind < 0) return false;
    const cmp = this.codedCell(f, line, false);
    if (cmp < 0) return false;
    this.rec.kind = kind;
    this.rec.cmp = cmp;
    return true;
  }

  private codedCell(f: readonly string[], line: number, isKind: boolean): number {
    const col = this.layout.cols[isKind ? 'kind' : 'comparator'];
    if (col < 0) return 0;
    const raw = f[col]!;
    const c = isKind ? this.look.kind(raw) : this.look.comparator(raw);
    if (c < 0)
      this.issues.add(
        line,
        this.layout.headers[col]!,
        'error',
        isKind ? 'bad-kind' : 'bad-comparator',
        raw,
        both(isKind ? 'badKind' : 'badComparator', { raw: clip(raw.trim()) }),
        ROW_DROPPED,
      );
    return c;
  }

  /** The user's note for a row: note column, then 来源 column. */
  rowNote(f: readonly string[]): string {
    const { note, source } = this.layout.cols;
    if (note < 0 && source < 0) return '';
    return this.look.note(note >= 0 ? (f[note] ?? '') : '', source >= 0 ? (f[source] ?? '') : '');
  }

  /**
   * Sets rec.sourceUnit / rec.unitFrom: the unit cell if not blank, else the unit in the indicator's name, in
   * the column's header (or unit row), or in a `单位：` line above the table.
   */
  unitOf(cellUnit: string, ref: IndRef, headerUnit: string): void {
    const r = this.rec;
    // Plain stores, no [a, b] = [x, y]: this runs for every record of a million-row file.
    if (!isBlank(cellUnit)) {
      r.sourceUnit = cellUnit;
      r.unitFrom = UNIT_COLUMN;
    } else if (ref.nameUnit !== '') {
      r.sourceUnit = ref.nameUnit;
      r.unitFrom = UNIT_NAME;
    } else if (headerUnit !== '') {
      r.sourceUnit = headerUnit;
      r.unitFrom = UNIT_HEADER;
    } else if (this.layout.fileUnit !== '') {
      r.sourceUnit = this.layout.fileUnit;
      r.unitFrom = this.fileUnitMsg;
    } else {
      r.sourceUnit = '';
      r.unitFrom = UNIT_COLUMN;
    }
  }

  /** Fixes the unit of an indicator that has none yet, from the first row that states one. */
  private fixUnit(e: IndEntry, sourceUnit: string, raw: string): void {
    let label = '';
    if (sourceUnit !== '') label = parseUnit(sourceUnit)?.label ?? '';
    else if (Number.isNaN(plainDecimal(raw))) {
      const r = readNumber(raw, { delimiter: this.delimiter });
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
    const p = unitPlan(e, sourceUnit, from);
    this.lastPlanEntry = e;
    this.lastPlanFrom = from;
    this.lastPlanUnit = sourceUnit;
    return (this.lastPlan = p);
  }

  private drop(code: string, reason: Msg): void {
    const r = this.rec;
    this.issues.add(r.line, r.column, 'error', code, r.raw, reason, r.cell ? CELL_DROPPED : ROW_DROPPED);
  }

  /** One observation from `rec`, or an issue saying why not. */
  emit(): void {
    const r = this.rec;
    const { ind, raw, sourceUnit } = r;
    if (!ind.fixed) this.fixUnit(ind, sourceUnit, raw);
    let warn = r.pre;
    let codes = r.preCodes;
    let cmp = r.cmp;
    let redacted = false;
    let extraNote = '';
    let v = plainDecimal(raw);
    if (v === v) {
      const plan = this.plan(ind, sourceUnit, r.unitFrom);
      if (!plan.ok) return this.drop(plan.code, plan.reason);
      if (plan.exp !== 0) v = Number(`${raw}e${plan.exp}`);
      if (plan.warn !== null) {
        (warn ??= []).push(plan.warn);
        (codes ??= []).push('unit-converted');
        extraNote = plan.note;
      }
      v += 0; // -0 -> 0
    } else if (raw === NO_CACHED_VALUE) {
      this.issues.add(
        r.line,
        r.column,
        'warning',
        'formula-no-value',
        '',
        both('formulaNoValue'),
        r.cell ? CELL_DROPPED : ROW_SKIPPED, // a wide row's other cells are still read
      );
      return;
    } else {
      const n = readNumber(raw, { unit: ind.target?.label ?? '', sourceUnit, delimiter: this.delimiter });
      if (n.ok) {
        if (ind.fixed && ind.target === null && n.unit !== '')
          return this.drop(
            'unit-mismatch',
            both('unitWhereNoneBefore', { raw: clip(raw.trim()), unit: n.unit, indicator: ind.def }),
          );
        v = n.value;
        if (n.comparator !== '=') {
          const cell = comparatorCode(n.comparator);
          if (cmp > 0 && cmp !== cell)
            return this.drop('conflicting-qualifier', both('qualifierVsColumn', { raw: clip(raw.trim()) }));
          cmp = cell;
        }
        for (const w of n.warnings) {
          (warn ??= []).push(w.message);
          (codes ??= []).push(w.code);
          if (w.code === 'unit-converted') extraNote = `单位已换算为${unitZh(n.unit)}`;
        }
      } else if (n.missing) {
        if (n.code === 'empty' && !r.masked) {
          if (!r.cell)
            this.issues.add(r.line, r.column, 'warning', 'empty-value', raw, n.reason, ROW_SKIPPED);
          return;
        }
        v = NaN;
        // An empty value its status column calls masked is said plainly: nothing to warn about.
        if (n.code !== 'empty') {
          (warn ??= []).push(n.reason);
          (codes ??= []).push(n.code);
        }
        if (n.code === 'range') extraNote = '区间值，未取值';
        else redacted = true;
      } else return this.drop(n.code, n.error);
    }
    const note = r.note;
    const fullNote = extraNote === '' ? note : note === '' ? extraNote : `${note}；${extraNote}`;
    this.cols.push(
      r.city,
      ind.idIdx,
      r.period,
      v,
      ind.unitIdx,
      importedFlags(cmp, r.kind, redacted),
      raw,
      fullNote === '' ? 0 : this.cols.intern(fullNote),
      r.line,
    );
    if (warn !== null)
      this.issues.add(r.line, r.column, 'warning', codes!.join(','), raw, joinMsgs(warn), KEPT);
  }
}

/** How a figure in `sourceUnit` becomes the indicator's unit (cached per entry, place stated and text). */
function unitPlan(e: IndEntry, sourceUnit: string, from: Msg): UnitPlan {
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
