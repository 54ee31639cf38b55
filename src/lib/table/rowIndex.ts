// Where each indicator's and each place's rows are in a table: built once per table (merging an upload then
// touches its ~indicators x places lists, not its million rows) and kept beside it. A big table is indexed in
// time slices by slices.ts (apart: only the upload and storage code, loaded later, need that loop).
import { isTargetRow, type RowTable } from './table';

/** One table's row numbers per indicator then place (table order), and its target rows per place. */
export interface RowIndex {
  byIndicator: Map<string, Map<string, number[]>>;
  targets: Map<string, number[]>;
}

export function emptyIndex(): RowIndex {
  return { byIndicator: new Map(), targets: new Map() };
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

/** Adds rows [from, to) of `t` to `index` (call again with the next range: a big table is indexed in slices). */
export function indexRows(t: RowTable, index: RowIndex, from = 0, to = t.n): RowIndex {
  const d = t.dict;
  let lastIndicator = -1;
  let places: Map<string, number[]> | undefined;
  for (let i = from; i < to; i++) {
    const ind = t.indicator[i]!;
    if (ind !== lastIndicator || !places) {
      lastIndicator = ind;
      places = index.byIndicator.get(d[ind]!);
      if (!places) index.byIndicator.set(d[ind]!, (places = new Map()));
    }
    const city = d[t.city[i]!]!;
    push(places, city, i);
    if (isTargetRow(t, i)) push(index.targets, city, i);
  }
  return index;
}

// Each table's index, built once (a table is never changed after it is shown).
const indexes = new WeakMap<RowTable, RowIndex>();

/** The index of `t`, built now unless it was built before. */
export function tableIndex(t: RowTable): RowIndex {
  let index = indexes.get(t);
  if (!index) indexes.set(t, (index = indexRows(t, emptyIndex())));
  return index;
}

/** Keep an index built elsewhere (in time slices: slices.ts) as the index of `t`. */
export function rememberIndex(t: RowTable, index: RowIndex): void {
  indexes.set(t, index);
}

/** The places that have rows in an index (in order of first appearance, indicator by indicator). */
export function placesIn(index: RowIndex): Set<string> {
  const out = new Set<string>();
  for (const byPlace of index.byIndicator.values()) for (const place of byPlace.keys()) out.add(place);
  return out;
}
