// Validation of untrusted dataset records (IndexedDB, backup files, share links). Builds fresh objects field by
// field; never copies unknown keys, refuses `__proto__` / `constructor` / `prototype` keys anywhere, never throws.
import { CHART_IDS } from '../data/types';
import { COMPARATORS, KINDS, STATUSES } from '../table/fields';
import type { ChartId, IndicatorDef, Place, PlaceLevel } from '../data/types';
import type { Comparator, Kind, Status } from '../table/fields';
import type { Observation } from '../table/schema';
import { measureOr } from '../import/measure';
import type { Bilingual } from '../i18n/bilingual';
import type { DatasetRecord } from './types';

export const PLACE_LEVELS: readonly PlaceLevel[] = ['nation', 'province', 'prefecture', 'county', 'unnamed'];

/** Keys that must never be read into (or merged into) an object. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const LIMITS = {
  id: 200,
  shortText: 1000,
  longText: 20000,
  rows: 500_000,
  defs: 10_000,
  aliases: 200,
} as const;

/** The content of a dataset without storage bookkeeping (what a share link carries). */
export interface DatasetContent {
  name: string;
  rows: Observation[];
  indicators: IndicatorDef[];
  places: Place[];
}

export type Validated<T> = { ok: true; value: T } | { ok: false; problem: Bilingual };

class Invalid extends Error {
  constructor(readonly problem: Bilingual) {
    super(problem.en);
  }
}

function shown(v: unknown): string {
  let s: string;
  try {
    s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : typeof v;
  } catch {
    s = '?';
  }
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function fail(path: string, zh: string, en: string): never {
  throw new Invalid({ zh: `${path}：${zh}`, en: `${path}: ${en}` });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own property only (never the prototype chain). */
function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function object(v: unknown, path: string): Record<string, unknown> {
  if (!isRecord(v)) fail(path, '应为对象', 'expected an object');
  for (const k of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(k)) fail(path, `含有不允许的键“${k}”`, `forbidden key "${k}"`);
  }
  return v;
}

function array(v: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(v)) fail(path, '缺失或不是列表', 'missing or not a list');
  if (v.length > max) fail(path, `条目过多（上限 ${max}）`, `too many entries (limit ${max})`);
  return v;
}

function text(
  obj: Record<string, unknown>,
  key: string,
  path: string,
  max: number,
  nonEmpty = false,
): string {
  const v = own(obj, key);
  const p = `${path}.${key}`;
  if (v === undefined) fail(p, '缺失', 'missing');
  if (typeof v !== 'string') fail(p, `应为文本，实为 ${shown(v)}`, `expected text, got ${shown(v)}`);
  if (v.length > max) fail(p, `文本过长（上限 ${max} 字符）`, `text too long (limit ${max} characters)`);
  if (nonEmpty && v.trim() === '') fail(p, '不能为空', 'must not be empty');
  return v;
}

function oneOf<T extends string>(
  obj: Record<string, unknown>,
  key: string,
  path: string,
  allowed: readonly T[],
): T {
  const v = own(obj, key);
  const p = `${path}.${key}`;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    fail(p, `未知取值“${shown(v)}”`, `unknown value "${shown(v)}"`);
  }
  return v as T;
}

/** validateObservation({city:'wuhu', ...}, 'rows[0]') -> a fresh Observation, or throws Invalid (internal). */
function observation(raw: unknown, path: string): Observation {
  const o = object(raw, path);
  const value = own(o, 'value');
  if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
    fail(
      `${path}.value`,
      `应为有限数值或空，实为 ${shown(value)}`,
      `expected a finite number or null, got ${shown(value)}`,
    );
  }
  return {
    city: text(o, 'city', path, LIMITS.id, true),
    indicator: text(o, 'indicator', path, LIMITS.id, true),
    period: text(o, 'period', path, 32),
    value,
    unit: text(o, 'unit', path, LIMITS.shortText),
    comparator: oneOf<Comparator>(o, 'comparator', path, COMPARATORS),
    kind: oneOf<Kind>(o, 'kind', path, KINDS),
    status: oneOf<Status>(o, 'status', path, STATUSES),
    source: text(o, 'source', path, LIMITS.shortText),
    quote: text(o, 'quote', path, LIMITS.longText),
    note: text(o, 'note', path, LIMITS.longText),
  };
}

