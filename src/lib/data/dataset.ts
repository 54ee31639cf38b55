// One typed table of observations (curated + uploads) with the lookups every chart needs, built once.
import type { IndicatorDef, Observation, Place, SourceDef, UnitDef } from './types';

export interface UploadedMeta {
  id: string;
  name: string;
  fileName: string;
}

export interface Dataset {
  /** Every row, curated then uploads (concatenated on first use: the charts read the index). */
  readonly rows: readonly Observation[];
  indicators: ReadonlyMap<string, IndicatorDef>;
  places: ReadonlyMap<string, Place>;
  units: ReadonlyMap<string, UnitDef>;
  sources: ReadonlyMap<string, SourceDef>;
  /** Source ids `upload:<id>` → what the user named the upload. */
  uploads: ReadonlyMap<string, UploadedMeta>;
  /** Rows per indicator id, then per place id, each list in dataset order. */
  byIndicator: ReadonlyMap<string, ReadonlyMap<string, readonly Observation[]>>;
  /** The target rows (kind 'target'), in dataset order. */
  targets: readonly Observation[];
  /** Places with at least one row. */
  placesWithRows: ReadonlySet<string>;
}

export interface CuratedParts {
  rows: Observation[];
  indicators: IndicatorDef[];
  places: Place[];
  units: UnitDef[];
  sources: SourceDef[];
}

/** The curated dataset in one file, written at build time from data/ (curatedBundle.ts), read by load.ts. */
export const CURATED_BUNDLE = 'data/curated.json';
export type CuratedBundle = { format: 'curated-v1' } & CuratedParts;

export interface UploadPart {
  meta: UploadedMeta;
  rows: readonly Observation[];
  indicators: readonly IndicatorDef[];
  places: readonly Place[];
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((x) => [x.id, x]));
}

/** One part's rows (the curated set, or one upload) indexed for the charts. */
export interface RowIndex {
  byIndicator: Map<string, Map<string, Observation[]>>;
  targets: Observation[];
}

export function emptyIndex(): RowIndex {
  return { byIndicator: new Map(), targets: [] };
}

/** Adds rows[from, to) to `index` (call again with the next range: a big upload is indexed in slices). */
export function indexRows(rows: readonly Observation[], index: RowIndex, from = 0, to = rows.length): RowIndex {
  let lastIndicator = '';
  let places: Map<string, Observation[]> | undefined;
  for (let i = from; i < to; i++) {
    const r = rows[i]!;
    if (r.indicator !== lastIndicator || !places) {
      lastIndicator = r.indicator;
      places = index.byIndicator.get(r.indicator);
      if (!places) index.byIndicator.set(r.indicator, (places = new Map()));
    }
    const list = places.get(r.city);
    if (list) list.push(r);
    else places.set(r.city, [r]);
    if (r.kind === 'target') index.targets.push(r);
  }
  return index;
}

// Each part's index, built once per rows array: merging an upload then touches its ~indicators x
// places lists, not its million rows (that re-scan was a 400 ms frozen page after a big import).
const indexes = new WeakMap<readonly Observation[], RowIndex>();

/** The index of `rows` (an array never changed after it is shown), built now unless remembered. */
export function rowIndex(rows: readonly Observation[]): RowIndex {
  let index = indexes.get(rows);
  if (!index) indexes.set(rows, (index = indexRows(rows, emptyIndex())));
  return index;
}

/** Keep an index built elsewhere (in slices, beside the rows' own rebuilding) for `rows`. */
export function rememberIndex(rows: readonly Observation[], index: RowIndex): void {
  indexes.set(rows, index);
}

/** The places that have rows in an index (in order of first appearance, indicator by indicator). */
export function placesIn(index: RowIndex): Set<string> {
  const out = new Set<string>();
  for (const byPlace of index.byIndicator.values()) for (const place of byPlace.keys()) out.add(place);
  return out;
}

