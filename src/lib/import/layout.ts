// Finds the header row under any title rows, gives each column a role, and tells the table's layout:
// long (one value column), wide (one column per year) or columns (one column per indicator, as yearbooks are).
// Example: rows [['芜湖市科技指标统计表'], ['单位：亿元'], ['城市','指标','2021年','2022年度']] (lines 1-3)
//   -> { kind: 'wide', headerLine: 3, fileUnit: '亿元', cols: { city: 0, indicator: 1, ... },
//        periods: [{ index: 2, period: '2021' }, { index: 3, period: '2022' }] }
//          rows [['城市','年份','研发经费投入强度(%)','高新技术企业数（家）']]
//   -> { kind: 'columns', measures: [{ index: 2, unit: '%' }, { index: 3, unit: '家' }] }
//          rows [['城市','城市','年份','数值']] -> refused: duplicate column 城市 (never a silent 城市_1)
//          rows [['__proto__','城市']] -> refused by name
// A row right under the header holding only units ('', '', '亿元', '亿元') is read as the header's unit row.
// Rows are arrays and roles are looked up in Maps: nothing from a file ever becomes an object key.

import type { Msg } from './types';
import { bracketUnit, cleanText, clip, nameKey, RESERVED_NAMES, stripBrackets } from './text';
import { isExportColumn, roleOf, unitInLine, type Role } from './roles';
import { readPeriod } from './periods';
import { parseUnit } from './units';
import { isBlank } from './cells';
import { both } from '../i18n/importMessages';

export type { Role } from './roles';

export interface PeriodColumn {
  index: number;
  header: string;
  period: string;
  /** Unit in the header's brackets ('2022年（亿元）' -> '亿元') or in the unit row under it. */
  unit: string;
}

/** A column holding one indicator (the yearbook layout): its header names the indicator. */
export interface MeasureColumn {
  index: number;
  header: string;
  /** Unit in the header's brackets ('技术合同成交额（亿元）' -> '亿元') or in the unit row under it. */
  unit: string;
}

export type LayoutKind = 'long' | 'wide' | 'columns';

export interface Layout {
  kind: LayoutKind;
  /** Index of the header row in the rows given to detectLayout. */
  headerIndex: number;
  /** Index of the first row after the header (and its unit row, if any). */
  bodyIndex: number;
  headerLine: number;
  /** Header text per column (NFKC, trimmed), for messages. */
  headers: string[];
  /** Column index per role, -1 when absent. */
  cols: Record<Role, number>;
  /** Unit in the value column header's brackets: '数值（亿元）' -> '亿元'. */
  valueUnit: string;
  periods: PeriodColumn[];
  measures: MeasureColumn[];
  /** Unit from a `单位：亿元` line (or title) above the header, and its line; '' / 0 if none. */
  fileUnit: string;
  fileUnitLine: number;
  /** Line of the unit row under the header; 0 if none. */
  unitRowLine: number;
  /** Non-empty lines above the header (titles), with their line numbers. */
  titles: Array<{ line: number; text: string }>;
  /** Columns with a header that plays no role: reported, then ignored. */
  ignored: Array<{ index: number; header: string }>;
}

export type LayoutCode =
  'no-header' | 'duplicate-header' | 'reserved-header' | 'ambiguous-header' | 'missing-column';

export type LayoutResult = { ok: true; layout: Layout } | { ok: false; code: LayoutCode; message: Msg };

export interface LayoutOptions {
  /** Whether a header names an indicator (known by name or alias): such columns make the yearbook layout. */
  isIndicator?: (header: string) => boolean;
}

function headerPeriod(cell: string): string | null {
  const p = readPeriod(stripBrackets(cell));
  return p.ok && !p.masked ? p.period : null;
}

/** A header cell that names an indicator: known, or any name with a unit in brackets ('专利授权量（件）'). */
function measureHeader(cell: string, opts: LayoutOptions): boolean {
  if (opts.isIndicator?.(cell)) return true;
  const u = bracketUnit(cell);
  return u !== '' && stripBrackets(cell) !== cell.trim() && parseUnit(u) !== null;
}

const HEADER_SCAN_MAX = 200;

/** A unit row: every non-blank cell is a unit, none stands under a role column, and there are some. */
function isUnitRow(row: readonly string[] | undefined, cols: Record<Role, number>): boolean {
  if (!row) return false;
  const roleColumns = new Set(Object.values(cols));
  let units = 0;
  for (let i = 0; i < row.length; i++) {
    const cell = row[i]!;
    if (isBlank(cell)) continue;
    const spec = parseUnit(cell);
    if (spec === null || (spec.dim.startsWith('other:') && !/^[^\d\s]{1,4}$/.test(cell.trim()))) return false;
    if (roleColumns.has(i)) return false;
    units++;
  }
  return units > 0;
}

/** An empty role table (every role absent). */
export function noRoles(): Record<Role, number> {
  return {
    city: -1,
    indicator: -1,
    period: -1,
    value: -1,
    unit: -1,
    comparator: -1,
    kind: -1,
    note: -1,
    source: -1,
    status: -1,
  };
}

/**
 * Looks for the header in the first rows (`lines[i]` = physical line of `rows[i]`): the first row with two known
 * column names, or one and a year column, or one and an indicator column ('年份', '研发经费投入强度(%)').
 */
