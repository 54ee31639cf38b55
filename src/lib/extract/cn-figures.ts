// Quantities written in Chinese numerals or as ranks: 第26位, 全省第一, 位居…首位, 首破千亿, 五分之一. Chinese
// numerals elsewhere (四项引智计划, 十九届, 第一批) name things and are not figures.
// Example: chineseFigures('位列全省第二', () => false) -> [{ stated: '第二', value: 2, unit: 'rank' }]

import type { Figure } from './figures';

export const CN_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** 一 … 九十九 as a number; NaN otherwise. */
export function cnNumber(s: string): number {
  if (s.length === 1) return CN_DIGITS[s] ?? NaN;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (!m) return NaN;
  return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[2] ? CN_DIGITS[m[2]]! : 0);
}

/**
 * A rank in Chinese numerals: a place or region phrase (全省, 全国, 各地市, 同类城市, a region ending in 省 / 区 …, 长三角)
 * right before 第N, where N is no batch, session or name (第一批, 第二届, 第一人民医院, 第一生产力).
 */
const RANK_CN =
  /((?:全[省国市区球]|各地市|同类城市|[\u4e00-\u9fff]{0,5}?(?:[省市区县州国]|地区|三角|湾区|京津冀)))((?:县级|市级|地市|城市)?第([一二三四五六七八九十]+)(?![批届次期方阵阶轮名代个家座部条款项例]|人民|中学|小学|医院|中心|书记|责任|生产力|动力|资源|要务|课堂|时间|线|把手))/g;
const RANK_FIRST = /(?:居|位居|位列|列|保持)(?:[^,，。;；]{0,8})首位/g;
const RANK_NUM = /第\s*(\d+|[xX]+)\s*(位|名)/g;
const ROUND = /(?:破|突破|超过|超|达到|达)([一二三四五六七八九十两]?)(千亿|百亿|万亿)/g;
const FRACTION = /([一二三四五六七八九十]+)分之([一二三四五六七八九十]+)/g;

function rankFigure(start: number, end: number, stated: string, n: number | null): Figure {
  return {
    start,
    end,
    stated,
    value: n,
    masked: n === null,
    unit: 'rank',
    unitText: '位',
    suffixComparator: '',
  };
}

/** Every quantity in a folded sentence, in order of position. */

/** Ranks, round 千亿 amounts and fractions of a folded sentence; `taken` tells spans already read. */
export function chineseFigures(s: string, taken: (a: number, b: number) => boolean): Figure[] {
  const out: Figure[] = [];
  const busy = (a: number, b: number): boolean => taken(a, b) || out.some((f) => a < f.end && b > f.start);
  for (const m of s.matchAll(RANK_NUM)) {
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : null;
    out.push(rankFigure(m.index, m.index + m[0].length, m[0], n));
  }
  for (const m of s.matchAll(RANK_CN)) {
    const a = m.index + m[1]!.length;
    if (!busy(a, m.index + m[0].length))
      out.push(rankFigure(a, m.index + m[0].length, m[0].slice(m[1]!.length), cnNumber(m[3]!) || null));
  }
  for (const m of s.matchAll(RANK_FIRST)) {
    const e = m.index + m[0].length;
    if (!busy(e - 2, e)) out.push(rankFigure(e - 2, e, '首位', 1));
  }
  for (const m of s.matchAll(ROUND)) {
    const k = { 千亿: 1000, 百亿: 100, 万亿: 10000 }[m[2] as '千亿' | '百亿' | '万亿'];
    const lead = m[1] ? (CN_DIGITS[m[1]] ?? 1) : 1;
    const a = m.index + m[0].length - m[2]!.length - m[1]!.length;
    if (!busy(a, m.index + m[0].length))
      out.push({
        start: a,
        end: m.index + m[0].length,
        stated: s.slice(a, m.index + m[0].length),
        value: lead * k,
        masked: false,
        unit: '100m CNY',
        unitText: '亿元',
        suffixComparator: '',
      });
  }
  for (const m of s.matchAll(FRACTION)) {
    const d = cnNumber(m[1]!);
    const n = cnNumber(m[2]!);
    if (d > 0 && n > 0 && !busy(m.index, m.index + m[0].length))
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        stated: m[0],
        value: Math.round((n / d) * 1e6) / 1e4,
        masked: false,
        unit: '%',
        unitText: '%',
        suffixComparator: '',
      });
  }
  return out;
}
