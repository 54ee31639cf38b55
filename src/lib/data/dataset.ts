// The observations (curated + uploads, each part a RowTable) with the lookups every chart needs, built once.
import type { IndicatorDef, Place, SourceDef, UnitDef } from './types';
import type { Observation } from '../table/schema';
import { isTargetRow, rowAt, tableFromRows, type RowTable } from '../table/table';
import { placesIn, tableIndex, type RowIndex } from '../table/rowIndex';

export interface UploadedMeta {
  id: string;
  name: string;
  fileName: string;
  /** A work report read into figures: its title (its text stays with the stored upload). */
  report?: { title: string } | undefined;
}

/**
 * Uploads made from a work report have ids starting `report-`: their rows quote a text the dashboard keeps, so a
 * figure links to its sentence (routes.ts sourceHref) without the link builder having to look the upload up.
 */
export const REPORT_ID_PREFIX = 'report-';

/** isReportSource('upload:report-abc') -> true; isReportSource('upload:abc') -> false */
export function isReportSource(source: string): boolean {
  return source.startsWith(`upload:${REPORT_ID_PREFIX}`);
}

/** The page of an uploaded report's text (`#/sources/<page>`): its upload's id. reportPage('upload:report-a') -> 'report-a' */
export function reportPage(source: string): string {
  return source.slice('upload:'.length);
}

/** The pages of the uploaded reports in the dataset. */
export function reportPages(ds: Pick<Dataset, 'uploads'>): string[] {
  return [...ds.uploads.keys()].filter(isReportSource).map(reportPage);
}

export interface Dataset {
  indicators: ReadonlyMap<string, IndicatorDef>;
  places: ReadonlyMap<string, Place>;
  units: ReadonlyMap<string, UnitDef>;
  sources: ReadonlyMap<string, SourceDef>;
  /** Source ids `upload:<id>` → what the user named the upload. */
  uploads: ReadonlyMap<string, UploadedMeta>;
  /** The curated rows (the only ones a source page quotes: an upload cannot speak for a report). */
  curatedRows: readonly Observation[];
  /** The rows, part by part (curated first, then each upload), with their indexes. */
  parts: readonly DatasetPart[];
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

export interface UploadPart {
  meta: UploadedMeta;
  /** The rows as columns: Observation objects are made only for the rows a chart reads. */
  table: RowTable;
  indicators: readonly IndicatorDef[];
  places: readonly Place[];
  /**
   * The rows this upload's conflict choices keep off the charts, by part id (`curated`, `upload:<id>`): its own
   * where the value already there is drawn, an earlier part's where its own is (data/conflicts.ts works them out).
   */
  hides?: ReadonlyMap<string, readonly number[]>;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((x) => [x.id, x]));
}

export interface DatasetPart {
  /** `curated`, or the upload's source id `upload:<id>`. */
  id: string;
  table: RowTable;
  /** Where the rows the charts draw are: every row but the hidden ones. */
  index: RowIndex;
  /** The objects the table was made from, when there are (the curated rows): reused, not made again. */
  rows?: readonly Observation[];
  /**
   * Rows a conflict was decided against (UploadPart.hides): listed in the upload's report, never drawn. This is
   * the one place a choice between two rows of one city, indicator, period and kind is made; where two such rows
   * agree, both stay and a chart draws the first (curated before uploads).
   */
  hidden?: ReadonlySet<number>;
}

const curatedTables = new WeakMap<readonly Observation[], RowTable>();

function curatedTable(rows: readonly Observation[]): RowTable {
  let table = curatedTables.get(rows);
  if (!table) curatedTables.set(rows, (table = tableFromRows(rows)));
  return table;
}

/** The index without the hidden rows: only the lists that hold one are copied. */
function withoutRows(index: RowIndex, t: RowTable, hidden: ReadonlySet<number>): RowIndex {
  const byIndicator = new Map(index.byIndicator);
  const targets = new Map(index.targets);
  const copied = new Set<number[]>();
  const drop = (lists: Map<string, number[]>, key: string) => {
    const list = lists.get(key);
    if (!list || copied.has(list)) return;
    const kept = list.filter((i) => !hidden.has(i));
    copied.add(kept);
    if (kept.length) lists.set(key, kept);
    else lists.delete(key);
  };
  for (const i of hidden) {
    if (i >= t.n) continue;
    const indicator = t.dict[t.indicator[i]!]!;
    let places = byIndicator.get(indicator);
    if (!places) continue;
    if (places === index.byIndicator.get(indicator)) byIndicator.set(indicator, (places = new Map(places)));
    drop(places, t.dict[t.city[i]!]!);
    if (!places.size) byIndicator.delete(indicator);
    if (isTargetRow(t, i)) drop(targets, t.dict[t.city[i]!]!);
  }
  return { byIndicator, targets };
}

/** The curated part's id (DatasetPart.id). */
export const CURATED = 'curated';

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
  const hidden = new Map<string, Set<number>>();
  for (const u of uploads)
    for (const [id, rows] of u.hides ?? []) {
      const set = hidden.get(id) ?? new Set();
      for (const i of rows) set.add(i);
      hidden.set(id, set);
    }
  const part = (id: string, table: RowTable, rows?: readonly Observation[]): DatasetPart => {
    const h = hidden.get(id);
    const index = tableIndex(table);
    return { id, table, index: h ? withoutRows(index, table, h) : index, rows, hidden: h };
  };
  const parts = [
    part(CURATED, curatedTable(curated.rows), curated.rows),
    ...uploads.map((u) => part(`upload:${u.meta.id}`, u.table)),
  ];
  const placesWithRows = new Set<string>();
  for (const part of parts) for (const p of placesIn(part.index)) placesWithRows.add(p);
  return {
    indicators,
    places,
    units: byId(curated.units),
    sources: byId(curated.sources),
    uploads: uploadMeta,
    curatedRows: curated.rows,
    parts,
    placesWithRows,
  };
}

