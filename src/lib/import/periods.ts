// Reads a period (a year cell or a year column header) into the data contract's `YYYY` / `YYYY-H1`.
// Example: readPeriod('2022年度') -> { ok: true, period: '2022' }; readPeriod('2020上半年') -> '2020-H1';
//          readPeriod('20xx') -> { ok: true, period: '', masked: true }; readPeriod('2022Q3') -> error

import type { Msg } from './types';
import { clip, cleanText } from './text';
import { both } from '../i18n/importMessages';

export type PeriodRead =
  | { ok: true; period: string; masked: boolean }
  | { ok: false; code: 'empty' | 'bad-period' | 'unsupported-period'; error: Msg };

const YEAR_ONLY = /^(\d{4})(?:\.0+)?(?:年|年度|年末|年底|全年|年全年|fy)?$/;
const HALF =
  /^(\d{4})(?:年|年度)?(?:[-_/. ]?h1|上半年|1-6月|1~6月|1至6月|一至六月|前6月|前六月|半年|年中|6月底|6月末|6月)$/;
const DATE = /^(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?(?:月|月底|月末)?$/;
const MASKED = /^(?:[x×*]{1,4}|\d{2}[x×*]{2}|\d{3}[x×*])(?:年|年度)?$/;
const OTHER_PART =
  /^(\d{4})(?:年|年度)?(?:[-_/. ]?(?:h2|q[1-4]|[1-4]季度|第[一二三四1-4]季度|下半年|\d{1,2}月))$/;

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

function bad(code: 'empty' | 'bad-period' | 'unsupported-period', raw: string): PeriodRead {
  const r = clip(raw.trim());
  const error: Msg =
    code === 'empty'
      ? both('yearEmpty')
      : code === 'unsupported-period'
        ? both('yearUnsupported', { raw: r })
        : both('yearInvalid', { raw: r, min: MIN_YEAR, max: MAX_YEAR });
  return { ok: false, code, error };
}

function year(y: string | undefined, raw: string, suffix: '' | '-H1'): PeriodRead {
  const n = Number(y);
  if (!(n >= MIN_YEAR && n <= MAX_YEAR)) return bad('bad-period', raw);
  return { ok: true, period: `${y}${suffix}`, masked: false };
}

/** Period of a year cell or year column header; see the header comment. */
export function readPeriod(raw: string): PeriodRead {
  // Fast path: a plain four-digit year.
  if (raw.length === 4) {
    const c0 = raw.charCodeAt(0);
    if (c0 === 49 || c0 === 50) {
      let digits = true;
      for (let i = 1; i < 4; i++) {
        const c = raw.charCodeAt(i);
        if (c < 48 || c > 57) digits = false;
      }
      if (digits) return year(raw, raw, '');
    }
  }
  const s = cleanText(raw)
    .toLowerCase()
    .replace(/[\u2013\u2014\u2212\u2010\u2011\u2012\u301c]/g, '-')
    .replace(/\s*-\s*/g, '-');
  if (s === '') return bad('empty', raw);
  let m = YEAR_ONLY.exec(s);
  if (m) return year(m[1], raw, '');
  m = HALF.exec(s);
  if (m) return year(m[1], raw, '-H1');
  m = DATE.exec(s);
  if (m) {
    const month = Number(m[2]);
    const day = m[3] === undefined ? undefined : Number(m[3]);
    if (month === 12 && (day === undefined || day === 31)) return year(m[1], raw, '');
    if (month === 6 && (day === undefined || day === 30)) return year(m[1], raw, '-H1');
    return bad('unsupported-period', raw);
  }
  if (MASKED.test(s)) return { ok: true, period: '', masked: true };
  if (OTHER_PART.test(s)) return bad('unsupported-period', raw);
  return bad('bad-period', raw);
}

/** True if a header cell names a period column of a wide table: '2020', '2021年', '2022年度', '2020-H1'. */
export function isPeriodHeader(text: string): boolean {
  const r = readPeriod(text);
  return r.ok && !r.masked;
}
