// Shapes of the dataset store: what is kept, what a save reports, what the user is told.
import type { IndicatorDef, Place } from '../data/types';
import type { Observation } from '../table/schema';
import type { RowTable } from '../table/table';
import type { Bilingual } from '../i18n/bilingual';
import type { ConflictChoice } from '../data/conflicts';

/** One uploaded dataset as kept in IndexedDB (current schema). */
export interface StoredDataset {
  id: string;
  name: string;
  fileName: string;
  /** ISO 8601 timestamp. */
  importedAt: string;
  /** Detected text encoding of the uploaded file, e.g. `utf-8`, `gb18030`. */
  encoding: string;
  /** The rows as columns (kept packed in IndexedDB, see src/lib/table/stored.ts). */
  table: RowTable;
  indicators: IndicatorDef[];
  places: Place[];
  /**
   * SHA-256 of the uploaded file's bytes (64 hex digits): the same file uploaded again is recognised. Absent in
   * records saved before it was kept, and where the browser has no digest (a page served over plain http).
   */
  fingerprint?: string | undefined;
  /** Which value the charts draw where the upload disagrees with data already there; absent: the upload's own. */
  conflictChoice?: ConflictChoice | undefined;
  /** For a work report read into figures (the review step): its text, kept so every figure's sentence can be shown. */
  report?: ReportSource | undefined;
}

/** A city's own work report, as the source of the figures confirmed from it. */
export interface ReportSource {
  /** The report's title as found in it (or as the user named it). */
  title: string;
  /** The text the figures were read from: every row's quote is in it. */
  text: string;
  format: 'txt' | 'docx' | 'paste';
}

/** A stored dataset with its rows as plain objects: backups, share links and records of earlier versions. */
export type DatasetRecord = Omit<StoredDataset, 'table'> & { rows: Observation[] };

/** What `save` reports. On failure the dataset is still listed for this visit (memory only). */
export type SaveOutcome =
  { saved: true } | { saved: false; reason: 'quota' | 'unavailable' | 'error'; message: Bilingual };

/**
 * Something to show the user about storage.
 * - `memory-only`: storage could not be opened; nothing will survive a reload.
 * - `quarantined`: a stored record was damaged or unreadable and set aside (not deleted).
 * - `migrated`: records from an older layout were upgraded.
 * - `blocked`: another tab holds an older version open; saving waits until it closes.
 * - `unblocked`: the other tab closed; saving works again.
 * - `versionchange`: another tab upgraded the database; reload to keep saving.
 * - `terminated`: the browser closed the database (e.g. site data cleared).
 * - `read-failed`: saved datasets could not be read this time.
 * - `write-failed`: a rename / remove / conflict choice could not be written.
 */
export interface StorageNotice {
  code:
    | 'memory-only'
    | 'quarantined'
    | 'migrated'
    | 'blocked'
    | 'unblocked'
    | 'versionchange'
    | 'terminated'
    | 'read-failed'
    | 'write-failed';
  message: Bilingual;
}

/** Alias kept for the brief's naming (`notices: Notice[]`). */
export type Notice = StorageNotice;

export interface DatasetStore {
  /** `persistent` while an IndexedDB connection is usable; `memory` otherwise (may change during a visit). */
  readonly mode: 'persistent' | 'memory';
  list(): Promise<StoredDataset[]>;
  /** `replaces`: an earlier dataset this one takes the place of, removed in the same write. */
  save(ds: StoredDataset, replaces?: string): Promise<SaveOutcome>;
  remove(id: string): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  /** Keep the upload's conflict choice (notice `write-failed` when it cannot be written). */
  setChoice(id: string, choice: ConflictChoice): Promise<void>;
  exportBackup(): Promise<string>;
  importBackup(json: string): Promise<{ restored: number; problems: Bilingual[] }>;
  /** Things to tell the user, oldest first; appended to during the visit. */
  readonly notices: StorageNotice[];
  close(): void;
}

export interface OpenOptions {
  /** Database name; default `city-st-dashboard`. */
  dbName?: string;
  /** Factory to use instead of `globalThis.indexedDB` (tests pass a fake-indexeddb one). */
  indexedDB?: IDBFactory;
  /** Called for every notice as it is added (lets the UI react to later ones, e.g. `versionchange`). */
  onNotice?: (notice: StorageNotice) => void;
}
