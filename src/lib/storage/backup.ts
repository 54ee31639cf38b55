// Backup file format: {format:'city-st-dashboard-backup', version, exportedAt, datasets}. Parsing never throws.
import { msg } from './messages';
import type { Bilingual } from '../i18n/bilingual';
import type { StoredDataset } from './types';
import { FORBIDDEN_KEYS } from '../table/schema';
import { validateStoredDataset } from './validate';
import { withRows, withTable } from './convert';

export const BACKUP_FORMAT = 'city-st-dashboard-backup';
export const BACKUP_VERSION = 1;
/** Refuse backups larger than this many characters before parsing. */
export const BACKUP_MAX_CHARS = 200_000_000;

/** backupJson([ds]) -> '{"format":"city-st-dashboard-backup","version":1,...}' */
export function backupJson(datasets: readonly StoredDataset[], now = new Date()): string {
  return JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    datasets: datasets.map(withRows),
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
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return fatal(msg.both('backupWrongFormat'));
  const top = parsed as Record<string, unknown>;
  const has = (k: string) => Object.prototype.hasOwnProperty.call(top, k);
  if (Object.keys(top).some((k) => FORBIDDEN_KEYS.has(k))) return fatal(msg.both('backupWrongFormat'));
  if (!has('format') || top.format !== BACKUP_FORMAT) return fatal(msg.both('backupWrongFormat'));
  const version = has('version') ? top.version : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fatal(msg.both('backupWrongFormat'));
  if (version > BACKUP_VERSION) return fatal(msg.both('backupTooNew', { v: version }));
  const list = has('datasets') ? top.datasets : undefined;
  if (!Array.isArray(list)) return fatal(msg.both('backupWrongFormat'));
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
