// The dataset store: IndexedDB when the browser allows it, memory otherwise. Never rejects on open; every failure
// becomes a notice or a SaveOutcome, and nothing already saved is lost.
import { wrap, type IDBPDatabase } from 'idb';
import { backupJson, parseBackup } from './backup';
import { errorName, isQuotaError, msg } from './messages';
import {
  DATASETS,
  DB_NAME,
  DB_VERSION,
  QUARANTINE,
  runUpgrade,
  type QuarantinedRecord,
  type UpgradeReport,
  type UpgradeTx,
} from './schema';
import type { Bilingual } from '../i18n/bilingual';
import type { DatasetStore, OpenOptions, SaveOutcome, StorageNotice, StoredDataset } from './types';
import { validateStoredDataset } from './validate';
import { checkTable, packRows, unpackRows } from '../table/stored';
import { tableFromRows } from '../table/table';

type Db = IDBPDatabase<unknown>;

/** The packed rows of a stored record, if it has them (records written before packing have `rows`). */
function packedOf(record: unknown): unknown {
  if (
    typeof record !== 'object' ||
    record === null ||
    !Object.prototype.hasOwnProperty.call(record, 'packed')
  )
    return null;
  return (record as { packed: unknown }).packed;
}

function byImported(a: StoredDataset, b: StoredDataset): number {
  return a.importedAt < b.importedAt
    ? -1
    : a.importedAt > b.importedAt
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;
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

function nameOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  for (const k of ['name', 'title']) {
    const v = Object.prototype.hasOwnProperty.call(raw, k) ? (raw as Record<string, unknown>)[k] : undefined;
    if (typeof v === 'string' && v.trim()) return v.length > 60 ? `${v.slice(0, 60)}…` : v;
  }
  return null;
}

class Store implements DatasetStore {
  readonly notices: StorageNotice[] = [];
  private db: Db | null = null;
  /** Datasets that live only in memory this visit (memory mode, or a failed save). */
  private readonly memory = new Map<string, StoredDataset>();
  /** Ids saved while the open was blocked: written once the connection arrives. */
  private readonly deferred = new Set<string>();
  private readonly reported = new Set<string>();
  private waiting = false;
  private wasPersistent = false;
  private closed = false;

  constructor(private readonly opts: OpenOptions) {}

  get mode(): 'persistent' | 'memory' {
    return this.db ? 'persistent' : 'memory';
  }

  private notice(code: StorageNotice['code'], message: Bilingual): void {
    const n: StorageNotice = { code, message };
    this.notices.push(n);
    try {
      this.opts.onNotice?.(n);
    } catch {
      /* a listener's failure is not ours */
    }
  }

  private memoryOnly(e: unknown): void {
    const name = errorName(e);
    const cause =
      e === 'missing'
        ? 'missing'
        : name === 'SecurityError'
          ? 'security'
          : name === 'VersionError'
            ? 'version'
            : 'other';
    this.notice('memory-only', msg.memoryOnly(cause));
  }

