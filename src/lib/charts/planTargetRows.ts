// plan-targets, the words and the order: each status's mark and name, each target's text, and the lines a view
// shows — grouped by city and plan year, sorted by status (targetProgress's order), in pages where the view
// pages (a slide, an embed, presentation mode), with the targets still awaiting data last or folded away.
import type { Observation } from '../table/schema';
import type { StatusReason, TargetProgress, TargetStatus } from '../data/targets';
import { AWAITING_STATUSES, TARGET_STATUSES } from '../data/targets';
import { t } from '../i18n/messages';
import { t as pt, type PlanTextKey } from '../i18n/planTargetMessages';
import {
  comparatorSymbol,
  formatNumber,
  formatValue,
  inBrackets,
  labelled,
  periodLabel,
} from '../i18n/format';
import { emOf, shorten, wrapText } from '../i18n/textWidth';
import type { ChartInput } from './common';
import { indicatorName, placeName, safeLabel } from './common';

/**
 * Each status as a mark (a shape in any CJK or Office font), a name and a colour, on a light and on a dark
 * background: never the colour alone.
 */
export const STATUS_LOOK: {
  [S in TargetStatus]: { mark: string; name: PlanTextKey; color: string; dark: string };
} = {
  reached: { mark: '●', name: 'statusReached', color: '#1b7a3d', dark: '#5cc489' },
  'on-track': { mark: '▲', name: 'statusOnTrack', color: '#2b7bb9', dark: '#74b6ec' },
  behind: { mark: '▼', name: 'statusBehind', color: '#b45f06', dark: '#f0a34e' },
  missed: { mark: '×', name: 'statusMissed', color: '#c0392b', dark: '#ff8a7a' },
  'cannot-tell': { mark: '◐', name: 'statusCannotTell', color: '#5f6f80', dark: '#a9b9ca' },
  'not-comparable': { mark: '≠', name: 'statusNotComparable', color: '#767676', dark: '#b4b4b4' },
  masked: { mark: '□', name: 'statusMasked', color: '#767676', dark: '#b4b4b4' },
  'no-actual': { mark: '○', name: 'statusNoActual', color: '#767676', dark: '#b4b4b4' },
};

/** A status's colour on the chart's background. */
export const statusColor = (s: TargetStatus, dark: boolean) => STATUS_LOOK[s][dark ? 'dark' : 'color'];

const REASON: { [R in StatusReason]: PlanTextKey } = {
  met: 'reasonMet',
  'met-early': 'reasonMetEarly',
  'ahead-of-path': 'reasonAheadOfPath',
  'behind-path': 'reasonBehindPath',
  'fell-short': 'reasonFellShort',
  'bound-undecided': 'reasonBoundUndecided',
  'single-level': 'reasonSingleLevel',
  'plan-year-missing': 'reasonPlanYearMissing',
  'other-period': 'reasonOtherPeriod',
  'other-scope': 'reasonOtherScope',
  'target-masked': 'reasonTargetMasked',
  'actual-masked': 'reasonActualMasked',
  'no-actual': 'reasonNoActual',
};

/** statusWords('on-track', 'zh') -> '▲ 进度符合': a status's mark and name (the status column, the legend line). */
export function statusWords(status: TargetStatus, lang: ChartInput['lang']): string {
  const look = STATUS_LOOK[status];
  return `${look.mark} ${pt(lang, look.name)}`;
}

/** '▲ 进度符合': a target's status in words. */
export function statusText(p: TargetProgress, lang: ChartInput['lang']): string {
  return statusWords(p.status, lang);
}

export function reasonText(p: TargetProgress, lang: ChartInput['lang']): string {
  return pt(lang, REASON[p.reason]);
}

/** pct(66.67, 'zh') -> '66.7%'; with a bound's mark: '≥66.7%' */
export function pct(n: number | null, lang: ChartInput['lang'], mark = ''): string {
  return n === null ? '' : `${mark}${formatNumber(n, lang, 1)}%`;
}

/**
 * The marks a bound actual puts on the % of target and the gap: 突破2000 against 3000 is ≥ 66.7 % and ≤ 1,000
 * short. (On the % scale more is better, so a lower-is-better figure's bound turns round.)
 */
export function boundMarks(p: TargetProgress): { pct: string; gap: string } {
  const c = p.latest?.comparator;
  if (!p.bound || !c) return { pct: '', gap: '' };
  const atLeast = (c === '>=' || c === '>') !== p.lowerIsBetter;
  return atLeast ? { pct: '≥', gap: '≤' } : { pct: '≤', gap: '≥' };
}

