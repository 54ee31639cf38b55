// How each view parameter of a link is read, kept and written, and its default: the PARAMS table url.ts parses,
// normalises and serialises with. Each parameter parses to valid / invalid / missing (OWID style); the mapped
// type of PARAMS makes the type checker insist every parameter is handled.
import type { Bilingual } from '../i18n/bilingual';
import { both, type TextMessageKey } from '../i18n/messages';
import type { Notice, View } from './url';

/** Ids (cities, indicators, sources) in a URL: lower-case ASCII slugs. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/**
 * Row keys (`wuhu-rd_intensity-2020-h1-actual`, a masked year's `x_region-…-y+1-target`); letters of any script
 * allowed, no punctuation that could mean markup.
 */
export const MARK_PATTERN = /^[\p{L}\p{N}_.:~+-]{1,200}$/u;
/** lz-string `compressToEncodedURIComponent` alphabet. */
export const DATA_PATTERN = /^[A-Za-z0-9+$-]+$/;
/** Longest compressed upload allowed in a link. */
export const LINK_DATA_MAX_CHARS = 6000;
export const MAX_CITIES = 50;
/** A plan year in `plan=`: a calendar year, a first half, or a masked year relative to the report (Y, Y+1). */
export const PLAN_PATTERN = /^(?:\d{4}(?:-H1)?|Y(?:[+-][1-9])?)$/;
/** The highest `page=` read (plan targets: a few pages per city and plan year). */
export const MAX_PAGE = 999;

/** The view parameters, in the order they are read and written. */
export const PARAM_ORDER = [
  'lang',
  'cities',
  'indicator',
  'scale',
  'plan',
  'page',
  'mark',
  'bg',
  'data',
] as const;
export type ParamName = (typeof PARAM_ORDER)[number];
export const PARAM_SET: ReadonlySet<string> = new Set(PARAM_ORDER);

/** Why part of a link was not used (a plain-text message of the UI catalogue). */
export type Reason = Extract<TextMessageKey, `url${string}`> | Bilingual;

export type Parsed<T> =
  | { kind: 'valid'; value: T; notices?: Notice[] }
  | { kind: 'invalid'; notices: Notice[] }
  | { kind: 'missing' };

/** How one view parameter is read from a link, kept from a view built in code, and written back. */
interface ParamRule<T> {
  /** Its value when the link does not give it; never written. */
  default: T;
  /** The link's (decoded) text -> valid, or invalid with notices. */
  read(raw: string): Parsed<T>;
  /** A view's value as parseView would have read it back, else the default: views come from anywhere. */
  keep(value: unknown): T;
  /** A value other than the default, as the link writes it (escaped). */
  write(value: NonNullable<T>): string;
}

function clip(raw: string): string {
  return raw.length > 100 ? `${raw.slice(0, 100)}…` : raw;
}

export function note(param: string, raw: string, reason: Reason): Notice {
  return { param, raw: clip(raw), reason: typeof reason === 'string' ? both(reason) : reason };
}

export function isId(s: string): boolean {
  return ID_PATTERN.test(s);
}

/** encodeURIComponent, but '$' (in the lz-string alphabet) left as it is. */
function enc(s: string): string {
  return encodeURIComponent(s).replace(/%24/g, '$');
}

function pattern(param: ParamName, raw: string, re: RegExp, reason: Reason = 'urlInvalid'): Parsed<string> {
  return re.test(raw)
    ? { kind: 'valid', value: raw }
    : { kind: 'invalid', notices: [note(param, raw, reason)] };
}

/** A parameter whose value is one of a few words. */
function choice<T extends string, D extends T | null>(
  param: ParamName,
  allowed: readonly T[],
  fallback: D,
): ParamRule<T | D> {
  const is = (x: unknown): x is T => (allowed as readonly unknown[]).includes(x);
  return {
    default: fallback,
    read: (raw) =>
      is(raw)
        ? { kind: 'valid', value: raw }
        : { kind: 'invalid', notices: [note(param, raw, 'urlInvalid')] },
    keep: (value) => (is(value) ? value : fallback),
    write: enc,
  };
}

