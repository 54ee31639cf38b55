import { describe, expect, it, vi } from 'vitest';
import type { DatasetStore, StoredDataset } from '../../src/lib/storage';
import { importText, type ImportSuccess } from '../../src/lib/import/index';

// The saved uploads are read while the upload panel appears: a store whose list() answers only when
// the test says so stands in for a slow IndexedDB.
let answerList: ((saved: StoredDataset[]) => void) | null = null;
const store: DatasetStore = {
  mode: 'persistent',
  list: () => new Promise((resolve) => (answerList = resolve)),
  save: async () => ({ saved: true }) as Awaited<ReturnType<DatasetStore['save']>>,
  remove: async () => {},
  rename: async () => {},
  exportBackup: async () => '',
  importBackup: async () => ({ restored: 0, problems: [] }),
  notices: [],
  close: () => {},
};
vi.mock('../../src/lib/storage', () => ({ openDatasetStore: async () => store }));

const { uploads, addImport, restoreUploads } = await import('../../src/lib/state/uploads.svelte');

function imported(csv: string): ImportSuccess {
  const r = importText(csv, { datasetId: 'x', fileName: 'x.csv', indicators: [], places: [] });
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
