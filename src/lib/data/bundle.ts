// The curated dataset in one file: its name and shape, shared by the build that writes it (build/bundle.ts) and
// the app that reads it (load.ts). No imports but types: the build's config loader reaches this file.
import type { CuratedParts } from './dataset';

/** The curated dataset in one file, written at build time from data/ (build/bundle.ts), read by load.ts. */
export const CURATED_BUNDLE = 'data/curated.json';
/** The id of the JSON data block in the built index.html that carries CURATED_BUNDLE (see load.ts). */
export const CURATED_IN_PAGE = 'curated-data';
export type CuratedBundle = { format: 'curated-v1' } & CuratedParts;