  /** Resolves once the store is usable (persistent, memory-only, or memory while blocked); never rejects. */
  connect(): Promise<void> {
    let factory: IDBFactory | undefined;
    try {
      factory = this.opts.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    } catch (e) {
      this.memoryOnly(e); // Firefox throws SecurityError from the getter in some sandboxes
      return Promise.resolve();
    }
    if (!factory) {
      this.memoryOnly('missing');
      return Promise.resolve();
    }
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(this.opts.dbName ?? DB_NAME, DB_VERSION);
    } catch (e) {
      this.memoryOnly(e);
      return Promise.resolve();
    }
    const report: UpgradeReport = { migrated: 0, quarantined: [] };
    request.addEventListener('upgradeneeded', (event) => {
      const tx = request.transaction;
      if (!tx) return;
      runUpgrade(wrap(request.result), event.oldVersion, wrap(tx) as unknown as UpgradeTx, report).catch(
        () => {
          try {
            tx.abort(); // open then fails with an error event: memory mode, old data untouched
          } catch {
            /* already finished */
          }
        },
      );
    });
    return new Promise<void>((resolve) => {
      request.addEventListener('blocked', () => {
        if (this.waiting) return;
        this.waiting = true;
        this.notice('blocked', msg.blocked);
        resolve();
      });
      request.addEventListener('success', () => {
        void this.attach(request.result, report).finally(resolve);
      });
      request.addEventListener('error', (ev) => {
        ev.preventDefault();
        this.waiting = false;
        this.memoryOnly(request.error);
        resolve();
      });
    });
  }

  private async attach(raw: IDBDatabase, report: UpgradeReport): Promise<void> {
    if (this.closed) {
      raw.close();
      return;
    }
    const db = wrap(raw);
    raw.addEventListener('versionchange', () => {
      raw.close();
      if (this.db && this.db === db) this.db = null;
      this.notice('versionchange', msg.versionChange);
    });
    raw.addEventListener('close', () => {
      if (this.db && this.db === db) this.db = null;
      this.notice('terminated', msg.terminated);
    });
    this.db = db;
    this.wasPersistent = true;
    if (report.migrated) this.notice('migrated', msg.migrated(report.migrated));
    for (const p of report.quarantined) this.notice('quarantined', msg.quarantined(null, p, true));
    if (this.waiting) {
      this.waiting = false;
      let flushed = 0;
      let failed = 0;
      for (const id of [...this.deferred]) {
        const ds = this.memory.get(id);
        if (!ds) continue;
        const outcome = await this.save(ds);
        if (outcome.saved) flushed++;
        else failed++;
      }
      this.deferred.clear();
      this.notice('unblocked', msg.unblocked(flushed, failed));
    }
  }

  async list(): Promise<StoredDataset[]> {
    const out = new Map<string, StoredDataset>();
    const db = this.db;
    if (db) {
      try {
        const tx = db.transaction(DATASETS, 'readonly');
        const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
        const bad: { key: IDBValidKey; record: unknown; problem: Bilingual }[] = [];
        for (const [i, key] of keys.entries()) {
          const record: unknown = values[i];
          // Rows are kept packed in columns (see pack.ts); the rest is validated as before.
          const packed = packedOf(record);
          const r = validateStoredDataset(
            packed ? { ...(record as object), rows: [], packed: undefined } : record,
          );
          if (!r.ok || r.value.id !== key) {
            const problem = !r.ok
              ? r.problem
              : { zh: '记录编号与键不一致', en: 'record id does not match its key' };
            bad.push({ key, record, problem });
            continue;
          }
          const { rows, ...meta } = r.value;
          const table = await (packed ? unpackRows(packed) : checkTable(tableFromRows(rows)));
          if (table.ok) out.set(meta.id, { ...meta, table: table.table });
          else bad.push({ key, record, problem: table.problem });
        }
        if (bad.length) await this.quarantine(db, bad);
      } catch {
        this.notice('read-failed', msg.readFailed);
      }
    }
    for (const [id, ds] of this.memory) out.set(id, ds);
    return [...out.values()].sort(byImported);
  }

  /** Move damaged records to `quarantine` in one transaction; if that fails they stay put, hidden this visit. */
  private async quarantine(
    db: Db,
    bad: { key: IDBValidKey; record: unknown; problem: Bilingual }[],
  ): Promise<void> {
    const fresh = bad.filter((b) => !this.reported.has(String(b.key)));
    let moved: boolean;
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
      moved = true;
    } catch {
      moved = false;
    }
    for (const b of fresh) {
      this.reported.add(String(b.key));
      this.notice('quarantined', msg.quarantined(nameOf(b.record), b.problem, moved));
    }
  }

  /** One readwrite transaction holding one put; rejects with the most telling error. */
  private async write(db: Db, ds: StoredDataset): Promise<void> {
    try {
      await this.put(db, ds, true);
    } catch (e) {
      // A browser (or a private window) that cannot keep Blobs in IndexedDB: the same bytes, as a buffer.
      if (errorName(e) !== 'DataCloneError') throw e;
      await this.put(db, ds, false);
    }
  }

  private async put(db: Db, ds: StoredDataset, asBlob: boolean): Promise<void> {
    const { table, ...meta } = ds;
    const record = { ...meta, rows: [], packed: await packRows(table, asBlob) };
    const tx = db.transaction(DATASETS, 'readwrite');
    const done = tx.done;
    let put: Promise<unknown>;
    try {
      put = tx.store.put(record);
    } catch (e) {
      done.catch(() => undefined);
      try {
        tx.abort();
      } catch {
        /* already finished */
      }
      throw e;
    }
    const settled = await Promise.allSettled([put, done]);
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

  async save(ds: StoredDataset): Promise<SaveOutcome> {
    // The rows are checked as columns, in slices (a million of them must not be validated one object at a time).
    const { table, ...meta } = ds;
    const v = validateStoredDataset({ ...meta, rows: [] });
    if (!v.ok) return { saved: false, reason: 'error', message: msg.saveInvalid(v.problem) };
    const checked = await checkTable(table, false);
    if (!checked.ok) return { saved: false, reason: 'error', message: msg.saveInvalid(checked.problem) };
    const { rows: _none, ...fields } = v.value;
    const rec: StoredDataset = { ...fields, table };
    const db = this.db;
    if (!db) {
      this.memory.set(rec.id, rec);
      if (this.waiting) this.deferred.add(rec.id);
      return {
        saved: false,
        reason: 'unavailable',
        message: this.waiting ? msg.blocked : msg.saveUnavailable,
      };
    }
    try {
      await this.write(db, rec);
      this.memory.delete(rec.id);
      return { saved: true };
    } catch (e) {
      this.memory.set(rec.id, rec);
      if (isQuotaError(e)) return { saved: false, reason: 'quota', message: msg.saveQuota };
      const name = errorName(e);
      if (name === 'InvalidStateError' || !this.db) {
        return { saved: false, reason: 'unavailable', message: msg.saveUnavailable };
      }
      return { saved: false, reason: 'error', message: msg.saveError(name) };
    }
  }

  async remove(id: string): Promise<void> {
    const inMemory = this.memory.delete(id);
    this.deferred.delete(id);
    const db = this.db;
    if (!db) {
      if (this.wasPersistent && !inMemory) this.notice('write-failed', msg.writeFailed('remove'));
      return;
    }
    try {
      const tx = db.transaction(DATASETS, 'readwrite');
      await Promise.all([tx.store.delete(id), tx.done]);
    } catch {
      this.notice('write-failed', msg.writeFailed('remove'));
    }
  }

  async rename(id: string, name: string): Promise<void> {
    const clean = typeof name === 'string' ? name.trim().slice(0, 1000) : '';
    if (!clean) return;
    const mem = this.memory.get(id);
    if (mem) {
      this.memory.set(id, { ...mem, name: clean });
      return; // the memory copy is the newest; a stored copy (if any) is older
    }
    const db = this.db;
    if (!db) {
      if (this.wasPersistent) this.notice('write-failed', msg.writeFailed('rename'));
      return;
    }
    try {
      const tx = db.transaction(DATASETS, 'readwrite');
      const done = tx.done;
      done.catch(() => undefined);
      const raw: unknown = await tx.store.get(id);
      const r = validateStoredDataset(raw);
      // Keep the packed rows: the validated copy holds only the fields it knows.
      const packed = packedOf(raw);
      if (r.ok && r.value.id === id)
        await tx.store.put({ ...r.value, name: clean, ...(packed ? { packed } : {}) });
      await done;
    } catch {
      this.notice('write-failed', msg.writeFailed('rename'));
    }
  }

  async exportBackup(): Promise<string> {
    return backupJson(await this.list());
  }

  async importBackup(json: string): Promise<{ restored: number; problems: Bilingual[] }> {
    const { datasets, problems } = parseBackup(json);
    let restored = 0;
    for (const [i, ds] of datasets.entries()) {
      const outcome = await this.save(ds);
      restored++; // saved, or kept in memory for this visit
      if (!outcome.saved) problems.push(msg.backupNotSaved(i, outcome.message));
    }
    return { restored, problems };
  }

  close(): void {
    this.closed = true;
    const db = this.db;
    this.db = null;
    db?.close();
  }
}

/**
 * Open the dataset store; never rejects (falls back to memory with a notice).
 * const store = await openDatasetStore(); if (store.mode === 'memory') show(store.notices)
 */
export async function openDatasetStore(opts: OpenOptions = {}): Promise<DatasetStore> {
  const store = new Store(opts);
  try {
    await store.connect();
  } catch {
    /* connect never rejects; belt and braces */
  }
  return store;
}
