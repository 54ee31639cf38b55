// How many lines a text wraps to on a slide, estimated from character classes (PptxGenJS cannot measure text, and
// a row that wraps more than planned pushes the table over the legend). Calibrated on LibreOffice, whose stand-ins
// for YaHei and Calibri (Noto Sans CJK, DejaVu Sans) are wider and taller than those two: on the wide side for
// PowerPoint. Pure, no DOM. Character widths: i18n/textWidth.ts.
import { CJK, charEm, emOf } from '../i18n/textWidth';

/** Punctuation that may not end a line (it goes with what follows). */
const OPEN = /[（「『“‘〈《【〔［｛([{]/u;
/** Punctuation that may not start a line (it goes with what precedes). */
const CLOSE = /[）」』”’〉》】〕］｝，。、；：！？・…)\]}.,;:!?%·]/u;

/**
 * tokens('≥1800家（2023年）') -> ['≥1800', '家', '（2023', '年）']: the pieces a line may break between. A CJK
 * character stands alone, a Latin word keeps its trailing spaces, opening punctuation goes with what follows
 * and closing punctuation with what precedes.
 */
function tokens(text: string): string[] {
  const units: string[] = [];
  let word = '';
  const flush = () => {
    if (word) units.push(word);
    word = '';
  };
  for (const ch of text) {
    if (/\s/.test(ch)) {
      word += ' ';
      flush();
    } else if (CJK.test(ch) && !OPEN.test(ch) && !CLOSE.test(ch)) {
      flush();
      units.push(ch);
    } else if (word.endsWith(' ')) {
      flush();
      word = ch;
    } else word += ch;
  }
  flush();
  const out: string[] = [];
  let carry = '';
  for (const u of units) {
    const head = [...u][0] ?? '';
    if (out.length && !carry && CLOSE.test(head) && !/\s$/.test(out[out.length - 1] ?? '')) {
      out[out.length - 1] += u;
      continue;
    }
    const piece = carry + u;
    carry = '';
    if (OPEN.test([...piece].at(-1) ?? '')) carry = piece;
    else out.push(piece);
  }
  if (carry) out.push(carry);
  return out;
}

/**
 * lineCount('芜湖市高新技术企业数', 1.0, 12) -> 1: the lines a text wraps to in a box `widthIn` wide (inside
 * its margins) at `pt`, breaking greedily between tokens, and inside a word too long for a line.
 */
export function lineCount(text: string, widthIn: number, pt: number, bold = false): number {
  const lineEm = ((widthIn * 72) / pt) * (bold ? 0.93 : 1) * 0.95; // 5% spare for the font's own widths
  let lines = 0;
  for (const para of text.split('\n')) {
    lines += 1;
    let used = 0;
    for (const tok of tokens(para)) {
      const em = emOf(tok);
      const ink = emOf(tok.trimEnd());
      if (used > 0 && used + ink > lineEm) {
        lines += 1;
        used = 0;
      }
      if (ink > lineEm) {
        // A word longer than the line breaks inside: count the lines it fills.
        let w = used;
        for (const ch of tok) {
          const e = charEm(ch);
          if (w > 0 && w + e > lineEm) {
            lines += 1;
            w = 0;
          }
          w += e;
        }
        used = w;
      } else used += em;
    }
  }
  return lines;
}

/**
 * Line spacing, in em: every text is written with exact line spacing, so a line is as tall in every renderer
 * (left to the font, Noto Sans CJK in LibreOffice sets 1.45 em, YaHei in PowerPoint about 1.32 em).
 */
export const LINE = 1.25;
export const lineIn = (pt: number) => (pt * LINE) / 72;
