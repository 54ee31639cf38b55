// Paging a slide table (plan targets): rows dealt out to 16:9 slides by their estimated heights, a group that
// continues repeating its title. Pure, no DOM: the unit tests page tables without LibreOffice.
import type { SlideTable } from '../charts/common';
import { lineCount, lineIn } from './textMeasure';

/** The content width of a 10 × 5.625 in slide (LAYOUT_16x9), from x 0.4. */
export const X = 0.4;
export const W = 9.2;
export const BODY_PT = 12; // table cells, header and group titles: read from the back of a meeting room
/** Cell margins (in): top, right, bottom, left. */
export const CELL_MARGIN: [number, number, number, number] = [0.035, 0.07, 0.035, 0.07];
/** Body rows (data rows and group title rows) a table slide holds at most. */
export const MAX_ROWS = 10;

/** One row of a table slide: a group title (continued or not), or a data row. */
export type PageRow = { kind: 'group'; title: string; continued: boolean } | { kind: 'row'; cells: string[] };

/** Column widths in inches, from the table's relative widths, across the content width. */
export function columnWidths(table: SlideTable): number[] {
  const n = table.columns.length;
  const rel = table.columns.map((_, i) => Math.max(table.widths[i] ?? 1, 0.01));
  const sum = rel.reduce((a, b) => a + b, 0);
  return n ? rel.map((r) => (r / sum) * W) : [W];
}

/** The height (in) a table row needs: its tallest cell. */
export function rowHeight(cells: string[], colW: number[], bold = false): number {
  let h = 0;
  cells.forEach((text, i) => {
    const w = (colW[i] ?? W) - CELL_MARGIN[1] - CELL_MARGIN[3];
    const lines = lineCount(text, w, BODY_PT, bold);
    h = Math.max(h, lines * lineIn(BODY_PT));
  });
  return h + CELL_MARGIN[0] + CELL_MARGIN[2];
}

export function pageRowHeight(r: PageRow, colW: number[], continued: string): number {
  return r.kind === 'group'
    ? rowHeight([r.continued ? r.title + continued : r.title], [W], true)
    : rowHeight(r.cells, colW);
}

/**
 * Deal the groups' rows out to pages of at most `cap` body rows (group title rows count) whose estimated
 * height fits `budget` inches: a group that continues on the next page repeats its title there, marked
 * continued; a group title never ends a page alone.
 */
function deal(
  table: SlideTable,
  colW: number[],
  budget: number,
  cap: number,
  continued: string,
): PageRow[][] {
  const pages: PageRow[][] = [];
  let page: PageRow[] = [];
  let used = 0;
  const fits = (h: number) => page.length < cap && used + h <= budget;
  const newPage = () => {
    pages.push(page);
    page = [];
    used = 0;
  };
  for (const g of table.groups) {
    const title: PageRow = { kind: 'group', title: g.title, continued: false };
    const titleH = pageRowHeight(title, colW, continued);
    const first = g.rows[0];
    // The title and the group's first row go together (or the title alone when the group has no rows).
    const firstH = first ? pageRowHeight({ kind: 'row', cells: first }, colW, continued) : 0;
    if (page.length && !(page.length + (first ? 2 : 1) <= cap && used + titleH + firstH <= budget)) newPage();
    page.push(title);
    used += titleH;
    for (const cells of g.rows) {
      const row: PageRow = { kind: 'row', cells };
      const h = pageRowHeight(row, colW, continued);
      if (!fits(h) && page.some((r) => r.kind === 'row')) {
        newPage();
        const again: PageRow = { kind: 'group', title: g.title, continued: true };
        page.push(again);
        used += pageRowHeight(again, colW, continued);
      }
      // A row taller than a whole page still goes on one (alone under its title): nothing is dropped.
      page.push(row);
      used += h;
    }
  }
  if (page.length || !pages.length) pages.push(page);
  return pages;
}

/**
 * pageSlideTable(table, budget) -> the table's pages: as few as the rows need at up to MAX_ROWS body rows
 * and `budget` inches of estimated height each, then evened out (22 rows are 8 + 7 + 7, not 10 + 10 + 2).
 */
export function pageSlideTable(table: SlideTable, budget: number, continued: string): PageRow[][] {
  const colW = columnWidths(table);
  const most = deal(table, colW, budget, MAX_ROWS, continued);
  const bodyRows = most.reduce((n, p) => n + p.length, 0);
  for (let cap = Math.max(1, Math.ceil(bodyRows / most.length)); cap < MAX_ROWS; cap++) {
    const even = deal(table, colW, budget, cap, continued);
    if (even.length <= most.length) return even;
  }
  return most;
}
