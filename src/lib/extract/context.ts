// The words around each figure of a sentence: its clause (between commas), its list item (between 、), the words
// before and after it up to the neighbouring figures, and, for an item that only names a level or a total
// (省级58家, 总数达32家, 居全省第一), the words of the figure it continues.
// Example: in '国家级众创空间7家、省级58家', 58's own words are '省级' and it continues '国家级众创空间' -> '省级众创空间'

import type { Figure } from './figures';

export interface FigureWords {
  /** Clause text before / after the figure (other figures kept), for comparator, kind and scope words. */
  clauseBefore: string;
  clauseAfter: string;
  /** The figure's own words: item text from the previous figure to the next, this figure cut out. */
  own: string;
  /** The sentence before the clause (context only). */
  sentenceBefore: string;
  /** Own words made whole from the figure continued, when the own words only name a level or a total. */
  continued: string | null;
  /** 1-based clause index in the sentence (figures of one clause share it). */
  clause: number;
}

/** A level: 国家级, 省级, 市级, 县级, 区级, a masked region's x区级 …, with 以上. */
const LEVEL = /((?:国家|[xX]*[省市县区州乡镇])级(?:以上)?)/;
/** Words that name no quantity by themselves. */
const FILLER =
  /(资金|金额|经费|高于|低于|平均水平|平均|水平|达到|达|为|共有|共|总数|总量|累计|其中|分别|各|约|超过|超|近|突破|首破|以上|余|多|同比|比增|较上年度?|较上年|提升|提高|增长了|增长|居|位居|位列|列|保持|全省|全国|全市|全区|获得|获|有|已|的|和|、|了|再|继续|均|第|年|今年|目前|截至目前|长三角|合计)/g;
const STOCK = /(总数|总量|累计|达到|达|现有|拥有)/;
const ADDED = /(新增|新认定|新获批|新建|净增|新招引|年净增)/g;
/** A comparison base or a list's 其中 before an addition word: 比上年净增, 较去年新增, 其中新认定. */
const BASE_WORDS = /(比上年度?|比去年|较去年|较上年度?|同比|其中|全年|当年|年内)/g;
/** Words at a subject's ends that belong to its figure, not its name: 全县高新技术企业突破 -> 高新技术企业. */
const SUBJECT_ENDS =
  /^(全[市县区省]|我[市县区])+|(总数|总量|累计|达到|达|为|约|超过|超|近|突破|首破|已|共|有|分别)+$/g;

/**
 * An elliptical clause that only states an addition (比上年净增38家, 其中新认定57家): it borrows the subject of
 * the figure it follows, with its own addition word first and its other words after ('净增' + '高新技术企业';
 * 净增数居全市 -> 净增高新技术企业数居全市). Null when the own words say more than an addition.
 */
function borrowed(own: string, base: string): string | null {
  const bare = own.replace(BASE_WORDS, '');
  const adds = bare.match(ADDED);
  if (!adds) return null;
  const rest = bare.replace(ADDED, '');
  if (!weak(rest)) return null;
  const subject = base.replace(ADDED, '').replace(BASE_WORDS, '').replace(SUBJECT_ENDS, '');
  return subject.length >= 2 ? adds[adds.length - 1]! + subject + rest : null;
}

function strip(s: string, figs: readonly Figure[], from: number): string {
  let out = '';
  let i = 0;
  for (const f of figs) {
    const a = f.start - from;
    const b = f.end - from;
    if (b <= 0 || a >= s.length) continue;
    out += s.slice(i, Math.max(i, a));
    i = Math.max(i, b);
  }
  return out + s.slice(i);
}

function weak(own: string): boolean {
  const rest = own
    .replace(LEVEL, '')
    .replace(FILLER, '')
    .replace(/[^\u4e00-\u9fff]/g, '');
  return rest.length < 2;
}

/** The words of every figure of a folded sentence (same order as `figs`). */
export function wordsOf(s: string, figs: readonly Figure[]): FigureWords[] {
  const out: FigureWords[] = [];
  // The last figure with words of its own, by unit: 总数达1407家 continues a count, not the rank between.
  const strong = new Map<string, string>();
  let lastStrong: string | null = null;
  for (let k = 0; k < figs.length; k++) {
    const f = figs[k]!;
    const cStart = lastIndexOf(s, /[,，:：]/, f.start) + 1;
    const cEndRel = s.slice(f.end).search(/[,，:：]/);
    const cEnd = cEndRel === -1 ? s.length : f.end + cEndRel;
    // A list item starts at a 、 only after an earlier figure of the clause (汇报会、调度会21次 is one item).
    const prevFig = figs[k - 1];
    const from = prevFig && prevFig.end > cStart ? prevFig.end : f.start;
    const cut = lastIndexOf(s, /[、]/, f.start);
    const iStart = prevFig && prevFig.end > cStart && cut >= from ? cut + 1 : cStart;
    const iEndRel = s.slice(f.end, cEnd).search(/[、]/);
    const iEnd = iEndRel === -1 ? cEnd : f.end + iEndRel;
    const prev = figs[k - 1];
    const next = figs[k + 1];
    const ownStart = prev && prev.end > iStart && prev.end <= f.start ? prev.end : iStart;
    const ownEnd = next && next.start < iEnd && next.start >= f.end ? next.start : iEnd;
    const own = s.slice(ownStart, f.start) + s.slice(f.end, ownEnd);
    const clause = (s.slice(0, cStart).match(/[,，:：]/g) ?? []).length + 1;
    let continued: string | null = null;
    const basis = strong.get(f.unit) ?? lastStrong;
    const lent = basis === null ? null : borrowed(own, basis);
    if (lent !== null) continued = lent;
    else if (weak(own) && basis !== null) {
      let base = basis;
      if (STOCK.test(own)) base = base.replace(ADDED, '');
      const lv = LEVEL.exec(own);
      continued = lv
        ? (LEVEL.test(base) ? base.replace(LEVEL, lv[1]!) : lv[1]! + base) + own.replace(LEVEL, '')
        : base + own;
    } else if (!weak(own) && lent === null) {
      lastStrong = own;
      strong.set(f.unit, own);
    }
    out.push({
      clauseBefore: s.slice(cStart, f.start),
      clauseAfter: s.slice(f.end, cEnd),
      own,
      sentenceBefore: strip(s.slice(0, cStart), figs, 0),
      continued,
      clause,
    });
  }
  return out;
}

function lastIndexOf(s: string, re: RegExp, before: number): number {
  for (let i = before - 1; i >= 0; i--) if (re.test(s[i]!)) return i;
  return -1;
}
