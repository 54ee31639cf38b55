// The report as a whole: its title, its city, whether it reads as a work report at all, and its sections (each
// with whether it plans and the period its figures belong to).
// Example: titleOf(sentencesOf('当前位置:首页 > 计划\n2020年市科技局工作打算\n…')) -> '2020年市科技局工作打算'

import type { Place } from '../data/types';
import { PlaceRegistry } from '../import/places';
import { headingOf, type Sentence } from './sentences';
import { headingPlans, headingYear, nextYear, subheadingPlans, type TitlePeriods } from './periods';
import type { Section } from './types';

const TITLE_WORDS = /(总结|计划|打算|安排|报告|要点|任务|述职|情况|汇报)/;
const FURNITURE = /(>|当前位置|所在的位置|时间[:：]|发布日期|来源[:：]|网站[:：])/;
/** A line a title may be: short, no sentence-final mark, some words of a bureau's report (a year, 工作, 科技 …). */
const TITLE_LIKE = /((?:19|20)\d{2}|xxxx)年|工作|科技|科学技术|局|政府|报告|总结|计划/i;

/**
 * The title: the first non-empty line that is not page furniture, when it is short (≤ 60 characters), ends with
 * no sentence-final mark and reads as a report's line (青山市科技局2024年工作开展情况); otherwise the first early
 * line with title words (总结, 计划, 情况, 报告 …), lines without a final mark first. A title quoted in a notice
 * (《…》) is taken from inside.
 */
export function titleOf(sentences: readonly Sentence[]): string {
  const inner = (t: string): string =>
    /《([^》]*(?:总结|计划|打算|安排|报告|要点|任务|情况)[^》]*)》/.exec(t)?.[1] ?? t;
  const early = sentences.slice(0, 20).map((s) => s.text.trim());
  const open = (t: string): boolean => !/[。；;！!？?]$/.test(t);
  const first = early.find((t) => t !== '' && !FURNITURE.test(t));
  if (first !== undefined && first.length <= 60 && open(first) && first.length >= 6 && TITLE_LIKE.test(first))
    return inner(first);
  const fits = (t: string): boolean => t.length <= 80 && !FURNITURE.test(t) && TITLE_WORDS.test(t);
  const t = early.find((t) => fits(t) && open(t)) ?? early.find(fits);
  return t === undefined ? '' : inner(t);
}

export interface City {
  name: string | null;
  place: Place | null;
}

/** A city named with its bureau or government: 芜湖市科技局, 青山市科学技术局, 某某县人民政府. */
const CITY_NAME =
  /([\u4e00-\u9fff]{2,6}?[市县区州盟])(?:科学技术局|科技局|科技创新局|科学技术和工业信息化局|科技和工业信息化局|人民政府)/;
/** A title that opens with its city: 青山市2024年科技工作总结. */
const TITLE_CITY = /^([\u4e00-\u9fff]{2,6}?[市县区州盟])(?=(?:19|20)\d{2}|xxxx|上半年|科技|科学技术|关于)/i;
/** A publisher line: 来源:芜湖市科技局, 发布单位:…. */
const PUBLISHER = /(来源|发布单位|发布机构|发文单位|发布者)[:：]/;

/**
 * The city named by the title (its own line included: 福州市科学技术局关于印发《…》的通知) or the publisher line
 * (来源:芜湖市科技局): a name ending in 市 / 县 / 区 / 州 / 盟 before 科技局 / 科学技术局 / 人民政府 …, or a known
 * place. Only when neither names one is the body searched (我局赴芜湖市学习 names a place visited, not the city).
 * `id` (named by the user) wins.
 */
