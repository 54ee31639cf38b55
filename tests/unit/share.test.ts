import { describe, expect, it } from 'vitest';
import LZString from 'lz-string';
import type { IndicatorDef, Place } from '../../src/lib/data/types';
import type { Observation } from '../../src/lib/table/schema';
import { observation } from './factory';
import { decodeDatasetFromLink, encodeDatasetForLink } from '../../src/lib/state/share';
import { LINK_DATA_MAX_CHARS, parseView, serialiseView, defaultView } from '../../src/lib/url/url';

const row = (i: number, over: Partial<Observation> = {}): Observation =>
  observation({
    city: i % 2 ? 'wuhu' : 'upload-city',
    period: String(2015 + (i % 8)),
    value: i % 5 === 0 ? null : 2.5 + i / 100,
    source: 'upload:abc',
    quote: `第${i}行 <img src=x onerror=alert(1)> {a|x}`,
    ...over,
  });

const indicators: IndicatorDef[] = [
  {
    id: 'rd_intensity',
    zh: '研发经费投入强度',
    en: 'R&D intensity',
    unit: '%',
    description_zh: '研发经费占GDP比重',
    description_en: 'R&D spending as % of GDP',
    charts: ['rd-intensity'],
    measure: 'ratio',
    aliases: ['研发强度', 'R&D intensity'],
  },
];
const places: Place[] = [
  {
    id: 'upload-city',
    zh: '上传市',
    en: 'Upload City',
    province: 'anhui',
    level: 'prefecture',
    note: '来自上传',
  },
  { id: 'wuhu', zh: '芜湖', en: 'Wuhu', province: 'anhui', level: 'prefecture' },
];
const small = { name: '我的数据', rows: [row(1), row(2), row(5)], indicators, places };

function linkOf(payload: unknown): string {
  return LZString.compressToEncodedURIComponent(JSON.stringify(payload));
}

describe('share links', () => {
  it('round trips a small dataset', () => {
    const s = encodeDatasetForLink(small);
    expect(s).not.toBeNull();
    expect(s!.length).toBeLessThanOrEqual(LINK_DATA_MAX_CHARS);
    expect(s).toMatch(/^[A-Za-z0-9+$-]+$/);
    const back = decodeDatasetFromLink(s!);
    expect(back).toEqual({ ok: true, dataset: small });
  });

  it('survives the trip through the URL (incl. "+" read as a space)', () => {
    const s = encodeDatasetForLink(small)!;
    const hash = serialiseView({ ...defaultView(), data: s });
    const { view, notices } = parseView(hash);
    expect(notices).toEqual([]);
    expect(view.data).toBe(s);
    expect(decodeDatasetFromLink(view.data!).ok).toBe(true);
    // A link whose '+' signs reached us as spaces (a mail client, a hand copy) is mended by the URL migrations.
    expect(s, 'this link has + signs to lose').toContain('+');
    const spaced = parseView(`#/?data=${s.replace(/\+/g, '%20')}`).view.data;
    expect(spaced).toBe(s);
    expect(decodeDatasetFromLink(spaced!).ok).toBe(true);
  });

  it('returns null when the compressed form is too large for a link', () => {
    const rows = Array.from({ length: 3000 }, (_, i) =>
      row(i, { quote: `引文 ${Math.random()} ${i * 7919}` }),
    );
    expect(encodeDatasetForLink({ ...small, rows })).toBeNull();
  });

  it('rejects garbled links with a message, never throwing', () => {
    const good = encodeDatasetForLink(small)!;
    const cases = [
      '',
      '%%%',
      '<script>alert(1)</script>',
      'AAAA',
      good.slice(0, Math.floor(good.length / 2)),
      good.slice(0, -3) + 'zzz',
      'x'.repeat(LINK_DATA_MAX_CHARS + 1),
      linkOf('just a string'),
      linkOf([1, 2, 3]),
      linkOf({ v: 2, n: 'x', i: [], p: [], r: [] }),
    ];
    for (const c of cases) {
      const r = decodeDatasetFromLink(c);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.message.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(r.message.en.length).toBeGreaterThan(0);
      }
    }
    expect(decodeDatasetFromLink(undefined as unknown as string).ok).toBe(false);
  });

  it('rejects hostile payloads: __proto__ keys, wrong types, unknown enum values', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).join();
    const okRow = ['wuhu', 'rd_intensity', '2020', 2.5, '%', '=', 'actual', 'reported', 'upload:x', '', ''];
    const ind = ['rd_intensity', '研发', 'R&D', '%', '', '', null, []];
    const pl = ['wuhu', '芜湖', 'Wuhu', 'anhui', 'prefecture', null];
    const base = { v: 1, n: 'x', i: [ind], p: [pl], r: [okRow] };
    expect(decodeDatasetFromLink(linkOf(base)).ok).toBe(true);
    const hostile = [
      JSON.parse(`{"v":1,"n":"x","i":[],"p":[],"r":[],"__proto__":{"polluted":1}}`),
      { ...base, r: [[...okRow.slice(0, 3), '2.5', ...okRow.slice(4)]] }, // value as text
      { ...base, r: [[...okRow.slice(0, 6), 'guess', ...okRow.slice(7)]] }, // unknown kind
      { ...base, r: [[...okRow.slice(0, 3), Infinity, ...okRow.slice(4)]] }, // JSON writes null, a legitimate missing value
      { ...base, r: [okRow.slice(0, 5)] }, // truncated tuple
      { ...base, r: 'rows' },
      { ...base, n: 42 },
      { ...base, i: [[...ind.slice(0, 6), 'pie', []]] }, // unknown chart
      { ...base, p: [[...pl.slice(0, 4), 'galaxy', null]] }, // unknown level
      { ...base, r: [{ city: 'wuhu' }] },
    ];
    let rejected = 0;
    for (const h of hostile) {
      const r = decodeDatasetFromLink(linkOf(h));
      if (!r.ok) rejected++;
      else expect(r.dataset.rows.every((x) => x.value === null || Number.isFinite(x.value))).toBe(true);
    }
    // the 1e400 case serialises as null (a legitimate missing value); every other case is refused
    expect(rejected).toBe(hostile.length - 1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(before);
  });
});
