// Numbers, units, periods and comparators in the reader's language (Intl does the grouping).
import type { Comparator, Kind, UnitDef } from '../data/types';
import type { Lang } from './messages';
import { t } from './messages';

const formatters = new Map<string, Intl.NumberFormat>();

/** formatNumber(1407, 'zh') -> '1,407'; formatNumber(3.76, 'en') -> '3.76' */
export function formatNumber(value: number, lang: Lang, maxDigits = 2): string {
  const key = `${lang}:${maxDigits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: maxDigits });
    formatters.set(key, f);
  }
  return f.format(value);
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
): string {
  if (value === null) return t(lang, 'masked');
  const label = unitLabel(unit, lang, units);
  const num = comparatorSymbol(comparator) + formatNumber(value, lang);
  if (unit === '%' || label === '%') return `${num}%`;
  if (!label) return num;
  return lang === 'zh' ? `${num}${label}` : `${num} ${label}`;
}

/** periodLabel('2020-H1', 'zh') -> '2020年上半年'; periodLabel('2019', 'en') -> '2019' */
export function periodLabel(period: string, lang: Lang): string {
  if (!period) return lang === 'zh' ? '年份已遮蔽' : 'year masked';
  const m = /^(\d{4})-H1$/.exec(period);
  if (m) return lang === 'zh' ? `${m[1]}年上半年` : `${m[1]} H1`;
  return lang === 'zh' ? `${period}年` : period;
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
