// Units as the importer understands them: a dimension and a power of ten.
// Example: parseUnit('万元') -> { dim: 'money', exp: 4, label: '10k CNY' };
//          convertExp(parseUnit('万元'), parseUnit('100m CNY')) -> -4 (multiply by 1e-4);
//          convertExp(parseUnit('%'), parseUnit('100m CNY')) -> null (incompatible)

import { cleanText } from './text';

/**
 * money / count / percent / pp, 'none' for a bare multiplier or an unknown unit ('万', ''),
 * and 'other:<key>' for a unit we do not understand but can compare by name ('件/万人').
 */
export type Dim = 'money' | 'count' | 'percent' | 'pp' | 'none' | `other:${string}`;

export interface UnitSpec {
  dim: Dim;
  /** Power of ten of the unit relative to the dimension's base (元, 1 item, 1 %). */
  exp: number;
  /** The label rows carry: the data contract's ids ('100m CNY', '%', 'count', 'pp') where one fits, else the text. */
  label: string;
}

const MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  ['万亿', 12],
  ['千亿', 11],
  ['百亿', 10],
  ['十亿', 9],
  ['千万', 7],
  ['百万', 6],
  ['十万', 5],
  ['亿', 8],
  ['万', 4],
  ['千', 3],
  ['百', 2],
  ['十', 1],
];

const MONEY = new Set(['元', '元人民币', '人民币', '人民币元', 'cny', 'rmb', 'yuan', '¥', '￥']);
const COUNT = new Set([
  '个',
  '家',
  '项',
  '件',
  '人',
  '户',
  '次',
  '所',
  '座',
  '台',
  '篇',
  '套',
  '名',
  '位',
  '只',
  '条',
  '款',
  '部',
  '种',
  '辆',
  '个数',
  'count',
  'counts',
  'number',
  'no.',
  'pcs',
  'items',
]);
const PERCENT = new Set(['%', 'percent', 'pct', '百分比', '百分率']);
const PP = new Set(['pp', 'p.p.', '百分点', '个百分点', 'percentage point', 'percentage points', 'ppt']);

/** English money labels -> power of ten. */
const MONEY_EN: ReadonlyMap<string, number> = new Map([
  ['100m cny', 8],
  ['100 million cny', 8],
  ['100 million yuan', 8],
  ['100m yuan', 8],
  ['10k cny', 4],
  ['10 thousand cny', 4],
  ['10k yuan', 4],
  ['10,000 cny', 4],
  ['1000 cny', 3],
  ['thousand cny', 3],
  ['1k cny', 3],
  ['1m cny', 6],
  ['million cny', 6],
  ['million yuan', 6],
  ['10m cny', 7],
  ['billion cny', 9],
  ['bn cny', 9],
  ['billion yuan', 9],
  ['1tn cny', 12],
  ['trillion cny', 12],
  ['trillion yuan', 12],
]);

const MONEY_LABELS: ReadonlyMap<number, string> = new Map([
  [0, 'CNY'],
  [4, '10k CNY'],
  [8, '100m CNY'],
]);

const cache = new Map<string, UnitSpec | null>();

/** Parses a unit as written in a unit column, a `单位：` line, a header bracket or a cell suffix; null for ''. */
export function parseUnit(text: string): UnitSpec | null {
  let hit = cache.get(text);
  if (hit !== undefined) return hit;
  hit = parseUncached(text);
  if (cache.size > 10_000) cache.clear();
  cache.set(text, hit);
  return hit;
}

function parseUncached(text: string): UnitSpec | null {
  const t = cleanText(text);
  if (t === '') return null;
  const k = t.toLowerCase().replace(/^单位\s*[:：]\s*/, '');
  if (PERCENT.has(k)) return { dim: 'percent', exp: 0, label: '%' };
  if (PP.has(k)) return { dim: 'pp', exp: 0, label: 'pp' };
  const en = MONEY_EN.get(k);
  if (en !== undefined) return money(en, t);
  let exp = 0;
  let rest = k;
  for (const [word, e] of MULTIPLIERS) {
    if (rest.startsWith(word)) {
      exp = e;
      rest = rest.slice(word.length);
      break;
    }
  }
  if (rest === '') return { dim: 'none', exp, label: t };
  if (MONEY.has(rest)) return money(exp, t);
  if (COUNT.has(rest)) return { dim: 'count', exp, label: exp === 0 ? 'count' : t };
  return { dim: `other:${k.replace(/\s+/g, '')}`, exp: 0, label: t };
}

function money(exp: number, text: string): UnitSpec {
  return { dim: 'money', exp, label: MONEY_LABELS.get(exp) ?? text };
}

/**
 * Power of ten that turns a value in `from` into `to`, or null when they do not measure the same thing.
 * A bare multiplier ('万') or an unknown target ('') takes the other side's dimension.
 */
export function convertExp(from: UnitSpec, to: UnitSpec | null): number | null {
  if (to === null) return from.dim === 'none' || from.dim === 'count' ? from.exp : null;
  if (from.dim === to.dim) return from.exp - to.exp;
  if (from.dim === 'none' && (to.dim === 'money' || to.dim === 'count')) return from.exp - to.exp;
  if (to.dim === 'none' && from.dim === 'count') return from.exp - to.exp;
  return null;
}

/** Describes a unit for messages: '万元', '%', '100m CNY'. */
export function unitName(u: UnitSpec | null): string {
  return u === null ? '' : u.label;
}

/** Chinese name of the canonical labels, for messages: '100m CNY' -> '亿元'. */
export function unitZh(label: string): string {
  switch (label) {
    case '100m CNY':
      return '亿元';
    case '10k CNY':
      return '万元';
    case 'CNY':
      return '元';
    case 'count':
      return '个/家/项';
    case 'pp':
      return '百分点';
    default:
      return label;
  }
}
