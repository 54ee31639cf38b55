// Validation of untrusted dataset records (IndexedDB, backup files, share links), from schemas (valibot): a fresh
// object field by field, unknown keys never copied, `__proto__` / `constructor` / `prototype` keys refused
// anywhere, the first problem named by its path, nothing thrown.
import * as v from 'valibot';
import { LIMITS } from '../table/fields';
import {
  idText,
  isoDate,
  list,
  nonBlank,
  ObservationSchema,
  parseWith,
  safeObject,
  text,
  type Validated,
} from '../table/schema';
import { IndicatorDefSchema, PlaceSchema } from '../data/schema';
import { MAX_PACKED_ROWS } from '../table/stored';

const CONTENT = {
  name: text(LIMITS.shortText),
  rows: list(ObservationSchema, LIMITS.rows),
  indicators: list(IndicatorDefSchema, LIMITS.defs),
  places: list(PlaceSchema, LIMITS.defs),
};

/** The content of a dataset without storage bookkeeping (what a share link carries). */
export const DatasetContentSchema = safeObject(CONTENT);
export type DatasetContent = v.InferOutput<typeof DatasetContentSchema>;

/** One uploaded dataset as a backup file or a record of an earlier version keeps it: rows as objects. */
export const DatasetRecordSchema = safeObject({
  id: idText,
  ...CONTENT,
  fileName: text(LIMITS.shortText),
  /** ISO 8601 timestamp. */
  importedAt: isoDate,
  /** Detected text encoding of the uploaded file, e.g. `utf-8`, `gb18030`. */
  encoding: nonBlank(64),
  // Kept since uploads are checked for conflicts and repeats (schema.ts): absent in older records. A damaged one
  // reads as absent, so it never costs the rows.
  /** SHA-256 of the file's bytes, hex. */
  fingerprint: v.fallback(v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))), undefined),
  /** A work report's text (a report upload): absent for tables; a damaged one reads as absent, rows kept. */
  report: v.fallback(
    v.optional(
      safeObject({
        title: text(LIMITS.shortText),
        text: text(LIMITS.reportText),
        format: v.picklist(['txt', 'docx', 'paste']),
      }),
    ),
    undefined,
  ),
  /** Which value the charts draw where the upload disagrees with data already there (data/conflicts.ts). */
  conflictChoice: v.fallback(
    v.optional(
      safeObject({
        prefer: v.picklist(['upload', 'existing']),
        except: list(v.pipe(v.number(), v.integer(), v.minValue(0)), MAX_PACKED_ROWS),
      }),
    ),
    undefined,
  ),
});
export type DatasetRecord = v.InferOutput<typeof DatasetRecordSchema>;

/** validateStoredDataset(JSON.parse(text)) -> {ok:true, value} with a fresh DatasetRecord, or {ok:false, problem}. */
export function validateStoredDataset(raw: unknown, path = 'dataset'): Validated<DatasetRecord> {
  return parseWith(DatasetRecordSchema, raw, path);
}

/** validateDatasetContent({name, rows, indicators, places}) -> fresh copy or the first problem found. */
export function validateDatasetContent(raw: unknown, path = 'dataset'): Validated<DatasetContent> {
  return parseWith(DatasetContentSchema, raw, path);
}
