// Public types of the CSV importer: what goes in (ImportContext) and what comes out (ImportResult).
// Example: importText('城市,指标,年份,数值\n芜湖,研发经费投入强度,2022,3.10\n', ctx)
//   -> { ok: true, layout: 'long', rows: [{ city: 'wuhu', indicator: 'rd_intensity', period: '2022', value: 3.1, ... }], ... }

import type { IndicatorDef, Place } from '../data/types';
import type { Observation } from '../table/schema';
import type { RowTable } from '../table/table';
import type { Bilingual } from '../i18n/bilingual';
import type { Extraction } from '../extract/types';

/** A message in both UI languages; Chinese is first-class. */
export type Msg = Bilingual;

export type { ImportContext, ImportMapping } from './context';

/** The roles the column-mapping step assigns. */
export type MappedRole = 'city' | 'indicator' | 'period' | 'value' | 'unit';

/** The column-mapping step's material: the header row it guessed, the first rows, its guess per role. */
export interface MappingOffer {
  headerLine: number;
  headers: string[];
  /** Up to 8 rows under the header, as text, one cell per header. */
  preview: string[][];
  /** Column index per role, -1 = none. */
  guess: Record<MappedRole, number>;
  /** Columns read by their header as one indicator each (the yearbook layout), whatever the roles say. */
  indicatorColumns: number[];
  /** Same header, same signature: the mapping is remembered under it. */
  signature: string;
  /** Why the table could not be read without help. */
  reason: Msg;
}

/** A sheet of a workbook that may hold the table. */
export interface SheetOffer {
  name: string;
  /** Rows with something in them. */
  rows: number;
}

export type Severity = 'error' | 'warning';

/** One problem in the file. `line` is the 1-based physical line (0 = the file as a whole). */
export interface ImportIssue {
  line: number;
  /** Header text of the column concerned ('' = the whole line). */
  column: string;
  severity: Severity;
  /** Machine-readable reason, e.g. 'not-a-number', 'masked', 'unit-converted'; merged warnings join codes with ','. */
  code: string;
  /** The offending cell (or line) as in the file, clipped to 200 characters. */
  raw: string;
  message: Msg;
}

export interface ImportCounts {
  /** Observations produced (= rows.length). */
  imported: number;
  /** Records refused with an error (= error issues, exact even when the issue list is capped). */
  rejected: number;
  /** Warning issues (= records kept or skipped with a caveat, plus file-level notices), exact. */
  warned: number;
}

export interface ImportSuccess {
  ok: true;
  /** Shown to the user: 'UTF-8', 'UTF-8 (BOM)', 'UTF-16LE', 'UTF-16BE', 'GB18030', ... */
  encoding: string;
  delimiter: string;
  /** long (a value column), wide (a column per year) or columns (a column per indicator, as yearbooks are). */
  layout: 'long' | 'wide' | 'columns';
  /** The sheet read, for a workbook. */
  sheet?: string;
  /** For a workbook with several sheets that hold tables: all of them (the user may switch). */
  sheets?: SheetOffer[];
  /** The columns to check, when a part of the table was taken from its title or file name. */
  review?: MappingOffer;
  /** 1-based physical line of the header row. */
  headerLine: number;
  /** The rows as columns: what the dashboard keeps (see src/lib/table/table.ts). */
  table: RowTable;
  /**
   * The rows as objects, made on first read (tests, small files; not enumerable, so a spread of the
   * result does not make a million objects).
   */
  readonly rows: Observation[];
  /** 1-based physical line in the file of each row: rows[i] came from line lines[i]. */
  lines: Uint32Array;
  /** At most MAX_ISSUES_PER_SEVERITY errors and as many warnings, in file order within each severity. */
  issues: ImportIssue[];
  counts: ImportCounts;
  /** The user's own indicators found in the file (ids `u_<hash>`). */
  indicators: IndicatorDef[];
  /** Places not in the known list (ids `u-<hash>`). */
  places: Place[];
}

export interface ImportFailure {
  ok: false;
  code: string;
  message: Msg;
  /** code 'choose-sheet': the sheets that may hold the table (the user picks one); with a sheet read, the others. */
  sheets?: SheetOffer[];
  /** The sheet read, when the refusal is about one sheet of a workbook (a mapping then re-reads that sheet). */
  sheet?: string;
  /** A table the user can map themselves (no header, a column missing or ambiguous): what the mapping step shows. */
  mapping?: MappingOffer;
  /** code 'report': the file (or pasted text) is a work report; what was read from it goes to the review step. */
  report?: ReportRead;
}

/** A work report read from a .txt, a .docx or pasted text, and what the extractor found in it. */
export interface ReportRead {
  /** Exactly the text the extractor saw (line endings '\n', no BOM): the extraction's offsets index into it. */
  text: string;
  format: 'txt' | 'docx' | 'paste';
  /** How the text was read: 'UTF-8', 'GB18030', 'UTF-16LE', … for a .txt or a paste, 'Word (.docx)' for a .docx. */
  encoding: string;
  extraction: Extraction;
}

export type ImportResult = ImportSuccess | ImportFailure;

/** What the report shows: the outcome without the rows themselves (known before they are rebuilt). */
export type ImportSummary = Omit<ImportSuccess, 'rows' | 'lines' | 'table'> | ImportFailure;

export type ProgressFn = (fraction: number) => void;

export const DEFAULT_MAX_BYTES = 60 * 1024 * 1024;
export const MAX_ISSUES_PER_SEVERITY = 1000;
