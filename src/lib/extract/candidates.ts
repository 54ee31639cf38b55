// One figure of one sentence -> one candidate (or one per listed item for 各 / 分别): its indicator, comparator,
// kind, place and period by the wording rules.
// Example: '力争新增高新技术企业、科技型中小企业各360家' -> two targets of 360, one per item

import type { IndicatorDef, Place } from '../data/types';
import type { Kind } from '../table/fields';
import type { Figure } from './figures';
import type { FigureWords } from './context';
import type { IndicatorMatcher } from './indicator-match';
import { PROVINCE_OF_CITY, type Candidate, type Section, type Undecided } from './types';
import { citedScope, comparatorOf, plannedBy, quotaOf } from './wording';
import { unstatedScope } from './levels';
import { laterThan, plansIn, releaseLagged, shiftYear, statedYear } from './periods';

const HEADLINE_CHARTS = new Set(['rd-intensity', 'high-tech', 'tech-contracts']);

export interface Setting {
  matcher: IndicatorMatcher;
  places: readonly Place[];
  city: Place | null;
  cityWords: string[];
  /** The summary's period ('2023', '2020-H1', 'Y'), for the statistical-year rule. */
  summary: string | null;
}

export function isHeadline(def: IndicatorDef | null, matcher: IndicatorMatcher): boolean {
  if (!def) return false;
  const main = def.family ? matcher.byId(def.family) : null;
  return [...def.charts, ...(main?.charts ?? [])].some((c) => HEADLINE_CHARTS.has(c));
}

/** Words before a new indicator's noun that say when, where or against what, not what. */
const LEADING =
  /^(其中|同时|此外|全年|全市|全县|全区|我市|我县|我区|本市|共|累计|已|并|还|今年|目前|截至目前|截至[\d一二三四五六七八九十]*月底|[上下]半年|比上年度?|较上年度?|比去年同期|较去年同期|比去年|较去年|同比)+/;
/** A phrase that only states a change or an addition names nothing by itself (同比下降, 较上年增加, 新增). */
export const BARE_CHANGE =
  /^(同比|环比|比上年|较上年|较去年同期|较去年)?(增长|下降|增加|减少|提高|提升|降低|回落|新增|净增|新认定|新建)?$/;

/**
 * A phrase that can name a new indicator: the own words without figures, fillers and punctuation, and without
 * the words of time, place or comparison before its noun and the comparator words in or after it.
 */
export function phraseOf(own: string): string {
  const t = own
    .replace(/[^\u4e00-\u9fffA-Za-z&]/g, '')
    .replace(LEADING, '')
    .replace(/(达到|突破|首破|超过|不少于|不超过)/g, '')
    .replace(/(达|为|约|以上|余|多|各|分别|共计|共|力争|确保|的)+$/, '');
  return t.slice(0, 24);
}

function placeOf(scope: ReturnType<typeof citedScope>, s: Setting): string {
  if (scope === 'nation') return s.places.find((p) => p.level === 'nation')?.id ?? 'china';
  if (scope === 'province' || scope === 'region') return s.city?.province || PROVINCE_OF_CITY;
  return 'self';
}

export interface Draft {
  fig: Figure;
  words: FigureWords;
  /** Own words to match, for a 各 / 分别 item. */
  item?: string;
}

