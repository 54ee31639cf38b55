import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  IDBCursor,
  IDBCursorWithValue,
  IDBDatabase,
  IDBFactory,
  IDBIndex,
  IDBKeyRange,
  IDBObjectStore,
  IDBRequest,
  IDBTransaction,
} from 'fake-indexeddb';
import type { IndicatorDef, Place } from '../../src/lib/data/types';
import type { Observation } from '../../src/lib/table/schema';
import { observation } from './factory';
import {
  BACKUP_FORMAT,
  DATASETS,
  DB_VERSION,
  QUARANTINE,
  openDatasetStore,
  type DatasetRecordV1,
  type DatasetStore,
  type StoredDataset,
} from '../../src/lib/storage';
import type { DatasetRecord } from '../../src/lib/storage/types';
import { withRows, withTable } from '../../src/lib/storage/convert';

// idb tells requests from cursors etc. with `instanceof IDBRequest`...: a browser has these classes as globals, node
// does not. Provide fake-indexeddb's classes, but NOT a global `indexedDB`: every test passes its own fresh factory.
Object.assign(globalThis, {
  IDBCursor,
  IDBCursorWithValue,
  IDBDatabase,
  IDBIndex,
  IDBKeyRange,
  IDBObjectStore,
  IDBRequest,
  IDBTransaction,
});

const DB = 'test-db';

const obs = (city: string, value: number | null, over: Partial<Observation> = {}): Observation =>
  observation({ city, value, source: 'upload:x', quote: '研发经费投入强度达 2.5%', ...over });

const indicators: IndicatorDef[] = [
  {
    id: 'rd_intensity',
    zh: '研发经费投入强度',
    en: 'R&D intensity',
    unit: '%',
    description_zh: '',
    description_en: '',
    charts: ['rd-intensity'],
    measure: 'ratio',
    aliases: ['研发强度'],
  },
];
const places: Place[] = [{ id: 'xcity', zh: '某市', en: 'X City', province: 'anhui', level: 'prefecture' }];

/** A dataset with its rows as objects: what a backup file or an older record holds. */
function record(id: string, over: Partial<DatasetRecord> = {}): DatasetRecord {
  return {
    id,
    name: `数据集 ${id}`,
    fileName: `${id}.csv`,
    importedAt: `2024-01-0${id.length % 9}T00:00:00.000Z`,
    encoding: 'gb18030',
    rows: [obs('xcity', 2.5), obs('xcity', null, { period: '2023' })],
    indicators,
    places,
    ...over,
  };
}

