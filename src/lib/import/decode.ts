// Turns the uploaded bytes into text, or refuses them with a reason a person can act on.
// Example: decodeBytes(<CE DF BA FE 2C ...>) (GB18030 from Chinese Excel) -> { ok: true, text: '芜湖,...', encoding: 'GB18030' }
//          decodeBytes(<50 4B 03 04 ...>) -> { ok: false, code: 'xlsx', message: { zh: '这是 Excel 工作簿…', en: '…' } }
// Order: known binary signatures -> BOM (UTF-8, UTF-16LE/BE) -> UTF-16 without BOM -> NUL / control characters
//        -> strict UTF-8 -> GB18030 (the default of Chinese Excel and of most statistical portals).

import type { Msg } from './types';
import { both, type FileKind } from '../i18n/importMessages';

export type DecodeResult =
  | { ok: true; text: string; encoding: string }
  | { ok: false; code: 'xlsx' | 'xls' | 'html' | 'binary' | 'decode'; message: Msg };

type Refusal = Extract<DecodeResult, { ok: false }>;

function refuse(code: Refusal['code'], message: Msg): Refusal {
  return { ok: false, code, message };
}

/** Whether the file begins with the bytes `sig` (a format's signature). */
export function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/** An OLE compound file: a legacy .xls, a WPS .et, or a password-protected .xlsx. */
export const OLE_SIGNATURE: readonly number[] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const SIGNATURES: ReadonlyArray<readonly [readonly number[], FileKind]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'png'],
  [[0xff, 0xd8, 0xff], 'jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'gif'],
  [[0x25, 0x50, 0x44, 0x46], 'pdf'],
  [[0x1f, 0x8b], 'gzip'],
  [[0x52, 0x61, 0x72, 0x21], 'rar'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7z'],
];

/** Refusal for a file that is clearly not a text table, judged from its first bytes; null if it may be text. */
export function sniffBinary(bytes: Uint8Array): Refusal | null {
  if (
    startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) ||
    startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]) ||
    startsWith(bytes, [0x50, 0x4b, 0x07, 0x08])
  )
    return refuse('xlsx', both('xlsx'));
  if (startsWith(bytes, OLE_SIGNATURE)) return refuse('xls', both('xls'));
  for (const [sig, kind] of SIGNATURES)
    if (startsWith(bytes, sig)) return refuse('binary', both('otherFile', { kind }));
  return null;
}

/** A web page or Excel's XML spreadsheet, judged from its first kilobyte. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  let head = new TextDecoder('utf-8').decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1).trimStart();
  return (
    head.startsWith('<html') ||
    head.startsWith('<!doctype html') ||
    head.startsWith('<table') ||
    (head.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office'))
  );
}

/** NUL bytes or many control characters in the first 64 KB mean a binary file. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if ((b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) || b === 127) control++;
  }
  return control > 8 && control > n / 100;
}

function textLooksBinary(text: string): boolean {
  const n = Math.min(text.length, 32 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 127) control++;
  }
  return control > 8 && control > n / 100;
}

const NOT_TEXT = (): Refusal => refuse('binary', both('binary'));

/** UTF-16 without a BOM: one byte of each pair is almost always 0 (ASCII digits, commas, line breaks). */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.2 && evenZero < pairs * 0.02) return 'utf-16le';
  if (evenZero > pairs * 0.2 && oddZero < pairs * 0.02) return 'utf-16be';
  return null;
}

/** Share of bytes >= 0x80 that form valid UTF-8 sequences, over the first 1 MB (1 when there are none). */
function utf8Plausibility(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 1024 * 1024);
  let good = 0;
  let bad = 0;
  for (let i = 0; i < n;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? (b <= 0xef ? 3 : 0) : b >= 0xc2 ? 2 : 0;
    if (len > 0 && i + len > bytes.length) break; // a sequence cut by the end of the file
    let ok = len > 0;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      good += len;
      i += len;
    } else {
      bad++;
      i++;
    }
  }
  return good + bad === 0 ? 1 : good / (good + bad);
}

/** Decodes `bytes` with `label`, in slices of `slice` bytes (yielding progress 0..1 between slices). */
function* decodeWith(
  bytes: Uint8Array,
  label: string,
  fatal: boolean,
  slice: number,
): Generator<number, string> {
  const dec = new TextDecoder(label, { fatal });
  if (slice >= bytes.length) return dec.decode(bytes);
  const parts: string[] = [];
  for (let a = 0; a < bytes.length; a += slice) {
    parts.push(dec.decode(bytes.subarray(a, Math.min(a + slice, bytes.length)), { stream: true }));
    yield Math.min(1, (a + slice) / bytes.length);
  }
  parts.push(dec.decode());
  return parts.join('');
}

function countReplacement(text: string): number {
  const n = Math.min(text.length, 1024 * 1024);
  let k = 0;
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) === 0xfffd) k++;
  return k;
}

/**
 * The decoding steps as a generator so that the main-thread fallback can yield between slices
 * (`slice` bytes each); `decodeBytes` runs it to the end in one go. Yields progress 0..1.
 */
export function* decodeSteps(
  bytes: Uint8Array,
  slice = Infinity,
  /** true when the caller reads HTML tables (a web system's "Excel" export): such text is not refused. */
  html = false,
): Generator<number, DecodeResult> {
  const sig = sniffBinary(bytes);
  if (sig) return sig;

  let label: string | null = null;
  let encoding = '';
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) [label, encoding] = ['utf-8', 'UTF-8 (BOM)'];
  else if (startsWith(bytes, [0xff, 0xfe])) [label, encoding] = ['utf-16le', 'UTF-16LE'];
  else if (startsWith(bytes, [0xfe, 0xff])) [label, encoding] = ['utf-16be', 'UTF-16BE'];
  else {
    const u16 = utf16WithoutBom(bytes);
    if (u16) [label, encoding] = [u16, u16 === 'utf-16le' ? 'UTF-16LE (no BOM)' : 'UTF-16BE (no BOM)'];
  }

  if (label !== null) {
    const text = yield* decodeWith(bytes, label, false, slice);
    if (textLooksBinary(text)) return NOT_TEXT();
    return { ok: true, text, encoding };
  }

  if (looksBinary(bytes)) return NOT_TEXT();

  if (!html && looksLikeHtml(bytes)) return refuse('html', both('html'));

  try {
    const text = yield* decodeWith(bytes, 'utf-8', true, slice);
    return { ok: true, text, encoding: 'UTF-8' };
  } catch {
    // Not valid UTF-8: a few stray bytes in a UTF-8 file, or (much more often) GB18030 / GBK from Chinese Excel.
  }
  if (utf8Plausibility(bytes) > 0.99) {
    const text = yield* decodeWith(bytes, 'utf-8', false, slice);
    return { ok: true, text, encoding: 'UTF-8 (invalid bytes replaced)' };
  }
  const text = yield* decodeWith(bytes, 'gb18030', false, slice);
  const bad = countReplacement(text);
  if (bad > 16 && bad > Math.min(text.length, 1024 * 1024) / 100)
    return refuse('decode', both('undecodable'));
  return { ok: true, text, encoding: 'GB18030' };
}

/** Decodes the whole file at once (worker / tests). See decodeSteps. */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const steps = decodeSteps(bytes);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