// Objects made for a list of row numbers, kept as long as the list (the list lives as long as its table).
const made = new WeakMap<readonly number[], readonly Observation[]>();

function rowsAt(part: DatasetPart, list: readonly number[]): readonly Observation[] {
  let rows = made.get(list);
  if (!rows) {
    const from = part.rows;
    rows = from ? list.map((i) => from[i]!) : list.map((i) => rowAt(part.table, i));
    made.set(list, rows);
  }
  return rows;
}

function joined(
  ds: Dataset,
  pick: (index: RowIndex) => readonly number[] | undefined,
): readonly Observation[] {
  let out: readonly Observation[] = [];
  for (const part of ds.parts) {
    const list = pick(part.index);
    if (!list) continue;
    const rows = rowsAt(part, list);
    out = out.length ? out.concat(rows) : rows;
  }
  return out;
}

/** placeRows(ds, 'rd_intensity', 'wuhu') -> that place's rows of that indicator, in dataset order. */
export function placeRows(ds: Dataset, indicator: string, place: string): readonly Observation[] {
  return joined(ds, (index) => index.byIndicator.get(indicator)?.get(place));
}

/**
 * The rows of other parts kept off the charts where an upload's row is drawn instead (same city, indicator, period
 * and kind; actual and derived are one): hiddenBehind(ds, <the upload's 3.80>) -> [<the report's 3.76>].
 */
export function hiddenBehind(ds: Dataset, o: Observation): Observation[] {
  const out: Observation[] = [];
  const slot = (kind: string) => (kind === 'derived' ? 'actual' : kind);
  for (const part of ds.parts) {
    if (!part.hidden || part.id === o.source) continue;
    for (const i of tableIndex(part.table).byIndicator.get(o.indicator)?.get(o.city) ?? []) {
      if (!part.hidden.has(i)) continue;
      const r = part.rows?.[i] ?? rowAt(part.table, i);
      if (r.period === o.period && slot(r.kind) === slot(o.kind)) out.push(r);
    }
  }
  return out;
}

/** The places with rows of an indicator, in order of first appearance. */
export function placesOf(ds: Dataset, indicator: string): string[] {
  const out = new Set<string>();
  for (const part of ds.parts)
    for (const place of part.index.byIndicator.get(indicator)?.keys() ?? []) out.add(place);
  return [...out];
}

/** True when any part has rows of the indicator. */
export function hasRows(ds: Dataset, indicator: string): boolean {
  return ds.parts.some((part) => part.index.byIndicator.has(indicator));
}

/** targetsOf(ds, ['haimen']) -> the target rows of those places, place by place in the order given. */
export function targetsOf(ds: Dataset, places: readonly string[]): Observation[] {
  const out: Observation[] = [];
  for (const p of new Set(places)) for (const r of joined(ds, (index) => index.targets.get(p))) out.push(r);
  return out;
}

/**
 * rowsOf(ds, 'rd_intensity', ['wuhu', 'hefei']) -> the rows of that indicator for those places,
 * place by place in the order given (each place's rows in dataset order).
 */
export function rowsOf(ds: Dataset, indicator: string, places: readonly string[]): Observation[] {
  const out: Observation[] = [];
  for (const p of new Set(places)) for (const r of placeRows(ds, indicator, p)) out.push(r);
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

/**
 * Period sort key: '2019' < '2020-H1' < '2020'; a masked year ('' or relative: 'Y-1', 'Y', 'Y+1') last.
 * Masked years are never placed on a time axis (see isTimePeriod).
 */
export function periodOrder(period: string): number {
  const m = /^(\d{4})(-H1)?$/.exec(period);
  if (!m) return Number.MAX_SAFE_INTEGER;
  return Number(m[1]) * 10 + (m[2] ? 5 : 9);
}

/** Plan periods in order: calendar ones, then masked ones relative to the report (Y-1, Y, Y+1), then any other. */
export function planOrder(period: string): number {
  return isRelativePeriod(period) ? 1e9 + relativeOffset(period) : periodOrder(period);
}

export function isHalfYear(period: string): boolean {
  return period.endsWith('-H1');
}

const TIME_PERIOD = /^\d{4}(?:-H1)?$/;
const RELATIVE_PERIOD = /^Y(?:[+-][1-9])?$/;

/** '2019', '2020-H1' -> true: a period a time axis can place. '', 'Y', 'Y+1' -> false. */
export function isTimePeriod(period: string): boolean {
  return TIME_PERIOD.test(period);
}

/**
 * A masked year written relative to the report's own (seed 004 masks every year): 'Y' the reporting
 * year, 'Y-1' the year before, 'Y+1' the plan year. They order among themselves, never against a calendar year.
 */
export function isRelativePeriod(period: string): boolean {
  return RELATIVE_PERIOD.test(period);
}

/**
 * comparePeriods('2018', '2019') -> -1; ('Y-1', 'Y') -> -1; ('2019', 'Y') -> null (not comparable).
 * Negative when a is earlier, 0 the same, positive later.
 */
export function comparePeriods(a: string, b: string): number | null {
  if (isTimePeriod(a) && isTimePeriod(b)) return Math.sign(periodOrder(a) - periodOrder(b));
  if (isRelativePeriod(a) && isRelativePeriod(b)) return Math.sign(relativeOffset(a) - relativeOffset(b));
  return null;
}

/** 'Y-1' -> -1, 'Y' -> 0, 'Y+1' -> 1. */
export function relativeOffset(period: string): number {
  return period === 'Y' ? 0 : Number(period.slice(1));
}
