// Loads the curated dataset from data/ at run time (fetched next to index.html, or inlined by the
// single-file build). Each file that fails names itself and the reason.
import type { CuratedParts } from './dataset';
import { parseIndicatorsCsv } from './curated';
import type { IndicatorDef, Place, SourceDef, UnitDef } from './types';
import inlined from 'virtual:inline-data';

export class DataLoadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export type FetchText = (file: string) => Promise<string>;

/**
 * fetchRelative('data/cities.json') fetches it next to the page (works under any sub-path); in the
 * single-file build the files are inlined and read from memory (file:// pages cannot fetch).
 */
export const fetchRelative: FetchText = async (file) => {
  if (inlined) {
    const text = inlined[file];
    if (text === undefined) throw new DataLoadError(file, 'not in this build');
    return text;
  }
  let res: Response;
  try {
    res = await fetch(new URL(file, document.baseURI));
  } catch (e) {
    throw new DataLoadError(file, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) throw new DataLoadError(file, `HTTP ${res.status}`);
  return res.text();
};

async function json<T>(get: FetchText, file: string): Promise<T[]> {
  const text = await get(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new DataLoadError(file, `not valid JSON (${e instanceof Error ? e.message : e})`);
  }
  if (!Array.isArray(parsed)) throw new DataLoadError(file, 'expected a JSON array');
  return parsed as T[];
}

/** loadCurated(fetchRelative) -> the five reports' rows and definitions. */
export async function loadCurated(get: FetchText): Promise<CuratedParts> {
  const [csv, indicators, places, units, sources] = await Promise.all([
    get('data/indicators.csv'),
    json<IndicatorDef>(get, 'data/indicators.json'),
    json<Place>(get, 'data/cities.json'),
    json<UnitDef>(get, 'data/units.json'),
    json<SourceDef>(get, 'data/sources.json'),
  ]);
  const { rows, problems } = parseIndicatorsCsv(csv);
  if (!rows.length) {
    const first = problems[0];
    throw new DataLoadError('data/indicators.csv', first ? `line ${first.line}: ${first.message}` : 'no rows');
  }
  return { rows, indicators, places, units, sources };
}

/** The report text for the source view. */
export function loadReport(get: FetchText, sourceId: string): Promise<string> {
  if (!/^[A-Za-z0-9_-]+$/.test(sourceId)) return Promise.reject(new DataLoadError(sourceId, 'unknown source id'));
  return get(`data/reports/${sourceId}.txt`);
}