/** The same dataset as the store keeps it (rows as a table). */
const dataset = (id: string, over: Partial<DatasetRecord> = {}): StoredDataset => withTable(record(id, over));
const plain = (list: StoredDataset[]) => list.map(withRows);

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Open with the raw API (a second tab, or an older build of the app). */
function rawOpen(
  factory: IDBFactory,
  version: number,
  upgrade?: (db: IDBDatabase, tx: IDBTransaction) => void,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = factory.open(DB, version);
    r.onupgradeneeded = () => upgrade?.(r.result, r.transaction!);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

async function rawAll(factory: IDBFactory, store: string): Promise<unknown[]> {
  const db = await rawOpen(factory, DB_VERSION);
  try {
    return await req(db.transaction(store).objectStore(store).getAll());
  } finally {
    db.close();
  }
}

/** A v1 row: no `status`. */
function v1row(o: Observation): Omit<Observation, 'status'> {
  const r: Partial<Observation> = { ...o };
  delete r.status;
  return r as Omit<Observation, 'status'>;
}

const open = (factory: IDBFactory) => openDatasetStore({ dbName: DB, indexedDB: factory });
const codes = (s: DatasetStore) => s.notices.map((n) => n.code);
const flush = () => new Promise((r) => setTimeout(r, 20));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('dataset store', () => {
  it('save -> reopen keeps datasets', async () => {
    const factory = new IDBFactory();
    const s1 = await open(factory);
    expect(s1.mode).toBe('persistent');
    expect(await s1.save(dataset('a'))).toEqual({ saved: true });
    expect(await s1.save(dataset('bb'))).toEqual({ saved: true });
    s1.close();
    const s2 = await open(factory);
    expect(s2.notices).toEqual([]);
    expect(plain(await s2.list())).toEqual([record('a'), record('bb')]);
    s2.close();
  });

  it('what it writes, records and backups, an older copy of the app can read: each indicator keeps its one chart', async () => {
    const factory = new IDBFactory();
    const s = await open(factory);
    await s.save(dataset('a'));
    const [stored] = (await rawAll(factory, DATASETS)) as { indicators: Record<string, unknown>[] }[];
    expect(stored?.indicators[0]).toMatchObject({ charts: ['rd-intensity'], chart: 'rd-intensity' });
    const backup = JSON.parse(await s.exportBackup()) as { datasets: { indicators: unknown[] }[] };
    expect(backup.datasets[0]?.indicators[0]).toMatchObject({
      charts: ['rd-intensity'],
      chart: 'rd-intensity',
    });
    expect((await s.list())[0]?.indicators[0]).not.toHaveProperty('chart'); // read back: the list alone
    s.close();
  });

  it('rename and remove, persisted', async () => {
    const factory = new IDBFactory();
    const s1 = await open(factory);
    await s1.save(dataset('a'));
    await s1.save(dataset('bb'));
    await s1.rename('a', '  芜湖 2023  ');
    await s1.rename('a', '   '); // blank: ignored
    await s1.remove('bb');
    await s1.remove('missing'); // no-op
    expect((await s1.list()).map((d) => [d.id, d.name])).toEqual([['a', '芜湖 2023']]);
    s1.close();
    const s2 = await open(factory);
    expect((await s2.list()).map((d) => [d.id, d.name])).toEqual([['a', '芜湖 2023']]);
    // Renaming rewrites the record: its rows come back with it.
    expect(plain(await s2.list())[0]?.rows).toEqual(record('a').rows);
    expect(s2.notices).toEqual([]);
    s2.close();
  });

  it('a replacing save removes the earlier copy in the same transaction: no moment holds both', async () => {
    const factory = new IDBFactory();
    const s1 = await open(factory);
    await s1.save(dataset('a'));
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    expect(await s1.save(dataset('bb'), 'a')).toEqual({ saved: true });
    const writes = transactions.mock.calls.filter((c) => c[1] === 'readwrite');
    expect(writes).toHaveLength(1);
    s1.close();
    const s2 = await open(factory);
    expect((await s2.list()).map((d) => d.id)).toEqual(['bb']);
    s2.close();
  });

  it('quota exceeded while saving (put throws): kept in memory for this visit, earlier data intact', async () => {
    const factory = new IDBFactory();
    const s = await open(factory);
    await s.save(dataset('a'));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const out = await s.save(dataset('bb'));
    expect(out).toMatchObject({ saved: false, reason: 'quota' });
    if (!out.saved) expect(out.message.zh).toContain('存储空间已满');
    expect((await s.list()).map((d) => d.id)).toEqual(['a', 'bb']);
    vi.restoreAllMocks();
    s.close();
    const again = await open(factory);
    expect((await again.list()).map((d) => d.id)).toEqual(['a']);
    again.close();
  });

  it('quota exceeded as a transaction abort: same outcome', async () => {
    const factory = new IDBFactory();
    const s = await open(factory);
    await s.save(dataset('a'));
    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const r = original.apply(this, args);
      // what browsers do when the commit runs out of quota: the transaction aborts with QuotaExceededError
      (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
      return r;
    });
    const out = await s.save(dataset('a', { name: '新名字' }));
    expect(out).toMatchObject({ saved: false, reason: 'quota' });
    expect((await s.list()).map((d) => d.name)).toEqual(['新名字']); // this visit: the new version
    vi.restoreAllMocks();
    s.close();
    const again = await open(factory);
    expect((await again.list()).map((d) => d.name)).toEqual(['数据集 a']); // earlier record intact
    again.close();
  });

  it('storage unavailable (open throws SecurityError): memory-only store with a notice', async () => {
    const factory = {
      open() {
        throw new DOMException('access denied', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const s = await open(factory);
    expect(s.mode).toBe('memory');
    expect(codes(s)).toEqual(['memory-only']);
    expect(s.notices[0]?.message.zh).toContain('刷新');
    expect(s.notices[0]?.message.en).toContain('will not be kept after a reload');
    const out = await s.save(dataset('a'));
    expect(out).toMatchObject({ saved: false, reason: 'unavailable' });
    expect((await s.list()).map((d) => d.id)).toEqual(['a']);
    await s.rename('a', '新');
    expect((await s.list())[0]?.name).toBe('新');
    await s.remove('a');
    expect(await s.list()).toEqual([]);
    expect(JSON.parse(await s.exportBackup()).datasets).toEqual([]);
    s.close();
  });

  it('storage unavailable (no indexedDB at all, or open fails with an error event)', async () => {
    const none = await openDatasetStore({ dbName: DB }); // node has no global indexedDB
    expect(none.mode).toBe('memory');
    expect(codes(none)).toEqual(['memory-only']);
    const factory = new IDBFactory();
    (await rawOpen(factory, DB_VERSION + 5)).close(); // a newer build of the page -> VersionError
    const s = await open(factory);
    expect(s.mode).toBe('memory');
    expect(codes(s)).toEqual(['memory-only']);
    expect(s.notices[0]?.message.en).toContain('newer version');
  });

  it('migrates records from the v1 layout; a v1 record that cannot be migrated is set aside', async () => {
    const factory = new IDBFactory();
    const legacy: DatasetRecordV1 = {
      id: 'old',
      title: '旧数据',
      fileName: 'old.csv',
      importedAt: Date.UTC(2023, 4, 1),
      rows: [v1row(obs('xcity', 2.1)), { ...v1row(obs('xcity', null, { period: '' })), note: 'redacted' }],
      indicators,
      places,
    };
    const db = await rawOpen(factory, 1, (d) => {
      d.createObjectStore('datasets', { keyPath: 'id' });
    });
    const tx = db.transaction('datasets', 'readwrite');
    tx.objectStore('datasets').put(legacy);
    tx.objectStore('datasets').put({ id: 'broken', title: 'x', rows: 'nope' });
    await new Promise((r) => (tx.oncomplete = r));
    db.close();

    const s = await open(factory);
    expect(s.mode).toBe('persistent');
    expect(codes(s)).toEqual(['migrated', 'quarantined']);
    const list = await s.list();
    expect(list).toHaveLength(1);
    expect(withRows(list[0]!)).toEqual({
      id: 'old',
      name: '旧数据',
      fileName: 'old.csv',
      importedAt: '2023-05-01T00:00:00.000Z',
      encoding: 'unknown',
      rows: [
        obs('xcity', 2.1, { status: 'reported' }),
        obs('xcity', null, { period: '', status: 'redacted', note: '' }),
      ],
      indicators,
      places,
    });
    s.close();
    const q = (await rawAll(factory, QUARANTINE)) as { schema: number; key: string; record: unknown }[];
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({
      schema: 1,
      key: 'broken',
      record: { id: 'broken', title: 'x', rows: 'nope' },
    });
  });

  it('a corrupted record is set aside with a notice (not deleted) while good ones load', async () => {
    const factory = new IDBFactory();
    const s1 = await open(factory);
    await s1.save(dataset('good'));
    s1.close();
    const db = await rawOpen(factory, DB_VERSION);
    const tx = db.transaction(DATASETS, 'readwrite');
    const st = tx.objectStore(DATASETS);
    const { rows: _r, ...truncated } = record('trunc');
    st.put(truncated); // rows missing
    st.put({ ...record('rowsnotarray'), rows: 'nope' });
    st.put({ ...record('badenum'), rows: [obs('xcity', 1, { kind: 'guess' as never })] });
    st.put({ ...record('badtype'), rows: [{ ...obs('xcity', 1), value: '1' }] });
    st.put({ ...record('baddate'), importedAt: 'yesterday' });
    st.put(JSON.parse(JSON.stringify({ ...record('proto') }).replace('{', '{"__proto__":{"x":1},')));
    st.put({ id: 42, name: 'numeric id' }); // wrong key type
    await new Promise((r) => (tx.oncomplete = r));
    db.close();

    const s2 = await open(factory);
    expect((await s2.list()).map((d) => d.id)).toEqual(['good']);
    expect(codes(s2)).toEqual(Array(7).fill('quarantined'));
    expect(s2.notices.map((n) => n.message.en).join('\n')).toContain('set aside (not deleted)');
    expect(s2.notices[0]?.message.zh).toContain('隔离');
    await s2.list(); // no repeated notices
    expect(s2.notices).toHaveLength(7);
    s2.close();
    expect(await rawAll(factory, QUARANTINE)).toHaveLength(7);
    expect(await rawAll(factory, DATASETS)).toHaveLength(1);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('another tab upgrading the database: versionchange closes the connection with a notice', async () => {
    const factory = new IDBFactory();
    const seen: string[] = [];
    const s = await openDatasetStore({ dbName: DB, indexedDB: factory, onNotice: (n) => seen.push(n.code) });
    await s.save(dataset('a'));
    const other = await rawOpen(factory, DB_VERSION + 1); // would be blocked forever if we did not close
    expect(s.mode).toBe('memory');
    expect(codes(s)).toEqual(['versionchange']);
    expect(seen).toEqual(['versionchange']);
    expect(s.notices[0]?.message.en).toContain('Reload');
    const out = await s.save(dataset('bb'));
    expect(out).toMatchObject({ saved: false, reason: 'unavailable' });
    expect((await s.list()).map((d) => d.id)).toEqual(['bb']); // the other tab owns the stored ones now
    other.close();
    s.close();
  });

  it('blocked by an older connection in another tab: memory until it closes, then saved', async () => {
    const factory = new IDBFactory();
    const old = await rawOpen(factory, 1, (d) => {
      d.createObjectStore('datasets', { keyPath: 'id' });
    }); // no versionchange handler: it blocks the upgrade
    const s = await open(factory);
    expect(s.mode).toBe('memory');
    expect(codes(s)).toEqual(['blocked']);
    expect(await s.save(dataset('a'))).toMatchObject({ saved: false, reason: 'unavailable' });
    old.close();
    for (let i = 0; i < 50 && !codes(s).includes('unblocked'); i++) await flush();
    expect(s.mode).toBe('persistent');
    expect(codes(s)).toEqual(['blocked', 'unblocked']);
    expect(s.notices[1]?.message.en).toContain('1 dataset(s) uploaded during this visit were saved');
    s.close();
    const again = await open(factory);
    expect((await again.list()).map((d) => d.id)).toEqual(['a']);
    again.close();
  });

  it('backup export -> import round trip', async () => {
    const s1 = await open(new IDBFactory());
    await s1.save(dataset('a'));
    await s1.save(dataset('bb', { name: '带"引号"和\n换行', rows: [obs('xcity', -5)] }));
    const json = await s1.exportBackup();
    const parsed = JSON.parse(json);
    expect(parsed).toMatchObject({ format: BACKUP_FORMAT, version: 1 });
    expect(parsed.datasets).toHaveLength(2);
    const s2 = await open(new IDBFactory());
    expect(await s2.importBackup(json)).toEqual({ restored: 2, problems: [] });
    expect(plain(await s2.list())).toEqual(plain(await s1.list()));
    s1.close();
    s2.close();
  });

  it('a hostile backup is rejected cleanly: nothing merged, nothing thrown, good datasets still restored', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).join();
    const s = await open(new IDBFactory());
    await s.save(dataset('keep'));
    const wholeFile = [
      'not json {',
      '[]',
      '"text"',
      'null',
      JSON.stringify({ format: 'something-else', version: 1, datasets: [] }),
      JSON.stringify({ format: BACKUP_FORMAT, version: 99, datasets: [] }),
      JSON.stringify({ format: BACKUP_FORMAT, version: '1', datasets: [] }),
      JSON.stringify({ format: BACKUP_FORMAT, version: 1, datasets: {} }),
      `{"__proto__":{"polluted":true},"format":"${BACKUP_FORMAT}","version":1,"datasets":[]}`,
    ];
    for (const text of wholeFile) {
      const r = await s.importBackup(text);
      expect(r.restored).toBe(0);
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]?.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await s.importBackup(undefined as unknown as string)).toMatchObject({ restored: 0 });

    const good = record('fromfile');
    const protoDataset = JSON.stringify(record('p1')).replace('{', '{"__proto__":{"polluted":true},');
    const ctorRow = JSON.stringify(record('p2')).replace(
      '"city"',
      '"constructor":{"prototype":{"polluted":1}},"city"',
    );
    const text = `{"format":"${BACKUP_FORMAT}","version":1,"datasets":[${[
      JSON.stringify(good),
      protoDataset,
      ctorRow,
      JSON.stringify({ ...record('t1'), rows: [{ ...obs('xcity', 1), value: 'NaN' }] }),
      JSON.stringify({ ...record('t2'), id: 7 }),
      JSON.stringify({ ...record('t3'), indicators: [{ ...indicators[0], chart: 'pie' }] }),
      JSON.stringify({ ...record('t4'), places: [{ ...places[0], level: 'planet' }] }),
      JSON.stringify(good),
      '42',
    ].join(',')}]}`;
    const r = await s.importBackup(text);
    expect(r.restored).toBe(1);
    expect(r.problems).toHaveLength(8);
    expect(r.problems[0]?.en).toContain('__proto__');
    expect(r.problems[1]?.en).toContain('constructor');
    expect(r.problems[6]?.en).toContain('repeats an earlier id');
    expect((await s.list()).map((d) => d.id).sort()).toEqual(['fromfile', 'keep']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(before);
    s.close();
  });

  it('refuses to save an invalid dataset instead of storing junk', async () => {
    const s = await open(new IDBFactory());
    const bad = dataset('a');
    bad.table.value[0] = Infinity; // a number no importer makes
    expect(await s.save(bad)).toMatchObject({ saved: false, reason: 'error' });
    expect(await s.save({ ...dataset('b'), importedAt: 'yesterday' })).toMatchObject({ saved: false });
    expect(await s.list()).toEqual([]);
    s.close();
  });

  describe('fingerprint and conflict choice', () => {
    const FP = 'ab'.repeat(32);

    it("an upload's fingerprint and conflict choice survive a reopen, a rename and a backup", async () => {
      const factory = new IDBFactory();
      const s1 = await open(factory);
      await s1.save(dataset('a', { fingerprint: FP }));
      await s1.setChoice('a', { prefer: 'upload', except: [1] });
      await s1.rename('a', '芜湖');
      s1.close();
      const s2 = await open(factory);
      const [a] = await s2.list();
      expect(a).toMatchObject({
        name: '芜湖',
        fingerprint: FP,
        conflictChoice: { prefer: 'upload', except: [1] },
      });
      expect(plain([a!])[0]?.rows).toEqual(record('a').rows);
      const s3 = await open(new IDBFactory());
      expect(await s3.importBackup(await s2.exportBackup())).toEqual({ restored: 1, problems: [] });
      expect((await s3.list())[0]).toMatchObject({ fingerprint: FP, conflictChoice: { except: [1] } });
      expect(s2.notices).toEqual([]);
      s2.close();
      s3.close();
    });

    it("a work report's text is kept with its figures, across a reopen and a backup; a damaged one costs no rows", async () => {
      const factory = new IDBFactory();
      const s1 = await open(factory);
      const report = {
        title: '青山市科技局2024年工作总结',
        text: '全市研发投入强度达2.5%。<img src=x onerror=alert(1)>',
        format: 'docx' as const,
      };
      await s1.save(dataset('report-a', { report }));
      s1.close();
      const s2 = await open(factory);
      expect((await s2.list())[0]?.report).toEqual(report);
      const s3 = await open(new IDBFactory());
      expect(await s3.importBackup(await s2.exportBackup())).toEqual({ restored: 1, problems: [] });
      expect((await s3.list())[0]?.report).toEqual(report);
      const damaged = JSON.parse(await s2.exportBackup()) as { datasets: { report: unknown }[] };
      damaged.datasets[0]!.report = { title: 1, text: null, format: 'pdf' };
      const s4 = await open(new IDBFactory());
      expect((await s4.importBackup(JSON.stringify(damaged))).restored).toBe(1);
      const [kept] = await s4.list();
      expect(kept?.report).toBeUndefined();
      expect(kept?.table.n).toBe(record('a').rows.length);
      for (const s of [s2, s3, s4]) s.close();
    });

    it('a record saved before either was kept reads as an unknown file with no choice made', async () => {
      const factory = new IDBFactory();
      const s1 = await open(factory);
      await s1.save(dataset('old'));
      s1.close();
      const s2 = await open(factory);
      const [old] = await s2.list();
      expect(old?.fingerprint).toBeUndefined();
      expect(old?.conflictChoice).toBeUndefined();
      expect(s2.notices).toEqual([]);
      s2.close();
    });

    it('a damaged fingerprint or choice is forgotten, never the rows', async () => {
      const factory = new IDBFactory();
      const s1 = await open(factory);
      await s1.save(dataset('a'));
      s1.close();
      const db = await rawOpen(factory, DB_VERSION);
      const store = db.transaction(DATASETS, 'readwrite').objectStore(DATASETS);
      const raw = (await req(store.get('a'))) as Record<string, unknown>;
      await req(
        store.put({ ...raw, fingerprint: '<script>', conflictChoice: { prefer: 'both', except: [-1] } }),
      );
      db.close();
      const s2 = await open(factory);
      const [a] = await s2.list();
      expect(a?.table.n).toBe(2);
      expect(a?.fingerprint).toBeUndefined();
      expect(a?.conflictChoice).toBeUndefined();
      s2.close();
    });

    it('a choice made where storage is unavailable lasts the visit', async () => {
      const s = await openDatasetStore({ dbName: DB }); // node has no global indexedDB
      expect(s.mode).toBe('memory');
      await s.save(dataset('a'));
      await s.setChoice('a', { prefer: 'existing', except: [] });
      expect((await s.list())[0]?.conflictChoice).toEqual({ prefer: 'existing', except: [] });
      s.close();
    });
  });
});