function indicator(raw: unknown, path: string): IndicatorDef {
  const o = object(raw, path);
  const chart = own(o, 'chart');
  if (chart !== null && !(typeof chart === 'string' && (CHART_IDS as readonly string[]).includes(chart))) {
    fail(`${path}.chart`, `未知图表“${shown(chart)}”`, `unknown chart "${shown(chart)}"`);
  }
  const aliases = array(own(o, 'aliases'), `${path}.aliases`, LIMITS.aliases).map((a, i) => {
    if (typeof a !== 'string' || a.length > LIMITS.shortText) {
      fail(`${path}.aliases[${i}]`, '应为文本', 'expected text');
    }
    return a;
  });
  return {
    id: text(o, 'id', path, LIMITS.id, true),
    zh: text(o, 'zh', path, LIMITS.shortText),
    en: text(o, 'en', path, LIMITS.shortText),
    unit: text(o, 'unit', path, LIMITS.shortText),
    description_zh: text(o, 'description_zh', path, LIMITS.longText),
    description_en: text(o, 'description_en', path, LIMITS.longText),
    chart: chart as ChartId | null,
    aliases,
    measure: measureOr(own(o, 'measure'), String(own(o, 'zh') ?? ''), String(own(o, 'unit') ?? '')),
  };
}

function place(raw: unknown, path: string): Place {
  const o = object(raw, path);
  const p: Place = {
    id: text(o, 'id', path, LIMITS.id, true),
    zh: text(o, 'zh', path, LIMITS.shortText),
    en: text(o, 'en', path, LIMITS.shortText),
    province: text(o, 'province', path, LIMITS.id),
    level: oneOf<PlaceLevel>(o, 'level', path, PLACE_LEVELS),
  };
  if (own(o, 'note') !== undefined) p.note = text(o, 'note', path, LIMITS.longText);
  return p;
}

function content(o: Record<string, unknown>, path: string): DatasetContent {
  const rows = array(own(o, 'rows'), `${path}.rows`, LIMITS.rows);
  const indicators = array(own(o, 'indicators'), `${path}.indicators`, LIMITS.defs);
  const places = array(own(o, 'places'), `${path}.places`, LIMITS.defs);
  return {
    name: text(o, 'name', path, LIMITS.shortText),
    rows: rows.map((r, i) => observation(r, `${path}.rows[${i}]`)),
    indicators: indicators.map((d, i) => indicator(d, `${path}.indicators[${i}]`)),
    places: places.map((p, i) => place(p, `${path}.places[${i}]`)),
  };
}

function guard<T>(run: () => T): Validated<T> {
  try {
    return { ok: true, value: run() };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, problem: e.problem };
    return { ok: false, problem: { zh: '记录无法读取', en: 'record could not be read' } };
  }
}

/** validateStoredDataset(JSON.parse(text)) -> {ok:true, value} with a fresh DatasetRecord, or {ok:false, problem}. */
export function validateStoredDataset(raw: unknown, path = 'dataset'): Validated<DatasetRecord> {
  return guard(() => {
    const o = object(raw, path);
    const importedAt = text(o, 'importedAt', path, 64);
    if (Number.isNaN(Date.parse(importedAt))) fail(`${path}.importedAt`, '不是有效日期', 'not a valid date');
    const c = content(o, path);
    return {
      id: text(o, 'id', path, LIMITS.id, true),
      name: c.name,
      fileName: text(o, 'fileName', path, LIMITS.shortText),
      importedAt,
      encoding: text(o, 'encoding', path, 64, true),
      rows: c.rows,
      indicators: c.indicators,
      places: c.places,
    };
  });
}

/** validateDatasetContent({name, rows, indicators, places}) -> fresh copy or the first problem found. */
export function validateDatasetContent(raw: unknown, path = 'dataset'): Validated<DatasetContent> {
  return guard(() => content(object(raw, path), path));
}
