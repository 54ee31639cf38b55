// The report extractor: a bureau work report's plain text in, candidate observations out, each with the exact
// sentence it came from and, where the rules cannot decide, what is left to decide. Pure: no network, no DOM.
// Example: extractReport('芜湖市科技局2023年工作总结\n一、成效\n全市高新技术企业达850家。', opts).candidates[0]
//          -> { indicator: 'high_tech_enterprises', value: 850, unit: 'count', period: '2023', kind: 'actual', … }

import type { Candidate, ExtractOptions, Extraction } from './types';
import { sentencesOf } from './sentences';
import { figuresIn } from './figures';
import { wordsOf } from './context';
import { IndicatorMatcher } from './indicator-match';
import { titlePeriods } from './periods';
import { cityOf, readsAsReport, sectionsOf, titleOf } from './report';
import { BARE_CHANGE, candidateOf, isHeadline, type Draft, type Setting } from './candidates';
import { changeId, derivePrevious, FALL, GROWTH, PP_CHANGE } from './derive';
import { mergeRepeats } from './merge';

export type { Candidate, Extraction, ExtractOptions } from './types';

const ADDED = /(新增|新认定|新获批|新建|净增)/;
const BARE_LEVEL = /^(?:国家|[省市县区])级(?:以上)?$/;

/** List items that only name a level (省级、市级众创空间) share the head of the last item. */
function headed(items: string[]): string[] {
  const head = (items[items.length - 1] ?? '').replace(/^.*?(?:国家|[省市县区])级(?:以上)?/, '');
  return head === '' ? items : items.map((it) => (BARE_LEVEL.test(it) ? it + head : it));
}

/** Splits 各 / 分别 lists into one draft per item; carries a list's 新增 to its later items. */
function drafts(folded: string, figs: ReturnType<typeof figuresIn>): Draft[] {
  const words = wordsOf(folded, figs);
  const out: Draft[] = [];
  const byClause = new Map<number, number[]>();
  words.forEach((w, i) => byClause.set(w.clause, [...(byClause.get(w.clause) ?? []), i]));
  for (let i = 0; i < figs.length; i++) {
    const w = words[i]!;
    const fig = figs[i]!;
    const each = /各占?$/.exec(w.clauseBefore);
    if (each) {
      const items = headed(w.clauseBefore.slice(0, each.index).split(/、|和|及/));
      if (items.length >= 2) {
        const lead = ADDED.exec(items[0]!)?.[1] ?? '';
        for (const [k, it] of items.entries())
          out.push({ fig, words: w, item: (k > 0 && !ADDED.test(it) ? lead : '') + it });
        continue;
      }
    }
    const sep = /^(.*?)分别(.*)$/.exec(w.clauseBefore);
    const mates = byClause.get(w.clause) ?? [];
    if (sep && mates.length >= 2) {
      const items = headed(sep[1]!.split(/、|和|及/).filter((t) => t !== ''));
      const k = mates.indexOf(i);
      const tail = sep[2]!.replace(/[\dxX.]+[\u4e00-\u9fff%]*、?/g, '');
      if (items.length === mates.length && !/[\u4e00-\u9fff]{4,}/.test(tail)) {
        out.push({ fig, words: w, item: items[k]! + tail });
        continue;
      }
    }
    const first = w.clauseBefore.split('、')[0] ?? '';
    const lead = ADDED.exec(first)?.[1];
    if (lead && w.clauseBefore.includes('、') && !ADDED.test(w.own))
      out.push({ fig, words: w, item: lead + w.own });
    else out.push({ fig, words: w });
  }
  return out;
}

/**
 * A new indicator whose phrase only states a change (同比下降6.2%, 较上年增加1.4件) is the change of the figure it
 * follows: named from that figure's indicator, never a bare verb; with no figure before it, it is left to decide.
 */
