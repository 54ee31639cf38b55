// The boxes of a 16:9 slide (10 × 5.625 in, LAYOUT_16x9) that every slide writer shares: text boxes measured
// before they are placed (PptxGenJS cannot measure text), the title block and the source line at the bottom.
import { W, X } from './slideTable';
import { LINE, lineCount, lineIn } from './textMeasure';

export type Pptx = InstanceType<typeof import('pptxgenjs').default>;
export type Slide = ReturnType<Pptx['addSlide']>;

export const SLIDE_H = 5.625;
const BOTTOM = 0.12; // margin under the source line
/** Text box insets (in): PowerPoint's defaults, written out so every renderer uses the same. */
const INSET_X = 0.1;
const INSET_Y = 0.05;

export const TITLE_PT = 22;
export const TAKEAWAY_PT = 14;
export const SUBTITLE_PT = 12;
export const SOURCE_PT = 10;
/**
 * A table slide's smaller legend, takeaway and source line: every row they leave room for is a slide fewer for a
 * long list of targets (English names wrap more than Chinese ones).
 */
export const TABLE_TEXT = { lead: 12, legend: 11, source: 9 } as const;

export interface TextStyle {
  pt: number;
  font: string;
  color: string;
  bold?: boolean;
}

/** The height (in) of a text box that holds `text` at `pt` across `widthIn`, insets included. */
export function boxHeight(text: string, pt: number, widthIn: number, bold = false): number {
  const lines = lineCount(text, widthIn - 2 * INSET_X, pt, bold);
  return lines * lineIn(pt) + 2 * INSET_Y + 0.02;
}

export function text(
  slide: Slide,
  s: string,
  box: { y: number; h: number; x?: number; w?: number },
  style: TextStyle,
): void {
  slide.addText(s, {
    x: box.x ?? X,
    y: box.y,
    w: box.w ?? W,
    h: box.h,
    fontSize: style.pt,
    bold: style.bold ?? false,
    fontFace: style.font,
    color: style.color,
    margin: [INSET_X * 72, INSET_X * 72, INSET_Y * 72, INSET_Y * 72], // PptxGenJS order: l, r, b, t (pt)
    lineSpacing: style.pt * LINE,
    valign: 'top',
    fit: 'none',
  });
}

/** The source line's box: at the foot of the slide, as tall as its lines, never cut. */
export function sourceBox(s: string, pt = SOURCE_PT): { y: number; h: number } {
  if (!s) return { y: SLIDE_H - BOTTOM, h: 0 };
  const h = Math.max(0.35, boxHeight(s, pt, W));
  return { y: Math.min(5.2, SLIDE_H - BOTTOM - h), h };
}

/** The header of a chart's slide: title (its longest page mark measured in), takeaway, subtitle. */
export interface Header {
  title: string;
  lead: string;
  subtitle: string;
  /** The takeaway's size (default TAKEAWAY_PT). */
  leadPt?: number;
}

export function headerHeights(h: Header, pageMark = '') {
  const title = boxHeight(h.title + pageMark, TITLE_PT, W, true);
  const lead = h.lead ? boxHeight(h.lead, h.leadPt ?? TAKEAWAY_PT, W) : 0;
  const sub = h.subtitle ? boxHeight(h.subtitle, SUBTITLE_PT, W) : 0;
  return { title, lead, sub, total: 0.15 + title + lead + sub };
}

/**
 * Writes the header, its title followed by `mark` (a page mark) and measured with `measuredMark` (the longest
 * mark of the chart's slides, so every page has the same layout); returns where the content below may start (in).
 */
export function header(slide: Slide, h: Header, font: string, mark = '', measuredMark = mark): number {
  const size = headerHeights(h, measuredMark);
  let y = 0.15;
  text(slide, h.title + mark, { y, h: size.title }, { pt: TITLE_PT, font, color: '222222', bold: true });
  y += size.title;
  if (h.lead)
    text(slide, h.lead, { y, h: size.lead }, { pt: h.leadPt ?? TAKEAWAY_PT, font, color: '1F3B57' });
  y += size.lead;
  if (h.subtitle) text(slide, h.subtitle, { y, h: size.sub }, { pt: SUBTITLE_PT, font, color: '555555' });
  return y + size.sub;
}

export function sourceLine(slide: Slide, s: string, font: string, pt = SOURCE_PT): void {
  if (s) text(slide, s, sourceBox(s, pt), { pt, font, color: '555555' });
}
