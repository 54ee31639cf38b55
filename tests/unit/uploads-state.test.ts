import { describe, expect, it, vi } from 'vitest';
import type { DatasetStore, StoredDataset } from '../../src/lib/storage';
import { importText, type ImportContext, type ImportSuccess } from '../../src/lib/import/index';
import { repeatOf } from '../../src/lib/storage/fingerprint';
import { fingerprintOf } from '../../src/lib/import/fingerprint';
import { rowsOf } from '../../src/lib/data/dataset';
import { curated } from './helpers';

// The saved uploads are read while the upload panel appears: a store whose list() answers only when
// the test says so stands in for a slow IndexedDB.
let answerList: ((saved: StoredDataset[]) => void) | null = null;
const store: DatasetStore = {
  mode: 'persistent',
  list: () => new Promise((resolve) => (answerList = resolve)),
  save: vi.fn(async () => ({ saved: true }) as Awaited<ReturnType<DatasetStore['save']>>),
  remove: vi.fn(async () => {}),
  rename: async () => {},
  setChoice: vi.fn(async () => {}),
  exportBackup: async () => '',
  importBackup: async () => ({ restored: 0, problems: [] }),
  notices: [],
  close: () => {},
};
vi.mock('../../src/lib/storage', () => ({ openDatasetStore: async () => store }));

const { uploads, addImport, restoreUploads, chooseConflict, removeUpload } =
  await import('../../src/lib/state/uploads.svelte');
const { app } = await import('../../src/lib/state/app.svelte');

function imported(
  csv: string,
  known: Partial<Pick<ImportContext, 'indicators' | 'places'>> = {},
): ImportSuccess {
  const r = importText(csv, { datasetId: 'x', fileName: 'x.csv', indicators: [], places: [], ...known });
  if (!r.ok) throw new Error(r.message.en);
  return r;
}

describe('uploads state', () => {
  it('a file uploaded while the saved uploads are still being read stays on screen once they arrive', async () => {
    const restoring = restoreUploads();
    await vi.waitFor(() => expect(answerList).not.toBeNull());
    await addImport(imported('城市,指标,年份,数值\n示例甲市,研发经费投入强度,2022,2.5'), 'new.csv', 'new');
    expect(uploads.list.map((d) => d.id)).toEqual(['new']);

    // The list was read before the new file was saved: it holds only an older upload.
    const older = imported('城市,指标,年份,数值\n示例乙市,研发经费投入强度,2021,1.5');
    answerList!([
      {
        id: 'old',
        name: 'old.csv',
        fileName: 'old.csv',
        importedAt: '2026-01-01T00:00:00Z',
        encoding: 'utf-8',
        table: older.table,
        indicators: older.indicators,
        places: older.places,
      },
    ]);
    await restoring;
    expect(uploads.list.map((d) => d.id)).toEqual(['old', 'new']);
  });
});

describe('conflicts and repeats', () => {
  const wuhu = async (value: string) => {
    const parts = await curated();
    return imported(`城市,指标,年份,数值,单位\n芜湖,研发经费投入强度,2022,${value},%`, parts);
  };
  const drawn = () =>
    rowsOf(app.dataset!, 'rd_intensity', ['wuhu'])
      .filter((r) => r.period === '2022' && r.kind === 'actual')
      .map((r) => r.value);

  it("an upload that disagrees with the report is drawn, listed, and gives way when the user chooses the report's", async () => {
    app.curated = await curated();
    for (const d of uploads.list) await removeUpload(d.id);
    expect(drawn()).toEqual([3.76]);
    await addImport(await wuhu('3.80'), 'wuhu.csv', 'w1');
    expect(uploads.conflicts.get('w1')?.map((c) => [c.upload.value, c.existing.value])).toEqual([
      [3.8, 3.76],
    ]);
    expect(drawn()).toEqual([3.8]);
    await chooseConflict('w1', 0, 'existing');
    expect(drawn()).toEqual([3.76]);
    expect(uploads.conflicts.get('w1')).toHaveLength(1); // still listed
    expect(store.setChoice).toHaveBeenLastCalledWith('w1', { prefer: 'upload', except: [0] });
    await chooseConflict('w1', 'all', 'upload');
    expect(drawn()).toEqual([3.8]);
    // Removing the upload brings the report's value back.
    await removeUpload('w1');
    expect(drawn()).toEqual([3.76]);
  });

  it('the same file again replaces the earlier upload, keeping its name and choices; one entry remains', async () => {
    const fingerprint = 'cd'.repeat(32);
    await addImport(await wuhu('3.80'), 'wuhu.csv', 'r1', { fingerprint });
    await chooseConflict('r1', 0, 'existing');
    const earlier = uploads.list.find((d) => d.id === 'r1')!;
    expect(repeatOf(uploads.list, { fileName: 'wuhu.csv', fingerprint, named: true })).toEqual({
      kind: 'same-file',
      of: earlier,
    });
    await addImport(await wuhu('3.80'), 'wuhu.csv', 'r2', { fingerprint, replaces: earlier });
    expect(uploads.list.map((d) => d.id)).toEqual(['r2']);
    expect(uploads.list[0]?.conflictChoice).toEqual({ prefer: 'upload', except: [0] });
    expect(drawn()).toEqual([3.76]);
    // Saved in one write with the removal of the earlier copy.
    expect(store.save).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'r2' }), 'r1');
    await removeUpload('r2');
  });

  it('a file of the same name with other content, or an older upload of unknown content, is asked about; a paste only by its bytes', () => {
    // Only the id, file name and fingerprint are read.
    const saved = [
      { id: 'a', fileName: 'a.csv', fingerprint: '11'.repeat(32) },
      { id: 'b', fileName: 'b.csv' }, // saved before fingerprints were kept
    ] as StoredDataset[];
    const other = '22'.repeat(32);
    expect(repeatOf(saved, { fileName: 'a.csv', fingerprint: other, named: true })).toMatchObject({
      kind: 'same-name',
      known: true,
      of: { id: 'a' },
    });
    expect(repeatOf(saved, { fileName: 'b.csv', fingerprint: other, named: true })).toMatchObject({
      kind: 'same-name',
      known: false,
    });
    expect(repeatOf(saved, { fileName: 'a.csv', fingerprint: other, named: false })).toBeNull();
    expect(repeatOf(saved, { fileName: 'c.csv', fingerprint: undefined, named: true })).toBeNull();
  });

  it("a file's fingerprint is the SHA-256 of its bytes", async () => {
    expect(await fingerprintOf(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