/** A parameter whose value is text of a pattern (and at most `max` characters). */
function text(param: ParamName, re: RegExp, reason: Reason, max = Infinity): ParamRule<string | null> {
  const fits = (s: string) => s.length <= max && re.test(s);
  return {
    default: null,
    read: (raw) =>
      raw.length > max
        ? { kind: 'invalid', notices: [note(param, raw, 'urlDataTooLarge')] }
        : pattern(param, raw, re, reason),
    keep: (value) => (typeof value === 'string' && fits(value) ? value : null),
    write: enc,
  };
}

/**
 * A comma-separated list of values of a pattern: each invalid item dropped with a notice (`reason`), duplicates
 * removed, at most `max` kept (saying so with `tooMany`, where given). A list of nothing (`cities=`) is valid and
 * empty where `noneIsEmpty` (no city chosen), else it is ignored; a list of only invalid items is ignored.
 */
function listOf(
  param: ParamName,
  {
    re,
    reason,
    max,
    tooMany,
    noneIsEmpty = false,
  }: { re: RegExp; reason: Reason; max: number; tooMany?: Reason; noneIsEmpty?: boolean },
): ParamRule<string[] | null> {
  return {
    default: null,
    read: (raw) => {
      const items = raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      const notices = items.filter((s) => !re.test(s)).map((s) => note(param, s, reason));
      let kept = [...new Set(items.filter((s) => re.test(s)))];
      if (kept.length > max) {
        if (tooMany) notices.push(note(param, raw, tooMany));
        kept = kept.slice(0, max);
      }
      return kept.length || (noneIsEmpty && items.length === 0)
        ? { kind: 'valid', value: kept, notices }
        : { kind: 'invalid', notices };
    },
    keep: (value) => {
      if (!Array.isArray(value)) return null;
      const kept = [...new Set(value.filter((s): s is string => typeof s === 'string' && re.test(s)))].slice(
        0,
        max,
      );
      return kept.length || (noneIsEmpty && value.length === 0) ? kept : null;
    },
    write: (items) => items.map(enc).join(','),
  };
}

/** A page number, 1…MAX_PAGE; page 1 is the default and never written. */
const page: ParamRule<number | null> = {
  default: null,
  read: (raw) => {
    const n = /^[1-9]\d{0,2}$/.test(raw) ? Number(raw) : NaN;
    return n <= MAX_PAGE
      ? { kind: 'valid', value: n }
      : { kind: 'invalid', notices: [note('page', raw, 'urlInvalid')] };
  },
  keep: (value) =>
    Number.isInteger(value) && (value as number) > 1 && (value as number) <= MAX_PAGE
      ? (value as number)
      : null,
  write: String,
};

/** Every view parameter: the mapped type makes a forgotten one a type error. */
export const PARAMS: { [K in ParamName]: ParamRule<View[K]> } = {
  lang: choice('lang', ['zh', 'en'] as const, 'zh'),
  cities: listOf('cities', {
    re: ID_PATTERN,
    reason: 'urlInvalidId',
    max: MAX_CITIES,
    tooMany: both('urlTooMany', { max: MAX_CITIES }),
    noneIsEmpty: true,
  }),
  indicator: text('indicator', ID_PATTERN, 'urlInvalidId'),
  scale: choice('scale', ['log'] as const, null),
  plan: listOf('plan', { re: PLAN_PATTERN, reason: 'urlInvalid', max: 20 }),
  page,
  mark: text('mark', MARK_PATTERN, 'urlInvalid'),
  bg: choice('bg', ['white', 'transparent'] as const, null),
  data: text('data', DATA_PATTERN, 'urlInvalid', LINK_DATA_MAX_CHARS),
};

/**
 * The dashboard's parameters: what the dashboard reads, and what every link between pages carries
 * (routes.ts LinkContext), so a report opened from a chart and its way back keep the view.
 */
export const VIEW_PARAMS: readonly ParamName[] = [
  'lang',
  'cities',
  'indicator',
  'scale',
  'plan',
  'bg',
  'data',
];
/** Parameters of the views that show a chart in pages (embed, presentation). */
export const PAGED_PARAMS: readonly ParamName[] = [...VIEW_PARAMS, 'page'];
