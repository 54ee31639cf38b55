// Checks the curated dataset against the data contract (data/README.md) so that every figure a user
// sees can be traced to a verbatim sentence of its report. Pure: the caller reads the files.
// Each problem names the CSV line, a stable `rule` id and the reason.
import { readIndicatorsCsv } from './curated.ts';
import type { CsvEntry, DataProblem } from './curated.ts';
import { comparePeriods, isRelativePeriod, isTimePeriod, relativeOffset } from '../src/lib/data/dataset.ts';
import { CHART_IDS, MEASURES, type ChartId } from '../src/lib/data/types.ts';
import type { IndicatorDef, Place, SourceDef, UnitDef } from '../src/lib/data/types.ts';
import type { Observation } from '../src/lib/table/schema.ts';

export interface DatasetInput {
  csvText: string;
  indicators: IndicatorDef[];
  places: Place[];
  units: UnitDef[];
  sources: SourceDef[];
  /** Report text by source id (data/reports/<id>.txt). */
  reports: Record<string, string>;
  /** Each headline chart's drawn indicators, as its spec declares them (src/lib/charts/registry.ts). */
  chartDraws?: Readonly<Record<string, readonly string[]>>;
}

/** Curated periods: YYYY, YYYY-H1, or a masked year relative to the report's own (Y, Y-1, Y+1). */
const isCuratedPeriod = (p: string) => isTimePeriod(p) || isRelativePeriod(p);

/** Wording that plans or allocates rather than reports an achievement (the kind must be `target`). */
const PLANNED_WORDING = /拟拨付|拟安排|拟投入|规划建设|预计|力争/;
const HAS_HAN = /\p{Script=Han}/u;

/** Removes every whitespace character (incl. full-width space): quotes are compared on this form. */
export const squeeze = (s: string): string => s.replace(/\s+/gu, '');

const CN_DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_RUN = '[零〇一二两三四五六七八九十百千]+';

/** Chinese numeral below 10 000: '二十三' -> 23, '千' -> 1000, '五' -> 5; null if malformed. */
export function parseChineseNumeral(s: string): number | null {
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    const d = CN_DIGIT[ch];
    const u = CN_UNIT[ch];
    if (d !== undefined) {
      if (digit !== null) return null;
      digit = d;
    } else if (u !== undefined) {
      total += (digit ?? 1) * u;
      digit = null;
    } else return null;
  }
  return total + (digit ?? 0);
}

/** Every number a quote can be read as stating, in the units it may be converted to:
 * '5000万元' -> [5000, 0.5]; '首破千亿' -> [1000, 10000000]; '五分之一' -> [0.2, 20, …]; '第一' -> [1]. */
