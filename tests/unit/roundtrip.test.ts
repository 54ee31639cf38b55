// Property: what the dashboard exports as CSV, the importer reads back — hostile names included.
// Excel users do exactly this: export a chart's data, edit it, upload it again.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toCsv } from '../../src/lib/export/csv';
import { importText } from '../../src/lib/import';
import { curated } from './helpers';

const hostile = fc.constantFrom(
  '<img src=x onerror=alert(1)>',
  '深圳{a|x}',
  '=HYPERLINK("http://x","y")',
  '+1+1',
  '@SUM(1)',
  '-2+3',
  '__proto__',
  'constructor',
  '"quoted", with comma',
  '示例市',
);
// Names users type: letters, CJK, punctuation; trimmed (the importer trims cells) and not empty.
const name = fc.oneof(
  hostile,
  fc
    .string({
      unit: fc.constantFrom(...'abcXYZ示例市县区{}|<>=+-@"\', 1'.split('')),
      minLength: 1,
      maxLength: 12,
    })
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
);

describe('CSV export -> import round trip', () => {
  it('reads back every city name exactly and every value to the digit', async () => {
    const c = await curated();
    const ctx = { datasetId: 't', fileName: 't.csv', indicators: c.indicators, places: c.places };
    await fc.assert(
      fc.property(
        fc.uniqueArray(name, {
          minLength: 1,
          maxLength: 6,
          selector: (s) => s.normalize('NFKC').toLowerCase(),
        }),
        fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 6 }),
        (cities, cents) => {
          // Names must not collide with a curated place (they would map to it, by design).
          const fresh = cities.filter(
            (n) =>
              !c.places.some(
                (p) =>
                  p.zh.replace(/[市县区省]$/, '') === n.replace(/[市县区省]$/, '') ||
                  p.en.toLowerCase() === n.toLowerCase() ||
                  p.id === n,
              ),
          );
          fc.pre(fresh.length > 0);
          const rows = fresh.flatMap((city, i) =>
            cents.map(
              (v, j) => [city, '研发经费投入强度', 2000 + j, (v / 100) * (i + 1), '%'] as (string | number)[],
            ),
          );
          const csv = toCsv(['城市', '指标', '年份', '数值', '单位'], rows);
          const r = importText(csv.replace(/^\uFEFF/, ''), ctx);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const byId = new Map(r.places.map((p) => [p.id, p.zh]));
          const back = r.rows.map((o) => [byId.get(o.city) ?? o.city, o.period, o.value]);
          // The apostrophe that neutralised a formula stays visible, as in Excel: names read back with it.
          const expected = rows.map(([city, , year, value]) => [
            /^[=+\-@]/.test(String(city)) ? `'${city}` : city,
            String(year),
            value,
          ]);
          expect(back).toEqual(expected);
          expect(Object.prototype).not.toHaveProperty('polluted');
        },
      ),
      { numRuns: 150 },
    );
  });
});
