// How wide a text is, roughly, in em of its font: a CJK character about 1, a Latin letter about 0.56. For laying
// out text where nothing can measure it (a slide PptxGenJS writes; the chart's own words, cut before ECharts draws
// them). Calibrated on LibreOffice's stand-ins for YaHei and Calibri (Noto Sans CJK, DejaVu Sans), which are wider
// than those two: on the wide side.

/** CJK ideographs, kana, hangul and full-width forms: about 1 em, and a line may break before or after each. */
export const CJK = /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
/** Other characters a CJK font draws about 1 em wide: arrows, maths, shapes (▲ ▼ ≥). */
const WIDE = /[\u2010-\u2bff]/u;

/** charEm('芜') -> 1, charEm('a') -> 0.56: a character's advance in em. */
export function charEm(ch: string): number {
  if (CJK.test(ch) || WIDE.test(ch)) return 1;
  if (ch === ' ') return 0.32;
  if (/[A-Z0-9%&@#$mwMW]/.test(ch)) return 0.66;
  if (/[iljtfrI.,:;'!|()[\]\-·]/.test(ch)) return 0.36;
  if (/[a-z]/.test(ch)) return 0.56;
  return 0.62;
}

/**
 * The width of a run in em. LibreOffice puts a quarter em between CJK and Latin letters or digits ("1200家" is
 * drawn "1200 家"): counted too.
 */
export function emOf(s: string): number {
  let em = 0;
  let prev = '';
  for (const ch of s) {
    em += charEm(ch);
    if (prev && CJK.test(prev) !== CJK.test(ch) && /[\p{L}\p{N}]/u.test(CJK.test(ch) ? prev : ch)) em += 0.25;
    prev = ch;
  }
  return em;
}

/**
 * shorten('揭榜挂帅等重大科技项目和成果工程化项目数', 10) -> '揭榜挂帅等重大科…': at most `em` wide, the ellipsis
 * included (ECharts' own cutting cannot be used on multi-line rich text).
 */
export function shorten(s: string, em: number): string {
  if (emOf(s) <= em) return s;
  const chars = [...s];
  let w = 1; // the ellipsis
  let n = 0;
  while (n < chars.length && w + charEm(chars[n]!) <= em) w += charEm(chars[n++]!);
  return `${chars.slice(0, n).join('')}…`;
}

/**
 * wrapText('High-tech enterprises (provincial and above)', 17, 2) -> 'High-tech enterprises\n(provincial and above)':
 * lines of at most `em`, broken between words (any CJK character is a word), at most `lines` of them, the last
 * shortened ("…") if the text is longer. Done here rather than by ECharts, whose wrapping measures the font as it
 * stands at that moment (a page that switched language wrapped a name unlike a fresh one).
 */
export function wrapText(s: string, em: number, lines: number): string {
  const words = s.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [];
  const out: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && emOf((line + word).trimEnd()) > em) {
      out.push(line.trimEnd());
      line = '';
    }
    line += line || !/^\s+$/.test(word) ? word : '';
  }
  if (line) out.push(line.trimEnd());
  if (out.length <= lines) return out.join('\n');
  const kept = out.slice(0, lines - 1);
  return [...kept, shorten(out.slice(lines - 1).join(' '), em)].join('\n');
}
