// Public API of the dataset store (IndexedDB persistence of uploaded datasets).
export { openDatasetStore } from './store';
export type { DatasetStore, Notice, OpenOptions, SaveOutcome, StorageNotice, StoredDataset } from './types';
export { BACKUP_FORMAT, BACKUP_VERSION, backupJson, parseBackup } from './backup';
export { DB_NAME, DB_VERSION, DATASETS, QUARANTINE, migrateV1 } from './schema';
export type { DatasetRecordV1, QuarantinedRecord } from './schema';
export { validateStoredDataset, validateDatasetContent } from './validate';
export type { DatasetContent } from './validate';
export { repeatOf } from './fingerprint';
export type { Repeat } from './fingerprint';
