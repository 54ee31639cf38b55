// Detects the delimiter (`,` `\t` `;`) and the line break from the first lines, ignoring quoted text, so that
// papaparse never has to guess (guessing re-parses the text once per candidate).
// Example: detectDialect('城市;指标;年份;数值\n芜湖;研发经费;2022;"1,5"\n') -> { delimiter: ';', newline: '\n' }

export interface Dialect {
  delimiter: ',' | '\t' | ';';
  /** '\n' whenever the text has one (CRLF files too: a trailing '\r' is trimmed per row); '\r' for old Mac files. */
  newline: '\n' | '\r';
}

const CANDIDATES = [',', '\t', ';'] as const;
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_LINES = 100;

/** Delimiter and line break of `text`, from its first 64 K characters / 100 lines. */
export function detectDialect(text: string): Dialect {
  const truncated = text.length > SAMPLE_CHARS;
  const sample = truncated ? text.slice(0, SAMPLE_CHARS) : text;

  // Line break: the first break outside quotes decides between '\n' (incl. CRLF) and a bare '\r'.
  let newline: Dialect['newline'] = '\n';
  {
    let inQuotes = false;
    for (let i = 0; i < sample.length; i++) {
      const c = sample.charCodeAt(i);
      if (c === 34) inQuotes = !inQuotes;
      else if (!inQuotes && c === 10) break;
      else if (!inQuotes && c === 13) {
        if (sample.charCodeAt(i + 1) !== 10) newline = '\r';
        break;
      }
    }
  }
  const nl = newline.charCodeAt(0);

  // Per line, count each candidate outside quotes.
  const lines: number[][] = [];
  let counts = [0, 0, 0];
  let nonBlank = false;
  let inQuotes = false;
  for (let i = 0; i < sample.length && lines.length < SAMPLE_LINES; i++) {
    const c = sample.charCodeAt(i);
    if (c === 34) {
      inQuotes = !inQuotes;
      nonBlank = true;
    } else if (!inQuotes && c === nl) {
      if (nonBlank) lines.push(counts);
      counts = [0, 0, 0];
      nonBlank = false;
    } else if (!inQuotes) {
      if (c === 44) counts[0]!++;
      else if (c === 9) counts[1]!++;
      else if (c === 59) counts[2]!++;
      else if (c !== 32 && c !== 13) nonBlank = true;
    }
  }
  if (!truncated && nonBlank && lines.length < SAMPLE_LINES) lines.push(counts);

  let best: Dialect['delimiter'] = ',';
  let bestSupport = 0;
  let bestMode = 0;
  CANDIDATES.forEach((d, k) => {
    const freq = new Map<number, number>();
    for (const line of lines) {
      const n = line[k] ?? 0;
      if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    }
    let mode = 0;
    let support = 0;
    for (const [n, f] of freq) {
      if (f > support || (f === support && n > mode)) {
        mode = n;
        support = f;
      }
    }
    if (support > bestSupport || (support === bestSupport && support > 0 && mode > bestMode)) {
      best = d;
      bestSupport = support;
      bestMode = mode;
    }
  });
  return { delimiter: best, newline };
}
