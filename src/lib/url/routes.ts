// Every hash route the app writes comes from here: a view's own link, the dashboard, a report, an
// observation's source sentence, an embed, a presentation. Pure; url.ts holds the route rules and writes
// the text. A link keeps what of the view its page reads, starting with the reader's language.
// Example: sourceHref({ source: '001_bf8fc6d553621b5e', ... }, { lang: 'en' })
//   -> '#/sources/001_bf8fc6d553621b5e?lang=en&mark=wuhu-rd_intensity-2022-actual'
import type { ChartId } from '../data/types';
import type { Observation } from '../table/schema';
import { rowKey } from '../data/dataset';
import { defaultView, serialiseView, type View } from './url';

/** What of the current view a link to another page carries: the language (a report page reads nothing else). */
export type LinkContext = Pick<View, 'lang'>;

/** href(view) -> '#/embed/high-tech?lang=en': the link that reopens exactly this view. */
export function href(view: View): string {
  return serialiseView(view);
}

/** dashboardHref({ lang: 'en' }) -> '#/?lang=en'; in Chinese, '#/' */
export function dashboardHref(from: LinkContext): string {
  return href({ ...defaultView(), lang: from.lang });
}

/** reportHref('wuhu-2023', { lang: 'en' }) -> '#/sources/wuhu-2023?lang=en': a report's full text. */
export function reportHref(source: string, from: LinkContext, mark: string | null = null): string {
  return href({ ...defaultView(), route: 'source', source, mark, lang: from.lang });
}

/**
 * The source sentence an observation came from, highlighted in its report, in the reader's language;
 * '' for an uploaded row (its file has no page).
 * sourceHref(o, { lang: 'zh' }) -> '#/sources/001_bf8fc6d553621b5e?mark=wuhu-rd_intensity-2022-actual'
 */
export function sourceHref(o: Observation, from: LinkContext): string {
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
