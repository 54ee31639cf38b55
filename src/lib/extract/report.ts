// The report as a whole: its title, its city, whether it reads as a work report at all, and its sections (each
// with whether it plans and the period its figures belong to).
// Example: titleOf(sentencesOf('当前位置:首页 > 计划\n2020年市科技局工作打算\n…')) -> '2020年市科技局工作打算'

import type { Place } from '../data/types';
import { PlaceRegistry } from '../import/places';
import { headingOf, type Sentence } from './sentences';
import { headingPlans, headingYear, nextYear, type TitlePeriods } from './periods';
import type { Section } from './types';

const TITLE_WORDS = /(总结|计划|打算|安排|报告|要点|任务|述职)/;
const FURNITURE = /(>|当前位置|所在的位置|时间[:：]|发布日期|来源[:：]|网站[:：])/;

/** The first early line that reads as a title; a title quoted in a notice (《…》) is taken from inside. */
export function titleOf(sentences: readonly Sentence[]): string {
  for (const s of sentences.slice(0, 20)) {
    const t = s.text.trim();
    if (t.length > 80 || FURNITURE.test(t) || !TITLE_WORDS.test(t)) continue;
    const inner = /《([^》]*(?:总结|计划|打算|安排|报告|要点|任务)[^》]*)》/.exec(t);
    return inner ? inner[1]! : t;
  }
  return '';
}

export interface City {
  name: string | null;
  place: Place | null;
}

const CITY_NAME = /([\u4e00-\u9fff]{2,5}?[市县区])(?:科学技术局|科技局|人民政府)/;

/** The city named by the title or the publisher line (来源:芜湖市科技局); `id` (named by the user) wins. */
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
  const lines = [title, ...sentences.slice(0, 12).map((s) => s.text)];
  let place = byId;
  for (const l of lines) place ??= local(registry.findInText(l));
  let name: string | null = null;
  for (const l of lines) name ??= CITY_NAME.exec(l)?.[1] ?? null;
  if (place && (name === null || !name.includes(place.zh.replace(/[市县区]$/, '')))) name = place.zh;
  return { name, place };
}

/** Sections from the headings; sections[0] is the text before the first heading. */
export function sectionsOf(
  text: string,
  sentences: readonly Sentence[],
  tp: TitlePeriods,
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
  let parent: Section | null = null;
  for (const s of sentences) {
    const h = headingOf(s, text);
    if (h) {
      const prev = sections[sections.length - 1]!;
      prev.span.end = s.start;
      const inherit = h.level === 2 && parent !== null;
      const own = headingPlans(h.title, tp.summary);
      const plan = tp.planOnly || (inherit ? parent!.plan : (own ?? false));
      const y = headingYear(h.title);
      const planYear = tp.plan ?? (tp.summary ? nextYear(tp.summary) : null);
      let period = inherit ? parent!.period : plan ? planYear : tp.summary;
      if (y === 'masked') period = plan ? 'Y+1' : 'Y';
      else if (y !== null && !(tp.summary?.startsWith(y) ?? false)) period = y;
      const sec: Section = { title: h.title, span: { start: s.start, end: text.length }, plan, period };
      sections.push(sec);
      if (h.level === 1) parent = sec;
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
