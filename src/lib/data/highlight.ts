// Find each quote in its report (ignoring whitespace, as the data check does) and cut the report
// into plain and highlighted segments for the source view.

export interface QuoteRef {
  quote: string;
  key: string;
}

export interface Segment {
  text: string;
  /** Row keys whose quote covers this segment (empty for plain text). */
  keys: string[];
}

const WS = /\s/;

/** highlightQuotes('ab c', [{quote:'bc', key:'k'}]) -> [{text:'a',keys:[]},{text:'b c',keys:['k']}] */
export function highlightQuotes(text: string, quotes: readonly QuoteRef[]): Segment[] {
  // Map positions in the whitespace-free text back to the original.
  const pos: number[] = [];
  let compact = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (!WS.test(ch)) {
      pos.push(i);
      compact += ch;
    }
  }
  const cover: string[][] = Array.from({ length: text.length }, () => []);
  for (const q of quotes) {
    const needle = q.quote.replace(/\s+/g, '');
    if (!needle) continue;
    let from = 0;
    let at = compact.indexOf(needle, from);
    while (at >= 0) {
      const start = pos[at] as number;
      const end = (pos[at + needle.length - 1] as number) + 1;
      for (let i = start; i < end; i++) {
        const c = cover[i] as string[];
        if (!c.includes(q.key)) c.push(q.key);
      }
      from = at + needle.length;
      at = compact.indexOf(needle, from);
    }
  }
  const out: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    const keys = cover[i] as string[];
    const last = out[out.length - 1];
    if (last && last.keys.join('|') === keys.join('|')) last.text += text[i];
    else out.push({ text: text[i] as string, keys });
  }
  return out;
}
