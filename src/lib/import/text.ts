// Small text helpers shared by the importer: Unicode normalisation, matching keys, stable ids.
// Example: nameKey(' 研发经费投入强度（%） ') -> '研发经费投入强度'; bracketUnit('研发经费（万元）') -> '万元';
//          stableHash('深圳{a|x}') -> '9ht1iksbx3' (same input, same id, on every machine)

/** True when every code unit is 7-bit ASCII (then NFKC is the identity). */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** NFKC (full-width letters and digits, ideographic space, `（` `．` `％` -> ASCII), skipped for ASCII. */
export function nfkc(s: string): string {
  return isAscii(s) ? s : s.normalize('NFKC');
}

const SPACES = /[\s\u200b\ufeff]+/g;
/**
 * Characters XML 1.0 cannot hold at all (control characters): a name carrying one would make a slide unreadable
 * to PowerPoint. Dropped on import, and by the slide writer from anything that reached it otherwise.
 */
// eslint-disable-next-line no-control-regex -- these are the characters to find
export const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * NFKC, BOM / zero-width and control characters dropped, runs of white space -> one space, trimmed:
 * '指标\u3000值' -> '指标 值'; '新\u0001市' -> '新市'
 */
export function cleanText(s: string): string {
  return nfkc(s).replace(NOT_XML, '').replace(SPACES, ' ').trim();
}

const BRACKETS = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>/g;

/** Matching key: cleanText, lower-case, bracketed parts and all white space removed. */
export function nameKey(s: string): string {
  const t = cleanText(s).toLowerCase();
  const unbracketed = t.replace(BRACKETS, '');
  // A name that is nothing but brackets keeps them (it is still a name).
  return (unbracketed.trim() === '' ? t : unbracketed).replace(/\s+/g, '');
}

const LAST_BRACKET = /[([【〔]([^()[\]【】〔〕]*)[)\]】〕]\s*$/;

/** The unit hint in trailing brackets, e.g. '数值（亿元）' -> '亿元', '2022年 (%)' -> '%'; '' if none. */
export function bracketUnit(s: string): string {
  const m = LAST_BRACKET.exec(cleanText(s));
  return m ? (m[1] ?? '').trim() : '';
}

/** Removes trailing brackets: '数值（亿元）' -> '数值'. */
export function stripBrackets(s: string): string {
  const t = cleanText(s);
  const r = t.replace(BRACKETS, '').trim();
  return r === '' ? t : r;
}

/** cyrb53: a fast, well-mixed 53-bit string hash, as base 36 (up to 11 characters). */
export function stableHash(s: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Shortens user text for messages: 'abcdef…' (never splits a surrogate pair). */
export function clip(s: string, max = 40): string {
  if (s.length <= max) return s;
  let end = max;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end) + '…';
}

/** Header / cell names that would be dangerous as object keys. Refused by name, never merged into objects. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