/** The candidate of one figure in a sentence of `section`. */
export function candidateOf(
  d: Draft,
  sentence: { start: number; end: number; text: string },
  section: Section,
  sectionIndex: number,
  s: Setting,
): Candidate {
  const { fig, words } = d;
  const before = words.clauseBefore;
  // 分别突破2000家、3000家: the comparator word before the first figure holds for each.
  const each = /分别(?:为|是)?([^\dxX]*)[\dxX]/.exec(before);
  const comparator =
    fig.suffixComparator === '' && each ? comparatorOf(each[1]!, fig) : comparatorOf(before, fig);
  const planned = section.plan || plannedBy(before) || quotaOf(before, words.clauseAfter);
  // A rank's 全省 / 全国 is the ranking's scope, not a cited figure.
  let scope = fig.unit === 'rank' ? null : citedScope(before, s.cityWords);
  // A district's 全区 is the district itself, not a region it cites.
  if (scope === 'region' && /区$/.test(s.cityWords[0] ?? '')) scope = null;
  if (
    scope === null &&
    new RegExp(`^[^,，]*(我市|本市${s.cityWords.map((w) => `|${w}`).join('')})各?占`).test(words.clauseAfter)
  )
    scope = 'province';
  const place = placeOf(scope, s);
  const baseKind = planned ? 'target' : place !== 'self' ? 'reference' : 'actual';

  const own = d.item ?? words.own;
  const wide = words.sentenceBefore + before;
  let m =
    words.continued !== null && d.item === undefined
      ? s.matcher.match({ own: words.continued, wide }, fig.unit)
      : null;
  m ??= s.matcher.match({ own, wide }, fig.unit);
  if (m === null && words.continued !== null && d.item !== undefined)
    m = s.matcher.match({ own: words.continued, wide }, fig.unit);
  const def = m ? unstatedScope(m.def, s.matcher.familyOf(m.def), sentence.text) : null;
  const undecided: Undecided[] = [];
  const phrase = phraseOf(words.continued ?? own);
  if (!def && phrase.length < 2) undecided.push('indicator');

  // The section's period (from its heading or the title), unless the sentence names a year for the figure: a
  // year the sentence names is the figure's own, never shifted again by the release lag.
  let period = section.period;
  let named = false;
  const stated = statedYear(words.sentenceBefore + before);
  if (stated) {
    if (stated.year === 'xxxx') {
      if (stated.base) {
        period = shiftYear(s.summary ?? 'Y', -1);
        named = true;
      }
    } else if (period === null || !period.startsWith(stated.year) || stated.base) {
      period = stated.year;
      named = true;
    } else named = true;
  }
  // An actual (or a cited figure) of a year after the report's own is impossible: a target where plan words say
  // so, otherwise its period is left to decide.
  let kind: Kind = baseKind;
  if (kind !== 'target' && period !== null && laterThan(period, s.summary)) {
    if (plansIn(section.title) || plansIn(words.sentenceBefore + before)) kind = 'target';
    else period = null;
  }
  const c: Candidate = {
    id: '',
    quotes: [sentence.text],
    spans: [{ start: sentence.start, end: sentence.end }],
    figure: { start: sentence.start + fig.start, end: sentence.start + fig.end },
    stated: fig.stated,
    value: fig.value,
    status: fig.masked ? 'redacted' : 'reported',
    unit: def?.unit ?? fig.unit,
    comparator,
    kind,
    place,
    indicator: def?.id ?? null,
    period,
    section: section.title,
    sectionIndex,
    headline: isHeadline(def, s.matcher),
    undecided,
  };
  if (!def && phrase.length >= 2) c.newIndicator = { zh: phrase, unit: fig.unit };
  const notes: Array<[string, string]> = [];
  if (fig.conversion) notes.push([fig.conversion, fig.conversion.replace('亿元', ' (100m CNY)')]);
  if (fig.rangeUpper)
    notes.push([`区间下限，上限为${fig.rangeUpper}`, `lower end of a range; upper end ${fig.rangeUpper}`]);
  if (kind !== 'target' && period !== null && !named && !section.plan && releaseLagged(def?.zh ?? phrase)) {
    c.reportedPeriod = period;
    c.period = shiftYear(period, -1);
    c.periodBasis = place === 'self' ? 'release-lag' : 'cited-year';
    notes.push([
      `研发统计数据约在次年发布：报告归于${period}，按统计年度计入${c.period}。`,
      `R&D statistics are released about a year later: filed under ${period}, placed in ${c.period}.`,
    ]);
  }
  if (notes.length) c.note = { zh: notes.map((n) => n[0]).join('；'), en: notes.map((n) => n[1]).join('; ') };
  if (c.period === null) undecided.push('period');
  return c;
}
