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

/**
 * 新增, 新认定, 新获批, 新建 … mark additions; 净增 net additions. Taken out of the words and compared apart. 培育
 * (foster) is one, but not in 培育库 / 培育池 / 培育对象 (a reserve pool: its entries are not new enterprises).
 */
const ADDED =
  /新(?:增|获批|建成|建|设立|设|招引|培育|入库|组建|创建|开工建设|开工|引进)|建成|培育(?![库池对象])|组建|设立/g;

/**
 * Words that, right after a known name, make the phrase another thing than the name's quantity: 高新技术企业申报
 * (applications), 高企后备库 / 培育库 / 入库 (a reserve pool), 高企认定通过率 (a pass rate), 高企培训 / 服务 / 政策,
 * and 等 (围绕A、B等主题: the names only say what the thing counted is about).
 */
const MODIFIED =
  /^的?(等(?!级)|申报|申请|后备|培育库|入库|库|认定通过率|通过率|认定率|培训|服务|政策|宣讲|辅导|评价|考评|考核|奖励|补助|补贴|专员|联络员)/;
/** A topic phrase before the thing counted: 围绕高企申报、项目管理等(主题), 针对…等方面. */
const TOPIC = /(?:围绕|针对|聚焦|结合|就)[^,，:：]*?等(?:主题|内容|方面|领域|问题|环节|事项)?/g;
/** Words after a list's 等 that name nothing (减免租金、服务费等共计…): the list is then the head. */
const LIST_FILLER = /(共计|合计|累计|总计|共|达到|达|为|约|超过|超|近|突破|以上|多|余)/g;
/** Growth or change wording: only with it is a `_yoy` / `_change` indicator named. */
const CHANGE_WORDS =
  /(增长|下降|提升|提高|上升|增加|减少|降低|回落|百分点|比增|同比|环比|增速|增幅|降幅|较上年)/;
/** Share wording: a share indicator only with it, and with it only a share indicator (for a % figure). */
const SHARE_WORDS = /(占全省|占全市|占全国|占全区|占GDP|占地区生产总值|占比|比重|份额|占)/;
/** The scope a share or a rank is of: 全省 (and 各地市, the province's cities), 全国, 长三角, a named region …. */
function scopesOf(s: string): Set<string> {
  const out = new Set<string>();
  for (const m of s.matchAll(
    /(全国|全省|各地市|全市|全区|GDP|地区生产总值|长三角|珠三角|京津冀|粤港澳|[东西南北]{1,2}[一二三四五六七八九十]?[省市区])/g,
  )) {
    const w = m[1]!;
    out.add(w === '各地市' ? '全省' : w === '地区生产总值' ? 'GDP' : w);
  }
  return out;
}
function disjoint(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const x of a) if (b.has(x)) return false;
  return true;
}
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
    // A topic phrase (围绕A、B等, 针对…等方面) says what the thing counted is about, not what it is.
    const raw = words.own
      .replace(/\s+/g, '')
      .replace(/\([^()]*\)/g, '')
      .replace(TOPIC, '');
    const o = flags(raw);
    // A list closed by 等 before the thing counted (A、B等平台8家): the list only gives examples; the words after
    // 等 are the head, the list is context.
    let list = /^(.*)等(?!级)/.exec(o.rest);
    const head = list ? o.rest.slice(list[0].length) : '';
    if (head.replace(LIST_FILLER, '').replace(/[^\u4e00-\u9fff]/g, '').length < 2) list = null;
    const own = list ? head : o.rest;
    const wide = (list ? list[1]! : '') + flags(words.wide.replace(/\s+/g, '')).rest;
    const ownPairs = new Set(pairsOf(own));
    const widePairs = new Set(pairsOf(wide));
    const ownRaw = raw.replace(/R&D/gi, '研发');
    const change = CHANGE_WORDS.test(ownRaw);
    const share = SHARE_WORDS.test(ownRaw);
    const ownScopes = scopesOf(ownRaw);
    // A known name is the head of the figure's phrase, or it is not the figure's: where every place it sits in
    // the words is followed by a word that makes it another thing (高新技术企业申报), its indicator is not named,
    // nor one only similar to it that lacks that word (申报高新技术企业 for 高新技术企业后备库).
    const heads = new Map<IndicatorDef, boolean>();
    const modified: Array<{ text: string; word: string }> = [];
    for (const n of this.names) {
      let at = own.indexOf(n.text);
      while (at !== -1) {
        const mod = MODIFIED.exec(own.slice(at + n.text.length));
        heads.set(n.def, (heads.get(n.def) ?? false) || !mod);
        if (mod) modified.push({ text: n.text, word: mod[1]! });
        at = own.indexOf(n.text, at + 1);
      }
    }
    let best: Match | null = null;
    let bestKey: number[] = [];
    for (const n of this.names) {
      if (!unitFits(n.def.unit, unit, own + wide)) continue;
      if (heads.get(n.def) === false) continue;
      // A growth or change indicator only with growth wording.
      if (/_(yoy|change)$/.test(n.def.id) && !change) continue;
      // A move of places (较上年再进1位) is no rank.
      if (
        unit === 'rank' &&
        n.def.measure === 'rank' &&
        /(进|退|升|降|前移|后移)[^\u4e00-\u9fff]*$/.test(own)
      )
        continue;
      // A share only with share wording, and a share's or a rank's scope must agree with the words'.
      if (unit === '%' && n.share !== share) continue;
      if ((n.share || unit === 'rank') && disjoint(scopesOf(n.text), ownScopes)) continue;
      const exact = own.includes(n.text) && !MODIFIED.test(own.slice(own.indexOf(n.text) + n.text.length));
      if (!exact && modified.some((m) => !n.text.includes(m.word) && n.pairs.some((p) => m.text.includes(p))))
        continue;
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
