// What kind of workbook a file is, from its bytes alone, before any workbook library sees it: a zip (.xlsx,
// .xlsm, .ods; its central directory read for what it holds and how large it inflates), an OLE compound file
// (.xls, WPS .et, or a password-protected .xlsx, which Excel stores as OLE with an encrypted package), or an
// HTML table saved as .xls. Anything else is text for the CSV reader.
// Example: containerOf(<50 4B 03 04 ... xl/workbook.xml ...>) -> { kind: 'zip', format: 'xlsx', inflated: 41_233 }
//          containerOf(<D0 CF 11 E0 ... "EncryptedPackage" ...>) -> { kind: 'protected' }
//          containerOf(<'<html><table>...'>) -> { kind: 'html' }; containerOf(<'城市,指标'>) -> null

import { looksLikeHtml } from '../decode';

export type Container =
  | { kind: 'zip'; format: 'xlsx' | 'ods' | 'other'; inflated: number; damaged: boolean }
  | { kind: 'ole' }
  | { kind: 'protected' }
  | { kind: 'html' };

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/** Whether the bytes hold `name` in UTF-16LE (how OLE directory entries name their streams). */
function holdsUtf16(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  const end = bytes.length - name.length * 2;
  outer: for (let i = bytes.indexOf(first); i !== -1 && i <= end; i = bytes.indexOf(first, i + 1)) {
    for (let k = 0; k < name.length; k++)
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/**
 * The zip's entries as its central directory lists them: names and inflated sizes. `damaged` when the
 * directory is missing or runs past the end (a truncated download).
 */
function zipEntries(bytes: Uint8Array): { names: string[]; inflated: number; damaged: boolean } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: the last 22..65,557 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return { names: [], inflated: 0, damaged: true };
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  let inflated = 0;
  const utf8 = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      return { names, inflated, damaged: true };
    // A ZIP64 size (0xFFFFFFFF) counts as 4 GB: over any limit, as it should be here.
    inflated += view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    names.push(utf8.decode(bytes.subarray(at + 46, at + 46 + nameLen)));
    at += 46 + nameLen + extra + comment;
  }
  return { names, inflated, damaged: false };
}

/** The workbook container of a file, or null for text. */
export function containerOf(bytes: Uint8Array): Container | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const { names, inflated, damaged } = zipEntries(bytes);
    const format = names.some((n) => /^xl\/workbook\d*\.(?:xml|bin)$/i.test(n))
      ? 'xlsx'
      : names.includes('content.xml')
        ? 'ods'
        : 'other';
    return { kind: 'zip', format, inflated, damaged };
  }
  if (startsWith(bytes, OLE))
    return holdsUtf16(bytes, 'EncryptedPackage') || holdsUtf16(bytes, 'EncryptionInfo')
      ? { kind: 'protected' }
      : { kind: 'ole' };
  if (looksLikeHtml(bytes)) return { kind: 'html' };
  return null;
}
