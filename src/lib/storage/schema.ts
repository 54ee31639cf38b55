// The IndexedDB layout, its version history and the upgrade that migrates older records.
//
// v1 (legacy): store `datasets` (keyPath `id`) holding DatasetRecordV1 — `title` instead of `name`, `importedAt` as
//              epoch milliseconds, no `encoding`, rows without `status` (a masked figure was `note: 'redacted'`).
// v2 (current): store `datasets` (keyPath `id`) holding StoredDataset; store `quarantine` (auto-increment) holding
//              QuarantinedRecord — damaged records set aside, never deleted.
//              Records written since uploads are checked for conflicts and repeats also hold `fingerprint` (SHA-256
//              of the file) and `conflictChoice`. Both are optional fields, not a new layout: older v2 records read
//              as "file unknown, the upload's own values drawn", with no upgrade to run (and no version to bump, so a
//              tab of an older build keeps working and reads these records, ignoring the two fields).
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { IndicatorDef, Place } from '../data/types';
import type { Observation } from '../table/schema';
import type { Bilingual } from '../i18n/bilingual';
import { msg } from './messages';
import { validateStoredDataset } from './validate';

export const DB_NAME = 'city-st-dashboard';
export const DB_VERSION = 2;
export const DATASETS = 'datasets';
export const QUARANTINE = 'quarantine';

/** A v1 record, as an older build of the app wrote it. */
export interface DatasetRecordV1 {
  id: string;
  title: string;
  fileName: string;
  importedAt: number;
  rows: Omit<Observation, 'status'>[];
  indicators: IndicatorDef[];
  places: Place[];
}

/** A record set aside because it could not be read or migrated. */
export interface QuarantinedRecord {
  quarantinedAt: string;
  /** Schema version the record was found in. */
  schema: number;
  key: IDBValidKey | null;
  reason: Bilingual;
  record: unknown;
}

function own(obj: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/**
 * Convert a v1 record to the current layout (then validated like any record).
 * migrateV1({id:'a', title:'上传', importedAt: 0, ...}) -> {id:'a', name:'上传', importedAt:'1970-01-01T00:00:00.000Z', encoding:'unknown', ...}
 */
export function migrateV1(raw: unknown): ReturnType<typeof validateStoredDataset> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return validateStoredDataset(raw);
  const ms = own(raw, 'importedAt');
  const date = typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms) : null;
  const rows = own(raw, 'rows');
  const candidate = {
    id: own(raw, 'id'),
    name: own(raw, 'title'),
    fileName: own(raw, 'fileName'),
    importedAt: date && !Number.isNaN(date.getTime()) ? date.toISOString() : ms,
    encoding: 'unknown',
    rows: Array.isArray(rows)
      ? rows.map((r: unknown) => {
          if (typeof r !== 'object' || r === null || Array.isArray(r)) return r;
          const note = own(r, 'note');
          const redacted = note === 'redacted' && own(r, 'value') === null;
          return {
            city: own(r, 'city'),
            indicator: own(r, 'indicator'),
            period: own(r, 'period'),
            value: own(r, 'value'),
            unit: own(r, 'unit'),
            comparator: own(r, 'comparator'),
            kind: own(r, 'kind'),
            status: redacted ? 'redacted' : 'reported',
            source: own(r, 'source'),
            quote: own(r, 'quote'),
            note: redacted ? '' : note,
          };
        })
      : rows,
    indicators: own(raw, 'indicators'),
    places: own(raw, 'places'),
  };
  return validateStoredDataset(candidate);
}

export type AnyDb = IDBPDatabase<unknown>;
export type UpgradeTx = IDBPTransaction<unknown, ArrayLike<string>, 'versionchange'>;

/** What the upgrade did, for notices. */
export interface UpgradeReport {
  migrated: number;
  quarantined: Bilingual[];
}

/**
 * Create or migrate stores inside the versionchange transaction. Only IDB requests are awaited, so the transaction
 * stays alive. Records that fail migration move to `quarantine`.
 * runUpgrade(db, 1, tx, report) // v1 records rewritten in place as StoredDataset
 */
export async function runUpgrade(
  db: AnyDb,
  oldVersion: number,
  tx: UpgradeTx,
  report: UpgradeReport,
): Promise<void> {
  if (!db.objectStoreNames.contains(DATASETS)) db.createObjectStore(DATASETS, { keyPath: 'id' });
  if (!db.objectStoreNames.contains(QUARANTINE)) db.createObjectStore(QUARANTINE, { autoIncrement: true });
  if (oldVersion < 1 || oldVersion >= 2) return;
  // v1 -> v2
  const datasets = tx.objectStore(DATASETS);
  const quarantine = tx.objectStore(QUARANTINE);
  const now = new Date().toISOString();
  let cursor = await datasets.openCursor();
  while (cursor) {
    const result = migrateV1(cursor.value);
    if (result.ok && result.value.id === cursor.key) {
      await cursor.update(result.value);
      report.migrated++;
    } else {
      const reason: Bilingual = result.ok ? msg.both('recordKeyMismatch') : result.problem;
      const q: QuarantinedRecord = {
        quarantinedAt: now,
        schema: 1,
        key: cursor.key,
        reason,
        record: cursor.value,
      };
      await quarantine.add(q);
      await cursor.delete();
      report.quarantined.push(reason);
    }
    cursor = await cursor.continue();
  }
}
