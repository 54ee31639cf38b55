// The text of a Word document (.docx): its main part (word/document.xml) inflated with the zip reader of
// workbook/container.ts and the browser's DecompressionStream, then scanned, not parsed (a worker has no
// DOMParser). One line per paragraph; a table's cells joined by tabs, its rows by line breaks; deleted text and
// field instructions left out; headers, footers, footnotes and comments not read.
// No library: the workbook library's zip reader is inside SheetJS (loading it would fetch 100+ KB for one
// entry), and mammoth would bring its own zip and XML stack; a report needs only the paragraphs' text.
// Example: docxText('<w:body><w:p><w:r><w:t>研发投入</w:t></w:r><w:r><w:t>强度</w:t></w:r></w:p><w:tbl><w:tr>
//            <w:tc><w:p><w:r><w:t>2023</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2.86%</w:t></w:r></w:p></w:tc>
//            </w:tr></w:tbl></w:body>')
//   -> { text: '研发投入强度\n2023\t2.86%', drawings: false }

import { inflateEntry } from './workbook/container';

/** What the document part says. */
export interface DocxText {
  /** Paragraphs as lines ('\n'), trailing empty paragraphs dropped. */
  text: string;
  /** Whether it places pictures (w:drawing, w:pict, v:imagedata): with no text, a scan. */
  drawings: boolean;
}

const WORD_NS = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
];

