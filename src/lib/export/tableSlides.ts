// A chart with a slide table (plan targets) as native table slides, paged (slideTable.ts): text that can be
// searched and edited, the header row and a continued group's title repeated on every slide.
import type { SlideTable } from '../charts/common';
import {
  BODY_PT,
  CELL_MARGIN,
  columnWidths,
  pageRowHeight,
  pageSlideTable,
  rowHeight,
  W,
  X,
} from './slideTable';
import { LINE } from './textMeasure';
import { boxHeight, header, headerHeights, sourceBox, sourceLine, TABLE_TEXT, text } from './slideBoxes';
import type { Header, Pptx, Slide } from './slideBoxes';
import type { Lang } from '../i18n/bilingual';
import { t } from '../i18n/onDemandMessages';

type TableRow = Parameters<Slide['addTable']>[0][number];

/**
 * Of the height left for the table, what the paging may plan to fill. Lines are as tall everywhere (exact line
 * spacing, LINE) but fonts are not as wide: the rest is spare for a row that wraps once more than estimated.
 */
const FILL = 0.92;
const BORDER = { type: 'solid' as const, pt: 0.75, color: 'BFC5CC' };

/** Writes the table's slides; returns them (each gets the chart's notes). */
export function tableSlides(
  pptx: Pptx,
  head: Header,
  source: string,
  table: SlideTable,
  lang: Lang,
  font: string,
): Slide[] {
  const continued = t(lang, 'slideContinued');
  const colW = columnWidths(table);
  // Bottom up: source line, legend above it; top down: the header; the table between.
  const src = sourceBox(source, TABLE_TEXT.source);
  const legendH = table.legend ? boxHeight(table.legend, TABLE_TEXT.legend, W) : 0;
  const legendY = src.y - legendH;
  const longestMark = t(lang, 'slidePage', { page: 88, pages: 88 });
  const tableY = headerHeights(head, longestMark).total + 0.08;
  const headerH = rowHeight(table.columns, colW, true);
  const budget = (legendY - 0.06 - tableY) * FILL - headerH;
  const pages = pageSlideTable(table, budget, continued);

  const cell = (s: string, opts: Record<string, unknown> = {}) => ({
    text: s,
    options: {
      fontFace: font,
      fontSize: BODY_PT,
      color: '222222',
      margin: CELL_MARGIN,
      lineSpacing: BODY_PT * LINE,
      valign: 'middle' as const,
      border: BORDER,
      ...opts,
    },
  });
  const headerRow: TableRow = table.columns.map((s, i) =>
    cell(s, { bold: true, fill: { color: 'E4E9F0' }, align: i === 0 ? 'left' : 'center' }),
  );

  return pages.map((rows, p) => {
    const slide = pptx.addSlide();
    const mark = pages.length > 1 ? t(lang, 'slidePage', { page: p + 1, pages: pages.length }) : '';
    header(slide, head, font, mark, longestMark);
    const body: TableRow[] = rows.map((r) =>
      r.kind === 'group'
        ? [
            cell(r.continued ? r.title + continued : r.title, {
              bold: true,
              colspan: Math.max(1, table.columns.length),
              fill: { color: 'F3F5F8' },
              align: 'left',
            }),
          ]
        : table.columns.map((_, i) => cell(r.cells[i] ?? '', { align: i === 0 ? 'left' : 'center' })),
    );
    // Rows are written as tall as the estimate; a renderer that needs more grows the row.
    const rowH = [headerH, ...rows.map((r) => pageRowHeight(r, colW, continued))];
    slide.addTable([headerRow, ...body], { x: X, y: tableY, w: W, colW, rowH, autoPage: false });
    if (table.legend)
      text(slide, table.legend, { y: legendY, h: legendH }, { pt: TABLE_TEXT.legend, font, color: '444444' });
    sourceLine(slide, source, font, TABLE_TEXT.source);
    return slide;
  });
}
