// Uploads are stored as columns so a million rows save and load without freezing the page.
import { describe, expect, it } from 'vitest';
import { packRows, unpackRows, PackError } from '../../src/lib/storage/pack';
import type { Observation } from '../../src/lib/data/types';

const row = (over: Partial<Observation> = {}): Observation => ({
  city: 'u-abc',
  indicator: 'rd_intensity',
  period: '2022',
  value: 3.1,
  unit: '%',
  comparator: '=',
  kind: 'actual',
  status: 'reported',
  source: 'upload:x',
  quote: '3.10',
  note: '',
  ...over,
});

describe('packed rows', () => {
  it('round-trip keeps every field, masked values stay null (never 0), hostile text stays literal', async () => {
    const rows = [
      row(),
      row({ value: null, status: 'redacted', quote: 'x.xx' }),
      row({ value: -5, comparator: '>=', kind: 'target', city: '<img src=x onerror=alert(1)>' }),
      row({ city: '__proto__', note: '深圳{a|x}', comparator: '~', kind: 'reference', period: '2020-H1' }),
      row({ value: 0 }),
    ];
    const back = await unpackRows(await packRows(rows));
    expect(back).toEqual({ ok: true, rows });
    expect(Object.prototype).not.toHaveProperty('city');
  });

  it('keeps a large upload compact: 200,000 rows share one small string table', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) =>
      row({ city: `u-${i % 300}`, value: i / 100, period: String(1990 + (i % 35)) }),
    );
    const packed = await packRows(rows);
    expect(packed.dict.ends.length).toBeLessThan(1000);
    const back = await unpackRows(packed);
    expect(back.ok && back.rows[123_456]).toEqual(rows[123_456]);
  });

  it('keeps the string table as one string: storing it copies, not serialises each value', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => row({ quote: (i / 100).toFixed(2), value: i / 100 }));
    const packed = await packRows(rows);
    expect(typeof packed.dict.text).toBe('string');
    expect(packed.dict.ends).toBeInstanceOf(Uint32Array);
    const back = await unpackRows(packed);
    expect(back.ok && back.rows.map((r) => r.quote)).toEqual(rows.map((r) => r.quote));
  });

  it('still reads a record saved by the previous version (string table as an array)', async () => {
    const rows = [row(), row({ city: 'u-def', quote: 'x.xx', value: null, status: 'redacted' })];
    const packed = await packRows(rows);
    const { text, ends } = packed.dict;
    const list = Array.from(ends, (end, i) => text.slice(i ? ends[i - 1] : 0, end));
    const v1 = { ...packed, format: 'columns-v1', dict: list };
    expect(await unpackRows(v1)).toEqual({ ok: true, rows });
  });

  it('refuses a damaged record instead of inventing rows', async () => {
    const packed = await packRows([row(), row()]);
    expect((await unpackRows({ ...packed, n: 3 })).ok).toBe(false);
    const broken = { ...packed, text: { ...packed.text, city: new Uint32Array([0, 9999]) } };
    expect(await unpackRows(broken)).toMatchObject({ ok: false, problem: { en: 'damaged column city' } });
    expect((await unpackRows({ ...packed, flags: new Uint8Array([255, 0]) })).ok).toBe(false);
    expect((await unpackRows('garbage')).ok).toBe(false);
    const cut = { ...packed, dict: { ...packed.dict, text: packed.dict.text.slice(1) } };
    expect(await unpackRows(cut)).toMatchObject({ ok: false, problem: { en: 'damaged string table' } });
  });

  it('will not store a row the importer could never make', async () => {
    await expect(packRows([row({ kind: 'guess' as never })])).rejects.toBeInstanceOf(PackError);
    await expect(packRows([row({ value: Infinity })])).rejects.toThrow('row 1: invalid value');
  });
});