/** The prefix the document binds WordprocessingML to ('w' nearly always). */
function wordPrefix(xml: string): string {
  const head = xml.slice(0, 8192);
  for (const ns of WORD_NS) {
    const m = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)="${ns.replace(/[./]/g, '\\$&')}"`).exec(head);
    if (m) return m[1]!;
  }
  return 'w';
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character and entity references decoded (&lt; &#21019; &#x521B;); an unknown one is kept as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (all, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? all;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    const valid = code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) && code !== 0;
    return valid ? String.fromCodePoint(code) : '\ufffd';
  });
}

/**
 * The text of a document part, scanned tag by tag. Text counts only inside a text element (w:t) of a run, outside
 * any deletion (w:del, w:moveFrom) and outside a drawing's fallback copy (mc:Fallback repeats a text box).
 */
export function docxText(xml: string): DocxText {
  const w = wordPrefix(xml);
  const lines: string[] = [];
  let line = '';
  /** Inside a table: the cells of the row being read, and the cell's paragraphs. */
  let tables = 0;
  let cells: string[] = [];
  let cell = '';
  /** Paragraphs open (a text box's inside another's), and the text of the outer ones so far. */
  let paragraphs = 0;
  const outer: string[] = [];
  let deleted = 0;
  let fallback = 0;
  let runs = 0;
  /** Inside a paragraph's tab stops (w:tabs holds w:tab elements that are no tab characters). */
  let stops = 0;
  let inText = false;
  let preserve = false;
  let drawings = false;

  const add = (s: string): void => {
    if (tables > 0) cell += s;
    else line += s;
  };

  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const end = lt === -1 ? n : lt;
    if (inText && end > i && deleted === 0 && fallback === 0) {
      let t = decodeEntities(xml.slice(i, end));
      if (!preserve) t = t.replace(/[\t\r\n]+/g, ' ').trim();
      add(tables > 0 ? t.replace(/[\t\n]/g, ' ') : t);
    }
    if (lt === -1) break;
    // Comments, CDATA and processing instructions.
    if (xml.startsWith('<!--', lt)) {
      const close = xml.indexOf('-->', lt + 4);
      i = close === -1 ? n : close + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const close = xml.indexOf(']]>', lt + 9);
      if (inText && deleted === 0 && fallback === 0) add(xml.slice(lt + 9, close === -1 ? n : close));
      i = close === -1 ? n : close + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt === -1) break;
    i = gt + 1;
    const c = xml.charCodeAt(lt + 1);
    if (c === 63 || c === 33) continue; // <? … ?>, <!DOCTYPE …>
    const closing = c === 47;
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const from = closing ? lt + 2 : lt + 1;
    let to = from;
    while (to < gt) {
      const k = xml.charCodeAt(to);
      if (k === 32 || k === 9 || k === 10 || k === 13 || k === 47) break;
      to++;
    }
    const tag = xml.slice(from, to);
    const colon = tag.indexOf(':');
    const prefix = colon === -1 ? '' : tag.slice(0, colon);
    const local = colon === -1 ? tag : tag.slice(colon + 1);

    if (local === 'Fallback') {
      if (closing) fallback = Math.max(0, fallback - 1);
      else if (!selfClosing) fallback++;
      continue;
    }
    if (prefix === 'v' && local === 'imagedata') drawings = true;
    if (prefix !== w) continue;
    if (closing) {
      switch (local) {
        case 't':
          inText = false;
          break;
        case 'r':
          runs = Math.max(0, runs - 1);
          break;
        case 'tabs':
          stops = Math.max(0, stops - 1);
          break;
        case 'del':
        case 'moveFrom':
          deleted = Math.max(0, deleted - 1);
          break;
        case 'p':
          if (fallback > 0) break;
          paragraphs = Math.max(0, paragraphs - 1);
          if (tables > 0) cell += ' ';
          else {
            lines.push(line);
            line = paragraphs > 0 ? (outer.pop() ?? '') : '';
          }
          break;
        case 'tc':
          if (fallback > 0) break;
          if (tables === 1) {
            cells.push(cell.trim());
            cell = '';
          } else cell += ' ';
          break;
        case 'tr':
          if (fallback > 0) break;
          if (tables === 1) {
            lines.push(cells.join('\t'));
            cells = [];
          }
          break;
        case 'tbl':
          if (fallback > 0) break;
          tables = Math.max(0, tables - 1);
          break;
      }
      continue;
    }
    switch (local) {
      case 'p':
        if (fallback > 0) break;
        if (selfClosing) {
          if (tables > 0) cell += ' ';
          else lines.push('');
        } else {
          // A paragraph inside one (a text box's): a line of its own, the outer one resumed after it.
          if (tables === 0 && paragraphs > 0) {
            outer.push(line);
            line = '';
          }
          paragraphs++;
        }
        break;
      case 't':
        if (!selfClosing && runs > 0) {
          inText = true;
          preserve = /xml:space\s*=\s*["']preserve["']/.test(xml.slice(to, gt));
        }
        break;
      case 'r':
        if (!selfClosing) runs++;
        break;
      case 'del':
      case 'moveFrom':
        if (!selfClosing) deleted++;
        break;
      case 'tabs':
        if (!selfClosing) stops++;
        break;
      case 'tab':
        if (runs > 0 && stops === 0 && deleted === 0 && fallback === 0) add(tables > 0 ? ' ' : '\t');
        break;
      case 'br':
      case 'cr':
        if (runs > 0 && deleted === 0 && fallback === 0) add(tables > 0 ? ' ' : '\n');
        break;
      case 'noBreakHyphen':
        if (runs > 0 && deleted === 0 && fallback === 0) add('-');
        break;
      case 'drawing':
      case 'pict':
        drawings = true;
        break;
      case 'tbl':
        if (fallback > 0 || selfClosing) break;
        if (tables === 0) {
          // A paragraph's text before a table (a nested one in a text box) keeps its own line.
          if (line !== '') {
            lines.push(line);
            line = '';
          }
          cells = [];
          cell = '';
        }
        tables++;
        break;
    }
  }
  if (line !== '') lines.push(line);
  while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  return { text: lines.join('\n'), drawings };
}

/** Why a .docx could not give its text. */
export type DocxRefusal = 'damaged' | 'over';

/** The text of a .docx's main part (its entry name from containerOf), inflated up to `cap` bytes of XML. */
export async function readDocx(
  bytes: Uint8Array,
  document: string,
  cap: number,
): Promise<DocxText | DocxRefusal> {
  const xml = await inflateEntry(bytes, document, cap);
  if (xml === 'over') return 'over';
  if (xml === 'missing' || xml === 'damaged') return 'damaged';
  const text = new TextDecoder('utf-8').decode(xml);
  if (!/<(?:[A-Za-z_][\w.-]*:)?document[\s>]/.test(text.slice(0, 8192))) return 'damaged';
  return docxText(text);
}
