import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importBytes } from '../../../src/lib/import/index';
import { context } from '../../fixtures/upload/context';

const template = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../public/${name}`, import.meta.url)));

describe('the downloadable templates', () => {
  it('template.csv is UTF-8 with a BOM (so Excel shows the Chinese) and imports without a single issue', () => {
    const bytes = template('template.csv');
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const r = importBytes(bytes, context('template.csv'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.encoding).toBe('UTF-8 (BOM)');
    expect(r.layout).toBe('long');
    expect(r.issues).toEqual([]);
    expect(r.rows.map((o) => [o.indicator, o.period, o.value, o.comparator, o.kind])).toEqual([
      ['rd_intensity', '2022', 3.1, '=', 'actual'],
      ['rd_expenditure', '2022', 125.6, '=', 'actual'],
      ['high_tech_enterprises', '2022', 1500, '>=', 'actual'],
      ['rd_intensity', '2025', 3.5, '=', 'target'],
    ]);
    expect(r.places.map((p) => p.zh)).toEqual(['示例市']);
  });

  it('template-wide.csv shows the wide layout and melts into one row per year', () => {
    const bytes = template('template-wide.csv');
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const r = importBytes(bytes, context('template-wide.csv'));
    expect(r.ok && r.layout).toBe('wide');
    expect(r.ok && r.issues).toEqual([]);
    expect(r.ok && r.rows.length).toBe(9);
  });
});