export function numbersStated(quote: string): number[] {
  const text = quote.normalize('NFKC');
  const out: number[] = [];
  const scaled = (n: number, suffix: string | undefined) => {
    out.push(n);
    if (suffix === '万') out.push(n / 1e4); // 万元 -> 亿元
    if (suffix === '亿') out.push(n * 1e4); // 亿元 -> 万元
  };
  for (const m of text.matchAll(/(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*([万亿])?/g)) {
    const int = m[1] ?? '';
    scaled(Number(int.replace(/,/g, '') + (m[2] ?? '')), m[3]);
    if (int.includes(',')) for (const part of int.split(',')) out.push(Number(part));
  }
  for (const m of text.matchAll(new RegExp(`(${CN_RUN})分之(${CN_RUN})`, 'g'))) {
    const den = parseChineseNumeral(m[1] ?? '');
    const num = parseChineseNumeral(m[2] ?? '');
    if (den && num !== null) out.push(num / den, (num / den) * 100);
  }
  for (const m of text.matchAll(new RegExp(`(${CN_RUN})([万亿])?`, 'g'))) {
    const n = parseChineseNumeral(m[1] ?? '');
    if (n !== null) scaled(n, m[2]);
  }
  if (text.includes('首位')) out.push(1);
  return out;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Whether a quote states a value, allowing 亿/万, grouping, trailing zeros, % and Chinese numerals. */
export function quoteStatesNumber(quote: string, value: number): boolean {
  return numbersStated(quote).some((n) => close(n, value));
}

const describe = (r: Observation) =>
  `${r.city}/${r.indicator}/${r.period || "''"}/${r.kind} = ${r.value ?? "''"}`;

function byId<T extends { id: string }>(list: T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

/** All problems in the dataset, sorted by line (line 0 = a definition file, not a CSV row). */
export function checkDataset(input: DatasetInput): DataProblem[] {
  const { entries, problems } = readIndicatorsCsv(input.csvText);
  const out: DataProblem[] = [...problems];
  const indicators = byId(input.indicators);
  const places = byId(input.places);
  const units = byId(input.units);
  const sources = byId(input.sources);
  const squeezed = new Map(Object.entries(input.reports).map(([id, t]) => [id, squeeze(t)]));

  for (const e of entries) out.push(...checkRow(e, { indicators, places, units, sources, squeezed }));
  out.push(...checkConflicts(entries));
  out.push(...checkDerivedShifts(entries));
  out.push(...checkDefinitions(input, places, units));
  if (input.chartDraws) out.push(...checkChartDraws(input.indicators, input.chartDraws));
  return out.sort((a, b) => a.line - b.line);
}

interface Lookup {
  indicators: Map<string, IndicatorDef>;
  places: Map<string, Place>;
  units: Map<string, UnitDef>;
  sources: Map<string, SourceDef>;
  squeezed: Map<string, string>;
}

function checkRow({ line, row }: CsvEntry, l: Lookup): DataProblem[] {
  const out: DataProblem[] = [];
  const p = (rule: string, reason: string) =>
    out.push({ line, rule, message: `${describe(row)}: ${reason}` });
  const ind = l.indicators.get(row.indicator);
  const src = l.sources.get(row.source);

  if (!l.places.has(row.city)) p('unknown-city', `city "${row.city}" is not in data/cities.json`);
  if (!ind) p('unknown-indicator', `indicator "${row.indicator}" is not in data/indicators.json`);
  if (!src) p('unknown-source', `source "${row.source}" is not in data/sources.json`);
  if (!l.units.has(row.unit)) p('unknown-unit', `unit "${row.unit}" is not in data/units.json`);
  if (ind && row.unit !== ind.unit)
    p('unit-not-canonical', `unit "${row.unit}" differs from the indicator's canonical unit "${ind.unit}"`);
  if (!isCuratedPeriod(row.period))
    p(
      'bad-period',
      `period "${row.period}" is not YYYY, YYYY-H1 or a masked year relative to the report's (Y, Y-1, Y+1)`,
    );
  checkPeriodShift(row, p);
  if ((row.kind === 'actual' || row.kind === 'reference') && PLANNED_WORDING.test(row.quote))
    p(
      'planned-as-actual',
      `kind "${row.kind}" but the quote plans or allocates ("${PLANNED_WORDING.exec(row.quote)?.[0]}"): make it a target`,
    );
  if (row.note.trim() !== '' && !HAS_HAN.test(row.note_zh ?? ''))
    p('note-not-translated', 'has a note but no Chinese note (note_zh): the Chinese view would show English');
  if (row.note.trim() === '' && (row.note_zh ?? '').trim() !== '')
    p('note-not-translated', 'has a Chinese note (note_zh) but no note: the English view would show nothing');
  if (row.value === null && row.status !== 'redacted')
    p(
      'empty-value-not-redacted',
      'empty value but status is not "redacted" (a missing figure must be marked)',
    );
  if (row.value !== null && row.status === 'redacted')
    p('redacted-with-value', `status is "redacted" but the value ${row.value} is filled in`);
  if (src?.plan_only && (row.kind === 'actual' || row.kind === 'derived'))
    p('actual-from-plan', `kind "${row.kind}" from ${row.source}, a plan-only source (targets only)`);

  const quote = squeeze(row.quote);
  if (quote === '' && row.kind !== 'derived')
    p('quote-not-verbatim', 'has no quote (only derived rows may omit it)');
  if (quote !== '' && src) {
    const report = l.squeezed.get(row.source);
    if (report === undefined) p('quote-not-verbatim', `no report text for source ${row.source}`);
    else if (!report.includes(quote))
      p('quote-not-verbatim', `quote "${row.quote}" is not in data/reports/${row.source}.txt`);
  }
  if (row.status === 'reported' && row.kind !== 'derived' && row.value !== null && quote !== '')
    if (!quoteStatesNumber(row.quote, row.value))
      p('number-not-in-quote', `the value ${row.value} does not appear in the quote "${row.quote}"`);
  return out;
}

/**
 * The two periods of a row: `reported_period` (the report's attribution) is set only where it differs
 * from `period` (the period measured), always with its evidence in `period_basis` (and in words in the
 * note), and an achievement or a cited figure never measures a period later than the report files it under.
 */
function checkPeriodShift(row: Observation, p: (rule: string, reason: string) => void): void {
  const reported = row.reported_period ?? '';
  const basis = row.period_basis ?? '';
  if (reported === '') {
    if (basis !== '') p('shift-without-reason', `period_basis "${basis}" but no reported_period`);
    return;
  }
  if (!isCuratedPeriod(reported)) p('bad-period', `reported_period "${reported}" is not a period`);
  else if (reported === row.period)
    p('shift-without-reason', `reported_period "${reported}" equals period: leave it empty where they agree`);
  else {
    const order = comparePeriods(row.period, reported);
    if (order === null)
      p('bad-period', `period "${row.period}" and reported_period "${reported}" are not of one calendar`);
    else if (order > 0 && row.kind !== 'target')
      p(
        'period-after-report',
        `a ${row.kind} measuring ${row.period} cannot be stated in a report filed under ${reported}`,
      );
  }
  if (basis === '')
    p(
      'shift-without-reason',
      `reported_period "${reported}" differs from period "${row.period}" but period_basis is empty`,
    );
  if (row.note.trim() === '') p('shift-without-reason', 'a shifted period needs a note giving the evidence');
}

/** Years between a row's period and its report's attribution (0 where they agree; null where not comparable). */
function shiftOf(r: Observation): number | null {
  if (!r.reported_period) return 0;
  const [a, b] = [r.period, r.reported_period];
  if (/^\d{4}/.test(a) && /^\d{4}/.test(b)) return Number(b.slice(0, 4)) - Number(a.slice(0, 4));
  if (isRelativePeriod(a) && isRelativePeriod(b)) return relativeOffset(b) - relativeOffset(a);
  return null;
}

/**
 * A derived row follows the row it is derived from, which is moved by as many years: a stated row of its
 * report with the same quote (Fujian's total from Fuzhou's share), else one of the same indicator whose
 * value the quote states (3.48% from the 3.76% in 占GDP比重达3.76%,较上年提升0.28个百分点).
 * Where several qualify, a moved one speaks for the sentence (a sentence with R&D figures is R&D statistics).
 */
function checkDerivedShifts(entries: CsvEntry[]): DataProblem[] {
  const out: DataProblem[] = [];
  const stated = entries.filter((e) => e.row.kind !== 'derived' && e.row.quote !== '');
  const pick = (list: CsvEntry[]) => list.find((e) => shiftOf(e.row) !== 0) ?? list[0];
  for (const e of entries) {
    const d = e.row;
    if (d.kind !== 'derived' || d.quote === '') continue;
    const ofSource = stated.filter((s) => s.row.source === d.source);
    const sameQuote = ofSource.filter((s) => squeeze(s.row.quote) === squeeze(d.quote));
    const sameIndicator = ofSource.filter(
      (s) =>
        s.row.indicator === d.indicator && s.row.value !== null && quoteStatesNumber(d.quote, s.row.value),
    );
    const base = pick(sameQuote.length ? sameQuote : sameIndicator);
    if (!base) continue;
    const [own, theirs] = [shiftOf(d), shiftOf(base.row)];
    if (own !== theirs)
      out.push({
        line: e.line,
        rule: 'derived-shift',
        message: `${describe(d)}: derived from line ${base.line} (${describe(base.row)}), which is moved ${theirs ?? '?'} year(s) from its report's attribution, but this row is moved ${own ?? '?'}`,
      });
  }
  return out;
}

/**
 * Same city/indicator/period/kind must agree. A masked year is written relative to the report's
 * (Y-1, Y, Y+1), so two figures of different years never share a key. Targets also key on the
 * comparator: a floor and a stretch goal for one year (保x争x) are two targets, not a conflict.
 */
function checkConflicts(entries: CsvEntry[]): DataProblem[] {
  const out: DataProblem[] = [];
  const first = new Map<string, CsvEntry>();
  for (const e of entries) {
    const r = e.row;
    const key = [r.city, r.indicator, r.period, r.kind, r.kind === 'target' ? r.comparator : ''].join('|');
    const prev = first.get(key);
    if (!prev) {
      first.set(key, e);
      continue;
    }
    if (prev.row.value !== r.value || prev.row.comparator !== r.comparator)
      out.push({
        line: e.line,
        rule: 'conflicting-duplicate',
        message: `${describe(r)} (${r.comparator}) conflicts with line ${prev.line}: ${describe(prev.row)} (${prev.row.comparator})`,
      });
  }
  return out;
}

/** The JSON files must be consistent among themselves; reported on line 0. */
/**
 * indicators.json's `charts` and the chart specs' `draws` say the same: an indicator lists a chart exactly when
 * that chart draws it (else the explorer offers a drawn one, or leaves out one no chart draws).
 */
function checkChartDraws(
  indicators: readonly IndicatorDef[],
  draws: Readonly<Record<string, readonly string[]>>,
): DataProblem[] {
  const out: DataProblem[] = [];
  const p = (message: string) => out.push({ line: 0, rule: 'chart-draws', message });
  const byId = new Map(indicators.map((d) => [d.id, d]));
  for (const d of indicators)
    for (const chart of Array.isArray(d.charts) ? d.charts : [])
      if (draws[chart] && !draws[chart].includes(d.id))
        p(`data/indicators.json: ${d.id} lists chart "${chart}", which does not draw it`);
  for (const [chart, ids] of Object.entries(draws))
    for (const id of ids) {
      const d = byId.get(id);
      if (!d) p(`chart "${chart}" draws "${id}", which data/indicators.json does not define`);
      else if (!d.charts.includes(chart as ChartId))
        p(`data/indicators.json: ${id} is drawn by chart "${chart}" but does not list it in "charts"`);
    }
  return out;
}

function checkDefinitions(input: DatasetInput, places: Map<string, Place>, units: Map<string, UnitDef>) {
  const out: DataProblem[] = [];
  const p = (message: string) => out.push({ line: 0, rule: 'bad-definition', message });
  const dupes = (file: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) p(`${file}: duplicate id "${id}"`);
      seen.add(id);
    }
  };
  const files = [
    ['data/indicators.json', input.indicators],
    ['data/cities.json', input.places],
    ['data/units.json', input.units],
    ['data/sources.json', input.sources],
  ] as const;
  for (const [file, list] of files)
    dupes(
      file,
      list.map((x) => x.id),
    );
  for (const ind of input.indicators) {
    if (!units.has(ind.unit)) p(`data/indicators.json: ${ind.id} has unknown unit "${ind.unit}"`);
    if (!Array.isArray(ind.charts)) p(`data/indicators.json: ${ind.id} needs "charts", a list of chart ids`);
    else
      for (const chart of ind.charts)
        if (!(CHART_IDS as readonly string[]).includes(chart))
          p(`data/indicators.json: ${ind.id} has unknown chart "${String(chart)}"`);
    if (!MEASURES.includes(ind.measure))
      p(
        `data/indicators.json: ${ind.id} has measure "${String(ind.measure)}", not one of ${MEASURES.join(', ')}`,
      );
    if (!ind.aliases.includes(ind.zh) || !ind.aliases.includes(ind.en))
      p(`data/indicators.json: ${ind.id} must list its zh and en names among its aliases`);
  }
  out.push(...checkFamilies(input.indicators));
  for (const pl of input.places)
    if (pl.province !== '' && !places.has(pl.province))
      p(`data/cities.json: ${pl.id} has unknown province "${pl.province}"`);
  for (const s of input.sources) {
    if (!places.has(s.city)) p(`data/sources.json: ${s.id} has unknown city "${s.city}"`);
    if (input.reports[s.id] === undefined) p(`data/sources.json: ${s.id} has no data/reports/${s.id}.txt`);
    if (!s.title_en?.trim() || !s.publisher_en?.trim() || !HAS_HAN.test(s.publisher))
      p(`data/sources.json: ${s.id} needs a Chinese publisher and an English title_en and publisher_en`);
    if (!HAS_HAN.test(s.notes_zh ?? '') || !HAS_HAN.test(s.period_covered_zh ?? ''))
      p(
        `data/sources.json: ${s.id} needs its notes and period_covered in Chinese too (notes_zh, period_covered_zh)`,
      );
  }
  return out;
}

/**
 * `family` (scopes of one quantity, data/README.md "Scopes"): it names an existing id, the main one (whose own
 * family is absent or itself), measured in the same unit with the same measure.
 */
function checkFamilies(indicators: readonly IndicatorDef[]): DataProblem[] {
  const byId = new Map(indicators.map((d) => [d.id, d]));
  const out: DataProblem[] = [];
  for (const d of indicators) {
    if (d.family === undefined || d.family === d.id) continue;
    const main = byId.get(d.family);
    const why = !main
      ? 'which data/indicators.json does not define'
      : main.family !== undefined && main.family !== main.id
        ? `which is itself of family "${main.family}" (name the main id)`
        : main.unit !== d.unit || main.measure !== d.measure
          ? `measured in ${main.unit} as ${String(main.measure)}, not ${d.unit} as ${String(d.measure)}`
          : '';
    if (why)
      out.push({
        line: 0,
        rule: 'bad-family',
        message: `data/indicators.json: ${d.id} has family "${d.family}", ${why}`,
      });
  }
  return out;
}
