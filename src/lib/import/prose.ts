// Whether a text reads as prose (a work report, a letter, a novel) or as a table written out, judged from its
// first 64 K characters: how a .txt the table reader refuses for having no table in it is told to be a report.
// Kept apart from report.ts so that the import worker's first chunk carries only this (the report reader, the
// .docx reader and the extractor are fetched when a report is read).
// Example: readsAsProse('青山市科技局2024年工作总结\n研发经费投入强度达到2.86%，较上年提高0.15个百分点。') -> true
//          readsAsProse('城市,指标,年份,数值\n芜湖,研发经费投入强度,2022,3.10\n') -> false (looksTabular: true)

/** No work report is longer: a text over this many characters (or a file over as many bytes) is refused unread. */
export const MAX_REPORT_CHARS = 10 * 1024 * 1024;

/** Table refusals that a text of prose gets (it has no header, no columns): such a text is read as a report. */
export const PROSE_REFUSALS: ReadonlySet<string> = new Set([
  'no-header',
  'missing-column',
  'ambiguous-header',
  'duplicate-header',
  'reserved-header',
  'unclosed-quote',
  'malformed-quotes',
  'no-data',
]);

/** Characters looked at to tell prose from a table. */
const SAMPLE = 64 * 1024;

interface Shape {
  lines: number;
  /** Lines that split into three or more short fields at a comma, tab or semicolon. */
  tabular: number;
  /** Lines with a sentence's punctuation (。！？； or an English full stop before a space). */
  sentences: number;
  letters: number;
  chars: number;
}

function shapeOf(text: string): Shape {
  const s: Shape = { lines: 0, tabular: 0, sentences: 0, letters: 0, chars: 0 };
  for (const raw of text.slice(0, SAMPLE).split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    s.lines++;
    let comma = 0;
    let tab = 0;
    let semi = 0;
    for (const ch of line) {
      if (ch === ',') comma++;
      else if (ch === '\t') tab++;
      else if (ch === ';') semi++;
      if (ch === ' ' || ch === '\t' || ch === '\u3000') continue;
      s.chars++;
      if (/\p{L}/u.test(ch)) s.letters++;
    }
    const fields = Math.max(comma, tab, semi) + 1;
    if (fields >= 3 && line.length / fields < 16) s.tabular++;
    if (/[。！？；]|[.!?;:](?:\s|$)/.test(line)) s.sentences++;
  }
  return s;
}

/**
 * Whether a text reads as prose (a report, a letter, a novel) rather than a table: mostly words, sentences on a
 * good share of its lines, and most lines not split into short fields.
 */
export function readsAsProse(text: string): boolean {
  const s = shapeOf(text);
  return (
    s.lines > 0 &&
    s.letters >= s.chars * 0.4 &&
    s.sentences >= Math.max(1, s.lines * 0.2) &&
    s.tabular < s.lines * 0.5
  );
}

/** Whether a text is a table written out (most of its lines split into short fields): a spreadsheet pasted. */
export function looksTabular(text: string): boolean {
  const s = shapeOf(text);
  return s.lines >= 2 && s.tabular >= s.lines * 0.5;
}