/** A figure in words: '≥2,000个'; a masked one says so, with its comparator: '≥（原文已遮蔽）'. */
export function valueText(input: ChartInput, o: Observation): string {
  const { lang } = input;
  return o.value === null
    ? comparatorSymbol(o.comparator) +
        (o.comparator === '=' ? t(lang, 'masked') : inBrackets(t(lang, 'masked'), lang))
    : formatValue(o.value, o.comparator, o.unit, lang, input.data.units);
}

/** '▼ 进度落后 · 66.7%（按直线进度应达 80%）': the status and how far along, never cut. */
export function statusLine(input: ChartInput, p: TargetProgress): string {
  const { lang } = input;
  const parts = [statusText(p, lang)];
  if (p.achievedPct !== null) parts.push(pct(p.achievedPct, lang, boundMarks(p).pct));
  const path = p.pathPct === null ? '' : inBrackets(pt(lang, 'onPath', { pct: pct(p.pathPct, lang) }), lang);
  return parts.join(' · ') + path;
}

/**
 * '2023年：≥2,000个 · 目标 3,000个': the actual it is judged on (with its period; another scope's, named), then the
 * target. Where it must fit `em`, only the other scope's name is shortened, never a figure.
 */
export function valuesLine(input: ChartInput, p: TargetProgress, em = Infinity): string {
  const { lang } = input;
  const target = `${t(lang, 'target')} ${valueText(input, p.target)}`;
  if (!p.latest) return target;
  const when = periodLabel(p.latest.period, lang);
  const line = (scope: string) =>
    `${labelled(scope ? `${when} ${scope}` : when, valueText(input, p.latest!), lang)} · ${target}`;
  if (p.reason !== 'other-scope') return line('');
  const scope = indicatorName(input.data, p.latest.indicator, lang);
  return line(shorten(scope, em - emOf(line(''))));
}

export interface TargetGroup {
  city: string;
  period: string;
  title: string;
  /** Targets with an actual to show (bar or words), in status order. */
  shown: TargetProgress[];
  /** Masked or no actual: listed, not drawn. */
  awaiting: TargetProgress[];
}

/** '芜湖市 · 2024年目标' */
export function groupTitle(input: ChartInput, city: string, period: string): string {
  return pt(input.lang, 'planGroup', {
    place: placeName(input.data, city, input.lang),
    period: periodLabel(period, input.lang),
  });
}

/** The targets by city and plan year, in targetProgress's order (which is already grouped). */
export function groupTargets(input: ChartInput, progress: readonly TargetProgress[]): TargetGroup[] {
  const groups: TargetGroup[] = [];
  for (const p of progress) {
    let g = groups.at(-1);
    if (!g || g.city !== p.target.city || g.period !== p.target.period) {
      const { city, period } = p.target;
      g = { city, period, title: groupTitle(input, city, period), shown: [], awaiting: [] };
      groups.push(g);
    }
    (AWAITING_STATUSES.has(p.status) ? g.awaiting : g.shown).push(p);
  }
  return groups;
}

/** The em a status mark and the space after it take. */
const MARK_EM = 2;

/**
 * '○' and '研发经费投入强度 · 目标 2.71%': a target awaiting data, as the folded list and a list page write it;
 * the name shortened to fit `em` where given, the target never.
 */
export function awaitingItem(input: ChartInput, p: TargetProgress, em = Infinity) {
  const tail = ` · ${t(input.lang, 'target')} ${valueText(input, p.target)}`;
  const name = shorten(indicatorName(input.data, p.target.indicator, input.lang), em - MARK_EM - emOf(tail));
  return { mark: STATUS_LOOK[p.status].mark, text: name + tail };
}

/** One line of the chart: a group's title, or a target (compact: awaiting data, one line of words). */
export type Line = { title: string } | { p: TargetProgress; compact: boolean };

/** A page: one column of lines with bars, or columns of awaiting-data targets (a list page). */
export interface Page {
  list: boolean;
  columns: Line[][];
}

/** Lines on a slide, an embed, a presentation page: about eight with bars, or a list twice as long a column. */
export const PAGE_LINES = 8;
export const LIST_LINES = 14;

/** Every line, awaiting-data targets after the others (as compact lines): what a page or a long export shows. */
function allLines(groups: readonly TargetGroup[]): [Line[], Line[]] {
  const lines = (pick: (g: TargetGroup) => TargetProgress[], compact: boolean): Line[] =>
    groups.flatMap((g) =>
      pick(g).length ? [{ title: g.title }, ...pick(g).map((p) => ({ p, compact }))] : [],
    );
  return [lines((g) => g.shown, false), lines((g) => g.awaiting, true)];
}

/**
 * Lines cut into columns of `size`: a group carried over repeats its title, marked as continued; none ends on a
 * title. `expand` writes a title as one line or more (a long one as its place and its plan year).
 */
