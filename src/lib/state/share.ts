// A small upload travelling in a link (`#/...?data=`): compact JSON tuples, lz-string compressed, URL-safe.
// Decoding never trusts the link: every field is validated like a stored record, and nothing throws.
// Default import: lz-string is a UMD/CommonJS module, whose named exports Node's ESM loader cannot see.
import LZString from 'lz-string';
import * as v from 'valibot';
import type { IndicatorDef, Place } from '../data/types';
import { IndicatorDefSchema, PlaceSchema, withLegacyChart } from '../data/schema';
import { LIMITS, OBSERVATION_FIELDS } from '../table/fields';
import { list, ObservationSchema, parseWith, safeObject, text, tupleOf } from '../table/schema';
import type { Observation } from '../table/schema';
import { validateDatasetContent, type DatasetContent } from '../storage/validate';
import type { Bilingual } from '../i18n/bilingual';
import { DATA_PATTERN, LINK_DATA_MAX_CHARS } from '../url/url';
import { uploadMessages } from './uploadMessages';

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
  // One chart id or null, as links have always carried it (withLegacyChart): older copies of the app read it too.
  'chart',
  'aliases',
  // Added after links were first made: a link without it is read with the measure guessed.
  'measure',
] as const satisfies readonly (keyof ReturnType<typeof withLegacyChart<IndicatorDef>>)[];
const PLACE_FIELDS = [
  'id',
  'zh',
  'en',
  'province',
  'level',
  'note',
] as const satisfies readonly (keyof Place)[];

/** A link's payload: tuples in the field orders above (a trailing optional field may be null or absent). */
const LinkSchema = v.pipe(
  safeObject({
    v: v.literal(LINK_FORMAT_VERSION),
    // Optional here so that one missing is named by its field below ("data.rows: missing"), not its letter.
    n: v.optional(v.unknown()),
    i: v.optional(v.unknown()),
    p: v.optional(v.unknown()),
    r: v.optional(v.unknown()),
  }),
  v.transform((p) => ({ name: p.n, indicators: p.i, places: p.p, rows: p.r })),
  v.object({
    name: text(LIMITS.shortText),
    indicators: list(tupleOf(INDICATOR_FIELDS, IndicatorDefSchema, { optionalLast: true }), LIMITS.defs),
    places: list(tupleOf(PLACE_FIELDS, PlaceSchema, { optionalLast: true }), LIMITS.defs),
    rows: list(tupleOf(ROW_FIELDS, ObservationSchema), LIMITS.rows),
  }),
);

export type LinkDecodeResult = { ok: true; dataset: DatasetContent } | { ok: false; message: Bilingual };

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
    i: c.indicators.map(withLegacyChart).map((d) => INDICATOR_FIELDS.map((f) => d[f])),
    p: c.places.map((p) => PLACE_FIELDS.map((f) => p[f] ?? null)),
    r: c.rows.map((r) => ROW_FIELDS.map((f) => r[f])),
  };
  const json = JSON.stringify(payload);
  if (json.length > MAX_JSON_CHARS) return null;
  const out = LZString.compressToEncodedURIComponent(json);
  return out.length > LINK_DATA_MAX_CHARS ? null : out;
}

const garbled = (reason: Bilingual = { zh: '', en: '' }) => ({
  ok: false as const,
  message: uploadMessages.both('linkUnreadable', { reason }),
});

const tooLarge = { ok: false as const, message: uploadMessages.both('linkTooLarge') };

/**
 * Decode and validate a link's dataset; never throws, never trusts the link.
 * decodeDatasetFromLink(encodeDatasetForLink(ds)!) -> {ok:true, dataset}; decodeDatasetFromLink('%%%') -> {ok:false, message}
 */
export function decodeDatasetFromLink(s: string): LinkDecodeResult {
  try {
    if (typeof s !== 'string' || s === '') return garbled();
    // A '+' read as a space on the link's way here is restored by the URL migrations (dataPlusSigns).
    if (s.length > LINK_DATA_MAX_CHARS) return tooLarge;
    if (!DATA_PATTERN.test(s)) return garbled();
    const json = LZString.decompressFromEncodedURIComponent(s);
    if (typeof json !== 'string' || json === '') return garbled();
    if (json.length > MAX_DECOMPRESSED_CHARS) return tooLarge;
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      return garbled();
    }
    const r = parseWith(LinkSchema, parsed, 'data');
    return r.ok ? { ok: true, dataset: r.value } : garbled(r.problem);
  } catch {
    return garbled();
  }
}
