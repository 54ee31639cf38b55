// Reads one numeric cell the way a careful person would, never guessing a number that is not there.
// Example: readNumber('约１２．５亿', { unit: '100m CNY' })
//   -> { ok: true, value: 12.5, comparator: '~', unit: '100m CNY', warnings: [qualifier, unit-converted] }
//          readNumber('1,234', { unit: 'count' }) -> 1234 (never 1); readNumber('', ...) -> missing (never 0);
//          readNumber('x.xx', ...) -> missing, masked; readNumber('10-20', ...) -> missing, range (never 10);
//          readNumber('1,5', { delimiter: ';' }) -> error: ambiguous decimal comma (never 15, never 1)

import type { Comparator } from '../table/fields';
import type { Msg } from './types';
import { clip, nfkc } from './text';
import { convertExp, parseUnit, type UnitSpec } from './units';
import { both } from '../i18n/importMessages';

export interface NumberContext {
  /** Canonical unit of the indicator ('%', '100m CNY', 'count', ...); '' or absent = not known yet. */
  unit?: string;
  /** Unit the file states for this cell when the cell itself has none (unit column, `单位：亿元` line, header bracket). */
  sourceUnit?: string;
  /** The file's delimiter: with ';' a comma inside a number may be a decimal comma, so `1,5` is ambiguous. */
  delimiter?: string;
}

export interface NumberNote {
  code: 'qualifier' | 'unit-converted';
  message: Msg;
}

export type NumberRead =
  | { ok: true; value: number; comparator: Comparator; unit: string; warnings: NumberNote[] }
  | { ok: false; missing: true; code: 'empty' | 'masked' | 'range'; reason: Msg }
  | { ok: false; missing: false; code: NumberErrorCode; error: Msg };

export type NumberErrorCode =
  | 'not-a-number'
  | 'not-finite'
  | 'formula'
  | 'excel-error'
  | 'ambiguous-decimal-comma'
  | 'bad-grouping'
  | 'percent-not-allowed'
  | 'unit-mismatch'
  | 'unknown-unit'
  | 'conflicting-qualifier';

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Plain ASCII decimal: optional '-', digits, at most one '.', at least one digit, no spaces. NaN otherwise.
 * The hot path of a large import: no regex, no allocation. With at most 15 significant digits the digits are
 * exact in a double and one division by an exact power of ten rounds correctly, so this equals Number(s).
 */
export function plainDecimal(s: string): number {
  const n = s.length;
  if (n === 0 || n > 24) return NaN;
  const neg = s.charCodeAt(0) === 45;
  let i = neg ? 1 : 0;
  let digits = 0;
  let frac = -1;
  let acc = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      acc = acc * 10 + (c - 48);
      digits++;
    } else if (c === 46 && frac === -1) frac = i;
    else return NaN;
  }
  if (digits === 0) return NaN;
  if (digits > 15) return +s;
  const v = frac === -1 ? acc : acc / POW10[n - 1 - frac]!;
  return neg ? -v : v;
}

const MINUS = /[\u2212\u2013\u2010\u2011\u2012\ufe63\uff0d]/g;
const MASKED_WORDS = new Set([
  '/',
  '\\',
  '-',
  '--',
  '---',
  '—',
  '——',
  '―',
  '─',
  '...',
  '......',
  '..',
  '.',
  '?',
  'n/a',
  'na',
  'n.a.',
  'n.a',
  '#n/a',
  'null',
  'nil',
  '无',
  '不详',
  '未知',
  '暂无',
  '无数据',
  '保密',
  '涉密',
  '未公布',
  '未公开',
  '缺',
  '空',
]);
const MASK_PATTERN = /^[x×*]+(?:\.[x×*]+)?(?:%|[\u4e00-\u9fff]{1,4})?$/;
const EXCEL_ERROR = /^#(?:div\/0!|value!|ref!|name\?|num!|null!|spill!|calc!|getting_data)$/;
const NOT_FINITE = /^[+-]?(?:nan|inf|infinity|∞)$/;

