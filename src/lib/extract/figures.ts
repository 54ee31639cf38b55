// Finds the quantities in one sentence: a number (or a masked x / xx / x.xx) with a bureau unit, a rank
// (第26位, 全省第一, 首位), a round 千亿 / 百亿, a fraction (五分之一). Years, dates, list numbers, model names
// (5G, G60) and numbers inside 《…》 or 〔…〕 are not quantities.
// Example: figuresIn('新增10家，资金1008.6万元') -> 10 count; 0.10086 '100m CNY' (stated 1008.6万元)

import { convertExp, parseUnit } from '../import/units';
import { chineseFigures } from './cn-figures';

export interface Figure {
  /** Offsets within the folded sentence. */
  start: number;
  end: number;
  stated: string;
  /** In the canonical unit; null when masked. */
  value: number | null;
  masked: boolean;
  /** Canonical unit id ('count', '%', '100m CNY', 'rank', …). */
  unit: string;
  /** The unit as written ('万元', '家'). */
  unitText: string;
  /** Comparator read from the figure itself (余 / 多 / 以上 / a range): '' when none. */
  suffixComparator: '' | '>' | '>=' | '<=' | '~';
  /** Upper end of a range (1-2个), as written. */
  rangeUpper?: string;
  /** The money conversion, e.g. '1008.6万元 = 0.10086亿元'. */
  conversion?: string;
}

const NUM = '(?:\\d+(?:,\\d{3})*(?:\\.\\d+)?|[xX]+(?:\\.[xX]+)?)';
/** A leading minus (-3.2%, −3.2%) is a sign only at the start of a number, never between two (1-2个 is a range). */
const SIGN = '(?:(?<![\\dA-Za-z.xX])[-−])?';
/** Units of counted things (firms, items, events …): their figures are counts. */
const COUNT_WORDS = [
  '家',
  '项',
  '个',
  '件',
  '次',
  '场',
  '期',
  '所',
  '台',
  '套',
  '条',
  '笔',
  '篇',
  '座',
] as const;
const COUNT_UNITS: ReadonlySet<string> = new Set(COUNT_WORDS);

const UNITS = [
  '个百分点',
  '百分点',
  '万平方米',
  '平方米',
  '亿元',
  '万元',
  '千元',
  '元',
  '万人次',
  '人次',
  '(人)次',
  '件/万人',
  '万户',
  '万人',
  '万家',
  '亿',
  '%',
  '人',
  '名',
  '户',
  '倍',
  '位',
  // Counted things (COUNT_WORDS), after the longer units that start with the same character (万家 before 家).
  ...COUNT_WORDS,
];
const UNIT_RE = UNITS.map((u) => u.replace(/[()/%]/g, (c) => `\\${c}`)).join('|');
const FIGURE = new RegExp(
  `(${SIGN}${NUM})(?:\\s*[-~～至到]\\s*(${NUM}))?\\s*(余|多)?(${UNIT_RE})(以上|以下|左右|多)?`,
  'g',
);

function canonical(unit: string): { unit: string; factor: number } | null {
  if (unit === '%') return { unit: '%', factor: 1 };
  if (unit === '个百分点' || unit === '百分点') return { unit: 'pp', factor: 1 };
  if (unit === '倍') return { unit: 'times', factor: 1 };
  if (unit === '位') return { unit: 'rank', factor: 1 };
  if (unit === '人次' || unit === '(人)次') return { unit: 'person-times', factor: 1 };
  if (unit === '万人次') return { unit: 'person-times', factor: 1e4 };
  if (unit === '人' || unit === '名') return { unit: 'persons', factor: 1 };
  if (unit === '万人') return { unit: 'persons', factor: 1e4 };
  if (unit === '户') return { unit: 'households', factor: 1 };
  if (unit === '万户') return { unit: 'households', factor: 1e4 };
  if (unit === '万家') return { unit: 'count', factor: 1e4 };
  if (unit === '件/万人') return { unit: 'per 10k persons', factor: 1 };
  if (unit === '万平方米') return { unit: '10k m2', factor: 1 };
  if (unit === '平方米') return { unit: '10k m2', factor: 1e-4 };
  if (COUNT_UNITS.has(unit)) return { unit: 'count', factor: 1 };
  const spec = parseUnit(unit === '亿' ? '亿元' : unit);
  if (spec?.dim === 'money') {
    const exp = convertExp(spec, parseUnit('亿元'));
    if (exp !== null) return { unit: '100m CNY', factor: 10 ** exp };
  }
  return null;
}

/** Multiplies exactly as decimal text (1008.6 × 1e-4 = 0.10086, not 0.10085999…). */
export function scale(value: number, factor: number): number {
  if (factor === 1) return value;
  const exp = Math.round(Math.log10(factor));
  return Number(`${value}e${exp}`);
}

/**
 * Spans of 《…》, 〔…〕, “…” names with digits, [..] furniture and markup tags (<img src=1 …>): numbers there are
 * names or markup, not figures.
 */
function shielded(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const re of [/《[^》]*》/g, /〔[^〕]*〕/g, /\[[^\]]*\]/g, /“[^”]{0,12}”/g, /<\/?[A-Za-z][^<>]*>/g]) {
    for (const m of s.matchAll(re)) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

export function figuresIn(s: string): Figure[] {
  const shields = shielded(s);
  const inShield = (i: number): boolean => shields.some(([a, b]) => i >= a && i < b);
  const out: Figure[] = [];
  const taken = (a: number, b: number): boolean => out.some((f) => a < f.end && b > f.start);

  out.push(...chineseFigures(s, taken));
  for (const m of s.matchAll(FIGURE)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = s[start - 1] ?? '';
    // 5G, G60, CA42型: a number glued to latin letters is a name.
    if (/[A-Za-z0-9.]/.test(before)) continue;
    const core = m[1]!;
    if (/[xX]/.test(core) && /[A-Za-z]/.test(before)) continue;
    if (inShield(start) || taken(start, end)) continue;
    const unitText = m[4]!;
    // 个 after a masked or plain number that opens a 个百分点 was matched as the longer unit already.
    let can = canonical(unitText);
    if (!can) continue;
    // 位 is a rank only as 第N位 (read above), after 居 / 位列 / 排名 (居全国26位, 前3位) or as a move of places
    // (再进1位); otherwise it counts people (引进院士3位).
    if (
      unitText === '位' &&
      !/(居|位列|排名|排在|排|列|前)[^,，:：]{0,8}$|(进|退|升|降|前移|后移)$/.test(s.slice(0, start))
    )
      can = { unit: 'persons', factor: 1 };
    const masked = /[xX]/.test(core);
    const lower = masked ? null : Number(core.replace(/,/g, '').replace('−', '-'));
    const post = m[5] ?? '';
    const mid = m[3] ?? '';
    let suffixComparator: Figure['suffixComparator'] = '';
    if (m[2]) suffixComparator = '>=';
    else if (mid !== '' || post === '多') suffixComparator = '>';
    else if (post === '以上') suffixComparator = '>=';
    else if (post === '以下') suffixComparator = '<=';
    else if (post === '左右') suffixComparator = '~';
    const value = lower === null ? null : scale(lower, can.factor);
    const f: Figure = { start, end, stated: m[0], value, masked, unit: can.unit, unitText, suffixComparator };
    if (m[2]) f.rangeUpper = `${m[2]}${unitText}`;
    if (can.unit === '100m CNY' && can.factor !== 1 && value !== null)
      f.conversion = `${core}${unitText} = ${value}亿元`;
    out.push(f);
  }
  return out.sort((a, b) => a.start - b.start);
}
