// A dataset as kept in memory (rows as a table) <-> as plain objects (backups, records of earlier versions).
import { tableFromRows, tableRows } from '../table/table';
import type { DatasetRecord, StoredDataset } from './types';

/** withTable({..., rows}) -> {..., table} (the rows are trusted: validated first). */
export function withTable(record: DatasetRecord): StoredDataset {
  const { rows, ...meta } = record;
  return { ...meta, table: tableFromRows(rows) };
}

/** withRows({..., table}) -> {..., rows}: every row made as an object (a backup file wants them). */
export function withRows(ds: StoredDataset): DatasetRecord {
  const { table, ...meta } = ds;
  return { ...meta, rows: tableRows(table) };
}