export function cityOf(
  title: string,
  sentences: readonly Sentence[],
  places: readonly Place[],
  id?: string,
): City {
  const byId = id ? (places.find((p) => p.id === id) ?? null) : null;
  const registry = new PlaceRegistry(places);
  const local = (p: Place | null): Place | null =>
    p && (p.level === 'prefecture' || p.level === 'county' || p.level === 'unnamed') ? p : null;
  const early = sentences.slice(0, 12).map((s) => s.text);
  const titleLine =
    title === '' ? undefined : sentences.slice(0, 20).find((s) => s.text.includes(title))?.text;
  const stages = [
    [title, ...(titleLine ? [titleLine] : [])],
    early.filter((l) => PUBLISHER.test(l)).map((l) => l.slice(PUBLISHER.exec(l)!.index)),
    early,
  ];
  let place = byId;
  let name: string | null = null;
  for (const [k, lines] of stages.entries()) {
    let p: Place | null = null;
    let n: string | null = null;
    for (const l of lines)
      n ??= CITY_NAME.exec(l)?.[1] ?? (k === 0 ? (TITLE_CITY.exec(l)?.[1] ?? null) : null);
    for (const l of lines) p ??= local(registry.findInText(l));
    if (n !== null && p !== null && !n.includes(p.zh.replace(/[市县区]$/, ''))) {
      // The named city is not the known place the lines mention: the named one holds, known or not.
      p = local(registry.findInText(n));
    }
    if (n === null && p === null) continue;
    name = n;
    place ??= p;
    break;
  }
  if (place && (name === null || !name.includes(place.zh.replace(/[市县区]$/, '')))) name = place.zh;
  return { name, place };
}

/** Sections from the headings; sections[0] is the text before the first heading. */
export function sectionsOf(
  text: string,
  sentences: readonly Sentence[],
  tp: TitlePeriods,
  title = '',
): {
  sections: Section[];
  of: number[];
} {
  const first: Section = {
    title: '',
    span: { start: 0, end: text.length },
    plan: tp.planOnly,
    period: tp.planOnly ? tp.plan : tp.summary,
  };
  const sections: Section[] = [first];
  const of: number[] = [];
  // The open heading of each level: a heading's parent is the nearest open one of a higher level.
  const open: Array<Section | null> = [null, null, null];
  const planYear = tp.plan ?? (tp.summary ? nextYear(tp.summary) : null);
  for (const s of sentences) {
    // The title's own line (and its repeats as page furniture) opens no section.
    const h = title !== '' && s.text.includes(title) ? null : headingOf(s, text);
    if (h) {
      const prev = sections[sections.length - 1]!;
      prev.span.end = s.start;
      const parent =
        open
          .slice(0, h.level - 1)
          .reverse()
          .find((p) => p !== null) ?? null;
      // Its own reading first ((二)下一步打算 under a summary heading plans); its parent's otherwise.
      const own =
        parent === null ? headingPlans(h.title, tp.summary) === true : subheadingPlans(h.title, tp.summary);
      const plan = tp.planOnly || own || (parent?.plan ?? false);
      const y = headingYear(h.title);
      let period = parent !== null && plan === parent.plan ? parent.period : plan ? planYear : tp.summary;
      if (y === 'masked') period = plan ? 'Y+1' : 'Y';
      else if (y !== null && !(tp.summary?.startsWith(y) ?? false)) period = y;
      const sec: Section = { title: h.title, span: { start: s.start, end: text.length }, plan, period };
      sections.push(sec);
      open[h.level - 1] = sec;
      for (let l = h.level; l < open.length; l++) open[l] = null;
    }
    of.push(sections.length - 1);
  }
  return { sections, of };
}

/** A work report has figures with bureau units, bureau words and a title or headings; a novel or a table has not. */
export function readsAsReport(text: string, figures: number, sections: number, title: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const tabular = lines.filter((l) => (l.match(/[,\t;|]/g) ?? []).length >= 3 && !/[。；]/.test(l)).length;
  if (lines.length > 0 && tabular / lines.length > 0.5) return false;
  const vocab = (text.match(/(科技|创新|企业|项目|研发|高新技术|成果|平台|推进|实施|开展|建设|培育)/g) ?? [])
    .length;
  const chars = text.replace(/\s/g, '').length || 1;
  return figures >= 3 && vocab >= 8 && vocab / chars > 0.01 && (sections > 1 || title !== '');
}
