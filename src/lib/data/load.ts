// Loads the curated dataset at run time: data/curated.json (written at build time from data/, see
// build/bundle.ts), carried by the built index.html as a data block, inlined by the single-file build,
// or fetched next to index.html (the dev server). A file that fails names itself and the reason.
import { CURATED_BUNDLE, CURATED_IN_PAGE, type CuratedBundle } from './bundle';
import type { CuratedParts } from './dataset';
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
  const inPage = file === CURATED_BUNDLE ? takeDataBlock() : null;
  if (inPage !== null) return inPage;
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

/** The dataset's data block in the page, once (removed after reading: its text would stay in the DOM). */
function takeDataBlock(): string | null {
  const block = typeof document === 'undefined' ? null : document.getElementById(CURATED_IN_PAGE);
  if (!block) return null;
  block.remove();
  return block.textContent ?? '';
}

/** loadCurated(fetchRelative) -> the five reports' rows and definitions. */
export async function loadCurated(get: FetchText): Promise<CuratedParts> {
  const text = await get(CURATED_BUNDLE);
  let parsed: Partial<CuratedBundle> | null;
  try {
    parsed = JSON.parse(text) as Partial<CuratedBundle> | null;
  } catch (e) {
    throw new DataLoadError(CURATED_BUNDLE, `not valid JSON (${e instanceof Error ? e.message : e})`);
  }
  if (parsed?.format !== 'curated-v1') throw new DataLoadError(CURATED_BUNDLE, 'not a curated-v1 file');
  const { rows, indicators, places, units, sources } = parsed;
  if (![rows, indicators, places, units, sources].every(Array.isArray))
    throw new DataLoadError(CURATED_BUNDLE, 'rows, indicators, places, units or sources missing');
  if (!rows?.length) throw new DataLoadError(CURATED_BUNDLE, 'no rows');
  return { rows, indicators, places, units, sources } as CuratedParts;
}

/** The report text for the source view. */
export function loadReport(get: FetchText, sourceId: string): Promise<string> {
  if (!/^[A-Za-z0-9_-]+$/.test(sourceId))
    return Promise.reject(new DataLoadError(sourceId, 'unknown source id'));
  return get(`data/reports/${sourceId}.txt`);
}
