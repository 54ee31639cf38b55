// The observation as a schema (valibot): its type, its checks and its fields come from here. Anything read from
// outside (a stored record, a backup, a link, a curated row) is parsed with it into a fresh object: unknown keys
// are dropped, an object with a `__proto__` / `constructor` / `prototype` key is refused, nothing throws.
// valibot is loaded only where validation runs: first-load code imports just the types from here.
import * as v from 'valibot';
import {
  COMPARATORS,
  FIELD_MAX,
  KINDS,
  LIMITS,
  OBSERVATION_FIELDS,
  PERIOD_BASES,
  STATUSES,
} from './fields.ts'; // named in full: build/ reaches this file from vite.config.ts
import type { Bilingual } from '../i18n/bilingual';
import { isIssueKey, tableMessages, type IssueKey } from './messages.ts'; // named in full, as fields.ts

/** Keys that must never be read into (or merged into) an object. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// Markers in an issue's message: the catalogue's key for its words (messages.ts, used by describeIssue).
const FORBIDDEN: IssueKey = 'forbiddenKey';
const NOT_OBJECT: IssueKey = 'object';
const EMPTY: IssueKey = 'empty';
const NOT_DATE: IssueKey = 'notDate';
const SHAPE: IssueKey = 'wrongShape';

const forbiddenKeyOf = (o: unknown): string | undefined =>
  typeof o === 'object' && o !== null ? Object.keys(o).find((k) => FORBIDDEN_KEYS.has(k)) : undefined;

/**
 * v.object that first refuses a list (v.object alone takes one: its fields then read as "missing") and an input
 * with a forbidden own key (the message names the key).
 */
export function safeObject<const E extends v.ObjectEntries>(entries: E) {
  return v.pipe(
    v.unknown(),
    v.check((o) => o === undefined || !Array.isArray(o), NOT_OBJECT),
    v.check((o) => forbiddenKeyOf(o) === undefined, FORBIDDEN),
    v.object(entries),
  );
}

export const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** Text that is not blank. */
export const nonBlank = (max: number) =>
  v.pipe(
    text(max),
    v.check((s) => s.trim() !== '', EMPTY),
  );
/** An id: not blank. */
export const idText = nonBlank(LIMITS.id);
/** An ISO 8601 timestamp. */
export const isoDate = v.pipe(
  text(64),
  v.check((s) => !Number.isNaN(Date.parse(s)), NOT_DATE),
);
/** A list of at most `max` entries. */
export const list = <S extends v.GenericSchema>(item: S, max: number) =>
  // The length first: a backup of two million rows is refused at once, not after checking each.
  v.pipe(v.array(v.unknown()), v.maxLength(max), v.array(item));

/**
 * A tuple in the order of `fields` (how a link carries a record), read as an object of those fields, then
 * parsed with `schema`. With `optionalLast`, the last field may be null or left off (links made before it existed).
 */
export function tupleOf<S extends v.GenericSchema>(
  fields: readonly string[],
  schema: S,
  options: { optionalLast?: boolean } = {},
) {
  const last = fields.length - 1;
  return v.pipe(
    v.array(v.unknown()),
    v.check((t) => t.length === fields.length || (!!options.optionalLast && t.length === last), SHAPE),
    v.transform((t): unknown => {
      const o: Record<string, unknown> = {};
      fields.forEach((f, i) => {
        if (!(options.optionalLast && i === last && (t[i] === null || t[i] === undefined))) o[f] = t[i];
      });
      return o;
    }),
    schema,
  );
}

/** One observation's fields: what every upload, stored record and link row has, in OBSERVATION_FIELDS order. */
const OBSERVATION_ENTRIES = {
  city: nonBlank(FIELD_MAX.city),
  indicator: nonBlank(FIELD_MAX.indicator),
  /** `YYYY`, `YYYY-H1`; curated masked years are relative (`Y-1`); an upload may leave it ''. */
  period: text(FIELD_MAX.period),
  /** In the indicator's canonical unit; null when not stated as a usable number. Never 0 for "missing". */
  value: v.nullable(v.pipe(v.number(), v.finite())),
  unit: text(FIELD_MAX.unit),
  comparator: v.picklist(COMPARATORS),
  kind: v.picklist(KINDS),
  status: v.picklist(STATUSES),
  /** Source id (curated: file stem of data/reports/<id>.txt; upload: `upload:<datasetId>`). */
  source: text(FIELD_MAX.source),
  quote: text(FIELD_MAX.quote),
  note: text(FIELD_MAX.note),
};
export const ObservationSchema = safeObject(OBSERVATION_ENTRIES);

/** The fields only data/indicators.csv has (see data/README.md). */
const CURATED_EXTRAS = {
  /** The period the report files the figure under, where it differs from `period` (the period measured). */
  reported_period: v.optional(text(FIELD_MAX.period)),
  /** Why `period` differs from `reported_period`; '' where they agree. */
  period_basis: v.optional(v.picklist(['', ...PERIOD_BASES])),
  /** `note` in Chinese. */
  note_zh: v.optional(text(FIELD_MAX.note)),
};
/** One row of data/indicators.csv. */
export const CuratedRowSchema = safeObject({ ...OBSERVATION_ENTRIES, ...CURATED_EXTRAS });

/** One row of data/indicators.csv, or of an upload normalised to the same shape (no curated extras). */
export type Observation = v.InferOutput<typeof CuratedRowSchema>;

// The field list the first-load bundle carries (fields.ts) names the schema's fields: this fails to compile when they
// differ (order: a unit test compares Object.keys(ObservationSchema's entries) with it).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const FIELDS_MATCH: Same<
  keyof v.InferOutput<typeof ObservationSchema>,
  (typeof OBSERVATION_FIELDS)[number]
> = true;

export type Validated<T> = { ok: true; value: T } | { ok: false; problem: Bilingual };

/** The first issue as one bilingual line: `rows[0].value: expected a finite number or null, got NaN`. */
export function describeIssue(issue: v.BaseIssue<unknown>, root: string): Bilingual {
  const where = (issue.path ?? []).reduce(
    (s, p) => (typeof p.key === 'number' ? `${s}[${p.key}]` : `${s}.${String(p.key)}`),
    root,
  );
  const type = issue.type === 'max_length' && Array.isArray(issue.input) ? 'max_entries' : issue.type;
  const key: IssueKey = isIssueKey(issue.message)
    ? issue.message
    : issue.input === undefined
      ? 'missing'
      : issue.type === 'finite'
        ? 'number'
        : isIssueKey(type)
          ? type
          : 'invalid';
  const params = {
    got: shown(issue.input),
    max: String(issue.requirement ?? ''),
    key: forbiddenKeyOf(issue.input) ?? '',
  };
  return tableMessages.both('at', { where, what: tableMessages.both(key, params) });
}

function shown(x: unknown): string {
  let s: string;
  try {
    s = typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : typeof x;
  } catch {
    s = '?';
  }
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** parseWith(schema, raw, 'rows[0]') -> {ok, value} (a fresh object) or {ok: false, problem}; never throws. */
export function parseWith<S extends v.GenericSchema>(
  schema: S,
  raw: unknown,
  root: string,
): Validated<v.InferOutput<S>> {
  try {
    const r = v.safeParse(schema, raw, { abortEarly: true });
    return r.success
      ? { ok: true, value: r.output }
      : { ok: false, problem: describeIssue(r.issues[0], root) };
  } catch {
    return { ok: false, problem: tableMessages.both('unreadable', { where: root }) };
  }
}
