// The extractor on the five seed reports, measured against data/indicators.csv (scripts/extract-eval.ts prints
// the same table): fails when a rule regresses below the targets of issue #22.
import { describe, expect, it } from 'vitest';
import { runSeeds, tableOf } from '../../../scripts/extract-eval';
import { FIELDS, sum } from '../../../src/lib/extract/evaluate';

describe('extractor evaluation on the five seeds', () => {
  const runs = runSeeds();
  const all = sum(runs.map((r) => r.score));

  it('finds the headline figures (recall >= 90%)', () => {
    expect(all.headlineMatched / all.headlineCounted).toBeGreaterThanOrEqual(0.9);
  });
  it('finds and names most figures (recall >= 75%)', () => {
    expect(all.counted).toBeGreaterThan(200);
    expect(all.matched / all.counted).toBeGreaterThanOrEqual(0.75);
  });
  it('names the indicator right (precision indicator = matched / (matched + named wrong) >= 95%)', () => {
    expect(all.namedWrong).toBe(all.misnamed.length);
    expect(all.matched / (all.matched + all.namedWrong)).toBeGreaterThanOrEqual(0.95);
  });
  it.each(FIELDS)('gets %s right on the matched ones (precision >= 95%)', (f) => {
    expect(all.right[f] / all.matched).toBeGreaterThanOrEqual(0.95);
  });
  it('gives every masked figure of the masked seed a redacted candidate at its quote', () => {
    const masked = runs.find((r) => r.source.startsWith('004'))!.masked;
    expect(masked.found / masked.rows).toBeGreaterThanOrEqual(0.9);
  });
  it('every quote is a substring of its report, and no masked figure has a value', () => {
    for (const r of runs) {
      for (const c of r.candidates) {
        c.quotes.forEach((q, i) => expect(r.text.slice(c.spans[i]!.start, c.spans[i]!.end)).toBe(q));
        if (c.status === 'redacted') expect(c.value).toBeNull();
        else expect(c.value).not.toBe(null);
      }
    }
  });
  it("the table's all-five row states the scores' own numbers", () => {
    const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)}%`;
    const row = tableOf(runs)
      .split('\n')
      .find((l) => l.startsWith('| all five |'));
    expect(row).toBeDefined();
    const cells = row!.split('|').map((c) => c.trim());
    expect(cells.slice(1, 10)).toEqual([
      'all five',
      String(all.counted),
      String(all.found),
      String(all.matched),
      String(all.namedWrong),
      `${pct(all.headlineMatched, all.headlineCounted)} (${all.headlineMatched}/${all.headlineCounted})`,
      pct(all.matched, all.counted),
      pct(all.matched, all.matched + all.namedWrong),
      pct(all.right.value, all.matched),
    ]);
    expect(cells.slice(10, 10 + FIELDS.length - 1)).toEqual(
      FIELDS.slice(1).map((f) => pct(all.right[f], all.matched)),
    );
  });
});