function named(c: Candidate, before: readonly Candidate[], matcher: IndicatorMatcher): void {
  if (!c.newIndicator || !BARE_CHANGE.test(c.newIndicator.zh)) return;
  const prev = [...before].reverse().find((b) => b.kind !== 'derived' && b.newIndicator !== c.newIndicator);
  const subject = prev
    ? prev.indicator
      ? matcher.byId(prev.indicator)?.zh
      : prev.newIndicator?.zh
    : undefined;
  if (subject) c.newIndicator.zh = subject + (c.unit === '%' ? '同比增长' : '较上年变化');
  else {
    delete c.newIndicator;
    if (!c.undecided.includes('indicator')) c.undecided.push('indicator');
  }
}

export function extractReport(text: string, options: ExtractOptions): Extraction {
  const sentences = sentencesOf(text);
  const masked = /x{4}年/i.test(text);
  const title = titleOf(sentences);
  const tp = titlePeriods(title, masked && !/(?:19|20)\d{2}年/.test(title));
  const city = cityOf(title, sentences, options.places, options.city);
  const { sections, of } = sectionsOf(text, sentences, tp, title);
  const matcher = new IndicatorMatcher(options.indicators);
  const cityWords = city.name ? [city.name, city.name.replace(/[市县区]$/, '')] : [];
  const setting: Setting = {
    matcher,
    places: options.places,
    city: city.place,
    cityWords,
    summary: tp.summary,
  };

  const found: Candidate[] = [];
  let n = 0;
  let figureCount = 0;
  sentences.forEach((sen, si) => {
    const figs = figuresIn(sen.folded);
    figureCount += figs.length;
    const secIndex = of[si] ?? 0;
    const section = sections[secIndex]!;
    const mine: Candidate[] = [];
    for (const d of drafts(sen.folded, figs)) {
      const c = candidateOf(d, sen, section, secIndex, setting);
      c.id = `t${++n}`;
      const before = d.words.clauseBefore.replace(/\s+$/, '');
      const base = [...mine]
        .reverse()
        .find((b) => b.unit !== '%' && b.unit !== 'rank' && b.unit !== 'pp' && b.indicator !== null);
      const growth = c.unit === '%' && GROWTH.exec(before);
      const pp = c.unit === 'pp' && PP_CHANGE.exec(before);
      const pctBase = [...mine].reverse().find((b) => b.unit === '%' && b.indicator !== null);
      const b = growth ? base : pp ? pctBase : undefined;
      // A stated fall (同比下降5%, 下降0.1个百分点) is a negative change.
      const down = FALL.test((growth || pp || [''])[0]!);
      if (down && c.value !== null && c.value > 0) c.value = -c.value;
      if (b && b.indicator) {
        const id = changeId(matcher, b.indicator, growth ? '_yoy' : '_change');
        const def = id ? matcher.byId(id) : null;
        if (def) {
          c.indicator = def.id;
          c.unit = def.unit;
          c.headline = isHeadline(def, matcher);
          delete c.newIndicator;
          c.undecided = c.undecided.filter((u) => u !== 'indicator');
          if (b.period !== null && c.period !== b.period) {
            c.period = b.period;
            if (b.reportedPeriod) c.reportedPeriod = b.reportedPeriod;
            if (b.periodBasis) c.periodBasis = b.periodBasis;
            c.undecided = c.undecided.filter((u) => u !== 'period');
          }
        }
        const same = id !== null && id.startsWith(b.indicator);
        const derived = same ? derivePrevious(b, c, growth ? 'growth' : 'pp', down) : null;
        mine.push(c);
        if (derived) {
          derived.id = `t${++n}`;
          mine.push(derived);
        }
        continue;
      }
      mine.push(c);
    }
    mine.forEach((c, i) => named(c, mine.slice(0, i), matcher));
    found.push(...mine);
  });

  const candidates = mergeRepeats(found);
  const ids = new Map<string, string>();
  candidates.forEach((c, i) => ids.set(c.id, `c${i + 1}`));
  for (const c of candidates) {
    c.id = ids.get(c.id)!;
    if (c.derivedFrom) c.derivedFrom = ids.get(c.derivedFrom) ?? c.derivedFrom;
  }
  return {
    title,
    cityName: city.name,
    cityId: city.place?.id ?? null,
    period: tp.summary ?? tp.plan,
    sections,
    candidates,
    looksLikeReport: readsAsReport(text, figureCount, sections.length, title),
  };
}
