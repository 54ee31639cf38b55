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
