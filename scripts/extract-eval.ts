// npm run extract:eval: runs the report extractor (src/lib/extract) on the five seed reports and measures it
// against the curated rows of data/indicators.csv (the metric: src/lib/extract/evaluate.ts). Prints a markdown
// table (tuning seeds 000/001/003, held-out 002/004, all five; "named wrong" = rows whose figure a candidate has at
// their quote under another indicator); then a second table, the three made-up reports of
// tests/fixtures/reports/unseen read against their expected figures (expected.ts: met / named wrong / kind, period or
// comparator wrong / missed); with --misses, what was missed, named wrong or wrong in either.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import type { IndicatorDef, Place, SourceDef } from '../src/lib/data/types';
import { extractReport } from '../src/lib/extract/index';
import type { Candidate } from '../src/lib/extract/types';
import { evaluate, FIELDS, maskedFound, sum, type CuratedRow, type Score } from '../src/lib/extract/evaluate';
import { expectFigure, tally, type Checked } from '../src/lib/extract/expectations';
import { UNSEEN } from '../tests/fixtures/reports/unseen/expected';

const dataDir = fileURLToPath(new URL('../data/', import.meta.url));
const read = (name: string): string => readFileSync(dataDir + name, 'utf8');

export const TUNING = ['000_af02aa0effd2c52e', '001_bf8fc6d553621b5e', '003_88c14eeab7c82779'];
export const HELD_OUT = ['002_56dc8c00c35f0214', '004_1546186363c61f01'];
/** Headline = an id some headline chart (rd-intensity, high-tech, tech-contracts) draws, per indicators.json. */
const HEADLINE_CHARTS = new Set(['rd-intensity', 'high-tech', 'tech-contracts']);

export interface SeedRun {
  source: string;
  text: string;
  candidates: Candidate[];
  rows: CuratedRow[];
  score: Score;
  masked: { rows: number; found: number };
}

