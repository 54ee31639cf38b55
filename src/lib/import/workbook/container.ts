// What kind of workbook a file is, from its bytes alone, before any workbook library sees it: a zip (.xlsx,
// .xlsm, .ods; its central directory read for what it holds and how large it inflates), an OLE compound file
// (.xls, WPS .et, or a password-protected .xlsx, which Excel stores as OLE with an encrypted package), or an
// HTML table saved as .xls. Anything else is text for the CSV reader. A Word document is told apart too: a zip
// holding word/document.xml (.docx, a report: src/lib/import/docx.ts reads it) or an OLE file with a WordDocument
// stream (.doc, refused with a request to save it as .docx).
// Example: containerOf(<50 4B 03 04 ... xl/workbook.xml ...>) -> { kind: 'zip', format: 'xlsx', inflated: 41_233 }
//          containerOf(<50 4B 03 04 ... word/document.xml ...>) -> { kind: 'docx', document: 'word/document.xml', … }
//          containerOf(<D0 CF 11 E0 ... "EncryptedPackage" ...>) -> { kind: 'protected' }
//          containerOf(<'<html><table>...'>) -> { kind: 'html' }; containerOf(<'城市,指标'>) -> null

import { looksLikeHtml, OLE_SIGNATURE, startsWith } from '../decode';

export type Container =
  | { kind: 'zip'; format: 'xlsx' | 'ods' | 'other'; inflated: number; damaged: boolean }
  | { kind: 'ole' }
  | { kind: 'protected' }
  | { kind: 'html' };

/** A Word document: never a table (the workbook reader never sees one), read as a report or refused. */
export type DocumentContainer =
  | {
      kind: 'docx';
      /** The main document part's entry name (word/document.xml). */
      document: string;
      /** Whether the zip holds pictures (word/media/*): with no text, a scan. */
      media: boolean;
      inflated: number;
      damaged: boolean;
    }
  | { kind: 'doc' };

/** Bytes a zip may unpack to when the context sets no limit (the workbook reader's DEFAULT_MAX_INFLATED too). */
export const DEFAULT_MAX_INFLATED_BYTES = 256 * 1024 * 1024;

/**
 * Whether the compound file has a stream named `name`: a directory entry holds the name in UTF-16LE at the start
 * of a 128-byte slot, its length in bytes (with the final NUL) at +64 and the type 2 (stream) at +66. A cell
 * whose text happens to say the name is not such a slot.
 */
function holdsStream(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  const end = bytes.length - 128;
  const size = 2 * (name.length + 1);
  outer: for (let i = bytes.indexOf(first, 512); i !== -1 && i <= end; i = bytes.indexOf(first, i + 1)) {
    if ((i - 512) % 128 !== 0) continue;
    if (bytes[i + 64] !== size || bytes[i + 65] !== 0 || bytes[i + 66] !== 2) continue;
    for (let k = 0; k < name.length; k++)
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/** A zip entry as the central directory lists it. */
interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  inflated: number;
  /** Where its local header starts. */
  local: number;
}

/**
 * The zip's entries as its central directory lists them. `damaged` when the directory is missing or runs past the
 * end (a truncated download), or when an entry's own (local) header gives other sizes than the directory: a
 * reader trusting the local header would inflate past any limit checked on the directory.
 */
function zipEntries(bytes: Uint8Array): { entries: ZipEntry[]; inflated: number; damaged: boolean } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: ZipEntry[] = [];
  // End of central directory: the last 22..65,557 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return { entries, inflated: 0, damaged: true };
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let inflated = 0;
  const utf8 = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      return { entries, inflated, damaged: true };
    const nameLen = view.getUint16(at + 28, true);
    const entry: ZipEntry = {
      name: utf8.decode(bytes.subarray(at + 46, at + 46 + nameLen)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      // A ZIP64 size (0xFFFFFFFF) counts as 4 GB: over any limit, as it should be here.
      inflated: view.getUint32(at + 24, true),
      local: view.getUint32(at + 42, true),
    };
    inflated += entry.inflated;
    entries.push(entry);
    const l = entry.local;
    if (l + 30 > bytes.length || view.getUint32(l, true) !== 0x04034b50)
      return { entries, inflated, damaged: true };
    // Sizes in the local header, unless they follow the data (flag bit 3): they must be the directory's.
    if ((entry.flags & 8) === 0) {
      const lc = view.getUint32(l + 18, true);
      const lu = view.getUint32(l + 22, true);
      if (lc !== entry.compressed || lu !== entry.inflated) return { entries, inflated, damaged: true };
    }
    at += 46 + nameLen + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { entries, inflated, damaged: false };
}

/** Where an entry's data starts (after its local header). */
function dataStart(bytes: Uint8Array, e: ZipEntry): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
}