function columnsOf(
  input: ChartInput,
  lines: readonly Line[],
  size: number,
  expand: (title: string) => string[] = (title) => [title],
): Line[][] {
  const columns: Line[][] = [];
  let column: Line[] = [];
  let title = '';
  const put = (text: string) => column.push(...expand(text).map((part) => ({ title: part })));
  for (const line of lines) {
    const room = 'title' in line ? expand(line.title).length : 1;
    if (column.length + room > size || ('title' in line && column.length + room >= size)) {
      columns.push(column);
      column = [];
      if (!('title' in line)) put(pt(input.lang, 'continued', { text: title }));
    }
    if ('title' in line) {
      title = line.title;
      put(title);
    } else column.push(line);
  }
  if (column.length) columns.push(column);
  return columns;
}

/**
 * The pages of a slide, an embed or presentation mode: targets with an actual in pages of PAGE_LINES lines, then
 * the awaiting-data targets in list pages of `listColumns` columns of LIST_LINES.
 */
export function pagesOf(input: ChartInput, groups: readonly TargetGroup[], listColumns: number): Page[] {
  const [shown, awaiting] = allLines(groups);
  const pages: Page[] = columnsOf(input, shown, PAGE_LINES).map((c) => ({ list: false, columns: [c] }));
  // A group title too wide for a list column ("Unnamed city (anonymised source) · year before the report (year
  // masked) targets") takes two lines, its place and its plan year.
  const em = listEm(input, listColumns) * TITLE_EM;
  const expand = (title: string) =>
    emOf(title) > em ? title.split(/(?= · )/).map((part) => shorten(part, em)) : [title];
  const lists = columnsOf(input, awaiting, LIST_LINES, expand);
  for (let i = 0; i < lists.length; i += listColumns)
    pages.push({ list: true, columns: lists.slice(i, i + listColumns) });
  return pages.length ? pages : [{ list: false, columns: [[]] }];
}

/** All lines on one long page (an export of the whole list), awaiting-data targets last. */
export function longPage(groups: readonly TargetGroup[]): Line[] {
  return allLines(groups).flat();
}

/** The dashboard's lines: targets with an actual; the rest is the folded "awaiting data" list. */
export function shownLines(groups: readonly TargetGroup[]): Line[] {
  return allLines(groups)[0];
}

/** A list column's width in em of the body text, for a plot of the nominal width (wider plots have room to spare). */
export function listEm(input: ChartInput, columns: number): number {
  return ((input.width ?? 800) / columns - 24) / (BODY_PX * (input.scale ?? 1));
}

/** The words' sizes (px, before scaling): a group title is a little larger, bold, than the rest. */
const BODY_PX = 12;
const TITLE_PX = 13;
/** How many em of body text a title's em takes: a title fits `em * TITLE_EM` where body text fits `em`. */
const TITLE_EM = BODY_PX / TITLE_PX;

/** Rich-text styles: one per status (its colour), a group title (g), a name (n), the values (v). */
export function richStyles(input: ChartInput, scale: number) {
  const body = BODY_PX * scale;
  return {
    g: { fontWeight: 'bold' as const, fontSize: TITLE_PX * scale, color: input.dark ? '#eee' : '#111' },
    v: { fontSize: body, color: input.dark ? '#ccc' : '#333' },
    n: { fontSize: body, color: input.dark ? '#eee' : '#222' },
    ...Object.fromEntries(
      TARGET_STATUSES.map((s, i) => [`s${i}`, { fontSize: body, color: statusColor(s, input.dark) }]),
    ),
  };
}

/** `{s3|…}`: a status's rich-text style name, as richStyles has it. */
export const statusStyle = (p: TargetProgress) => `s${TARGET_STATUSES.indexOf(p.status)}`;

/**
 * A line's words as rich text: the group title or the name (in at most `nameLines` lines of `em`, shortened past
 * them); the status and the values (on one line when compact; another scope's name shortened to `valuesEm`).
 */
export function words(input: ChartInput, line: Line, em = Infinity, nameLines = 1, valuesEm = em) {
  if ('title' in line)
    return { name: `{g|${safeLabel(wrapText(line.title, em * TITLE_EM, nameLines))}}`, status: '' };
  const { p, compact } = line;
  const name = `{n|${safeLabel(wrapText(indicatorName(input.data, p.target.indicator, input.lang), em, nameLines))}}`;
  const status = `{${statusStyle(p)}|${safeLabel(statusLine(input, p))}}`;
  const values = `{v|${safeLabel(valuesLine(input, p, valuesEm))}}`;
  return { name, status: compact ? `${status}  ${values}` : `${status}\n${values}` };
}