export function detectLayout(
  rows: readonly (readonly string[])[],
  lines: readonly number[],
  opts: LayoutOptions = {},
): LayoutResult {
  const limit = Math.min(rows.length, HEADER_SCAN_MAX);
  // A row that looks like a header but gives no usable layout (a key/value line above the table, such as
  // 指标, 研发经费投入强度) does not end the search; its refusal is said if no later row does better.
  let refused: LayoutResult | null = null;
  for (let i = 0; i < limit; i++) {
    const row = rows[i]!;
    const roles = new Set<Role>();
    let years = 0;
    let measures = 0;
    for (const cell of row) {
      const r = roleOf(cell);
      if (r) roles.add(r);
      else if (headerPeriod(cell) !== null) years++;
      else if (measureHeader(cell, opts)) measures++;
    }
    // Indicator columns count only beside a known column name: a data row ('芜湖', '研发经费投入强度', '2022')
    // names an indicator and a year too.
    if (roles.size + (years > 0 ? 1 : 0) >= 2 || (roles.size > 0 && measures > 0)) {
      const res = layoutAt(rows, lines, i, noRoles(), opts);
      if (res.ok) return res;
      refused ??= res;
    }
  }
  return refused ?? { ok: false, code: 'no-header', message: both('noHeader', { rows: limit }) };
}

/**
 * The layout with its header at rows[headerIndex]. `given` roles (from the user's column mapping) win over
 * header names; the other columns are read by name as usual.
 */
export function layoutAt(
  rows: readonly (readonly string[])[],
  lines: readonly number[],
  headerIndex: number,
  given: Record<Role, number>,
  opts: LayoutOptions = {},
): LayoutResult {
  const header = rows[headerIndex]!;
  const headerLine = lines[headerIndex] ?? headerIndex + 1;
  const headers = header.map((h) => cleanText(h));

  // Names that must never become object keys anywhere downstream.
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i]!;
    if (RESERVED_NAMES.has(h.toLowerCase()) || RESERVED_NAMES.has(nameKey(h)))
      return {
        ok: false,
        code: 'reserved-header',
        message: both('reservedHeader', { line: headerLine, column: i + 1, name: clip(h) }),
      };
  }

  // Duplicate names (after NFKC / trimming), including two columns for the same year.
  const seen = new Map<string, number>();
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i]!;
    if (h === '') continue;
    const p = headerPeriod(h);
    const k = p !== null ? `period:${p}` : nameKey(h);
    const first = seen.get(k);
    if (first !== undefined)
      return {
        ok: false,
        code: 'duplicate-header',
        message: both('duplicateHeader', {
          line: headerLine,
          first: first + 1,
          firstName: clip(headers[first]!),
          column: i + 1,
          name: clip(h),
        }),
      };
    seen.set(k, i);
  }

  const cols = { ...given };
  const mapped = new Set(Object.values(given).filter((i) => i >= 0));
  const periods: PeriodColumn[] = [];
  const measures: MeasureColumn[] = [];
  const ignored: Array<{ index: number; header: string }> = [];
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i]!;
    if (h === '' || mapped.has(i)) continue;
    const role = roleOf(h);
    if (role && given[role] === -1) {
      const prev = cols[role];
      if (prev !== -1)
        return {
          ok: false,
          code: 'ambiguous-header',
          message: both('ambiguousHeader', {
            line: headerLine,
            first: prev + 1,
            firstName: clip(headers[prev]!),
            column: i + 1,
            name: clip(h),
            role,
          }),
        };
      cols[role] = i;
      continue;
    }
    if (!role && isExportColumn(h)) continue;
    const p = role ? null : headerPeriod(h);
    if (p !== null) periods.push({ index: i, header: h, period: p, unit: bracketUnit(h) });
    else if (!role && measureHeader(h, opts)) measures.push({ index: i, header: h, unit: bracketUnit(h) });
    else ignored.push({ index: i, header: h });
  }

  let kind: LayoutKind;
  const drop = (list: Array<{ index: number; header: string }>) => {
    for (const c of list) ignored.push({ index: c.index, header: c.header });
    list.length = 0;
  };
  if (cols.value !== -1) {
    kind = 'long';
    drop(periods);
    drop(measures);
  } else if (periods.length > 0) {
    kind = 'wide';
    drop(measures);
    if (cols.period !== -1) {
      ignored.push({ index: cols.period, header: headers[cols.period]! });
      cols.period = -1;
    }
  } else if (measures.length > 0 && cols.indicator === -1) {
    kind = 'columns';
  } else return { ok: false, code: 'missing-column', message: both('noValueColumn', { line: headerLine }) };
  ignored.sort((a, b) => a.index - b.index);

  // A unit row right under the header: its units go to the columns above them (brackets in the header win).
  let bodyIndex = headerIndex + 1;
  let unitRowLine = 0;
  let valueUnit = cols.value === -1 ? '' : bracketUnit(headers[cols.value]!);
  const unitRow = rows[bodyIndex];
  if (isUnitRow(unitRow, cols)) {
    const under = (i: number) => cleanText(unitRow![i] ?? '');
    for (const c of [...periods, ...measures]) if (c.unit === '') c.unit = under(c.index);
    if (cols.value !== -1 && valueUnit === '') valueUnit = under(cols.value);
    unitRowLine = lines[bodyIndex] ?? bodyIndex + 1;
    bodyIndex++;
  }

  const titles: Array<{ line: number; text: string }> = [];
  let fileUnit = '';
  let fileUnitLine = 0;
  for (let i = 0; i < headerIndex; i++) {
    const text = rows[i]!.map((c) => c.trim())
      .filter((c) => c !== '')
      .join(' ');
    if (text === '') continue;
    const line = lines[i] ?? i + 1;
    titles.push({ line, text });
    const u = unitInLine(text);
    if (u !== '' && fileUnit === '') {
      fileUnit = u;
      fileUnitLine = line;
    }
  }

  return {
    ok: true,
    layout: {
      kind,
      headerIndex,
      bodyIndex,
      headerLine,
      headers,
      cols,
      valueUnit,
      periods,
      measures,
      fileUnit,
      fileUnitLine,
      unitRowLine,
      titles,
      ignored,
    },
  };
}