/** [text, comparator], longest first so '不超过' wins over '超过' and '>=' over '>'. */
const PREFIXES: ReadonlyArray<readonly [string, Comparator]> = (
  [
    ['不超过', '<='],
    ['不高于', '<='],
    ['不多于', '<='],
    ['不少于', '>='],
    ['不低于', '>='],
    ['约为', '~'],
    ['大约', '~'],
    ['约合', '~'],
    ['接近', '~'],
    ['超过', '>'],
    ['多于', '>'],
    ['高于', '>'],
    ['大于', '>'],
    ['突破', '>='],
    ['首破', '>='],
    ['至少', '>='],
    ['最多', '<='],
    ['至多', '<='],
    ['不足', '<'],
    ['低于', '<'],
    ['少于', '<'],
    ['小于', '<'],
    ['>=', '>='],
    ['<=', '<='],
    ['约', '~'],
    ['近', '~'],
    ['超', '>'],
    ['逾', '>'],
    ['≈', '~'],
    ['~', '~'],
    ['≥', '>='],
    ['≧', '>='],
    ['≤', '<='],
    ['≦', '<='],
    ['>', '>'],
    ['<', '<'],
  ] as Array<[string, Comparator]>
).sort((a, b) => b[0].length - a[0].length);

const SUFFIXES: ReadonlyArray<readonly [string, Comparator]> = [
  ['以上', '>='],
  ['以下', '<='],
  ['左右', '~'],
  ['上下', '~'],
  ['余', '>'],
  ['多', '>'],
  ['+', '>='],
];

