// Maps the file's indicator names to dataset indicator ids through IndicatorDef.aliases; keeps unknown names
// as the user's own indicators.
// Example: resolve('研发经费投入强度（%）') -> rd_intensity (alias match after NFKC, lower-case, brackets dropped);
//          resolve('技术合同交易额（未说明口径）') -> tech_contract_value_unspecified (its own name, brackets and all, first)
//          resolve('专利授权量') -> new { id: 'u_<hash>', zh: '专利授权量', en: '专利授权量', unit: '' , ... }

import type { IndicatorDef } from '../data/types';
import { guessMeasure } from '../data/measure';
import { cleanText, nameKey, stableHash } from './text';

/** A name as written, but for case, width and spaces: keeps the brackets that tell two indicators apart. */
function exactKey(s: string): string {
  return cleanText(s).toLowerCase().replace(/\s+/g, '');
}

export class IndicatorRegistry {
  private readonly byKey = new Map<string, IndicatorDef>();
  /**
   * The dataset's names with their brackets: '技术合同交易额（未说明口径）' is not 技术合同交易额, though the two
   * share a bracket-free key (as 'Bridge loans (count)' and '(amount)' do), so an export's names read back as theirs.
   */
  private readonly byExact = new Map<string, IndicatorDef>();
  private readonly ids = new Set<string>();
  private readonly cache = new Map<string, IndicatorDef | null>();
  private readonly mine = new Set<IndicatorDef>();
  /** The user's own indicators created so far, in order of first appearance. */
  readonly created: IndicatorDef[] = [];

  constructor(known: readonly IndicatorDef[]) {
    for (const def of known) {
      this.ids.add(def.id);
      for (const name of [def.id, def.zh, def.en, ...(def.aliases ?? [])]) {
        const k = nameKey(name);
        if (k !== '' && !this.byKey.has(k)) this.byKey.set(k, def);
        const e = exactKey(name);
        if (e !== '' && !this.byExact.has(e)) this.byExact.set(e, def);
      }
    }
  }

  /** The known or new indicator for a name as written in the file; null for an empty name. */
  resolve(raw: string): IndicatorDef | null {
    let hit = this.cache.get(raw);
    if (hit !== undefined) return hit;
    hit = this.resolveUncached(raw);
    this.cache.set(raw, hit);
    return hit;
  }

  /** Whether a name (as a header might give it, unit in brackets) is one of the dataset's indicators. */
  known(raw: string): boolean {
    if (this.byExact.has(exactKey(raw))) return true;
    const k = nameKey(raw);
    return k !== '' && this.byKey.has(k) && !this.isUser(this.byKey.get(k)!);
  }

  /** True if the indicator was created from this file (not one of the dataset's). */
  isUser(def: IndicatorDef): boolean {
    return this.mine.has(def);
  }

  private resolveUncached(raw: string): IndicatorDef | null {
    const key = nameKey(raw);
    if (key === '') return null;
    const known = this.byExact.get(exactKey(raw)) ?? this.byKey.get(key);
    if (known) return known;
    const name = raw.trim();
    let seed = 0;
    let id = `u_${stableHash(key)}`;
    while (this.ids.has(id)) id = `u_${stableHash(key, ++seed)}`;
    this.ids.add(id);
    const def: IndicatorDef = {
      id,
      zh: name,
      en: name,
      unit: '',
      description_zh: '',
      description_en: '',
      charts: [],
      aliases: [name],
      // Guessed again once the unit is known (engine.ts fixUnit).
      measure: guessMeasure(name, ''),
    };
    this.byKey.set(key, def);
    this.created.push(def);
    this.mine.add(def);
    return def;
  }

  /** A known indicator named inside a title line ('2022年研发经费投入强度统计' -> rd_intensity), longest name first. */
  findInText(text: string): IndicatorDef | null {
    const t = nameKey(text);
    let best: IndicatorDef | null = null;
    let bestLen = 1;
    for (const [k, def] of this.byKey) {
      if (this.isUser(def)) continue;
      if (k.length > bestLen && t.includes(k)) {
        best = def;
        bestLen = k.length;
      }
    }
    return best;
  }
}

/** Id of a user indicator named `name` (stable across imports and machines). */
export function userIndicatorId(name: string): string {
  return `u_${stableHash(nameKey(name))}`;
}

/** Display form of a name, for messages. */
export function displayName(raw: string): string {
  return cleanText(raw);
}
