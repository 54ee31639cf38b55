// Maps city names to known Place ids; unknown names become the user's own places, kept literally.
// Example: resolve('芜湖市') / resolve('芜湖') / resolve('Wuhu') -> the place 'wuhu';
//          resolve('<img src=x onerror=alert(1)>') -> new { id: 'u-<hash>', zh: '<img src=x onerror=alert(1)>', en: (same) }
// Names are data, never markup: they are stored exactly as given (trimmed) and escaped where they are rendered.

import type { Place, PlaceLevel } from '../data/types';
import { cleanText, stableHash } from './text';

const ZH_SUFFIX =
  /(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|地区|新区|市|县|区|省|盟)$/;
const EN_SUFFIX = /\s+(?:city|shi|county|district|province|prefecture)$/;
const LEVEL_ORDER: Record<PlaceLevel, number> = {
  prefecture: 0,
  county: 1,
  province: 2,
  nation: 3,
  unnamed: 4,
};

/** Names of the country as a whole: matched to the known place of level 'nation', if there is exactly one. */
const NATION = new Set([
  '全国',
  '全国平均',
  '全国合计',
  '我国',
  'national',
  'nationwide',
  'nation',
  'china (national)',
]);

/** Rows that are totals, not places: skipped with a warning. */
const TOTALS = new Set([
  '合计',
  '总计',
  '小计',
  '总数',
  '全部',
  '共计',
  '累计',
  'total',
  'sum',
  'subtotal',
  'all',
]);

function zhKey(s: string): string {
  return cleanText(s).replace(/\s+/g, '');
}
function stripZh(k: string): string {
  const s = k.replace(ZH_SUFFIX, '');
  return s.length >= 2 ? s : k;
}
function enKey(s: string): string {
  return cleanText(s).toLowerCase();
}

export class PlaceRegistry {
  private readonly byZh = new Map<string, Place[]>();
  private readonly byStripped = new Map<string, Place[]>();
  private readonly byEn = new Map<string, Place[]>();
  private readonly byId = new Map<string, Place>();
  private readonly nation: Place | null;
  private readonly ids = new Set<string>();
  private readonly cache = new Map<string, Place | null>();
  private readonly userByKey = new Map<string, Place>();
  /** Places created from this file, in order of first appearance. */
  readonly created: Place[] = [];

  constructor(known: readonly Place[]) {
    const add = (map: Map<string, Place[]>, k: string, p: Place): void => {
      if (k === '') return;
      const list = map.get(k);
      if (!list) map.set(k, [p]);
      else if (!list.includes(p)) list.push(p);
    };
    for (const p of known) {
      this.ids.add(p.id);
      this.byId.set(p.id.toLowerCase(), p);
      const z = zhKey(p.zh);
      add(this.byZh, z, p);
      add(this.byStripped, stripZh(z), p);
      const e = enKey(p.en);
      add(this.byEn, e, p);
      add(this.byEn, e.replace(EN_SUFFIX, ''), p);
    }
    const nations = known.filter((p) => p.level === 'nation');
    this.nation = nations.length === 1 ? nations[0]! : null;
    for (const map of [this.byZh, this.byStripped, this.byEn])
      for (const list of map.values()) list.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  }

  /** The known or new place for a name as written in the file; null for an empty name. */
  resolve(raw: string): Place | null {
    let hit = this.cache.get(raw);
    if (hit !== undefined) return hit;
    hit = this.resolveUncached(raw);
    this.cache.set(raw, hit);
    return hit;
  }

  private resolveUncached(raw: string): Place | null {
    const z = zhKey(raw);
    if (z === '') return null;
    const e = enKey(raw);
    const known =
      this.byZh.get(z)?.[0] ??
      this.byEn.get(e)?.[0] ??
      this.byId.get(e) ??
      this.byStripped.get(stripZh(z))?.[0] ??
      this.byEn.get(e.replace(EN_SUFFIX, ''))?.[0] ??
      (NATION.has(e.replace(/\s+/g, '')) ? this.nation : null);
    if (known) return known;
    const key = e.replace(/\s+/g, ' ');
    const mine = this.userByKey.get(key);
    if (mine) return mine;
    let seed = 0;
    let id = `u-${stableHash(key)}`;
    while (this.ids.has(id)) id = `u-${stableHash(key, ++seed)}`;
    this.ids.add(id);
    const name = raw.trim();
    const place: Place = { id, zh: name, en: name, province: '', level: 'unnamed' };
    this.userByKey.set(key, place);
    this.created.push(place);
    return place;
  }

  /** A known place named in a title line ('芜湖市科技指标统计表' -> wuhu), longest name first; null if none. */
  findInText(text: string): Place | null {
    const t = zhKey(text);
    const tl = t.toLowerCase();
    let best: Place | null = null;
    let bestLen = 1;
    const consider = (k: string, list: Place[], hay: string): void => {
      if (k.length > bestLen && hay.includes(k)) {
        best = list[0] ?? null;
        bestLen = k.length;
      }
    };
    for (const [k, list] of this.byZh) consider(k, list, t);
    for (const [k, list] of this.byStripped) consider(k, list, t);
    for (const [k, list] of this.byEn) if (k.length >= 4) consider(k.replace(/\s+/g, ''), list, tl);
    return best;
  }
}

/** True for names of total rows (合计, 总计, Total ...), which are not places. */
export function isTotalName(raw: string): boolean {
  return TOTALS.has(cleanText(raw).toLowerCase().replace(/\s+/g, ''));
}
