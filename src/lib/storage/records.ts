// The dataset records in IndexedDB: read (each validated, its rows unpacked and checked), set aside when damaged,
// written (rows packed into one Blob). The store (store.ts) decides what to tell the user.
import type { IDBPDatabase } from 'idb';
import { errorName, isQuotaError, msg } from './messages';
import { DATASETS, DB_VERSION, QUARANTINE, type QuarantinedRecord } from './schema';
import type { Bilingual } from '../i18n/bilingual';
import type { StoredDataset } from './types';
import { validateStoredDataset } from './validate';
import { checkTable, packRows, unpackRows } from '../table/stored';
import { tableFromRows } from '../table/table';
import { withLegacyChart } from '../data/schema';

export type Db = IDBPDatabase<unknown>;

/** A record that could not be read, and why. */
export interface BadRecord {
  key: IDBValidKey;
  record: unknown;
  problem: Bilingual;
}

/** The packed rows of a stored record, if it has them (records written before packing have `rows`). */
export function packedOf(record: unknown): unknown {
  if (
    typeof record !== 'object' ||
    record === null ||
    !Object.prototype.hasOwnProperty.call(record, 'packed')
  )
    return null;
  return (record as { packed: unknown }).packed;
}

/** What a user called a record, for a message about it (null when it has no usable name). */
export function nameOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  for (const k of ['name', 'title']) {
    const v = Object.prototype.hasOwnProperty.call(raw, k) ? (raw as Record<string, unknown>)[k] : undefined;
    if (typeof v === 'string' && v.trim()) return v.length > 60 ? `${v.slice(0, 60)}…` : v;
  }
  return null;
}

/** Every record: the readable ones as datasets (rows checked and indexed), the others with their problem. */
export async function readRecords(db: Db): Promise<{ datasets: StoredDataset[]; bad: BadRecord[] }> {
  const tx = db.transaction(DATASETS, 'readonly');
  const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
  const datasets: StoredDataset[] = [];
  const bad: BadRecord[] = [];
  for (const [i, key] of keys.entries()) {
    const record: unknown = values[i];
    // Rows are kept packed in columns (table/stored.ts); the rest is validated as before.
    const packed = packedOf(record);
    const r = validateStoredDataset(packed ? { ...(record as object), rows: [], packed: undefined } : record);
    if (!r.ok || r.value.id !== key) {
      const problem = !r.ok ? r.problem : msg.both('recordKeyMismatch');
      bad.push({ key, record, problem });
      continue;
    }
    const { rows, ...meta } = r.value;
    const table = await (packed ? unpackRows(packed) : checkTable(tableFromRows(rows)));
    if (table.ok) datasets.push({ ...meta, table: table.table });
    else bad.push({ key, record, problem: table.problem });
  }
  return { datasets, bad };
}

/** Move damaged records to `quarantine` in one transaction; false when that failed (they stay put). */
export async function quarantineRecords(db: Db, bad: readonly BadRecord[]): Promise<boolean> {
  try {
    const tx = db.transaction([DATASETS, QUARANTINE], 'readwrite');
    const now = new Date().toISOString();
    const ops: Promise<unknown>[] = [];
    for (const b of bad) {
      const q: QuarantinedRecord = {
        quarantinedAt: now,
        schema: DB_VERSION,
        key: b.key,
        reason: b.problem,
        record: b.record,
      };
      ops.push(tx.objectStore(QUARANTINE).add(q), tx.objectStore(DATASETS).delete(b.key));
    }
    await Promise.all([...ops, tx.done]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes one dataset in one readwrite transaction; rejects with the most telling error. `replaces`: the record it
 * takes the place of, deleted in the same transaction (a reload in between must not find both, or neither).
 */
export async function writeRecord(db: Db, ds: StoredDataset, replaces?: string): Promise<void> {
  try {
    await put(db, ds, true, replaces);
  } catch (e) {
    // A browser (or a private window) that cannot keep Blobs in IndexedDB: the same bytes, as a buffer.
    if (errorName(e) !== 'DataCloneError') throw e;
    await put(db, ds, false, replaces);
  }
}

async function put(db: Db, ds: StoredDataset, asBlob: boolean, replaces?: string): Promise<void> {
  const { table, ...meta } = ds;
  const indicators = meta.indicators.map(withLegacyChart); // earlier builds read `chart`
  const record = { ...meta, indicators, rows: [], packed: await packRows(table, asBlob) };
  const tx = db.transaction(DATASETS, 'readwrite');
  const done = tx.done;
  let request: Promise<unknown>;
  try {
    request = tx.store.put(record);
    if (replaces !== undefined && replaces !== ds.id)
      request = Promise.all([request, tx.store.delete(replaces)]);
  } catch (e) {
    done.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      /* already finished */
    }
    throw e;
  }
  const settled = await Promise.allSettled([request, done]);
  const errors: unknown[] = [];
  for (const s of settled) if (s.status === 'rejected') errors.push(s.reason);
  if (!errors.length) return;
  try {
    const txError = (tx as unknown as { error?: unknown }).error;
    if (txError) errors.unshift(txError);
  } catch {
    /* ignore */
  }
  throw pickError(errors);
}

/** Prefer a quota error, then any specific error, over the generic AbortError of an aborted transaction. */
function pickError(errors: unknown[]): unknown {
  return (
    errors.find(isQuotaError) ??
    errors.find((e) => e != null && errorName(e) !== 'AbortError') ??
    errors[0] ??
    null
  );
}