/**
 * One entry's data, inflated (stored or deflated) with the browser's own streaming inflater and stopped once past
 * `cap` bytes: declared sizes can lie, a deflate stream cannot. `keep`: hold the bytes (else only count them).
 * -> { size, parts }, 'over' past the cap, 'damaged' for data that does not inflate or runs past the file.
 */
async function inflateData(
  bytes: Uint8Array,
  e: ZipEntry,
  cap: number,
  keep: boolean,
): Promise<{ size: number; parts: Uint8Array[] } | 'over' | 'damaged'> {
  const start = dataStart(bytes, e);
  if (start + e.compressed > bytes.length) return 'damaged';
  const data = bytes.subarray(start, start + e.compressed);
  if (e.method === 0) return data.length > cap ? 'over' : { size: data.length, parts: [data] };
  if (e.method !== 8) return 'damaged';
  const reader = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > cap) {
        void reader.cancel();
        return 'over';
      }
      if (keep) parts.push(value);
    }
  } catch {
    return 'damaged';
  }
  return { size, parts };
}

/**
 * What the zip really inflates to, counted by inflating every entry (off the main thread's hands in the worker)
 * and stopping once past `cap`. -> the byte count, 'over' past the cap, 'damaged' for a stream that does not inflate.
 */
export async function inflatedSize(bytes: Uint8Array, cap: number): Promise<number | 'over' | 'damaged'> {
  const { entries, damaged } = zipEntries(bytes);
  if (damaged) return 'damaged';
  let total = 0;
  for (const e of entries) {
    const r = await inflateData(bytes, e, cap - total, false);
    if (typeof r === 'string') return r;
    total += r.size;
  }
  return total;
}

/**
 * One entry of the zip, inflated, stopping once past `cap` bytes. -> its bytes, 'missing', 'over' past the cap,
 * 'damaged' for one that does not inflate.
 */
export async function inflateEntry(
  bytes: Uint8Array,
  name: string,
  cap: number,
): Promise<Uint8Array | 'missing' | 'over' | 'damaged'> {
  const { entries, damaged } = zipEntries(bytes);
  if (damaged) return 'damaged';
  const e = entries.find((x) => x.name === name);
  if (!e) return 'missing';
  const r = await inflateData(bytes, e, cap, true);
  if (typeof r === 'string') return r;
  if (r.parts.length === 1) return r.parts[0]!;
  const out = new Uint8Array(r.size);
  let at = 0;
  for (const p of r.parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/**
 * Whether a local header (the one before an entry's data, from the start of the file) names `name`: how a zip cut
 * short (no central directory left) is still told to be a Word document.
 */
function localHeaderNamed(bytes: Uint8Array, name: string): boolean {
  const want = new TextEncoder().encode(name);
  const limit = Math.min(bytes.length, 1 << 20);
  for (
    let i = bytes.indexOf(0x50);
    i !== -1 && i + 30 + want.length <= limit;
    i = bytes.indexOf(0x50, i + 1)
  ) {
    if (bytes[i + 1] !== 0x4b || bytes[i + 2] !== 3 || bytes[i + 3] !== 4) continue;
    if (bytes[i + 26] !== want.length || bytes[i + 27] !== 0) continue;
    let same = true;
    for (let k = 0; same && k < want.length; k++) same = bytes[i + 30 + k] === want[k];
    if (same) return true;
  }
  return false;
}

/** The container of a file (a workbook's, or a Word document's), or null for text. */
export function containerOf(bytes: Uint8Array): Container | DocumentContainer | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const { entries, inflated, damaged } = zipEntries(bytes);
    const names = entries.map((e) => e.name);
    const format = names.some((n) => /^xl\/workbook\d*\.(?:xml|bin)$/i.test(n))
      ? 'xlsx'
      : names.includes('content.xml')
        ? 'ods'
        : 'other';
    const document =
      format !== 'other'
        ? undefined
        : (names.find((n) => n === 'word/document.xml') ??
          names.find((n) => /^word\/document\d*\.xml$/.test(n)) ??
          (damaged && localHeaderNamed(bytes, 'word/document.xml') ? 'word/document.xml' : undefined));
    if (document !== undefined)
      return {
        kind: 'docx',
        document,
        media: names.some((n) => n.startsWith('word/media/')),
        inflated,
        damaged,
      };
    return { kind: 'zip', format, inflated, damaged };
  }
  if (startsWith(bytes, OLE_SIGNATURE))
    return holdsStream(bytes, 'EncryptedPackage') || holdsStream(bytes, 'EncryptionInfo')
      ? { kind: 'protected' }
      : holdsStream(bytes, 'WordDocument')
        ? { kind: 'doc' }
        : { kind: 'ole' };
  if (looksLikeHtml(bytes)) return { kind: 'html' };
  return null;
}
