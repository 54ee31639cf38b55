// Reading one cell or one row: what counts as blank, and which rows are notes (注：…) rather than data.
// Example: isBlank('\u3000 ') -> true; rowBlank(['', ' ']) -> true; isFootnote('注1：2023年为快报数') -> true

/** Empty, or only spaces (ASCII, ideographic, no-break), tabs, line breaks or a BOM. */
export function isBlank(s: string | undefined): boolean {
  if (s === undefined || s === '') return true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10 && c !== 0x3000 && c !== 0xa0 && c !== 0xfeff)
      return false;
  }
  return true;
}

export function rowBlank(f: readonly string[]): boolean {
  for (let i = 0; i < f.length; i++) if (!isBlank(f[i])) return false;
  return true;
}

const FOOTNOTE =
  /^(?:注|附注|说明|备注|资料来源|数据来源|来源|note|notes|source)\s*[0-9一二三四五六七八九十]*\s*[:：.、]/i;

/** A note line under (or above) a table: 注：… / 资料来源：… / Note: … (text already cleaned). */
export function isFootnote(cleaned: string): boolean {
  return FOOTNOTE.test(cleaned);
}

/** The row's non-blank cells joined by a space (how a note or title row is quoted back). */
export function rowText(f: readonly string[]): string {
  return f.filter((c) => !isBlank(c)).join(' ');
}
