// The file size limit, checked before a file is read or decoded.
// Example: checkSize(61 * 1024 * 1024, ctx) -> { ok: false, code: 'too-large', message: { zh: '文件太大（61 MB），超过了 60 MB 的上限…', en } }
//          checkSize(1000, ctx) -> null

import type { ImportContext, ImportFailure } from './types';
import { DEFAULT_MAX_BYTES } from './types';
import { both } from '../i18n/uploadPanelMessages';

/** megabytes(62_914_560) -> '60 MB'; megabytes(10_485_761) -> '10.0 MB' */
export function megabytes(n: number): string {
  const v = n / (1024 * 1024);
  return Number.isInteger(v) ? `${v} MB` : `${v.toFixed(1)} MB`;
}

/** Refusal for a file over ctx.maxBytes (default 60 MB), naming the limit; null if the size is fine. */
export function checkSize(size: number, ctx: Pick<ImportContext, 'maxBytes'>): ImportFailure | null {
  const limit = ctx.maxBytes ?? DEFAULT_MAX_BYTES;
  if (size <= limit) return null;
  return {
    ok: false,
    code: 'too-large',
    message: both('tooLarge', { size: megabytes(size), limit: megabytes(limit) }),
  };
}
