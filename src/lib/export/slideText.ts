// The words of a slide besides its chart: the one-line takeaway under the title, the speaker notes (every figure
// with its verbatim sentence and report, so the presenter can answer "where is that from?"), and the reports a
// deck cites. Pure, no DOM.
import type { ChartModel } from '../charts/common';
import {
  indicatorName,
  noteText,
  placeName,
  sourcePeriodCovered,
  sourcePublisher,
  sourceTitle,
} from '../charts/common';
import type { Dataset } from '../data/dataset';
import { isReferencePlace, periodOrder, rowKey } from '../data/dataset';
import type { Observation } from '../table/schema';
import type { Lang } from '../i18n/bilingual';
import { t as ui } from '../i18n/messages';
import { formatValue, inBrackets, kindLabel, listed, periodLabel } from '../i18n/format';
import { t } from '../i18n/onDemandMessages';
import type { NativePlot } from './nativeChart';
import { sourceName } from './dataTable';
import { statedDecimals } from '../data/statedDigits';

/** Cities a takeaway names before it says how many more. */
const NAMED = 4;
/** Figures the notes list before they say how many more (a large upload plots thousands). */
const NOTE_FIGURES = 120;

/** A figure with the decimals its sentence states (0.00417 亿元 is not '0 亿元'). */
const valueOf = (ds: Dataset, o: Observation, lang: Lang) =>
  formatValue(
    o.value,
    o.comparator,
    o.unit,
    lang,
    ds.units,
    o.value === null ? 2 : Math.max(2, statedDecimals(o.value, o.quote)),
  );

/** 'Wuhu 3.76% (2022)' */
function figure(ds: Dataset, o: Observation, lang: Lang): string {
  return `${placeName(ds, o.city, lang)} ${valueOf(ds, o, lang)}${inBrackets(periodLabel(o.period, lang), lang)}`;
}

/**
 * The takeaway of a chart drawn natively or as a picture: each city's latest figure (not a target), highest
 * first, then the references; of plan targets, how many targets stand where.
 * '最新：芜湖 3.76%（2022年），海门 2.71%（2020年）；全国 2.18%（2018年）'
 */
export function takeaway(model: ChartModel, plots: readonly NativePlot[], ds: Dataset, lang: Lang): string {
  if (model.slideTable) return targetsTakeaway(model, lang);
  const plot = plots[0];
  if (!plot) return '';
  const latest = new Map<string, Observation>();
  const refs: Observation[] = [];
  for (const s of plot.series)
    for (const o of s.points) {
      if (!o || o.value === null || o.kind === 'target') continue;
      if (s.kind === 'reference' || isReferencePlace(ds.places.get(o.city))) {
        if (!refs.includes(o)) refs.push(o);
        continue;
      }
      const had = latest.get(o.city);
      if (!had || periodOrder(o.period) > periodOrder(had.period)) latest.set(o.city, o);
    }
  const cities = [...latest.values()].sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  if (!cities.length) return '';
  const named = cities.slice(0, NAMED).map((o) => figure(ds, o, lang));
  const more = cities.length - NAMED;
  const list = listed(named, lang) + (more > 0 ? t(lang, 'andMore', { more }) : '');
  const ref = refs.length
    ? t(lang, 'takeawayRefs', {
        refs: listed(
          refs.map((o) => figure(ds, o, lang)),
          lang,
        ),
      })
    : '';
  return t(lang, 'takeawayLatest', { list }) + ref;
}

/** '12 项目标：已达成 3，进度符合 2，…' from the plan-target table's status column. */
function targetsTakeaway(model: ChartModel, lang: Lang): string {
  const col = model.table.columns.indexOf(ui(lang, 'status'));
  if (col < 0) return '';
  const counts = new Map<string, number>();
  for (const r of model.table.rows) {
    const s = r.cells[col] ?? '';
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const parts = [...counts].map(([s, n]) => `${s} ${n}`);
  return t(lang, 'takeawayTargets', { n: model.table.total, parts: listed(parts, lang) });
}

function byPlaceAndTime(ds: Dataset, lang: Lang) {
  return (a: Observation, b: Observation) =>
    placeName(ds, a.city, lang).localeCompare(placeName(ds, b.city, lang), lang) ||
    a.indicator.localeCompare(b.indicator) ||
    periodOrder(a.period) - periodOrder(b.period);
}

/**
 * The speaker notes of a chart's slide: the takeaway, then every figure drawn — city, indicator, period,
 * value and kind, the sentence it was taken from and the report — then the reports.
 */
export function speakerNotes(model: ChartModel, ds: Dataset, lang: Lang, lead: string): string {
  const seen = new Set<string>();
  const rows = [...model.marks.values()].filter((o) => {
    const k = `${rowKey(o)}\u0000${o.source}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  rows.sort(byPlaceAndTime(ds, lang));
  const lines: string[] = lead ? [lead, ''] : [];
  for (const o of rows.slice(0, NOTE_FIGURES)) {
    const head =
      `${placeName(ds, o.city, lang)} · ${indicatorName(ds, o.indicator, lang)} · ${periodLabel(o.period, lang)}` +
      (lang === 'zh' ? '：' : ': ') +
      `${valueOf(ds, o, lang)}${inBrackets(kindLabel(o.kind, lang), lang)}`;
    lines.push(head);
    if (o.quote) lines.push(`  「${o.quote}」`);
    const note = noteText(o, lang);
    lines.push(
      `  ${t(lang, 'notesFrom', { report: sourceName(ds, o.source, lang) })}${note ? ` ${note}` : ''}`,
    );
  }
  if (rows.length > NOTE_FIGURES) lines.push(t(lang, 'notesMore', { more: rows.length - NOTE_FIGURES }));
  const reports = [...new Set(rows.map((o) => o.source))].map((id) => sourceName(ds, id, lang));
  if (reports.length) lines.push('', t(lang, 'notesReports'), ...reports.map((r) => `- ${r}`));
  return lines.join('\n');
}

/** Each report a deck draws from, as one paragraph of the sources slide: title, publisher, period covered. */
export function sourceParagraphs(ds: Dataset, ids: Iterable<string>, lang: Lang): string[] {
  return [...new Set(ids)].map((id) => {
    const s = ds.sources.get(id);
    if (!s) return sourceName(ds, id, lang);
    const parts = [sourcePublisher(s, lang), sourcePeriodCovered(s, lang)].filter(Boolean);
    return `${sourceTitle(s, lang)}${parts.length ? inBrackets(parts.join(lang === 'zh' ? '，' : ', '), lang) : ''}`;
  });
}
