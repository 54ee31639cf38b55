// The definitions an upload, a stored record or a link carries beside its rows, as schemas (valibot): the
// indicator and place types come from here. Records written before a field existed are read here too.
import * as v from 'valibot';
import { LIMITS } from '../table/fields';
import { idText, list, safeObject, text } from '../table/schema';
import { CHART_IDS, PLACE_LEVELS } from './types';
import { measureOr } from './measure';

const chartId = v.picklist(CHART_IDS);

/** data/indicators.json entries, and the definitions an upload makes for its own indicators. */
export const IndicatorDefSchema = v.pipe(
  safeObject({
    id: idText,
    zh: text(LIMITS.shortText),
    en: text(LIMITS.shortText),
    unit: text(LIMITS.shortText),
    description_zh: text(LIMITS.longText),
    description_en: text(LIMITS.longText),
    /** The headline charts that draw it (their specs list it too: src/lib/charts/registry.ts). */
    charts: v.optional(v.array(chartId)),
    /** Before 2026-12 one chart or null: read into `charts`. */
    chart: v.optional(v.nullable(chartId)),
    /** Names an upload may use for it (zh and en), matched after NFKC + trim + lower-case. */
    aliases: list(text(LIMITS.shortText), LIMITS.aliases),
    /** What it measures (curated: stated; uploaded: guessed from the unit and the name, see measure.ts). */
    measure: v.optional(v.unknown()),
    /**
     * Where the headline chart draws figures of several scopes as separate series: the scope in words
     * (e.g. 吸纳 / absorbed, buyer side). Absent for most indicators.
     */
    scope_zh: v.optional(text(LIMITS.shortText)),
    scope_en: v.optional(text(LIMITS.shortText)),
    /**
     * Ids that measure one quantity in different scopes name the main id here (its family); the main id names
     * itself or nothing. Same unit and measure (data:check). A target with no actual of its own scope shows the
     * latest of another scope of its family, as not comparable (targets.ts). Absent for most indicators.
     */
    family: v.optional(idText),
  }),
  v.transform(({ chart, charts, measure, ...d }) => ({
    ...d,
    charts: charts ?? (chart ? [chart] : []),
    // A record saved before measures existed, or a link without one: guessed as for an upload.
    measure: measureOr(measure, d.zh, d.unit),
  })),
);

/**
 * An indicator as builds before 2026-12 read it too: `chart` (its first chart, or null) beside `charts`. What we
 * write to IndexedDB, backups and links carries it, so an older copy of the app (a saved single-file page, on the
 * same browser profile) still opens them instead of setting them aside as damaged.
 */
export function withLegacyChart<D extends { charts: readonly string[] }>(d: D): D & { chart: string | null } {
  return { ...d, chart: d.charts[0] ?? null };
}

/** data/cities.json entries, and the places an upload names. */
export const PlaceSchema = safeObject({
  id: idText,
  zh: text(LIMITS.shortText),
  en: text(LIMITS.shortText),
  /** Province id (e.g. `anhui`), '' for the nation and unknown. */
  province: text(LIMITS.id),
  level: v.picklist(PLACE_LEVELS),
  note: v.optional(text(LIMITS.longText)),
});
