// The schemas read everything from outside: their field order is the files' and links', records and links
// written by earlier versions still open, and a problem names its place in words a user can act on.
import { describe, expect, it } from 'vitest';
import LZString from 'lz-string';
import { OBSERVATION_FIELDS } from '../../src/lib/table/fields';
import { ObservationSchema, parseWith } from '../../src/lib/table/schema';
import { IndicatorDefSchema } from '../../src/lib/data/schema';
import { validateStoredDataset } from '../../src/lib/storage/validate';
import { decodeDatasetFromLink, encodeDatasetForLink } from '../../src/lib/state/share';

const row = ['wuhu', 'rd_intensity', '2022', 3.1, '%', '=', 'actual', 'reported', 'upload:a', '3.1%', ''];
const indicator = (chartSlot: unknown) => [
  'u_x',
  '专利',
  'Patents',
  'count',
  '',
  '',
  chartSlot,
  ['专利'],
  'stock',
];
const link = (payload: unknown) => LZString.compressToEncodedURIComponent(JSON.stringify(payload));
const payload = (over: Record<string, unknown> = {}) => ({
  v: 1,
  n: '我的',
  i: [],
  p: [],
  r: [row],
  ...over,
});

describe('schemas', () => {
  it("the observation schema's fields are the files' and links' field order", () => {
    const entries = (ObservationSchema.pipe.at(-1) as unknown as { entries: Record<string, unknown> })
      .entries;
    expect(Object.keys(entries)).toEqual([...OBSERVATION_FIELDS]);
  });

  it('an indicator saved before charts became a list is read with its one chart, or none', () => {
    const base = {
      id: 'a',
      zh: '甲',
      en: 'A',
      unit: '%',
      description_zh: '',
      description_en: '',
      aliases: [],
    };
    const one = parseWith(IndicatorDefSchema, { ...base, chart: 'rd-intensity', measure: 'ratio' }, 'd');
    expect(one).toMatchObject({ ok: true, value: { charts: ['rd-intensity'], measure: 'ratio' } });
    expect(one.ok && 'chart' in one.value).toBe(false);
    const none = parseWith(IndicatorDefSchema, { ...base, chart: null }, 'd');
    expect(none).toMatchObject({ ok: true, value: { charts: [], measure: 'ratio' } }); // measure guessed from '%'
    const bad = parseWith(IndicatorDefSchema, { ...base, charts: ['pie'] }, 'd');
    expect(bad).toMatchObject({ ok: false, problem: { en: 'd.charts[0]: unknown value "pie"' } });
  });

  it('a link made before measures existed still opens; links keep the one-chart form older copies read', () => {
    const old = indicator('rd-intensity').slice(0, 8);
    const r = decodeDatasetFromLink(link(payload({ i: [old] })));
    expect(r).toMatchObject({ ok: true, dataset: { indicators: [{ id: 'u_x', charts: ['rd-intensity'] }] } });
    const none = decodeDatasetFromLink(link(payload({ i: [indicator(null)] })));
    expect(none).toMatchObject({ ok: true, dataset: { indicators: [{ charts: [], measure: 'stock' }] } });
    // What a link writes in that place today: one chart id or null, never a list (an older copy refuses a list).
    if (!none.ok) return;
    const def = { ...none.dataset.indicators[0]!, charts: ['high-tech' as const] };
    const made = encodeDatasetForLink({ name: 'n', rows: [], indicators: [def], places: [] })!;
    const tuple = (JSON.parse(LZString.decompressFromEncodedURIComponent(made)) as { i: unknown[][] }).i[0]!;
    expect(tuple[6]).toBe('high-tech');
    expect(decodeDatasetFromLink(made)).toMatchObject({
      ok: true,
      dataset: { indicators: [{ charts: ['high-tech'] }] },
    });
  });

  it('a damaged link names the row and the field, in both languages', () => {
    const cases: [unknown[], string][] = [
      [row.slice(0, 10), 'data.rows[0]: has the wrong shape'],
      [
        [...row.slice(0, 3), 'NaN', ...row.slice(4)],
        'data.rows[0].value: expected a finite number or null, got NaN',
      ],
      [['', ...row.slice(1)], 'data.rows[0].city: must not be empty'],
      [[...row.slice(0, 6), 'estimate', ...row.slice(7)], 'data.rows[0].kind: unknown value "estimate"'],
    ];
    for (const [bad, en] of cases) {
      const r = decodeDatasetFromLink(link(payload({ r: [row, bad].slice(1) })));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.message.en).toContain(en);
        expect(r.message.zh).toContain('data.rows[0]');
      }
    }
  });

  it('a stored record with a forbidden key anywhere is refused, naming the key', () => {
    const rec = JSON.parse(
      `{"id":"a","name":"n","fileName":"f.csv","importedAt":"2026-01-01T00:00:00Z","encoding":"utf-8",
        "rows":[{"__proto__":{"x":1},"city":"wuhu"}],"indicators":[],"places":[]}`,
    ) as unknown;
    const r = validateStoredDataset(rec);
    expect(r).toMatchObject({ ok: false, problem: { en: 'dataset.rows[0]: forbidden key "__proto__"' } });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
