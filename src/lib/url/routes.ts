// Every hash route the app writes comes from here: a view's own link, the dashboard, a report, an
// observation's source sentence, an embed, a presentation. Pure; url.ts holds the route rules and writes
// the text. A link keeps the view's dashboard parameters (LinkContext: language, chosen cities, explorer
// indicator, scale, plan years, background, a shared dataset) as far as its page takes them, so a report
// opened from a chart, and the way back from it, keep the view.
// Example: sourceHref({ source: '001_bf8fc6d553621b5e', ... }, { lang: 'en', cities: ['wuhu'] })
//   -> '#/sources/001_bf8fc6d553621b5e?lang=en&cities=wuhu&mark=wuhu-rd_intensity-2022-actual'
import type { ChartId } from '../data/types';
import type { Observation } from '../table/schema';
import { isReportSource, reportPage, rowKey } from '../data/dataset';
import { defaultView, serialiseView, type View } from './url';

/**
 * What of the current view a link to another page carries: the dashboard's parameters (urlParams.ts
 * VIEW_PARAMS). Only the language is required; a field left out is its default. `app.view` is one, and so is
 * `{ lang }`; the lists may be read-only (a chart's input).
 */
export interface LinkContext {
  readonly lang: View['lang'];
  readonly cities?: readonly string[] | null;
  readonly indicator?: string | null;
  readonly scale?: View['scale'];
  readonly plan?: readonly string[] | null;
  readonly bg?: View['bg'];
  readonly data?: string | null;
}

const LINK_FIELDS = ['lang', 'cities', 'indicator', 'scale', 'plan', 'bg', 'data'] as const;

/**
 * A link context read from `view()` each time a link is written (a chart's tooltip formatter outlives the view it
 * was built in when a change of view leaves the chart as drawn). liveLink(() => app.view).lang -> the view's now
 */
export function liveLink(view: () => LinkContext): LinkContext {
  const out = {};
  for (const k of LINK_FIELDS) Object.defineProperty(out, k, { get: () => view()[k], enumerable: true });
  return out as LinkContext;
}

/** The dashboard view a link context names: its parameters, nothing else of where it came from. */
function carried(from: LinkContext): View {
  return {
    ...defaultView(),
    lang: from.lang,
    cities: from.cities ? [...from.cities] : null,
    indicator: from.indicator ?? null,
    scale: from.scale ?? null,
    plan: from.plan ? [...from.plan] : null,
    bg: from.bg ?? null,
    data: from.data ?? null,
  };
}

/** href(view) -> '#/embed/high-tech?lang=en': the link that reopens exactly this view. */
export function href(view: View): string {
  return serialiseView(view);
}

/**
 * The dashboard with the view's parameters: dashboardHref({ lang: 'en', cities: ['wuhu'] }) -> '#/?lang=en&cities=wuhu';
 * dashboardHref({ lang: 'zh' }) -> '#/'
 */
export function dashboardHref(from: LinkContext): string {
  return href(carried(from));
}

/**
 * A report's full text, the view's parameters kept for the way back:
 * reportHref('wuhu-2023', { lang: 'en', cities: ['wuhu'] }) -> '#/sources/wuhu-2023?lang=en&cities=wuhu'
 */
export function reportHref(source: string, from: LinkContext, mark: string | null = null): string {
  return href({ ...carried(from), route: 'source', source, mark });
}

/**
 * The source sentence an observation came from, highlighted in its report, with the view's parameters;
 * '' for an uploaded table's row (its file has no page); an uploaded report's row links to the report's text.
 * sourceHref(o, { lang: 'zh' }) -> '#/sources/001_bf8fc6d553621b5e?mark=wuhu-rd_intensity-2022-actual'
 */
export function sourceHref(o: Observation, from: LinkContext): string {
  if (isReportSource(o.source)) return reportHref(reportPage(o.source), from, rowKey(o));
  if (o.source.startsWith('upload:')) return '';
  return reportHref(o.source, from, rowKey(o));
}

/** embedHref(view, 'high-tech') -> '#/embed/high-tech?…': one chart alone, with the view's parameters. */
export function embedHref(view: View, chart: ChartId): string {
  return href({ ...view, route: 'embed', chart });
}

/** presentHref(view, 'rd-intensity') -> '#/present/rd-intensity?…': presentation mode from that chart. */
export function presentHref(view: View, chart: ChartId): string {
  return href({ ...view, route: 'present', chart });
}
