// Words of a phrase that must agree with a known indicator's name before the name can be the phrase's: the
// administrative level (国家级 / 省级 / 市级 / 县级 / 区级, with 以上), applications (申报 / 申请: a name that counts
// applications is the phrase's only when the phrase says so), and the scope of a share or a rank (全省, 全国 …).
// Example: levelAgrees('市级重点实验室', '省级重点实验室') -> false; levelOf('国家星创天地', false) -> '国家'

/** A level word: 国家级 (folded to 国家 by the matcher), 省级, 市级, 县级, 区级, with 以上. */
const LEVEL_WORD = /(国家|[省市县区])级?(以上)?/;

/**
 * The level a text names: an explicit X级 (or 国家, which the matcher folds 国家级 to); for a known name also a
 * leading 省 / 市 / 县 / 区 (市科技计划项目经费, 省科学技术奖), not in a word (市场, 市民, 区域, 县域).
 */
export function levelOf(s: string, name: boolean): string | null {
  const explicit = /(国家|[省市县区])级(以上)?/.exec(s);
  if (explicit) return explicit[1]! + (explicit[2] ?? '');
  const nation = /国家(以上)?/.exec(s);
  if (nation) return '国家';
  if (name) {
    const lead = /^([省市县区])(?![场民长委域内外份])/.exec(s);
    if (lead) return lead[1]!;
  }
  return null;
}

/**
 * Whether a phrase's level agrees with a name's: where both name one, they are the same (市级 is not 省级, nor
 * 省级以上 省级); a phrase that names none may be any (全省新认定…科技领军企业 is a provincial certification).
 */
export function levelAgrees(phrase: string, name: string): boolean {
  const p = levelOf(phrase, false);
  const n = levelOf(name, true);
  return p === null || n === null || p === n;
}

/** Text with its level words taken out: similarity is judged on the rest (the level is checked apart). */
export function withoutLevel(s: string): string {
  return s.replace(new RegExp(LEVEL_WORD.source, 'g'), '');
}

const APPLY = /(申报|申请)/;

/** A name that counts applications (申报高新技术企业数) is a phrase's only when the phrase says 申报 / 申请. */
export function applicationAgrees(phrase: string, name: string): boolean {
  return !APPLY.test(name) || APPLY.test(phrase);
}

/** The scope a share or a rank is of: 全省 (and 各地市, the province's cities), 全国, 长三角, a named region …. */
export function scopesOf(s: string): Set<string> {
  const out = new Set<string>();
  for (const m of s.matchAll(
    /(全国|全省|各地市|全市|全区|GDP|地区生产总值|长三角|珠三角|京津冀|粤港澳|[东西南北]{1,2}[一二三四五六七八九十]?[省市区])/g,
  )) {
    const w = m[1]!;
    out.add(w === '各地市' ? '全省' : w === '地区生产总值' ? 'GDP' : w);
  }
  return out;
}

export function disjoint(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const x of a) if (b.has(x)) return false;
  return true;
}

/** Words that state a technology contract's side: registered (登记 / 认定, the seller's 输出) or absorbed (吸纳). */
const SIDE = /(登记|认定|输出|吸纳|卖方|买方)/;

/**
 * A family's member for a scope the text does not state (its name says 未说明口径): where the matched id is
 * another member whose name states no side, and the sentence states none either, the figure is that member's
 * (技术合同成交额达到180亿元 names no side: not the registered turnover).
 */
export function unstatedScope<T extends { id: string; zh: string }>(
  def: T,
  family: readonly T[],
  sentence: string,
): T {
  const open = family.find((d) => d.id !== def.id && /未说明口径/.test(d.zh));
  if (!open || /未说明口径/.test(def.zh) || SIDE.test(def.zh) || SIDE.test(sentence)) return def;
  return open;
}
