// What the report extractor gives the review step: candidate observations, each with the exact sentence(s) it
// came from, and where the rules could not decide, the reason ("needs a decision"), never a silent guess.
// The extractor itself (index.ts) is pure domain logic: text and the known indicators / places in, this out.
import type { Comparator, Kind, PeriodBasis, Status } from '../table/fields';
import type { IndicatorDef, Place } from '../data/types';

/**
 * The place of a cited provincial figure whose province is the report's city's, resolved when the user names the
 * province: a candidate's `place` where the report's city is not a known place (so its province is not known).
 */
export const PROVINCE_OF_CITY = 'province-of-city';

/** What the rules could not settle for a candidate: the review asks the user. */
export type Undecided = 'indicator' | 'period' | 'unit' | 'place' | 'kind';

/** A stretch of the report's text: [start, end) offsets into the text given to the extractor. */
export interface Span {
  start: number;
  end: number;
}

/** One figure found in the report. */
export interface Candidate {
  /** Stable within one extraction, in text order: 'c1', 'c2', … */
  id: string;
  /** The exact sentence(s) stating it, as substrings of the text; the first is where it was found first. */
  quotes: string[];
  /** Where each quote sits in the text (same order as `quotes`). */
  spans: Span[];
  /** Where the figure itself sits (within the first quote's span), for highlighting. */
  figure: Span;
  /** The figure as written, e.g. '1008.6万元', '突破2000家', 'x.xx%'. */
  stated: string;
  /** In the indicator's canonical unit (万元 → 亿元 as the importer converts); null when masked. */
  value: number | null;
  status: Status;
  /** Canonical unit id of data/units.json ('%', '100m CNY', 'count', 'persons', 'pp', 'rank', …). */
  unit: string;
  comparator: Comparator;
  kind: Kind;
  /**
   * 'self' = the report's own city (named by the user, or from the title); otherwise a known place id for a cited
   * figure ('china', 'anhui', …), or `PROVINCE_OF_CITY` for a provincial one when the city's province is not known.
   */
  place: string;
  /** An indicator id of the known indicators, or null when a new one is proposed (`newIndicator`). */
  indicator: string | null;
  /** The phrase naming a new indicator, in Chinese, with its unit and what it measures. */
  newIndicator?: { zh: string; unit: string };
  /** 'YYYY', 'YYYY-H1', or 'Y' / 'Y-1' / 'Y+1' where the report masks its year; null = needs a decision. */
  period: string | null;
  /** The year the report files it under, where `period` differs (the statistical-year rule). */
  reportedPeriod?: string;
  periodBasis?: PeriodBasis;
  /** How it was worked out (a derived value's arithmetic, a unit conversion), in Chinese and English. */
  note?: { zh: string; en: string };
  /** The heading of the section it was found in ('' before any heading). */
  section: string;
  /** Index into Extraction.sections. */
  sectionIndex: number;
  /** R&D intensity, high-tech enterprises, technology-contract value (and their families): listed first. */
  headline: boolean;
  /** Empty when every field was placed by the rules. */
  undecided: Undecided[];
  /** For a derived candidate: the id of the candidate it is derived from. */
  derivedFrom?: string;
}

export interface Section {
  title: string;
  span: Span;
  /** A plan section (工作打算, 工作计划, 下一步, 主要任务 …): its figures are targets. */
  plan: boolean;
  /** The year (or 'YYYY-H1') the section's figures belong to, when its heading or the title says. */
  period: string | null;
}

export interface Extraction {
  /** The report's title as found (first non-empty line that reads as one), or ''. */
  title: string;
  /** The city named by the title or publisher line, when one is (its Chinese name, e.g. '芜湖市'). */
  cityName: string | null;
  /** A known place id when the city is one (from `places`), else null. */
  cityId: string | null;
  /** The report's own year ('2023', '2020-H1', 'Y' when masked), or null when it cannot be told. */
  period: string | null;
  sections: Section[];
  candidates: Candidate[];
  /**
   * Whether the text reads as a work report at all (headings, figures with units, bureau wording): a novel or a
   * spreadsheet pasted as text is refused with a message, not reviewed.
   */
  looksLikeReport: boolean;
}

export interface ExtractOptions {
  /** Known indicators (data/indicators.json plus the uploads' own): names and aliases are matched first. */
  indicators: readonly IndicatorDef[];
  /** Known places (data/cities.json plus uploads'): for the report's city and for cited places. */
  places: readonly Place[];
  /** The place id of the report's city when the user names it (wins over the title's). */
  city?: string;
}
