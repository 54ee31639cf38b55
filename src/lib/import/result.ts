// The importer's successful outcome, on either side of the worker boundary.
import { tableRows } from '../table/table';
import type { ImportSuccess } from './types';

/** An ImportSuccess whose `rows` are made from its table on first read (and then kept). */
export function importSuccess(fields: Omit<ImportSuccess, 'rows'>): ImportSuccess {
  let rows: ImportSuccess['rows'] | undefined;
  return Object.defineProperty({ ...fields }, 'rows', {
    enumerable: false,
    get: () => (rows ??= tableRows(fields.table)),
  }) as ImportSuccess;
}