/** Number core at the start of a cell and whatever follows it (a unit, or garbage). */
const NUM_AND_TAIL = /^([+-]?(?:\d+(?:[, ]\d+)*(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*(.*)$/i;
const RANGE = /^[+-]?\d[\d,. ]*\s*(?:-|~|〜|至|到|—|――)\s*[+-]?\d[\d,. ]*\s*(?:%|[^\d\s.,+-]{0,6})$/;
const GROUPED_COMMA = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:e[+-]?\d+)?$/i;
const GROUPED_SPACE = /^[+-]?\d{1,3}(?: \d{3})+(?:\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

function missing(code: 'empty' | 'masked' | 'range', raw: string): NumberRead {
  const r = clip(raw);
  const reason =
    code === 'empty'
      ? both('valueEmpty')
      : code === 'masked'
        ? both('valueMasked', { raw: r })
        : both('valueRange', { raw: r });
  return { ok: false, missing: true, code, reason };
}

function fail(code: NumberErrorCode, error: Msg): NumberRead {
  return { ok: false, missing: false, code, error };
}

/** Multiplies the decimal string `core` (no grouping) by 10^exp exactly as decimal text, then converts once. */
function scaled(core: string, exp: number): number {
  if (exp === 0) return Number(core);
  const e = core.search(/e/i);
  if (e === -1) return Number(`${core}e${exp}`);
  return Number(`${core.slice(0, e)}e${Number(core.slice(e + 1)) + exp}`);
}

/** Reads a numeric cell. Never throws. See the header comment for the rules; bad-inputs.md for why. */
export function readNumber(raw: string, ctx: NumberContext = {}): NumberRead {
  const target = parseUnit(ctx.unit ?? '');
  const fast = plainDecimal(raw);
  if (!Number.isNaN(fast) && !ctx.sourceUnit)
    return { ok: true, value: fast, comparator: '=', unit: target?.label ?? '', warnings: [] };

  let s = nfkc(raw)
    .replace(/[\s\u200b\ufeff]+/g, ' ')
    .trim()
    .replace(MINUS, '-');
  if (s === '') return missing('empty', raw);
  const lower = s.toLowerCase();
  const r = clip(raw.trim());
  if (MASKED_WORDS.has(lower) || MASK_PATTERN.test(lower) || /^\.{2,}$/.test(lower))
    return missing('masked', raw);
  if (EXCEL_ERROR.test(lower)) return fail('excel-error', both('excelError', { raw: r }));
  if (NOT_FINITE.test(lower)) return fail('not-finite', both('notFinite', { raw: r }));
  if (s[0] === '=' || s[0] === '@') return fail('formula', both('formula', { raw: r }));

  // Qualifiers: 约120, 超过100, 100以上, 突破2000 ...
  let comparator: Comparator = '=';
  let qualifier = '';
  for (const [word, c] of PREFIXES) {
    if (s.startsWith(word)) {
      comparator = c;
      qualifier = word;
      s = s.slice(word.length).trim();
      break;
    }
  }
  for (const [word, c] of SUFFIXES) {
    if (s.endsWith(word) && s.length > word.length) {
      if (qualifier !== '' && c !== comparator)
        return fail('conflicting-qualifier', both('conflictingQualifiers', { raw: r }));
      comparator = c;
      qualifier = qualifier === '' ? word : `${qualifier}…${word}`;
      s = s.slice(0, -word.length).trim();
      break;
    }
  }

  if (qualifier !== '' && MASK_PATTERN.test(s.toLowerCase())) return missing('masked', raw);
  if (RANGE.test(s)) return missing('range', raw);

  const m = NUM_AND_TAIL.exec(s);
  if (!m) return fail('not-a-number', both('notANumber', { raw: r }));
  let core = m[1] ?? '';
  const tail = (m[2] ?? '').trim();
  if (/\d/.test(tail)) return fail('not-a-number', both('notANumber', { raw: r }));

  if (core.includes(',')) {
    if (ctx.delimiter === ';' && !core.includes('.'))
      return fail('ambiguous-decimal-comma', both('commaWithSemicolons', { raw: r }));
    if (GROUPED_COMMA.test(core)) core = core.replace(/,/g, '');
    else if (DECIMAL_COMMA.test(core))
      return fail('ambiguous-decimal-comma', both('decimalComma', { raw: r }));
    else return fail('bad-grouping', both('badGrouping', { raw: r }));
  }
  if (core.includes(' ')) {
    if (GROUPED_SPACE.test(core)) core = core.replace(/ /g, '');
    else return fail('bad-grouping', both('spacesInNumber', { raw: r }));
  }
  if (core.startsWith('+')) core = core.slice(1);

  const warnings: NumberNote[] = [];
  if (qualifier !== '') {
    warnings.push({
      code: 'qualifier',
      message: both('qualifierKept', { raw: r, comparator }),
    });
  }

  const cellUnit = tail === '' ? null : parseUnit(tail);
  const from: UnitSpec | null = cellUnit ?? (ctx.sourceUnit ? parseUnit(ctx.sourceUnit) : null);
  let value: number;
  let unit = target?.label ?? '';
  if (from === null) {
    value = Number(core);
  } else {
    if (
      cellUnit !== null &&
      target !== null &&
      cellUnit.dim.startsWith('other:') &&
      target.dim !== cellUnit.dim
    )
      return fail('unknown-unit', both('unknownUnit', { raw: r, unit: clip(tail, 12) }));
    const exp = convertExp(from, target);
    if (exp === null) {
      if (target === null) {
        // No unit known for this indicator yet: the cell's own unit is adopted as is.
        value = Number(core);
        unit = from.label;
      } else if (from.dim === 'percent')
        return fail('percent-not-allowed', both('percentNotAllowed', { raw: r, target: target.label }));
      else
        return fail(
          'unit-mismatch',
          both('unitMismatch', { raw: r, unit: from.label, target: target.label }),
        );
    } else {
      value = scaled(core, exp);
      if (exp !== 0 || from.dim === 'none') {
        warnings.push({
          code: 'unit-converted',
          message: both('valueConverted', { raw: r, stated: cellUnit ? null : from.label, value, unit }),
        });
      }
    }
  }
  if (!Number.isFinite(value)) return fail('not-finite', both('outOfRange', { raw: r }));
  if (Object.is(value, -0)) value = 0;
  return { ok: true, value, comparator, unit, warnings };
}

/** Comparator from a 比较 / comparator column: '', '=', '约', '>=', '突破' ...; null if not understood. */
export function readComparator(raw: string): Comparator | null {
  const s = nfkc(raw).trim().toLowerCase();
  if (s === '' || s === '=' || s === '==' || s === '等于' || s === 'eq' || s === 'exact') return '=';
  for (const [word, c] of PREFIXES) if (s === word) return c;
  for (const [word, c] of SUFFIXES) if (s === word) return c;
  switch (s) {
    case 'gt':
      return '>';
    case 'ge':
    case 'gte':
      return '>=';
    case 'lt':
      return '<';
    case 'le':
    case 'lte':
      return '<=';
    case 'approx':
    case 'about':
      return '~';
  }
  return null;
}
