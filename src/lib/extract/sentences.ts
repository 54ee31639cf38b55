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
  /** 1 for 一、… (and 第X部分, and an unnumbered heading line); 2 for （一）…; 3 for 1. / 1、 / （1）…. */
  level: 1 | 2 | 3;
  title: string;
}

const CN = '[一二三四五六七八九十]+';
const LEVEL1 = new RegExp(`^${CN}[、.]`);
const LEVEL2 = new RegExp(`^\\(${CN}\\)`);
const PART = new RegExp(`^第(?:${CN}|\\d+)部分`);
const LEVEL3 = /^(?:\d{1,2}[.、](?!\d)|\(\d{1,2}\))/;
/** Words that make a short line of its own a heading (a plan's or a summary's), numbered or not. */
const HEADING_WORDS =
  /(工作总结|工作打算|工作计划|工作思路|工作安排|工作要点|工作成效|工作情况|完成情况|开展情况|进展情况|主要工作|重点工作|重点任务|主要任务|主要成效|主要做法|下一步|存在的?问题|问题和不足|主要举措|目标任务)/;
/** Page furniture (breadcrumbs, dates, sources) is never a heading. */
const FURNITURE = /(>|当前位置|所在的位置|时间[:：]|发布日期|来源[:：]|网站[:：])/;
/** A sentence-final mark inside a line: a line holding one is prose, not a heading. */
const PROSE = /[。；;！!？?]/;
/** A figure at a heading's start (300家企业…, 2.5%…), not a year (2025年工作计划). */
const LEADING_FIGURE = /^\d+(?:\.\d+)?\s*(?!年)[^\d\s.、]/;

/**
 * A sentence that opens a section, starting its line: 一、… or （一）… (short); 第X部分…; 1. / 1、 / （1）… when the
 * line is short (≤ 30 characters) and all of it; or a short line of its own with no sentence-final mark, not
 * starting with a figure, that names a plan or summary heading (2025年工作计划, 下一步工作打算).
 */
export function headingOf(s: Sentence, text: string): Heading | null {
  const atLineStart = s.start === 0 || /[\n\r]\s*$/.test(text.slice(Math.max(0, s.start - 8), s.start));
  if (!atLineStart) return null;
  const t = s.folded.trim();
  if (t.length > 60) return null;
  if (LEVEL1.test(t)) return { level: 1, title: s.text.trim() };
  if (LEVEL2.test(t)) return { level: 2, title: s.text.trim() };
  if (PART.test(t)) return { level: 1, title: s.text.trim() };
  // The rest only as a whole short line: nothing after it on its line, no sentence-final mark, no figure first.
  const lineEnd = text.slice(s.end).search(/[\n\r]|$/);
  const rest = text.slice(s.end, s.end + lineEnd);
  if (rest.trim() !== '' || t.length > 30 || PROSE.test(t) || FURNITURE.test(t)) return null;
  if (LEVEL3.test(t)) {
    const body = t.replace(LEVEL3, '').trim();
    if (body.length >= 2 && !/\d/.test(body.replace(/(?:19|20)\d{2}年/g, '')))
      return { level: 3, title: s.text.trim() };
    return null;
  }
  if (HEADING_WORDS.test(t) && !LEADING_FIGURE.test(t)) return { level: 1, title: s.text.trim() };
  return null;
}

/** Clause boundaries inside a sentence: commas, colons and brackets' insides are kept whole. */
export const CLAUSE_BREAK = /[,，:：]/;
