// Units as the importer understands them: a dimension and a power of ten.
// Example: parseUnit('万元') -> { dim: 'money', exp: 4, label: '10k CNY' };
//          convertExp(parseUnit('万元'), parseUnit('100m CNY')) -> -4 (multiply by 1e-4);
//          convertExp(parseUnit('%'), parseUnit('100m CNY')) -> null (incompatible)

import { bracketUnit, cleanText } from './text';

/**
 * money / count / percent / pp, 'none' for a bare multiplier or an unknown unit ('万', ''),
 * and 'other:<key>' for a unit we do not understand but can compare by name ('件/万人').
 */
export type Dim =
  'money' | 'count' | 'percent' | 'pp' | 'rank' | 'area' | 'per10k' | 'times' | 'none' | `other:${string}`;

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
/** Counts: all one dimension (a count of people is a count); the label keeps data/units.json's id. */
const COUNT_LABELS: ReadonlyMap<string, string> = new Map([
  ['人', 'persons'],
  ['persons', 'persons'],
  ['people', 'persons'],
  ['人次', 'person-times'],
  ['person-times', 'person-times'],
  ['户', 'households'],
  ['households', 'households'],
]);
const COUNT = new Set([
  '个',
  '家',
  '项',
  '件',
  '次',
  '所',
  '座',
  '台',
  '篇',
  '套',
  '名',
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
const RANK = new Set(['rank', '位', '位次', '名次', '排名', '排位']);
const TIMES = new Set(['times', '倍']);
const PER_10K = new Set(['per 10k persons', '件/万人', '项/万人', '个/万人', '件每万人', 'per 10k people']);
/** Area: power of ten of the base (m²). */
const AREA: ReadonlyMap<string, number> = new Map([
  ['平方米', 0],
  ['m2', 0],
  ['m²', 0],
  ['sqm', 0],
  ['10k m2', 4],
  ['平方公里', 6],
  ['平方千米', 6],
  ['km2', 6],
  ['km²', 6],
]);

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
  if (RANK.has(k)) return { dim: 'rank', exp: 0, label: 'rank' };
  if (TIMES.has(k)) return { dim: 'times', exp: 0, label: 'times' };
  if (PER_10K.has(k)) return { dim: 'per10k', exp: 0, label: 'per 10k persons' };
  const area = AREA.get(k);
  if (area !== undefined) return { dim: 'area', exp: area, label: area === 4 ? '10k m2' : t };
  const countLabel = COUNT_LABELS.get(k);
  if (countLabel !== undefined) return { dim: 'count', exp: 0, label: countLabel };
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
  const restLabel = COUNT_LABELS.get(rest);
  if (restLabel !== undefined) return { dim: 'count', exp, label: exp === 0 ? restLabel : t };
  const restArea = AREA.get(rest);
  if (restArea !== undefined) {
    const e = exp + restArea;
    return { dim: 'area', exp: e, label: e === 4 ? '10k m2' : t };
  }
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
      return '个百分点';
    case 'persons':
      return '人';
    case 'person-times':
      return '人次';
    case 'households':
      return '户';
    case 'rank':
      return '位';
    case '10k m2':
      return '万平方米';
    case 'per 10k persons':
      return '件/万人';
    case 'times':
      return '倍';
    default:
      return label;
  }
}

/** Unit in a name's trailing brackets, if it reads as a unit: '研发经费（万元）' -> '万元', '企业数（国家级）' -> ''. */
export function nameUnitOf(raw: string): string {
  const u = bracketUnit(raw);
  if (u === '') return '';
  const spec = parseUnit(u);
  if (spec === null) return '';
  return !spec.dim.startsWith('other:') || u.includes('/') ? u : '';
}
