// Uploaded datasets: import -> state (charts update at once) -> IndexedDB (kept across reloads).
// A refused file changes nothing already loaded; a save that fails keeps the data for this visit.
import { app, MAX_DEFAULT_UPLOADED } from './app.svelte';
import type { DatasetStore, StoredDataset } from '../storage';
import { openDatasetStore } from '../storage';
import type { ImportResult } from '../import';
import type { UploadPart } from '../data/dataset';
import { choose, resolveUploads, type ChoosingUpload, type Conflict } from '../data/conflicts';
import { placesIn, tableIndex } from '../table/rowIndex';
import { tableFromRows, tableRows } from '../table/table';
import { decodeDatasetFromLink, encodeDatasetForLink } from './share';
import { LINK_DATA_MAX_CHARS } from '../url/url';
import { uploadMessages } from './uploadMessages';

let storePromise: Promise<DatasetStore> | null = null;

class UploadsState {
  list = $state.raw<StoredDataset[]>([]);
  mode = $state<'persistent' | 'memory'>('persistent');
  lastResult = $state.raw<ImportResult | null>(null);
  busy = $state(false);
  progress = $state(0);
  /** Each upload's conflicts with the curated data and the uploads before it (data/conflicts.ts), by id. */
  conflicts = $state.raw<ReadonlyMap<string, readonly Conflict[]>>(new Map());
}

export const uploads = new UploadsState();

function store(): Promise<DatasetStore> {
  storePromise ??= openDatasetStore({
    onNotice: (n) =>
      app.notify({
        ...n.message,
        level: n.code === 'migrated' || n.code === 'unblocked' ? 'info' : 'warning',
      }),
  });
  return storePromise;
}

function toPart(d: StoredDataset): ChoosingUpload {
  return {
    meta: { id: d.id, name: d.name, fileName: d.fileName, report: d.report && { title: d.report.title } },
    table: d.table,
    indicators: d.indicators,
    places: d.places,
    choice: d.conflictChoice,
  };
}

function publish(list: StoredDataset[]) {
  // Nothing saved and nothing shown: leave the dataset alone, or every chart would redraw for nothing.
  if (!list.length && !uploads.list.length && !app.uploads.length) return;
  uploads.list = list;
  // The conflicts are worked out again with every change: removing an upload brings back what it hid.
  const resolved: { parts: UploadPart[]; conflicts: Map<string, Conflict[]> } = app.curated
    ? resolveUploads(app.curated, list.map(toPart))
    : { parts: list.map(toPart), conflicts: new Map() };
  uploads.conflicts = resolved.conflicts;
  app.uploads = resolved.parts;
}

/** Load saved uploads at start (notices for memory-only mode or set-aside records come from the store). */
export async function restoreUploads(): Promise<void> {
  const s = await store();
  uploads.mode = s.mode;
  const saved = await s.list();
  // The upload panel appears while this list is read: a file uploaded meanwhile is already on screen
  // and may not be in the list yet. It stays (the copy on screen is kept: its rows are indexed).
  const onScreen = uploads.list;
  const kept = saved.map((d) => onScreen.find((u) => u.id === d.id) ?? d);
  const added = onScreen.filter((u) => !saved.some((d) => d.id === u.id));
  publish([...kept, ...fromLink(), ...added]);
}

/** A small upload travelling in the link (`data=`): shown for this visit, not saved unless re-uploaded. */
function fromLink(): StoredDataset[] {
  const packed = app.view.data;
  if (!packed) return [];
  const r = decodeDatasetFromLink(packed);
  if (!r.ok) {
    app.notify({ ...r.message, level: 'warning' });
    return [];
  }
  app.notify({ ...uploadMessages.both('linkDataShown', { name: r.dataset.name }), level: 'info' });
  const { rows, ...content } = r.dataset;
  return [
    {
      id: 'link',
      fileName: content.name,
      importedAt: '',
      encoding: 'link',
      ...content,
      // The link's rows are this visit's upload `link`: named by the link's name, and a report's rows link to no
      // page here (the report's text does not travel in a link, only its sentences in the rows' quotes).
      table: tableFromRows(rows.map((r) => ({ ...r, source: 'upload:link' }))),
    },
  ];
}

