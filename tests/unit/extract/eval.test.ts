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
    expect(tableOf(runs)).toContain('| all five |');
  });
});
