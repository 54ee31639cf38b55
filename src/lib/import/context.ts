// What the importer is given, as a schema: the importer parses it where it runs (in the worker, or on the main
// thread where no worker can start) into a fresh copy holding only the fields it reads.
import * as v from 'valibot';
import { IndicatorDefSchema, PlaceSchema } from '../data/schema';
import { nonBlank, text } from '../table/schema';
import { LIMITS } from '../table/fields';

const columnIndex = v.pipe(v.number(), v.integer(), v.minValue(-1), v.maxValue(10_000));

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
  /** A workbook's sheet to read (the user's choice); absent = the one that holds a table. */
  sheet: v.optional(text(LIMITS.shortText)),
  /** The user's column mapping (the mapping step), for a table whose header could not be read alone. */
  mapping: v.optional(
    v.object({
      headerLine: v.pipe(v.number(), v.integer(), v.minValue(1)),
      city: columnIndex,
      indicator: columnIndex,
      period: columnIndex,
      value: columnIndex,
      unit: columnIndex,
      /** The city of every row when no column names it (a place id), as the user confirmed or corrected it. */
      place: v.optional(text(LIMITS.id)),
    }),
  ),
  /** Workbook limits (tests lower them): cells in the sheet read, bytes a workbook may inflate to. */
  maxCells: v.optional(v.pipe(v.number(), v.minValue(0))),
  maxInflatedBytes: v.optional(v.pipe(v.number(), v.minValue(0))),
  /**
   * How to read a text file: absent = tell (a table when its lines split into columns the importer reads, a work
   * report when it is prose), 'table' = as a table only (today's refusals), 'report' = as a work report only.
   * A .docx is a report (as a table: not a workbook); a mapping or a sheet means a table.
   */
  readAs: v.optional(v.picklist(['table', 'report'])),
  /** The text was pasted (sent as a UTF-8 Blob): read as a report, as UTF-8, whatever its first bytes look like. */
  pasted: v.optional(v.boolean()),
});

export type ImportMapping = NonNullable<v.InferOutput<typeof ImportContextSchema>['mapping']>;

export type ImportContext = v.InferOutput<typeof ImportContextSchema>;

/** The context checked, as a fresh plain copy; throws on a context the app could not have made. */
export function parseContext(ctx: ImportContext): ImportContext {
  return v.parse(ImportContextSchema, ctx);
}
