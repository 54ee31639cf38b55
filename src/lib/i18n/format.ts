// Numbers, units, periods and comparators in the reader's language.
import { formatLocale } from 'd3-format';
import { isRelativePeriod, relativeOffset } from '../data/dataset';
import type { Comparator, Kind } from '../table/fields';
import type { UnitDef } from '../data/types';
import type { Lang } from './bilingual';
import { t } from './messages';

// zh-CN and en-US write numbers alike (1,234.5). d3-format rather than Intl.NumberFormat: the first
// `new Intl.NumberFormat('zh-CN')` loads ICU data, 15-50 ms measured on a cold page load, all of it
// before the first chart. A unit test checks the two agree. Hyphen-minus, as Intl writes it.
const locale = formatLocale({ decimal: '.', thousands: ',', grouping: [3], currency: ['', ''], minus: '-' });
const formatters = new Map<number, (n: number) => string>();

/**
 * formatNumber(1407, 'zh') -> '1,407'; formatNumber(3.76, 'en') -> '3.76'; at most maxDigits decimals, except
 * that a figure too small for two (0.0042 亿元) keeps two significant digits instead of reading as 0.
 */
export function formatNumber(value: number, _lang: Lang, maxDigits = 2): string {
  const small = Math.abs(value);
  if (maxDigits === 2 && small > 0 && small < 0.01)
    maxDigits = Math.min(8, 1 - Math.floor(Math.log10(small)));
  let f = formatters.get(maxDigits);
  if (!f) {
    f = locale.format(`,.${maxDigits}~f`);
    formatters.set(maxDigits, f);
  }
  return f(roundHalfAway(value, maxDigits));
}

/**
 * roundHalfAway(0.15, 1) -> 0.2: rounds the number as written (its shortest decimal form), half away
 * from zero, like Intl and like a reader. d3-format alone rounds the binary value (0.1499… -> 0.1).
 */
function roundHalfAway(x: number, digits: number): number {
  // Most figures already have no more decimals than shown: nothing to round (and no strings made).
  const scale = 10 ** digits;
  if (Math.round(x * scale) / scale === x) return x;
  const written = String(Math.abs(x));
  if (written.includes('e')) return x; // below 1e-6 or above 1e21: nothing a report writes
  return Math.sign(x) * Number(`${Math.round(Number(`${written}e${digits}`))}e-${digits}`);
}

/** comparatorSymbol('>=') -> '≥' */
export function comparatorSymbol(c: Comparator): string {
  return { '=': '', '>': '>', '>=': '≥', '<': '<', '<=': '≤', '~': '≈' }[c];
}

/** unitLabel('100m CNY', 'zh', units) -> '亿元' */
export function unitLabel(unit: string, lang: Lang, units: ReadonlyMap<string, UnitDef>): string {
  const u = units.get(unit);
  return u ? u[lang] : unit;
}

/** Percent-like units sit right next to the number; others after a space (en) or none (zh). */
export function formatValue(
  value: number | null,
  comparator: Comparator,
  unit: string,
  lang: Lang,
  units: ReadonlyMap<string, UnitDef>,
  maxDigits = 2,
): string {
  if (value === null) return t(lang, 'masked');
  const label = unitLabel(unit, lang, units);
  const num = comparatorSymbol(comparator) + formatNumber(value, lang, maxDigits);
  if (unit === '%' || label === '%') return `${num}%`;
  // "2,000 count" says nothing the indicator's name does not: an English count is the number alone.
  if (!label || (unit === 'count' && lang === 'en')) return num;
  return t(lang, 'valueWithUnit', { value: num, unit: label });
}

/**
 * periodLabel('2020-H1', 'zh') -> '2020年上半年'; periodLabel('2019', 'en') -> '2019';
 * a masked year relative to the report's: periodLabel('Y-1', 'zh') -> '报告上一年（年份已遮蔽）'
 */
export function periodLabel(period: string, lang: Lang): string {
  if (!period) return t(lang, 'periodUnknown');
  if (isRelativePeriod(period))
    return relativePeriodName(relativeOffset(period), lang) + t(lang, 'periodRelative');
  const m = HALF_YEAR.exec(period);
  if (m) return t(lang, 'periodH1', { year: m[1]! });
  return t(lang, 'periodYear', { year: period });
}

const HALF_YEAR = /^(\d{4})-H1$/;

/**
 * A period on a category axis: the year, or the half-year with its year, shorter than periodLabel's, so a
 * half-year column is never read as a neighbouring year's. axisPeriodLabel('2019-H1', 'zh') -> '2019上半年'
 */
export function axisPeriodLabel(period: string, lang: Lang): string {
  const m = HALF_YEAR.exec(period);
  return m ? t(lang, 'axisH1', { year: m[1]! }) : periodLabel(period, lang);
}

/** relativePeriodName(-1, 'zh') -> '报告上一年'; relativePeriodName(-2, 'en') -> '2 years before the report' */
function relativePeriodName(n: number, lang: Lang): string {
  if (n === -1) return t(lang, 'reportYearBefore');
  if (n === 0) return t(lang, 'reportYear');
  if (n === 1) return t(lang, 'reportYearAfter');
  return n < 0 ? t(lang, 'reportYearsBefore', { n: -n }) : t(lang, 'reportYearsAfter', { n });
}

/** inBrackets('2018', 'zh') -> '（2018）'; inBrackets('2018', 'en') -> ' (2018)': an aside after a name or value. */
export function inBrackets(text: string, lang: Lang): string {
  return t(lang, 'aside', { text });
}

/** listed(['全国', '安徽省'], 'zh') -> '全国、安徽省'; in English 'China, Anhui'. */
export function listed(items: readonly string[], lang: Lang): string {
  return t(lang, 'listed', { items: [...items] });
}

/** clauses([a, b], 'zh') -> 'a；b'; in English 'a; b': sentences of a footnote. */
export function clauses(items: readonly string[], lang: Lang): string {
  return t(lang, 'clauses', { items: [...items] });
}

/** labelled('参照', '全国', 'zh') -> '参照：全国'; in English 'Reference: China'. */
export function labelled(label: string, text: string, lang: Lang): string {
  return t(lang, 'labelled', { label, text });
}

export function kindLabel(kind: Kind, lang: Lang): string {
  const key = (
    {
      actual: 'kindActual',
      target: 'kindTarget',
      derived: 'kindDerived',
      reference: 'kindReference',
    } as const
  )[kind];
  return t(lang, key);
}
