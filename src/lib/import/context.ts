// What the importer is given, as a schema: the importer parses it where it runs (in the worker, or on the main
// thread where no worker can start) into a fresh copy holding only the fields it reads.
import * as v from 'valibot';
import { IndicatorDefSchema, PlaceSchema } from '../data/schema';
import { nonBlank, text } from '../table/schema';
import { LIMITS } from '../table/fields';

export const ImportContextSchema = v.object({
  /** Names the upload: rows get `source = upload:<datasetId>`. */
  datasetId: nonBlank(LIMITS.id),
  /** The file's name as the user picked it (used for messages and, as a last resort, to name the city). */
  fileName: text(LIMITS.shortText),
  /** Known indicators; their `aliases` (and zh / en / id) are matched against the file's indicator names. */
  indicators: v.array(IndicatorDefSchema),
  /** Known places; matched by zh (with or without 市/县/区/省), en (case-insensitive) and id. */
  places: v.array(PlaceSchema),
  /** Refuse files larger than this many bytes before decoding. Default DEFAULT_MAX_BYTES (60 MB). */
  maxBytes: v.optional(v.pipe(v.number(), v.minValue(0))),
});

export type ImportContext = v.InferOutput<typeof ImportContextSchema>;

/** The context checked, as a fresh plain copy; throws on a context the app could not have made. */
export function parseContext(ctx: ImportContext): ImportContext {
  return v.parse(ImportContextSchema, ctx);
}
