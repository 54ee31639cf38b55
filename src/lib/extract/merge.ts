// A figure stated twice (same place, indicator, value, period and kind, in different sentences) is one
// candidate with both sentences in its quotes. Masked figures are never merged: two x's need not be one number.
// Example: '…研发投入占GDP比重达2.71%。' … '力争…占GDP比重达2.71%。' -> one candidate, two quotes

import type { Candidate } from './types';

function keyOf(c: Candidate): string | null {
  if (c.indicator === null || c.value === null) return null;
  return [c.place, c.indicator, c.value, c.period ?? '', c.kind, c.comparator].join('|');
}

export function mergeRepeats(list: readonly Candidate[]): Candidate[] {
  const first = new Map<string, Candidate>();
  const out: Candidate[] = [];
  for (const c of list) {
    const k = keyOf(c);
    const seen = k === null ? undefined : first.get(k);
    if (seen && !seen.spans.some((s) => s.start === c.spans[0]!.start)) {
      seen.quotes.push(c.quotes[0]!);
      seen.spans.push(c.spans[0]!);
      const zh = '原文两次陈述同一数字';
      const en = 'stated twice';
      seen.note = seen.note ? { zh: `${seen.note.zh}；${zh}`, en: `${seen.note.en}; ${en}` } : { zh, en };
      continue;
    }
    if (k !== null && !seen) first.set(k, c);
    out.push(c);
  }
  return out;
}
