// The dataset store: IndexedDB when the browser allows it, memory otherwise. Never rejects on open; every failure
// becomes a notice or a SaveOutcome, and nothing already saved is lost.
import { wrap } from 'idb';
import { backupJson, parseBackup } from './backup';
import { errorName, isQuotaError, msg } from './messages';
import { DATASETS, DB_NAME, DB_VERSION, runUpgrade, type UpgradeReport, type UpgradeTx } from './schema';
import type { Bilingual } from '../i18n/bilingual';
import type { ConflictChoice } from '../data/conflicts';
import type { DatasetStore, OpenOptions, SaveOutcome, StorageNotice, StoredDataset } from './types';
import { validateStoredDataset } from './validate';
import { checkTable } from '../table/stored';
import { nameOf, packedOf, quarantineRecords, readRecords, writeRecord, type Db } from './records';

const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Oldest first; ties by id. */
function byImported(a: StoredDataset, b: StoredDataset): number {
  return order(a.importedAt, b.importedAt) || order(a.id, b.id);
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
    this.notice('memory-only', msg.both('memoryOnly', { cause }));
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
        this.notice('blocked', msg.both('blocked'));
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
      this.notice('versionchange', msg.both('versionChange'));
    });
    raw.addEventListener('close', () => {
      if (this.db && this.db === db) this.db = null;
      this.notice('terminated', msg.both('terminated'));
    });
    this.db = db;
    this.wasPersistent = true;
    if (report.migrated) this.notice('migrated', msg.both('migrated', { n: report.migrated }));
    for (const p of report.quarantined)
      this.notice('quarantined', msg.both('quarantined', { name: null, problem: p, moved: true }));
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
      this.notice('unblocked', msg.both('unblocked', { flushed, failed }));
    }
  }

  async list(): Promise<StoredDataset[]> {
    const out = new Map<string, StoredDataset>();
    const db = this.db;
    if (db) {
      try {
        const { datasets, bad } = await readRecords(db);
        for (const ds of datasets) out.set(ds.id, ds);
        if (bad.length) {
          const fresh = bad.filter((b) => !this.reported.has(String(b.key)));
          const moved = await quarantineRecords(db, bad);
          for (const b of fresh) {
            this.reported.add(String(b.key));
            this.notice(
              'quarantined',
              msg.both('quarantined', { name: nameOf(b.record), problem: b.problem, moved }),
            );
          }
        }
      } catch {
        this.notice('read-failed', msg.both('readFailed'));
      }
    }
    for (const [id, ds] of this.memory) out.set(id, ds);
    return [...out.values()].sort(byImported);
  }

  async save(ds: StoredDataset, replaces?: string): Promise<SaveOutcome> {
    // The rows are checked as columns, in slices (a million of them must not be validated one object at a time).
    const { table, ...meta } = ds;
    const v = validateStoredDataset({ ...meta, rows: [] });
    if (!v.ok)
      return { saved: false, reason: 'error', message: msg.both('saveInvalid', { problem: v.problem }) };
    const checked = await checkTable(table, false);
    if (!checked.ok)
      return {
        saved: false,
        reason: 'error',
        message: msg.both('saveInvalid', { problem: checked.problem }),
      };
    const { rows: _none, ...fields } = v.value;
    const rec: StoredDataset = { ...fields, table };
    const db = this.db;
    if (!db) {
      if (replaces !== undefined) await this.remove(replaces);
      this.memory.set(rec.id, rec);
      if (this.waiting) this.deferred.add(rec.id);
      return {
        saved: false,
        reason: 'unavailable',
        message: this.waiting ? msg.both('blocked') : msg.both('saveUnavailable'),
      };
    }
    try {
      await writeRecord(db, rec, replaces);
      this.memory.delete(rec.id);
      if (replaces !== undefined) this.memory.delete(replaces);
      return { saved: true };
    } catch (e) {
      this.memory.set(rec.id, rec);
      if (isQuotaError(e)) return { saved: false, reason: 'quota', message: msg.both('saveQuota') };
      const name = errorName(e);
      if (name === 'InvalidStateError' || !this.db) {
        return { saved: false, reason: 'unavailable', message: msg.both('saveUnavailable') };
      }
      return { saved: false, reason: 'error', message: msg.both('saveError', { name }) };
    }
  }

  async remove(id: string): Promise<void> {
    const inMemory = this.memory.delete(id);
    this.deferred.delete(id);
    const db = this.db;
    if (!db) {
      if (this.wasPersistent && !inMemory) this.notice('write-failed', msg.both('removeFailed'));
      return;
    }
    try {
      const tx = db.transaction(DATASETS, 'readwrite');
      await Promise.all([tx.store.delete(id), tx.done]);
    } catch {
      this.notice('write-failed', msg.both('removeFailed'));
    }
  }

  async rename(id: string, name: string): Promise<void> {
    const clean = typeof name === 'string' ? name.trim().slice(0, 1000) : '';
    if (clean) await this.patch(id, { name: clean }, 'renameFailed');
  }

  async setChoice(id: string, choice: ConflictChoice): Promise<void> {
    const conflictChoice = { prefer: choice.prefer, except: [...choice.except] };
    await this.patch(id, { conflictChoice }, 'choiceFailed');
  }

  /** Rewrites some fields of a record, its packed rows as they are. */
  private async patch(
    id: string,
    fields: Partial<Pick<StoredDataset, 'name' | 'conflictChoice'>>,
    failed: 'renameFailed' | 'choiceFailed',
  ): Promise<void> {
    const mem = this.memory.get(id);
    if (mem) {
      this.memory.set(id, { ...mem, ...fields });
      return; // the memory copy is the newest; a stored copy (if any) is older
    }
    const db = this.db;
    if (!db) {
      if (this.wasPersistent) this.notice('write-failed', msg.both(failed));
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
        await tx.store.put({ ...r.value, ...fields, ...(packed ? { packed } : {}) });
      await done;
    } catch {
      this.notice('write-failed', msg.both(failed));
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
      if (!outcome.saved) problems.push(msg.both('backupNotSaved', { i, message: outcome.message }));
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
