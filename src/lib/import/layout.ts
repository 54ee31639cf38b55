// Finds the header row under any title rows, gives each column a role, and tells long from wide tables.
// Example: rows [['芜湖市科技指标统计表'], ['单位：亿元'], ['城市','指标','2021年','2022年度']] (lines 1-3)
//   -> { kind: 'wide', headerLine: 3, fileUnit: '亿元', cols: { city: 0, indicator: 1, ... },
//        periods: [{ index: 2, period: '2021' }, { index: 3, period: '2022' }] }
//          rows [['城市','城市','年份','数值']] -> refused: duplicate column 城市 (never a silent 城市_1)
//          rows [['__proto__','城市']] -> refused by name
// Rows are arrays and roles are looked up in Maps: nothing from a file ever becomes an object key.

import type { Msg } from './types';
import { bracketUnit, cleanText, clip, nameKey, RESERVED_NAMES, stripBrackets } from './text';
import { readPeriod } from './periods';
import { both } from '../i18n/importMessages';

export type Role =
  'city' | 'indicator' | 'period' | 'value' | 'unit' | 'comparator' | 'kind' | 'note' | 'source';

const ALIASES: Record<Role, readonly string[]> = {
  city: [
    '城市',
    '城市名称',
    '城市名',
    '地区',
    '地区名称',
    '市',
    '市州',
    '地市',
    '地级市',
    '市县',
    '县市',
    '区县',
    '县区',
    '县',
    '区域',
    '行政区',
    '行政区划',
    '行政区名称',
    '所在城市',
    '所在地区',
    'city',
    'cityname',
    'region',
    'area',
    'place',
    'location',
    'prefecture',
  ],
  indicator: [
    '指标',
    '指标名称',
    '指标名',
    '统计指标',
    '科技指标',
    '项目',
    '项目名称',
    'indicator',
    'indicatorname',
    'metric',
    'measure',
    'item',
    'variable',
  ],
  period: [
    '年份',
    '年度',
    '年',
    '时间',
    '时期',
    '统计年度',
    '统计年份',
    '期间',
    '报告期',
    '统计时间',
    '日期',
    'year',
    'period',
    'date',
    'time',
  ],
  value: [
    '数值',
    '值',
    '数据',
    '数量',
    '金额',
    '指标值',
    '统计值',
    '实际值',
    '数',
    'value',
    'amount',
    'number',
    'data',
    'figure',
  ],
  unit: ['单位', '计量单位', 'unit', 'units', 'uom'],
  comparator: ['比较', '比较符', '关系', '限定', '限定词', 'comparator', 'qualifier', 'operator', 'relation'],
  kind: ['类型', '性质', '数据类型', '数据性质', 'kind', 'type'],
  note: ['备注', '说明', '注释', '附注', '注', 'note', 'notes', 'remark', 'remarks', 'comment', 'comments'],
  source: ['来源', '数据来源', '资料来源', '出处', 'source'],
};

const ROLE_OF = new Map<string, Role>();
for (const role of Object.keys(ALIASES) as Role[])
  for (const a of ALIASES[role]) ROLE_OF.set(nameKey(a), role);

export interface PeriodColumn {
  index: number;
  header: string;
  period: string;
  /** Unit in the header's brackets: '2022年（亿元）' -> '亿元'. */
  unit: string;
}

export interface Layout {
  kind: 'long' | 'wide';
  /** Index of the header row in the rows given to detectLayout. */
  headerIndex: number;
  headerLine: number;
  /** Header text per column (NFKC, trimmed), for messages. */
  headers: string[];
  /** Column index per role, -1 when absent. */
  cols: Record<Role, number>;
  /** Unit in the value column header's brackets: '数值（亿元）' -> '亿元'. */
  valueUnit: string;
  periods: PeriodColumn[];
  /** Unit from a `单位：亿元` line (or title) above the header, and its line; '' / 0 if none. */
  fileUnit: string;
  fileUnitLine: number;
  /** Non-empty lines above the header (titles), with their line numbers. */
  titles: Array<{ line: number; text: string }>;
  /** Columns with a header that plays no role: reported, then ignored. */
  ignored: Array<{ index: number; header: string }>;
}

export type LayoutResult =
  | { ok: true; layout: Layout }
  | {
      ok: false;
      code: 'no-header' | 'duplicate-header' | 'reserved-header' | 'ambiguous-header' | 'missing-column';
      message: Msg;
    };

const UNIT_LINE = /(?:计量)?单位\s*[:：]\s*([^\s,，;；)）\]】]+)|\bunits?\s*:\s*([^,;)\]]+)/i;

/** The unit stated in a title or `单位：亿元` line, or ''. */
export function unitInLine(text: string): string {
  const m = UNIT_LINE.exec(cleanText(text));
  return m ? (m[1] ?? m[2] ?? '').trim() : '';
}

/** Role of a header cell, or null. */
export function roleOf(header: string): Role | null {
  return ROLE_OF.get(nameKey(header)) ?? ROLE_OF.get(nameKey(stripBrackets(header))) ?? null;
}

function headerPeriod(cell: string): string | null {
  const p = readPeriod(stripBrackets(cell));
  return p.ok && !p.masked ? p.period : null;
}

const HEADER_SCAN_MAX = 200;

/**
 * Looks for the header in the first rows (`lines[i]` = physical line of `rows[i]`): the first row with at least
 * two known column names, or one known name and a year column.
 */
export function detectLayout(rows: readonly (readonly string[])[], lines: readonly number[]): LayoutResult {
  let headerIndex = -1;
  const limit = Math.min(rows.length, HEADER_SCAN_MAX);
  for (let i = 0; i < limit; i++) {
    const row = rows[i]!;
    const roles = new Set<Role>();
    let years = 0;
    for (const cell of row) {
      const r = roleOf(cell);
      if (r) roles.add(r);
      else if (headerPeriod(cell) !== null) years++;
    }
    if (roles.size + (years > 0 ? 1 : 0) >= 2) {
      headerIndex = i;
      break;
    }
  }
  if (headerIndex === -1)
    return {
      ok: false,
      code: 'no-header',
      message: both('noHeader', { rows: limit }),
    };

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

  const cols: Record<Role, number> = {
    city: -1,
    indicator: -1,
    period: -1,
    value: -1,
    unit: -1,
    comparator: -1,
    kind: -1,
    note: -1,
    source: -1,
  };
  const periods: PeriodColumn[] = [];
  const ignored: Array<{ index: number; header: string }> = [];
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i]!;
    if (h === '') continue;
    const role = roleOf(h);
    if (role) {
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
    const p = headerPeriod(h);
    if (p !== null) periods.push({ index: i, header: h, period: p, unit: bracketUnit(h) });
    else ignored.push({ index: i, header: h });
  }

  let kind: Layout['kind'];
  if (cols.value !== -1) {
    kind = 'long';
    for (const p of periods) ignored.push({ index: p.index, header: p.header });
    periods.length = 0;
  } else if (periods.length > 0) {
    kind = 'wide';
    if (cols.period !== -1) {
      ignored.push({ index: cols.period, header: headers[cols.period]! });
      cols.period = -1;
    }
  } else
    return {
      ok: false,
      code: 'missing-column',
      message: both('noValueColumn', { line: headerLine }),
    };
  ignored.sort((a, b) => a.index - b.index);

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
      headerLine,
      headers,
      cols,
      valueUnit: cols.value === -1 ? '' : bracketUnit(headers[cols.value]!),
      periods,
      fileUnit,
      fileUnitLine,
      titles,
      ignored,
    },
  };
}