/** The uploads behind the chosen cities, packed for a link; null when none or too large. */
export function packSelectedUploads(cities: readonly string[]): string | null {
  const chosen = uploads.list.filter((d) => {
    const places = placesIn(tableIndex(d.table));
    return cities.some((c) => places.has(c));
  });
  // Every row takes more than one character of a link: a larger upload cannot travel in one.
  if (!chosen.length || chosen.reduce((n, d) => n + d.table.n, 0) > LINK_DATA_MAX_CHARS) return null;
  return encodeDatasetForLink({
    name: chosen.map((d) => d.name).join(' + '),
    rows: chosen.flatMap((d) => tableRows(d.table)),
    indicators: chosen.flatMap((d) => d.indicators),
    places: chosen.flatMap((d) => d.places),
  });
}

/**
 * Add an accepted import: shown at once in every chart, then saved. `replaces`: the earlier upload it takes the
 * place of (the same file again keeps that one's name and conflict choices: its rows are the same).
 */
export async function addImport(
  result: Extract<ImportResult, { ok: true }>,
  fileName: string,
  datasetId: string,
  extra: {
    fingerprint?: string | undefined;
    replaces?: StoredDataset | undefined;
    /** The same file read again with another sheet or columns: its rows differ, so nothing of the old is kept. */
    reread?: boolean;
    /** What the list calls it, when not the file's name (a workbook's sheet: 'a.xlsx（2022年）'). */
    name?: string;
  } = {},
): Promise<void> {
  const { fingerprint, replaces } = extra;
  const same = !!fingerprint && replaces?.fingerprint === fingerprint && !extra.reread;
  const ds: StoredDataset = {
    id: datasetId,
    name: same ? replaces.name : (extra.name ?? fileName),
    fileName,
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp, not state
    importedAt: new Date().toISOString(),
    encoding: result.encoding,
    table: result.table,
    indicators: result.indicators,
    places: result.places,
    fingerprint,
    conflictChoice: same ? replaces.conflictChoice : undefined,
  };
  await addDataset(ds, replaces?.id);
}

/**
 * Add a dataset (an import's, or a work report's figures as the user confirmed them in the review): shown at once
 * in every chart, then saved. `replaces`: the earlier upload it takes the place of, removed in the same write.
 */
export async function addDataset(ds: StoredDataset, replaces?: string): Promise<void> {
  publish([...uploads.list.filter((d) => d.id !== ds.id && d.id !== replaces), ds]);
  // The new cities join the comparison at once, in every chart.
  if (app.view.cities) {
    const added = ds.places.map((p) => p.id).concat(...placesIn(tableIndex(ds.table)));
    const cities = [...app.view.cities, ...added].filter((c, i, all) => all.indexOf(c) === i);
    app.update({ cities });
  }
  const newCities = ds.places.length;
  if (!app.view.cities && newCities > MAX_DEFAULT_UPLOADED)
    app.notify({
      ...uploadMessages.both('manyNewCities', { n: newCities, shown: MAX_DEFAULT_UPLOADED }),
      level: 'info',
    });
  const s = await store();
  // The earlier copy goes in the same write as the new one (a save that failed leaves it for the next visit).
  const outcome = await s.save(ds, replaces);
  uploads.mode = s.mode;
  if (!outcome.saved) app.notify({ ...outcome.message, level: 'warning' });
}

/** Draw the upload's value (`upload`) or the one already there (`existing`) for one conflicting row, or for all. */
export async function chooseConflict(
  id: string,
  row: number | 'all',
  use: 'upload' | 'existing',
): Promise<void> {
  const d = uploads.list.find((u) => u.id === id);
  if (!d) return;
  const conflictChoice = choose(d.conflictChoice, row, use);
  publish(uploads.list.map((u) => (u === d ? { ...d, conflictChoice } : u)));
  await (await store()).setChoice(id, conflictChoice);
}

export async function removeUpload(id: string): Promise<void> {
  publish(uploads.list.filter((d) => d.id !== id));
  await (await store()).remove(id);
}

export async function renameUpload(id: string, name: string): Promise<void> {
  publish(uploads.list.map((d) => (d.id === id ? { ...d, name } : d)));
  await (await store()).rename(id, name);
}

export async function backupJson(): Promise<string> {
  return (await store()).exportBackup();
}

export async function restoreBackup(json: string): Promise<void> {
  const s = await store();
  const r = await s.importBackup(json);
  for (const p of r.problems) app.notify({ ...p, level: 'warning' });
  publish(await s.list());
  app.notify({ ...uploadMessages.both('restored', { n: r.restored }), level: 'info' });
}
