// The kept candidates of a reviewed work report -> an upload of its own (a StoredDataset): one observation per
// kept row, quoting its sentence; the report's text beside them, so each figure links to where it is said.
// Example: reportDataset({ extraction, rows, city: { name: '青山市', province: 'anhui', level: 'prefecture' }, … })
//   -> { id: 'report-…', name: '青山市科技局2024年工作总结', table: <rows>, places: [{ id: 'u-…', zh: '青山市', … }],
//        indicators: [<new ones>], report: { title, text, format } }
import { PROVINCE_OF_CITY, type Candidate, type Extraction } from '../extract/types';
import type { IndicatorDef, Place, PlaceLevel } from '../data/types';
import type { Observation } from '../table/schema';
import type { ReportSource, StoredDataset } from '../storage/types';
import { REPORT_ID_PREFIX } from '../data/dataset';
import { tableFromRows } from '../table/table';
import { guessMeasure } from '../data/measure';
import { periodLabel } from '../i18n/format';
import { PlaceRegistry } from '../import/places';
import { userIndicatorId } from '../import/indicators';
import { rowProblems, type ReviewRow } from './review';

/** The report's city as the user named it (asked once, above the table). */
export interface ReportCity {
  name: string;
  /** Province id (`anhui`) or ''. */
  province: string;
  level: PlaceLevel;
}

export interface ReportInput {
  extraction: Extraction;
  rows: readonly ReviewRow[];
  city: ReportCity;
  /** The curated indicators and places (the report's own are made here, as an import makes a file's). */
  indicators: ReadonlyMap<string, IndicatorDef>;
  places: readonly Place[];
  /** Upload id without the prefix; file name; how it came; the decoder's encoding; SHA-256 of the text. */
  id: string;
  fileName: string;
  report: ReportSource;
  encoding: string;
  fingerprint?: string | undefined;
}

/** The place the report speaks for: a known one named so (the user may name a curated city), else a new one. */
function reportPlace(city: ReportCity, places: readonly Place[]): { place: Place; created: boolean } {
  const registry = new PlaceRegistry(places);
  const place = registry.resolve(city.name)!;
  const created = registry.created.includes(place);
  return {
    place: created ? { ...place, province: city.province, level: city.level } : place,
    created,
  };
}

/** The note a row carries: how it was worked out, the year the report files it under, its other sentences. */
function noteOf(c: Candidate, row: ReviewRow): string {
  const parts: string[] = [];
  // The extractor's note says why a figure sits in another year; where it gives none, the year is still said. Not
  // where the row no longer sits there (the user made it a target, or typed another year).
  const moved = !!c.reportedPeriod && row.period.trim() === c.period;
  if (c.note && (moved || !c.reportedPeriod)) parts.push(c.note.zh);
  if (moved && !c.note) parts.push(`报告归于${periodLabel(c.reportedPeriod!, 'zh')}`);
  for (const q of c.quotes.slice(1)) parts.push(`又见：「${q}」`);
  return parts.join('；');
}

/** Only rows kept and complete are added: the view does not let an incomplete row be kept. */
export function reportDataset(input: ReportInput): StoredDataset {
  const { extraction, city } = input;
  const byId = new Map(extraction.candidates.map((c) => [c.id, c]));
  const { place, created } = reportPlace(city, input.places);
  const newIndicators = new Map<string, IndicatorDef>();
  const source = `upload:${REPORT_ID_PREFIX}${input.id}`;
  const observations: Observation[] = [];
  for (const row of input.rows) {
    const c = byId.get(row.id);
    if (!row.keep || !c || rowProblems(row, c, input.indicators, city.province).length) continue;
    let indicator = row.indicator;
    if (!indicator) {
      const zh = row.newName.trim();
      indicator = userIndicatorId(zh);
      if (!input.indicators.has(indicator) && !newIndicators.has(indicator))
        newIndicators.set(indicator, {
          id: indicator,
          zh,
          en: zh,
          unit: c.unit,
          description_zh: '',
          description_en: '',
          charts: [],
          aliases: [zh],
          measure: guessMeasure(zh, c.unit),
        });
    }
    observations.push({
      city: c.place === 'self' ? place.id : c.place === PROVINCE_OF_CITY ? city.province : c.place,
      indicator,
      period: row.period.trim(),
      value: c.value,
      unit: c.unit,
      comparator: row.comparator,
      kind: row.kind,
      status: c.status,
      source,
      quote: c.quotes[0] ?? '',
      note: noteOf(c, row),
    });
  }
  return {
    id: `${REPORT_ID_PREFIX}${input.id}`,
    name: input.report.title || input.fileName,
    fileName: input.fileName,
    importedAt: new Date().toISOString(),
    encoding: input.encoding,
    table: tableFromRows(observations),
    indicators: [...newIndicators.values()],
    places: created ? [place] : [],
    fingerprint: input.fingerprint,
    report: input.report,
  };
}
