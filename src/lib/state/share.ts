// A small upload travelling in a link (`#/...?data=`): compact JSON tuples, lz-string compressed, URL-safe.
// Decoding never trusts the link: every field is validated like a stored record, and nothing throws.
// Default import: lz-string is a UMD/CommonJS module, whose named exports Node's ESM loader cannot see.
import LZString from 'lz-string';
import type { IndicatorDef, Place } from '../data/types';
import type { Observation } from '../table/schema';
import { OBSERVATION_FIELDS } from '../table/fields';
import { FORBIDDEN_KEYS } from '../table/schema';
import { validateDatasetContent, type DatasetContent } from '../storage/validate';
import { DATA_PATTERN, LINK_DATA_MAX_CHARS } from './url';

export type { DatasetContent } from '../storage/validate';

/** Version of the tuple layout below; bump when it changes. */
export const LINK_FORMAT_VERSION = 1;
/** Skip compressing JSON this large: it would never fit LINK_DATA_MAX_CHARS. */
const MAX_JSON_CHARS = LINK_DATA_MAX_CHARS * 60;
/** Refuse a decompressed payload larger than this (a crafted link can expand a lot). */
const MAX_DECOMPRESSED_CHARS = 2_000_000;

const ROW_FIELDS = OBSERVATION_FIELDS;
const INDICATOR_FIELDS = [
  'id',
  'zh',
  'en',
  'unit',
  'description_zh',
  'description_en',
  'chart',
  'aliases',
  // Added after links were first made: a link without it is read with the measure guessed.
  'measure',
] as const satisfies readonly (keyof IndicatorDef)[];
const PLACE_FIELDS = [
  'id',
  'zh',
  'en',
  'province',
  'level',
  'note',
] as const satisfies readonly (keyof Place)[];

export type LinkDecodeResult =
  { ok: true; dataset: DatasetContent } | { ok: false; message: { zh: string; en: string } };

/**
 * Compress a dataset for a link; null when it is too large to travel in a link (or not a valid dataset).
 * encodeDatasetForLink({name:'我的数据', rows, indicators, places}) -> 'N4Ig...' (URL-safe) or null
 */
export function encodeDatasetForLink(ds: {
  name: string;
  rows: Observation[];
  indicators: IndicatorDef[];
  places: Place[];
}): string | null {
  const v = validateDatasetContent(ds);
  if (!v.ok) return null;
  const c = v.value;
  const payload = {
    v: LINK_FORMAT_VERSION,
    n: c.name,
    i: c.indicators.map((d) => INDICATOR_FIELDS.map((f) => d[f])),
    p: c.places.map((p) => PLACE_FIELDS.map((f) => p[f] ?? null)),
    r: c.rows.map((r) => ROW_FIELDS.map((f) => r[f])),
  };
  const json = JSON.stringify(payload);
  if (json.length > MAX_JSON_CHARS) return null;
  const out = LZString.compressToEncodedURIComponent(json);
  return out.length > LINK_DATA_MAX_CHARS ? null : out;
}

const garbled = (detail?: { zh: string; en: string }) => ({
  ok: false as const,
  message: {
    zh: `链接中的数据无法读取（可能已损坏或被改动），未加载。${detail ? `原因：${detail.zh}` : ''}`,
    en: `The data in this link could not be read (it may be damaged or altered) and was not loaded.${detail ? ` Reason: ${detail.en}` : ''}`,
  },
});

const tooLarge = {
  ok: false as const,
  message: { zh: '链接中的数据过大，未加载。', en: 'The data in this link is too large and was not loaded.' },
};

/** Turn one tuple into a fresh object; the keys are our field names, never the link's. */
function fromTuple(
  t: unknown,
  fields: readonly string[],
  path: string,
  optional = '',
): Record<string, unknown> {
  // A tuple may end before a trailing optional field (links made before that field existed).
  const short = Array.isArray(t) && t.length === fields.length - 1 && fields.at(-1) === optional;
  if (!Array.isArray(t) || (t.length !== fields.length && !short)) {
    throw new Error(path);
  }
  const o: Record<string, unknown> = {};
  fields.forEach((f, i) => {
    const v: unknown = t[i];
    if (!(f === optional && (v === null || v === undefined))) o[f] = v; // an optional field travels as null
  });
  return o;
}

/**
 * Decode and validate a link's dataset; never throws, never trusts the link.
 * decodeDatasetFromLink(encodeDatasetForLink(ds)!) -> {ok:true, dataset}; decodeDatasetFromLink('%%%') -> {ok:false, message}
 */
export function decodeDatasetFromLink(s: string): LinkDecodeResult {
  try {
    if (typeof s !== 'string' || s === '') return garbled();
    const text = s.replace(/ /g, '+');
    if (text.length > LINK_DATA_MAX_CHARS) return tooLarge;
    if (!DATA_PATTERN.test(text)) return garbled();
    const json = LZString.decompressFromEncodedURIComponent(text);
    if (typeof json !== 'string' || json === '') return garbled();
    if (json.length > MAX_DECOMPRESSED_CHARS) return tooLarge;
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      return garbled();
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return garbled();
    const top = parsed as Record<string, unknown>;
    if (Object.keys(top).some((k) => FORBIDDEN_KEYS.has(k))) return garbled();
    const get = (k: string): unknown => (Object.prototype.hasOwnProperty.call(top, k) ? top[k] : undefined);
    if (get('v') !== LINK_FORMAT_VERSION) return garbled();
    const i = get('i');
    const p = get('p');
    const r = get('r');
    if (!Array.isArray(i) || !Array.isArray(p) || !Array.isArray(r)) return garbled();
    let candidate: Record<string, unknown>;
    try {
      candidate = {
        name: get('n'),
        indicators: i.map((t: unknown, k) => fromTuple(t, INDICATOR_FIELDS, `indicators[${k}]`, 'measure')),
        places: p.map((t: unknown, k) => fromTuple(t, PLACE_FIELDS, `places[${k}]`, 'note')),
        rows: r.map((t: unknown, k) => fromTuple(t, ROW_FIELDS, `rows[${k}]`)),
      };
    } catch (e) {
      const where = e instanceof Error ? e.message : '?';
      return garbled({ zh: `${where} 的结构不对`, en: `${where} has the wrong shape` });
    }
    const v = validateDatasetContent(candidate, 'data');
    return v.ok ? { ok: true, dataset: v.value } : garbled(v.problem);
  } catch {
    return garbled();
  }
}
