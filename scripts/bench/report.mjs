// The benchmark's results: the metrics as the parts add them, the machine, the markdown table printed
// at the end and bench/results.json.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { BUDGET, RESULTS, ROOT, log, round } from './util.mjs';

/** The machine the run measures on (chromium is filled in once the browser is up). */
export function machineInfo(started) {
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    memoryGB: round(totalmem() / 2 ** 30, 1),
    date: started.toISOString(),
    chromium: null,
  };
}

function fmt(v, unit, atLeast = false) {
  if (v == null) return '—';
  // Ratios get a third decimal: 1.303 printed as "1.30×" read as a pass next to its FAIL.
  const d = unit === '×' ? 3 : Math.abs(v) >= 100 ? 0 : 1;
  return (atLeast ? '≥ ' : '') + (unit === '×' ? `${v.toFixed(d)}×` : `${v.toFixed(d)} ${unit}`);
}

function table(metrics) {
  const rows = ['| metric | value | budget | pass |', '|---|---|---|---|'];
  for (const m of metrics) {
    const value = m.error
      ? `error: ${m.error.split('\n')[0].slice(0, 160)}`
      : fmt(m.value, m.unit, m.atLeast);
    const budget = m.budget == null ? '—' : `≤ ${m.unit === '×' ? `${m.budget}×` : `${m.budget} ${m.unit}`}`;
    const pass = m.pass === null ? '—' : m.pass ? 'pass' : '**FAIL**';
    rows.push(`| ${m.label} | ${value.replace(/\|/g, '\\|')} | ${budget} | ${pass} |`);
  }
  return rows.join('\n');
}

/** -> { add, note, finish }: the run's metrics and notes, in the order they were added. */
export function createReport() {
  const metrics = [];
  const notes = [];
  return {
    /**
     * add({ key, label, unit, runs, value, budget, error, info, atLeast }) — pass = value <= budget; a
     * budgeted metric that could not be measured fails; an unbudgeted one is information only.
     */
    add(m) {
      const pass = m.budget == null ? null : !m.error && m.value != null && m.value <= m.budget;
      metrics.push({ ...m, pass });
    },
    note: (text) => notes.push(text),
    /**
     * Prints the table (stdout) and writes bench/results.json. -> the number of failed metrics.
     * opts are the parsed flags, recorded with the results.
     */
    finish({ started, machine, opts }) {
      console.log(
        `\n## Benchmark ${started.toISOString()} — Chromium ${machine.chromium ?? '?'}, Node ${machine.node}, ${machine.cpus} CPUs\n`,
      );
      console.log(table(metrics));
      const failed = metrics.filter((m) => m.pass === false);
      const extra = [...notes, ...metrics.filter((m) => m.error).map((m) => `${m.label}: ${m.error}`)];
      if (extra.length) console.log(`\n${extra.map((n) => `- ${n.replace(/\n/g, '\n  ')}`).join('\n')}`);
      console.log(
        `\nKB = 1024 bytes. Ready: ${opts.runs} cold runs each, interleaved. Import: ${opts.importRuns} runs each. Toggle: ${opts.toggles} toggles.`,
      );
      const results = {
        machine,
        options: { ...opts, chromium: undefined, chromiumPath: opts.chromium },
        budgets: BUDGET,
        metrics: Object.fromEntries(
          metrics.map((m) => [
            m.key,
            {
              label: m.label,
              unit: m.unit,
              runs: (m.runs ?? []).map((x) => round(x, 2)),
              median: round(m.value, 3),
              ...(m.atLeast ? { atLeast: true } : {}),
              budget: m.budget ?? null,
              pass: m.pass,
              error: m.error ?? null,
              ...(m.info ? { details: m.info } : {}),
            },
          ]),
        ),
        notes,
        pass: failed.length === 0,
      };
      writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
      log(`wrote ${RESULTS.slice(ROOT.length + 1)}`);
      if (failed.length) log(`${failed.length} metric(s) failed: ${failed.map((m) => m.key).join(', ')}`);
      return failed.length;
    },
  };
}