function mergeIndexes(parts: readonly RowIndex[]): RowIndex {
  if (parts.length === 1) return parts[0]!;
  const merged = emptyIndex();
  for (const part of parts) {
    for (const [indicator, places] of part.byIndicator) {
      let into = merged.byIndicator.get(indicator);
      if (!into) merged.byIndicator.set(indicator, (into = new Map()));
      // Lists are shared, never pushed to: a place in two parts gets a new, concatenated list.
      for (const [place, list] of places) into.set(place, into.get(place)?.concat(list) ?? list);
    }
    for (const r of part.targets) merged.targets.push(r);
  }
  return merged;
}

/** buildDataset(curated, [upload]) -> Dataset; curated definitions win over an upload's of the same id. */
export function buildDataset(curated: CuratedParts, uploads: readonly UploadPart[] = []): Dataset {
  const indicators = byId(curated.indicators);
  const places = byId(curated.places);
  const uploadMeta = new Map<string, UploadedMeta>();
  for (const u of uploads) {
    uploadMeta.set(`upload:${u.meta.id}`, u.meta);
    for (const d of u.indicators) if (!indicators.has(d.id)) indicators.set(d.id, d);
    for (const p of u.places) if (!places.has(p.id)) places.set(p.id, p);
  }
  const index = mergeIndexes([curated.rows, ...uploads.map((u) => u.rows)].map(rowIndex));
  const placesWithRows = placesIn(index);
  let rows: readonly Observation[] | null = uploads.length ? null : curated.rows;
  return {
    get rows() {
      return (rows ??= curated.rows.concat(...uploads.map((u) => u.rows)));
    },
    indicators,
    places,
    units: byId(curated.units),
    sources: byId(curated.sources),
    uploads: uploadMeta,
    byIndicator: index.byIndicator,
    targets: index.targets,
    placesWithRows,
  };
}

/**
 * rowsOf(ds, 'rd_intensity', ['wuhu', 'hefei']) -> the rows of that indicator for those places,
 * place by place in the order given (each place's rows in dataset order).
 */
export function rowsOf(ds: Dataset, indicator: string, places: readonly string[]): Observation[] {
  const byPlace = ds.byIndicator.get(indicator);
  if (!byPlace) return [];
  const out: Observation[] = [];
  for (const p of new Set(places)) {
    const list = byPlace.get(p);
    if (list) for (const r of list) out.push(r);
  }
  return out;
}

/** rowKey({city:'wuhu', indicator:'rd_intensity', period:'2020-H1', kind:'actual'}) -> 'wuhu-rd_intensity-2020-h1-actual' */
export function rowKey(o: Pick<Observation, 'city' | 'indicator' | 'period' | 'kind'>): string {
  return `${o.city}-${o.indicator}-${o.period.toLowerCase() || 'na'}-${o.kind}`;
}

/** Ids the importer gives to uploaded places (`u-…`) and indicators (`u_…`). */
export function isUploadedId(id: string): boolean {
  return /^u[-_]/.test(id);
}

/** Places that are comparison references rather than cities. */
export function isReferencePlace(p: Place | undefined): boolean {
  return !!p && (p.level === 'nation' || p.level === 'province');
}

/** Cities (not references) that have at least one row, in places order, uploads last. */
export function citiesWithData(ds: Dataset): string[] {
  return [...ds.places.values()]
    .filter((p) => ds.placesWithRows.has(p.id) && !isReferencePlace(p))
    .map((p) => p.id);
}

/** Period sort key: '2019' < '2020-H1' < '2020'; '' (masked) last. */
export function periodOrder(period: string): number {
  const m = /^(\d{4})(-H1)?$/.exec(period);
  if (!m) return Number.MAX_SAFE_INTEGER;
  return Number(m[1]) * 10 + (m[2] ? 5 : 9);
}

export function isHalfYear(period: string): boolean {
  return period.endsWith('-H1');
}
