// Decoded CSV text -> rows, a chunk at a time: papaparse with the detected delimiter (arrays, never objects),
// physical line numbers kept through quoted multi-line cells, a stray CR dropped, malformed rows marked.
// Example: csvBatches('a,b\n"x\ny",2\n', { delimiter: ',', newline: '\n' })
//   -> yields { rows: [['a','b'], ['x\ny','2']], lines: [1, 2], bad: null, progress: 1 }; returns null
//          an unclosed quote -> returns a refusal naming its line.

import Papa from 'papaparse';
import type { ImportFailure } from './types';
import type { Dialect } from './delimiter';
import { both } from '../i18n/importMessages';

/** Rows read so far, each with its physical line; `bad` marks rows papaparse found malformed. */
export interface RowBatch {
  rows: string[][];
  lines: number[];
  bad: Set<number> | null;
  /** Share of the input read, 0..1. */
  progress: number;
}

/**
 * Whether some quoted cell in chunk[0, consumed) holds a line break: more breaks than rows they end.
 * (Cheap: one indexOf per line; the per-field scan then runs only for chunks that need it.)
 */
function hasBreaksInside(chunk: string, consumed: number, nl: string, rows: number, last: boolean): boolean {
  let k = 0;
  let at = chunk.indexOf(nl);
  while (at !== -1 && at < consumed) {
    k++;
    at = chunk.indexOf(nl, at + 1);
  }
  // Every row of a middle chunk ends with a break; the last chunk's last row never does (papaparse yields a final
  // empty row after a trailing break).
  return k > (last ? rows - 1 : rows);
}

/** Number of line breaks (`nl`) inside the fields of a row (quoted multi-line cells). */
function breaksInside(f: readonly string[], nl: string): number {
  let k = 0;
  for (let i = 0; i < f.length; i++) {
    const s = f[i]!;
    let at = s.indexOf(nl);
    while (at !== -1) {
      k++;
      at = s.indexOf(nl, at + 1);
    }
  }
  return k;
}

/** Parses `text` in chunks of about `chunkChars` characters; returns a refusal for an unclosed quote. */
export function* csvBatches(
  text: string,
  dialect: Dialect,
  chunkChars: number,
): Generator<RowBatch, ImportFailure | null> {
  const stripCR = dialect.newline === '\n' && text.lastIndexOf('\r\n', 64 * 1024) !== -1;
  const nl = dialect.newline;
  let pos = 0; // start of the first row not yet parsed
  let line = 1; // physical line of that row
  let window = chunkChars;
  while (pos < text.length) {
    const end = Math.min(text.length, pos + window);
    const last = end === text.length;
    const chunk = text.slice(pos, end);
    const parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: nl, quoteChar: '"' });
    const res = parser.parse(chunk, 0, !last) as {
      data: string[][];
      errors: Array<{ code: string; row: number }>;
      meta: { cursor: number };
    };
    const consumed = last ? chunk.length : res.meta.cursor;
    if (consumed === 0 && !last) {
      window *= 2; // one row longer than the window (or an open quote): look further
      continue;
    }
    window = chunkChars;
    const rows = res.data;
    let bad: Set<number> | null = null;
    for (const e of res.errors) {
      if (e.row >= rows.length) continue; // the partial last row, parsed again with the next chunk
      if (e.code === 'MissingQuotes') {
        let l = line;
        for (let i = 0; i < e.row; i++) l += 1 + breaksInside(rows[i]!, nl);
        return { ok: false, code: 'unclosed-quote', message: both('unclosedQuote', { line: l }) };
      }
      (bad ??= new Set()).add(e.row);
    }
    const multiline = chunk.indexOf('"') !== -1 && hasBreaksInside(chunk, consumed, nl, rows.length, last);
    const lines = new Array<number>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const f = rows[i]!;
      lines[i] = line;
      line += multiline ? 1 + breaksInside(f, nl) : 1;
      if (stripCR) {
        const lastField = f[f.length - 1]!;
        if (lastField.charCodeAt(lastField.length - 1) === 13) f[f.length - 1] = lastField.slice(0, -1);
      }
    }
    pos += consumed;
    yield { rows, lines, bad, progress: pos / text.length };
  }
  return null;
}
