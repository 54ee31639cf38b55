// Uploads are stored as columns so a million rows save and load without freezing the page.
import { describe, expect, it } from 'vitest';
import { checkTable, packRows, unpackRows } from '../../src/lib/table/stored';
import { tableFromRows } from '../../src/lib/table/table';
import { tableRows, type RowTable } from '../../src/lib/table/table';
import { packStrings } from '../../src/lib/table/strings';
import type { Observation } from '../../src/lib/table/schema';
import { observation } from './factory';

/** A record as the previous versions wrote it: every text column (quotes too) in one dictionary. */
function legacyRecord(rows: Observation[], format: 'columns-v1' | 'columns-v2') {
  const dict: string[] = [];
  const id = (s: string) => (dict.includes(s) ? dict.indexOf(s) : dict.push(s) - 1);
  const fields = ['city', 'indicator', 'period', 'unit', 'source', 'quote', 'note'] as const;
  const text = Object.fromEntries(fields.map((f) => [f, Uint32Array.from(rows, (r) => id(r[f]))]));
  const codes = ['=', '>', '>=', '<', '<=', '~'];
  const kinds = ['actual', 'target', 'derived', 'reference'];
  return {
    format,
    n: rows.length,
    dict: format === 'columns-v1' ? dict : packStrings(dict),
    text,
    value: Float64Array.from(rows, (r) => r.value ?? NaN),
    flags: Uint8Array.from(
      rows,
      (r) => codes.indexOf(r.comparator) | (kinds.indexOf(r.kind) << 3) | (r.status === 'redacted' ? 32 : 0),
    ),
  };
}

async function roundTrip(rows: Observation[], asBlob = true): Promise<Observation[] | string> {
  const back = await unpackRows(await packRows(tableFromRows(rows), asBlob));
  return back.ok ? tableRows(back.table) : back.problem.en;
}

describe('packed rows', () => {
  const rows = [
    observation(),
    observation({ value: null, status: 'redacted', quote: 'x.xx' }),
    observation({ value: -5, comparator: '>=', kind: 'target', city: '<img src=x onerror=alert(1)>' }),
    observation({
      city: '__proto__',
      note: '深圳{a|x}',
      comparator: '~',
      kind: 'reference',
      period: '2020-H1',
    }),
    observation({ value: 0 }),
  ];

  it('round-trip keeps every field, masked values stay null (never 0), hostile text stays literal', async () => {
    expect(await roundTrip(rows)).toEqual(rows);
    expect(await roundTrip(rows, false)).toEqual(rows);
    expect(Object.prototype).not.toHaveProperty('city');
  });

  it('keeps the columns in one Blob and the text in two strings: storing copies a handle and two strings', async () => {
    const many = Array.from({ length: 200_000 }, (_, i) =>
      observation({
        city: `u-${i % 300}`,
        value: i / 100,
        period: String(1990 + (i % 35)),
        quote: (i / 100).toFixed(2),
      }),
    );
    const packed = await packRows(tableFromRows(many));
    expect(packed.bytes).toBeInstanceOf(Blob);
    expect((packed.bytes as Blob).size).toBe(200_000 * 37);
    expect(typeof packed.quotes).toBe('string');
    expect(packed.dict.ends.length).toBeLessThan(1000);
    const back = await unpackRows(packed);
    expect(back.ok && tableRows(back.table, 123_456, 123_457)).toEqual([many[123_456]]);
  });

  it('still reads records saved by earlier versions (one dictionary for every column, as an array or packed)', async () => {
    for (const format of ['columns-v1', 'columns-v2'] as const) {
      const back = await unpackRows(legacyRecord(rows, format));
      expect(back.ok && tableRows(back.table)).toEqual(rows);
    }
  });

  it('refuses a damaged record instead of inventing rows', async () => {
    const packed = await packRows(tableFromRows([observation(), observation()]), false);
    const bytes = packed.bytes as ArrayBuffer;
    const withBytes = (edit: (b: ArrayBuffer) => void) => {
      const copy = bytes.slice(0);
      edit(copy);
      return { ...packed, bytes: copy };
    };
    expect((await unpackRows({ ...packed, n: 3 })).ok).toBe(false);
    // city of row 2 points outside the dictionary (city is the column after the 2 values)
    const badCity = withBytes((b) => (new Uint32Array(b, 16, 2)[1] = 9999));
    expect(await unpackRows(badCity)).toMatchObject({ ok: false, problem: { en: 'damaged row 2 (city)' } });
    const badFlags = withBytes((b) => (new Uint8Array(b, 2 * 36, 2)[0] = 255));
    expect(await unpackRows(badFlags)).toMatchObject({ ok: false, problem: { en: 'damaged row 1' } });
    expect((await unpackRows('garbage')).ok).toBe(false);
    const cut = { ...packed, dict: { ...packed.dict, text: packed.dict.text.slice(1) } };
    expect(await unpackRows(cut)).toMatchObject({ ok: false, problem: { en: 'damaged columns' } });
    expect((await unpackRows({ ...packed, quotes: packed.quotes + 'x' })).ok).toBe(false);
    const legacy = legacyRecord([observation()], 'columns-v2');
    expect((await unpackRows({ ...legacy, text: { ...legacy.text, city: new Uint32Array([99]) } })).ok).toBe(
      false,
    );
  });

  it('will not keep a row the importer could never make', async () => {
    const table = (edit: (t: RowTable) => void) => {
      const t = tableFromRows([observation(), observation()]);
      edit(t);
      return t;
    };
    expect(await checkTable(table((t) => (t.value[1] = Infinity)))).toMatchObject({
      ok: false,
      problem: { en: 'damaged row 2' },
    });
    expect((await checkTable(table((t) => (t.flags[0] = 7)))).ok).toBe(false);
    expect((await checkTable(table((t) => (t.indicator[0] = 0)))).ok).toBe(true);
    expect((await checkTable(table((t) => (t.city[0] = t.dict.length)))).ok).toBe(false);
  });
});
