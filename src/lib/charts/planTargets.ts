// plan-targets: every target of the chosen cities and its status, as a bullet graph on a common "% of target"
// scale (targets have different units): the actual a bar, the target a tick at 100 %, the baseline a diamond,
// the status in words and a mark beside it (never colour alone), numbers never cut. Grouped by city and plan
// year. The dashboard draws the targets that have an actual and folds the rest into an "awaiting data" list;
// a slide, an embed and presentation mode show pages of about eight lines (ChartInput.page), every target on
// some page. A plot narrower than NARROW_PLOT (a phone, a half-width card) puts each target's words above its bar.
import type { Observation } from '../table/schema';
import { rowKey } from '../data/dataset';
import type { TargetProgress } from '../data/targets';
import { targetKey, targetProgress } from '../data/targets';
import { t } from '../i18n/messages';
import type { ChartInput, ChartModel, ChartSpec, SlideTable } from './common';
import { indicatorName, placeName, sourceFootnote, summarise, NARROW_PLOT } from './common';
import type { Line, TargetGroup } from './planTargetRows';
import {
  awaitingItem,
  groupTargets,
  longPage,
  pagesOf,
  shownLines,
  statusText,
  valuesLine,
} from './planTargetRows';
import { statusKey, targetSlideTable, targetTable } from './planTargetTable';
import { barsOption } from './planTargetBars';
import { listOption } from './planTargetList';

/** What a view shows: a page of pages, the dashboard's lines (the rest folded), or every line (an export). */
function viewOf(input: ChartInput, groups: readonly TargetGroup[]) {
  if (typeof input.page === 'number') {
    // A narrow plot (a phone) lists in one column.
    const pages = pagesOf(input, groups, (input.width ?? 800) < NARROW_PLOT ? 1 : 2);
    const page = Math.min(Math.max(1, Math.trunc(input.page)), pages.length);
    const shown = pages[page - 1]!;
    return { ...shown, pages: { page, count: pages.length }, folded: false };
  }
  const shown = input.page === 'all' ? [] : shownLines(groups);
  // Nothing has an actual yet (a plan-only city): the list itself, not an empty chart and a fold.
  const lines = shown.length ? shown : longPage(groups);
  return { list: false, columns: [lines], pages: undefined, folded: shown.length > 0 };
}

const targetsOn = (columns: readonly Line[][]) => columns.flat().flatMap((l) => ('p' in l ? [l.p] : []));

export function build(input: ChartInput): ChartModel {
  const { data, lang } = input;
  const plan = input.plan?.length ? new Set(input.plan) : null;
  const progress = targetProgress(data, input.cities).filter((p) => !plan || plan.has(p.target.period));
  const groups = groupTargets(input, progress);
  const view = viewOf(input, groups);
  const onView = targetsOn(view.columns);
  const marks = new Map<string, Observation>();
  for (const p of progress) {
    marks.set(targetKey(p.target), p.target);
    for (const o of [p.latest, p.baseline]) if (o) marks.set(rowKey(o), o);
  }
  const drawn = view.list
    ? { option: listOption(input, view.columns, onView, marks), height: undefined }
    : barsOption(input, view.columns[0] ?? [], onView, marks);
  // The sources of what this view shows (a page names only its own).
  const used = (view.pages ? onView : progress).flatMap((p: TargetProgress) => [
    p.target,
    ...(p.latest ? [p.latest] : []),
  ]);
  const { footnote, ids } = sourceFootnote(data, used, lang);
  let slides: SlideTable | undefined;
  return {
    option: drawn.option,
    table: targetTable(input, progress),
    footnotes: [footnote, statusKey(lang)],
    summary: summarise(
      t(lang, 'chartPt'),
      progress,
      lang,
      (p) =>
        `${placeName(data, p.target.city, lang)} ${indicatorName(data, p.target.indicator, lang)} ${statusText(p, lang)} ${valuesLine(input, p)}`,
    ),
    sources: ids,
    empty: progress.length === 0,
    height: view.pages ? undefined : drawn.height,
    marks,
    // Written out when slides are asked for: a redraw does not need them.
    get slideTable() {
      return (slides ??= targetSlideTable(input, groups));
    },
    pages: view.pages,
    awaiting: view.folded
      ? groups
          .filter((g) => g.awaiting.length)
          .map((g) => ({
            title: g.title,
            items: g.awaiting.map((p) => {
              const { mark, text } = awaitingItem(input, p);
              return `${mark} ${text}`;
            }),
          }))
      : undefined,
  };
}

export const planTargets = {
  id: 'plan-targets',
  title: 'chartPt',
  subtitle: 'chartPtSub',
  draws: [],
  build,
} satisfies ChartSpec;