export function runSeeds(): SeedRun[] {
  const indicators = JSON.parse(read('indicators.json')) as IndicatorDef[];
  const places = JSON.parse(read('cities.json')) as Place[];
  const sources = JSON.parse(read('sources.json')) as SourceDef[];
  const all = Papa.parse<CuratedRow & { source: string }>(read('indicators.csv'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const headline = (id: string): boolean =>
    indicators.find((d) => d.id === id)?.charts.some((c) => HEADLINE_CHARTS.has(c)) ?? false;
  return [...TUNING, ...HELD_OUT].sort().map((source) => {
    const city = sources.find((s) => s.id === source)!.city;
    const text = read(`reports/${source}.txt`);
    const { candidates } = extractReport(text, { indicators, places, city });
    const rows = all.filter((r) => r.source === source);
    return {
      source,
      text,
      candidates,
      rows,
      score: evaluate(candidates, rows, city, headline),
      masked: maskedFound(candidates, rows),
    };
  });
}

export interface UnseenRun {
  file: string;
  label: string;
  text: string;
  candidates: Candidate[];
  checked: Checked[];
}

/** The three made-up reports of tests/fixtures/reports/unseen, each read against its expected figures. */
export function runUnseen(): UnseenRun[] {
  const indicators = JSON.parse(read('indicators.json')) as IndicatorDef[];
  const places = JSON.parse(read('cities.json')) as Place[];
  const dir = fileURLToPath(new URL('../tests/fixtures/reports/unseen/', import.meta.url));
  return UNSEEN.map(({ file, label, expected }) => {
    const text = readFileSync(dir + file, 'utf8');
    const { candidates } = extractReport(text, { indicators, places });
    return { file, label, text, candidates, checked: expected.map((e) => expectFigure(e, candidates)) };
  });
}

/** The second table: expected / met / named wrong / kind-period-comparator wrong per unseen report. */
export function unseenTableOf(runs: readonly UnseenRun[]): string {
  const head = [
    'unseen report',
    'expected',
    'met',
    'named wrong',
    'kind-period-comparator wrong',
    'missed',
    'other wrong',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  const all = tally(runs.flatMap((r) => r.checked));
  for (const [name, t] of [
    ...runs.map((r) => [r.label, tally(r.checked)] as const),
    ['all three', all] as const,
  ])
    lines.push(
      `| ${[name, t.expected, `${t.met} (${pct(t.met, t.expected)})`, t.namedWrong, t.kpcWrong, t.missed, t.other].join(' | ')} |`,
    );
  return lines.join('\n');
}

const pct = (a: number, b: number): string => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`);

export function tableOf(runs: readonly SeedRun[]): string {
  const pick = (ids: readonly string[]): Score =>
    sum(runs.filter((r) => ids.includes(r.source)).map((r) => r.score));
  const groups: Array<[string, Score]> = [
    ['tuning (000, 001, 003)', pick(TUNING)],
    ['held out: 002', pick(['002_56dc8c00c35f0214'])],
    ['held out: 004 (masked)', pick(['004_1546186363c61f01'])],
    ['all five', pick([...TUNING, ...HELD_OUT])],
  ];
  const head = [
    'seeds',
    'counted',
    'found at sentence',
    'matched',
    'named wrong',
    'recall headline',
    'recall all',
    'precision indicator',
    ...FIELDS.map((f) => `precision ${f}`),
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const [name, s] of groups) {
    lines.push(
      `| ${[name, s.counted, s.found, s.matched, s.namedWrong, `${pct(s.headlineMatched, s.headlineCounted)} (${s.headlineMatched}/${s.headlineCounted})`, pct(s.matched, s.counted), pct(s.matched, s.matched + s.namedWrong), ...FIELDS.map((f) => pct(s.right[f], s.matched))].join(' | ')} |`,
    );
  }
  // What the reviewer sees besides: every figure the rules found, most of them rows of the curated reading.
  const listed = runs.flatMap((r) => r.candidates).filter((c) => c.kind !== 'derived' && c.value !== null);
  const matched = runs.reduce((n, r) => n + r.score.matched, 0);
  lines.push(
    '',
    `Candidates with a value listed for review, all five: ${listed.length}; ${matched} match a curated row, the other ${listed.length - matched} are figures the curated reading does not chart (data/README.md, "Not taken") or names otherwise: the user drops or corrects them.`,
  );
  const m = runs.find((r) => r.source === '004_1546186363c61f01')?.masked;
  if (m)
    lines.push(
      '',
      `Seed 004 (every figure masked): ${m.found} of its ${m.rows} masked curated rows have a redacted candidate at their quote.`,
    );
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const runs = runSeeds();
  console.log(tableOf(runs));
  const unseen = runUnseen();
  console.log(`\n${unseenTableOf(unseen)}`);
  if (process.argv.includes('--misses')) {
    for (const r of runs) {
      for (const row of r.score.missed) {
        const near = r.candidates.filter((c) =>
          c.quotes.some((q) => q.replace(/\s+/g, '').includes(row.quote.replace(/\s+/g, ''))),
        );
        const got = near
          .map((c) => `${c.stated}→${c.indicator ?? '∅' + (c.newIndicator?.zh ?? '')}@${c.place}`)
          .join('; ');
        console.log(
          `MISS ${r.source.slice(0, 3)} ${row.city}/${row.indicator}=${row.value} «${row.quote}» got: ${got}`,
        );
      }
      for (const w of r.score.misnamed)
        console.log(
          `NAMED WRONG ${r.source.slice(0, 3)} ${w.row.indicator}=${w.row.value} named ${w.cand.indicator ?? ''} «${w.row.quote}»`,
        );
      for (const w of r.score.wrong)
        console.log(
          `WRONG ${r.source.slice(0, 3)} ${w.field} ${w.row.indicator}: row ${w.row[w.field]} cand ${String(w.cand[w.field])} «${w.row.quote}»`,
        );
    }
    for (const u of unseen)
      for (const c of u.checked.filter((k) => k.verdict !== 'met'))
        console.log(
          `UNSEEN ${u.file.slice(0, 1)} ${c.verdict}: ${c.expected.indicator}=${c.expected.value} «${c.expected.at}» ${c.diff.join(', ')}`,
        );
  }
}
