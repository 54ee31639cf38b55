// The observation as a schema (valibot): its type, its checks and its fields come from here. Anything read from
// outside (a stored record, a backup, a link, a curated row) is parsed with it into a fresh object: unknown keys
// are dropped, an object with a `__proto__` / `constructor` / `prototype` key is refused, nothing throws.
// valibot is loaded only where validation runs: first-load code imports just the types from here.
import * as v from 'valibot';
import {
  COMPARATORS,
  KINDS,
  LIMITS,
  OBSERVATION_FIELDS,
  PERIOD_BASES,
  STATUSES,
  type Comparator,
  type Kind,
  type Status,
} from './fields.ts'; // named in full: build/ reaches this file from vite.config.ts
import type { Bilingual } from '../i18n/bilingual';

/** Keys that must never be read into (or merged into) an object. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// Markers in an issue's message, replaced by words in describeIssue.
const FORBIDDEN = 'forbidden-key';
const EMPTY = 'empty';
const NOT_DATE = 'not-date';
const SHAPE = 'wrong-shape';

const forbiddenKeyOf = (o: unknown): string | undefined =>
  typeof o === 'object' && o !== null ? Object.keys(o).find((k) => FORBIDDEN_KEYS.has(k)) : undefined;

/** v.object that first refuses an input with a forbidden own key (the message names the key). */
export function safeObject<const E extends v.ObjectEntries>(entries: E) {
  return v.pipe(
    v.unknown(),
    v.check((o) => forbiddenKeyOf(o) === undefined, FORBIDDEN),
    v.object(entries),
  );
}

export const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** Text that is not blank. */
export const nonBlank = (max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max),
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
  v.pipe(v.array(item), v.maxLength(max));

/**
 * A tuple in the order of `fields` (how a link carries a record), read as an object of those fields, then
 * parsed with `schema`. With `optionalLast`, the last field may be null or left off (links made before it existed).
 */
export function tupleOf<S extends v.GenericSchema>(
  fields: readonly string[],
  schema: S,
  options: { optionalLast?: boolean; adapt?: (o: Record<string, unknown>) => Record<string, unknown> } = {},
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
      return options.adapt ? options.adapt(o) : o;
    }),
    schema,
  );
}

/** One observation's fields: what every upload, stored record and link row has, in OBSERVATION_FIELDS order. */
const OBSERVATION_ENTRIES = {
  city: idText,
  indicator: idText,
  /** `YYYY`, `YYYY-H1`; curated masked years are relative (`Y-1`); an upload may leave it ''. */
  period: text(LIMITS.period),
  /** In the indicator's canonical unit; null when not stated as a usable number. Never 0 for "missing". */
  value: v.nullable(v.pipe(v.number(), v.finite())),
  unit: text(LIMITS.shortText),
  comparator: v.picklist(COMPARATORS),
  kind: v.picklist(KINDS),
  status: v.picklist(STATUSES),
  /** Source id (curated: file stem of data/reports/<id>.txt; upload: `upload:<datasetId>`). */
  source: text(LIMITS.shortText),
  quote: text(LIMITS.longText),
  note: text(LIMITS.longText),
};
export const ObservationSchema = safeObject(OBSERVATION_ENTRIES);

/** The fields only data/indicators.csv has (see data/README.md). */
const CURATED_EXTRAS = {
  /** The period the report files the figure under, where it differs from `period` (the period measured). */
  reported_period: v.optional(text(LIMITS.period)),
  /** Why `period` differs from `reported_period`; '' where they agree. */
  period_basis: v.optional(v.picklist(['', ...PERIOD_BASES])),
  /** `note` in Chinese. */
  note_zh: v.optional(text(LIMITS.longText)),
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
export type { Comparator, Kind, Status };

export type Validated<T> = { ok: true; value: T } | { ok: false; problem: Bilingual };

/** What is wrong, by valibot issue type: [zh, en], given what was found and the limit. */
const WRONG: Record<string, (got: string, max: string) => [string, string]> = {
  object: () => ['应为对象', 'expected an object'],
  array: () => ['应为列表', 'expected a list'],
  string: (got) => [`应为文本，实为 ${got}`, `expected text, got ${got}`],
  picklist: (got) => [`未知取值“${got}”`, `unknown value "${got}"`],
  number: (got) => [`应为有限数值或空，实为 ${got}`, `expected a finite number or null, got ${got}`],
  max_length: (_, max) => [`文本过长（上限 ${max} 字符）`, `text too long (limit ${max} characters)`],
  max_entries: (_, max) => [`条目过多（上限 ${max}）`, `too many entries (limit ${max})`],
};
WRONG.finite = WRONG.number!;

/** The first issue as one bilingual line: `rows[0].value: expected a finite number or null, got NaN`. */
export function describeIssue(issue: v.BaseIssue<unknown>, root: string): Bilingual {
  const where = (issue.path ?? []).reduce(
    (s, p) => (typeof p.key === 'number' ? `${s}[${p.key}]` : `${s}.${String(p.key)}`),
    root,
  );
  const key = forbiddenKeyOf(issue.input);
  const type = issue.type === 'max_length' && Array.isArray(issue.input) ? 'max_entries' : issue.type;
  const [zh, en] =
    issue.message === FORBIDDEN
      ? [`含有不允许的键“${key}”`, `forbidden key "${key}"`]
      : issue.message === EMPTY
        ? ['不能为空', 'must not be empty']
        : issue.message === NOT_DATE
          ? ['不是有效日期', 'not a valid date']
          : issue.message === SHAPE
            ? ['结构不对', 'has the wrong shape']
            : issue.input === undefined
              ? ['缺失', 'missing']
              : (WRONG[type] ?? ((got) => [`取值不对：${got}`, `invalid value: ${got}`]))(
                  shown(issue.input),
                  String(issue.requirement ?? ''),
                );
  return { zh: `${where}：${zh}`, en: `${where}: ${en}` };
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
    return { ok: false, problem: { zh: `${root}：记录无法读取`, en: `${root}: record could not be read` } };
  }
}
