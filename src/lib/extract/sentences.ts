// Splits a report into sentences (with offsets into the original text) and finds its section headings.
// Example: sentencesOf('一、成效\n新增10家。达到20家；') -> three sentences: '一、成效', '新增10家。', '达到20家；'
//          headingOf('二、下一步打算') -> { level: 1, title: '二、下一步打算' }

import type { Span } from './types';

export interface Sentence extends Span {
  /** The sentence as written (a substring of the text), end punctuation included. */
  text: string;
  /** The same, full-width ASCII folded to ASCII (same length, so offsets carry over). */
  folded: string;
}

/** Full-width ASCII (！-～) and the ideographic space to ASCII, one character for one (offsets are kept). */
export function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

const ENDS = new Set(['。', '；', '！', '？', ';', '!', '?', '\n', '\r']);

/** Sentences end at 。；！？ (and their ASCII forms) and at line breaks; blank ones are dropped. */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /[\s]/.test(text[e - 1]!)) e--;
    if (e > s) {
      const t = text.slice(s, e);
      out.push({ start: s, end: e, text: t, folded: fold(t) });
    }
  };
  for (let i = 0; i < text.length; i++) {
    if (ENDS.has(text[i]!)) {
      push(text[i] === '\n' || text[i] === '\r' ? i : i + 1);
      start = i + 1;
    }
  }
  push(text.length);
  return out;
}

export interface Heading {
  /** 1 for 一、…; 2 for （一）…. */
  level: 1 | 2;
  title: string;
}

const CN = '[一二三四五六七八九十]+';
const LEVEL1 = new RegExp(`^${CN}[、.]`);
const LEVEL2 = new RegExp(`^\\(${CN}\\)`);

/** A sentence that opens a section: 一、… or （一）…, short and starting its line. */
export function headingOf(s: Sentence, text: string): Heading | null {
  const atLineStart = s.start === 0 || /[\n\r]\s*$/.test(text.slice(Math.max(0, s.start - 8), s.start));
  if (!atLineStart) return null;
  const t = s.folded.trim();
  if (t.length > 60) return null;
  if (LEVEL1.test(t)) return { level: 1, title: s.text.trim() };
  if (LEVEL2.test(t)) return { level: 2, title: s.text.trim() };
  return null;
}

/** Clause boundaries inside a sentence: commas, colons and brackets' insides are kept whole. */
export const CLAUSE_BREAK = /[,，:：]/;
