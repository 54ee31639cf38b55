// Names a figure's indicator from the words around it: a known indicator's name or alias inside the words wins
// (longest first); otherwise the indicator whose name shares the most character pairs with them, if it shares
// enough; otherwise none (the caller proposes a new indicator from the phrase).
// Example: new IndicatorMatcher(defs).match({ own: '全市高新技术企业达', wide: '' }, 'count')
//          -> high_tech_enterprises (its alias 高新技术企业 is inside the words)

import type { IndicatorDef } from '../data/types';
export { nameCore, pairsOf } from './name-words';
import {
  CHANGE_WORDS,
  flags,
  LIST_FILLER,
  MODIFIED,
  nameCore,
  pairsOf,
  SHARE_WORDS,
  TOPIC,
} from './name-words';
import { applicationAgrees, disjoint, levelAgrees, scopesOf, withoutLevel } from './levels';

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
  /** The pairs of the name without its level words. */
  core: string[];
  /** The indicator's own Chinese name (not an alias): wins a tie. */
  primary: boolean;
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
        this.names.push({
          def,
          ...f,
          share,
          text,
          pairs: [...new Set(pairsOf(text))],
          core: pairsOf(withoutLevel(text)),
          primary: i === 0,
        });
      }
    }
  }

  /** The best known indicator for a figure of `unit` with these words, or null. */
  match(words: Words, unit: string): Match | null {
    // A topic phrase (围绕A、B等, 针对…等方面) says what the thing counted is about, not what it is.
    const raw = words.own
      .replace(/\s+/g, '')
      .replace(/\([^()]*\)/g, '')
      .replace(TOPIC, '')
      // 评价入库 (evaluated and registered) is how a register is entered: the register's count (…入库数).
      .replace(/评价(?=入库)/g, '');
    const o = flags(raw);
    // A list closed by 等 before the thing counted (A、B等平台8家): the list only gives examples; the words after
    // 等 are the head, the list is context.
    let list = /^(.*)等(?!级)/.exec(o.rest);
    const head = list ? o.rest.slice(list[0].length) : '';
    if (head.replace(LIST_FILLER, '').replace(/[^\u4e00-\u9fff]/g, '').length < 2) list = null;
    const own = list ? head : o.rest;
    const wide = (list ? list[1]! : '') + flags(words.wide.replace(/\s+/g, '')).rest;
    const ownPairs = new Set(pairsOf(own));
    // Level words alone are no evidence that a figure's own words name a thing (省级工程技术研究中心 is no 省级重点实验室).
    const ownCore = new Set(pairsOf(withoutLevel(own)));
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
      // Levels (省级 / 市级 …) in the phrase, and applications (申报) in it or its context, agree with the name's.
      if (!levelAgrees(own, n.text) || !applicationAgrees(ownRaw + words.wide, n.text)) continue;
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
      if (!exact && (coverage < 0.5 || ownGot < 1 || any < 2 || !n.core.some((p) => ownCore.has(p))))
        continue;
      let adj = 0;
      if (n.net !== o.net) adj -= 3;
      else if (n.added !== o.added) adj -= n.added ? 3 : 2;
      if (n.cert && o.cert) adj += 3;
      // 新认定 (certified) is a gross addition of its own scope: a name of plain additions fits it less.
      else if (o.cert && n.added) adj -= 1;
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

  /** The ids of `def`'s family (its main id and every id naming it as `family`), `def` included. */
  familyOf(def: IndicatorDef): IndicatorDef[] {
    const main = def.family ?? def.id;
    return [...this.ids.values()].filter((d) => d.id === main || d.family === main);
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
