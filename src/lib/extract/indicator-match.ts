// Names a figure's indicator from the words around it: a known indicator's name or alias inside the words wins
// (longest first); otherwise the indicator whose name shares the most character pairs with them, if it shares
// enough; otherwise none (the caller proposes a new indicator from the phrase).
// Example: new IndicatorMatcher(defs).match({ own: '全市高新技术企业达', wide: '' }, 'count')
//          -> high_tech_enterprises (its alias 高新技术企业 is inside the words)

import type { IndicatorDef } from '../data/types';

export interface Words {
  /** The figure's own words: its list item or clause, other figures removed. */
  own: string;
  /** Words that only give context: the sentence before the clause, the figure it continues. */
  wide: string;
}

export interface Match {
  def: IndicatorDef;
  score: number;
  /** The name or alias that matched. */
  name: string;
  /** The name sits in the words as written (not only similar to them). */
  exact: boolean;
}

interface Name {
  def: IndicatorDef;
  text: string;
  /** The name says 新增 / 新认定 … (an addition) or 净增 (a net addition). */
  added: boolean;
  cert: boolean;
  net: boolean;
  share: boolean;
  pairs: string[];
  /** The indicator's own Chinese name (not an alias): wins a tie. */
  primary: boolean;
}

/** Brackets, quotes and generic counting words at the end ('…数', '…次数') say nothing the unit does not. */
export function nameCore(name: string): string {
  return name
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[“”"‘’《》\s]/g, '')
    .replace(/R&D/gi, '研发')
    .replace(/国家级/g, '国家')
    .replace(/(排名|排位|比重)$/, '')
    .replace(/(次数|人数|场次|项数|个数|数量|数)$/, '');
}

/** 新增, 新认定, 新获批, 新建 … mark additions; 净增 net additions. Taken out of the words and compared apart. */
const ADDED =
  /新(?:增|获批|建成|建|设立|设|招引|培育|入库|组建|创建|开工建设|开工|引进)|建成|培育|组建|设立/g;
const CERT = /新认定/g;
const NET = /净增/g;

interface Flags {
  rest: string;
  added: boolean;
  cert: boolean;
  net: boolean;
  share: boolean;
}

function flags(s: string): Flags {
  const t = s.replace(/R&D/gi, '研发').replace(/国家级/g, '国家');
  const has = (re: RegExp): boolean => {
    const hit = re.test(t);
    re.lastIndex = 0;
    return hit;
  };
  const cert = has(CERT);
  return {
    rest: t.replace(CERT, '').replace(ADDED, '').replace(NET, ''),
    added: has(ADDED) || cert,
    cert,
    net: has(NET),
    share: /占|比重|份额/.test(t),
  };
}

export function pairsOf(s: string): string[] {
  const t = s.replace(/[\s“”"‘’《》()（）,，、:：;；.。]/g, '');
  const out: string[] = [];
  for (let i = 0; i + 1 < t.length; i++) out.push(t.slice(i, i + 2));
  return out;
}

const CJK = /[\u4e00-\u9fff]/;

/** Units a figure may be matched to an indicator under: its own, and 件 per 10 000 people for 万人…件. */
function unitFits(defUnit: string, unit: string, words: string): boolean {
  if (defUnit === unit) return true;
  return defUnit === 'per 10k persons' && unit === 'count' && words.includes('万人');
}

export class IndicatorMatcher {
  private readonly names: Name[] = [];
  private readonly ids = new Map<string, IndicatorDef>();

  constructor(defs: readonly IndicatorDef[]) {
    for (const def of defs) {
      this.ids.set(def.id, def);
      const seen = new Set<string>();
      for (const [i, raw] of [def.zh, ...(def.aliases ?? [])].entries()) {
        if (!CJK.test(raw)) continue;
        const f = flags(nameCore(raw));
        const text = f.rest;
        const key = `${text}|${f.added}|${f.cert}|${f.net}`;
        if (text.length < 2 || seen.has(key)) continue;
        seen.add(key);
        const share = /占|比重|份额/.test(raw);
        this.names.push({ def, ...f, share, text, pairs: [...new Set(pairsOf(text))], primary: i === 0 });
      }
    }
  }

  /** The best known indicator for a figure of `unit` with these words, or null. */
  match(words: Words, unit: string): Match | null {
    const o = flags(words.own.replace(/\s+/g, '').replace(/\([^()]*\)/g, ''));
    const own = o.rest;
    const wide = flags(words.wide.replace(/\s+/g, '')).rest;
    const ownPairs = new Set(pairsOf(own));
    const widePairs = new Set(pairsOf(wide));
    let best: Match | null = null;
    let bestKey: number[] = [];
    for (const n of this.names) {
      if (!unitFits(n.def.unit, unit, own + wide)) continue;
      const exact = own.includes(n.text);
      let got = 0;
      let ownGot = 0;
      let any = 0;
      for (const p of n.pairs) {
        if (ownPairs.has(p)) {
          got += 1;
          ownGot++;
          any++;
        } else if (widePairs.has(p)) {
          got += 0.35;
          any++;
        }
      }
      const total = n.pairs.length;
      // Enough of the name must be there (own words or context), and some of it in the figure's own words.
      const coverage = total === 0 ? 0 : any / total;
      if (!exact && (coverage < 0.5 || ownGot < 1 || any < 2)) continue;
      let adj = 0;
      if (n.net !== o.net) adj -= 3;
      else if (n.added !== o.added) adj -= n.added ? 3 : 2;
      if (n.cert && o.cert) adj += 3;
      if (unit === '%' && n.share !== o.share) adj -= 2;
      const score = got - 0.6 * (total - got) + (exact ? Math.min(3, 0.5 * total) : 0) + adj;
      const key = [score, n.primary ? 1 : 0, coverage, -n.text.length];
      if (best === null || greater(key, bestKey)) {
        best = { def: n.def, score, name: n.text, exact };
        bestKey = key;
      }
    }
    return best;
  }

  /** The known indicator with this id, if any. */
  byId(id: string): IndicatorDef | null {
    return this.ids.get(id) ?? null;
  }
}

function greater(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i] ?? -Infinity;
    if (Math.abs(x - y) > 1e-9) return x > y;
  }
  return false;
}
