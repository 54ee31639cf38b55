// Backup file format: {format:'city-st-dashboard-backup', version, exportedAt, datasets}. Parsing never throws.
import { msg } from './messages';
import type { Bilingual } from '../i18n/bilingual';
import type { StoredDataset } from './types';
import * as v from 'valibot';
import { safeObject } from '../table/schema';
import { withLegacyChart } from '../data/schema';
import { validateStoredDataset } from './validate';
import { withRows, withTable } from './convert';

export const BACKUP_FORMAT = 'city-st-dashboard-backup';
export const BACKUP_VERSION = 1;
/** Refuse backups larger than this many characters before parsing. */
export const BACKUP_MAX_CHARS = 200_000_000;

/** The file around the datasets (each dataset is then validated on its own). */
const BackupSchema = safeObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  datasets: v.array(v.unknown()),
});

/** backupJson([ds]) -> '{"format":"city-st-dashboard-backup","version":1,...}' (readable by earlier builds too) */
export function backupJson(datasets: readonly StoredDataset[], now = new Date()): string {
  return JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    datasets: datasets.map((d) => {
      const record = withRows(d);
      return { ...record, indicators: record.indicators.map(withLegacyChart) };
    }),
  });
}

/**
 * Validate a backup's text; each dataset is checked on its own, so one bad dataset does not sink the rest.
 * parseBackup('{"format":"city-st-dashboard-backup","version":1,"datasets":[]}') -> {datasets: [], problems: []}
 */
export function parseBackup(json: unknown): { datasets: StoredDataset[]; problems: Bilingual[] } {
  const fatal = (p: Bilingual) => ({ datasets: [], problems: [p] });
  if (typeof json !== 'string' || json.length > BACKUP_MAX_CHARS) return fatal(msg.both('backupWrongFormat'));
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return fatal(msg.both('backupNotJson'));
  }
  const top = v.safeParse(BackupSchema, parsed);
  if (!top.success) return fatal(msg.both('backupWrongFormat'));
  const { version, datasets: list } = top.output;
  if (version > BACKUP_VERSION) return fatal(msg.both('backupTooNew', { v: version }));
  const datasets: StoredDataset[] = [];
  const problems: Bilingual[] = [];
  const seen = new Set<string>();
  list.forEach((raw: unknown, i) => {
    const r = validateStoredDataset(raw, `datasets[${i}]`);
    if (!r.ok) problems.push(msg.both('backupDataset', { i, problem: r.problem }));
    else if (seen.has(r.value.id)) problems.push(msg.both('backupDuplicate', { i, id: r.value.id }));
    else {
      seen.add(r.value.id);
      datasets.push(withTable(r.value));
    }
  });
  return { datasets, problems };
}
