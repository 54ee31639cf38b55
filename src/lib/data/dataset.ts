// One typed table of observations (curated + uploads) with the lookups every chart needs, built once.
import type { IndicatorDef, Observation, Place, SourceDef, UnitDef } from './types';

export interface UploadedMeta {
  id: string;
  name: string;
  fileName: string;
}

export interface Dataset {
  rows: readonly Observation[];
  indicators: ReadonlyMap<string, IndicatorDef>;
  places: ReadonlyMap<string, Place>;
  units: ReadonlyMap<string, UnitDef>;
  sources: ReadonlyMap<string, SourceDef>;
  /** Source ids `upload:<id>` → what the user named the upload. */
  uploads: ReadonlyMap<string, UploadedMeta>;
  /** Rows per indicator id, in dataset order. */
  byIndicator: ReadonlyMap<string, readonly Observation[]>;
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
  rows: readonly Observation[];
  indicators: readonly IndicatorDef[];
  places: readonly Place[];
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((x) => [x.id, x]));
}

/** buildDataset(curated, [upload]) -> Dataset; curated definitions win over an upload's of the same id. */
export function buildDataset(curated: CuratedParts, uploads: readonly UploadPart[] = []): Dataset {
  const indicators = byId(curated.indicators);
  const places = byId(curated.places);
  const uploadMeta = new Map<string, UploadedMeta>();
  let rows: Observation[] = curated.rows;
  if (uploads.length) {
    rows = curated.rows.slice();
    for (const u of uploads) {
      uploadMeta.set(`upload:${u.meta.id}`, u.meta);
      for (const d of u.indicators) if (!indicators.has(d.id)) indicators.set(d.id, d);
      for (const p of u.places) if (!places.has(p.id)) places.set(p.id, p);
      for (const r of u.rows) rows.push(r);
    }
  }
  const byIndicator = new Map<string, Observation[]>();
  for (const r of rows) {
    let list = byIndicator.get(r.indicator);
    if (!list) byIndicator.set(r.indicator, (list = []));
    list.push(r);
  }
  return {
    rows,
    indicators,
    places,
    units: byId(curated.units),
    sources: byId(curated.sources),
    uploads: uploadMeta,
    byIndicator,
  };
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
  const have = new Set(ds.rows.map((r) => r.city));
  return [...ds.places.values()].filter((p) => have.has(p.id) && !isReferencePlace(p)).map((p) => p.id);
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
