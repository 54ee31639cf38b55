// The city palette and who gets which colour (src/lib/charts/palette.ts): every pair of colours a view can show
// is told apart (CIEDE2000 ≥ 12), none is the reference grey, and the assignment depends only on the view.
import { describe, expect, it } from 'vitest';
import { cityStyles, PALETTE, type CityStyle } from '../../src/lib/charts/palette';
import { REFERENCE_COLOR } from '../../src/lib/charts/common';
import { buildDataset, type Dataset } from '../../src/lib/data/dataset';
import { closestPair, contrast, deltaE, deltaE2000, deltaE76, toLab, type Lab } from './colour';
import { dataset, observation, place, uploadPart } from './factory';
import { curated } from './helpers';

/** The smallest colour difference every pair of city colours keeps (CIEDE2000). */
const MIN_DE = 12;
const WHITE = '#ffffff';
const DARK = '#1e1e1e';

// Twelve neighbours of the curated cities, uploaded (ids as the importer makes them: `u-…`).
const NEIGHBOURS = [
  ['xuancheng', '宣城市'],
  ['chuzhou', '滁州市'],
  ['maanshan', '马鞍山市'],
  ['tongling', '铜陵市'],
  ['anqing', '安庆市'],
  ['chizhou', '池州市'],
  ['quanzhou', '泉州市'],
  ['putian', '莆田市'],
  ['ningde', '宁德市'],
  ['nanping', '南平市'],
  ['sanming', '三明市'],
  ['longyan', '龙岩市'],
] as const;
const UPLOADS = NEIGHBOURS.map(([id]) => `u-${id}`);
const CURATED_CITIES = ['wuhu', 'wuhu_county', 'fuzhou', 'haimen', 'x_city'];

/** The real curated dataset with `n` uploaded cities (one R&D row each), as the app builds it. */
async function withUploads(ids: readonly string[] = UPLOADS): Promise<Dataset> {
  const places = ids.map((id) => place({ id, zh: id, en: id, level: 'unnamed' }));
  const rows = ids.map((city, i) => observation({ city, value: 2 + i / 10, source: 'upload:n' }));
  return buildDataset(await curated(), [uploadPart('n', rows, places)]);
}

/** Colours by city, failing with the pair's names when two are closer than MIN_DE. */
function expectApart(styles: ReadonlyMap<string, CityStyle>, what: string) {
  const list = [...styles];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const [a, sa] = list[i]!;
      const [b, sb] = list[j]!;
      if (sa.dash !== sb.dash) continue;
      const d = deltaE(sa.color, sb.color);
      expect(
        d,
        `${what}: ${a} ${sa.color} and ${b} ${sb.color} (both ${sa.dash}) are ΔE00 ${d.toFixed(1)} apart`,
      ).toBeGreaterThanOrEqual(MIN_DE);
    }
}

const shown = (styles: ReadonlyMap<string, CityStyle>) =>
  Object.fromEntries([...styles].map(([id, s]) => [id, `${s.color} ${s.dash}`]));

describe('colour maths (test code)', () => {
  it('CIEDE2000 gives the published values of Sharma, Wu & Dalal (2005)', () => {
    const pairs: [Lab, Lab, number][] = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
      [[50, -1.3802, -84.2814], [50, 0, -82.7485], 1.0],
      [[50, 0, 0], [50, -1, 2], 2.3669],
      [[50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792],
      [[50, 2.49, -0.001], [50, -2.49, 0.0011], 7.2195],
      [[50, 2.5, 0], [50, 0, -2.5], 4.3065],
      [[50, 2.5, 0], [73, 25, -18], 27.1492],
      [[50, 2.5, 0], [56, -27, -3], 31.903],
      [[50, 2.5, 0], [58, 24, 15], 19.4535],
      [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
      [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
      [[90.9257, -0.5406, -0.9208], [88.6381, -0.8985, -0.7239], 1.5381],
    ];
    for (const [a, b, want] of pairs) {
      expect(deltaE2000(a, b)).toBeCloseTo(want, 4);
      expect(deltaE2000(b, a)).toBeCloseTo(want, 4);
    }
  });

  it('sRGB to Lab and contrast give the known values', () => {
    const [L, a, b] = toLab(WHITE);
    expect([L, Math.abs(a), Math.abs(b)].map((v) => v.toFixed(2))).toEqual(['100.00', '0.00', '0.00']);
    expect(toLab('#000000')).toEqual([0, 0, 0]);
    const red = toLab('#ff0000');
    expect([red[0], red[1], red[2]].map((v) => Math.round(v))).toEqual([53, 80, 67]);
    expect(contrast('#000', WHITE)).toBeCloseTo(21, 6);
    expect(contrast('#767676', WHITE)).toBeCloseTo(4.54, 2);
  });
});

describe('the palette', () => {
  it(`has at least 12 colours, every pair ≥ ${MIN_DE} apart in CIEDE2000, none near the reference grey`, () => {
    expect(PALETTE.length).toBeGreaterThanOrEqual(12);
    expect(new Set(PALETTE.map((c) => c.toLowerCase())).size, 'no colour twice').toBe(PALETTE.length);
    for (const c of PALETTE) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    for (let i = 0; i < PALETTE.length; i++)
      for (let j = i + 1; j < PALETTE.length; j++) {
        const [a, b] = [PALETTE[i]!, PALETTE[j]!];
        expect(deltaE(a, b), `${a} (${i}) and ${b} (${j})`).toBeGreaterThanOrEqual(MIN_DE);
      }
    for (const c of PALETTE)
      expect(deltaE(c, REFERENCE_COLOR), `${c} against the reference grey`).toBeGreaterThanOrEqual(MIN_DE);
    // The margins, so a change to the palette shows what it costs.
    const de00 = closestPair(PALETTE)!;
    const de76 = closestPair(PALETTE, (a, b) => deltaE76(toLab(a), toLab(b)))!;
    const grey = Math.min(...PALETTE.map((c) => deltaE(c, REFERENCE_COLOR)));
    expect({
      ciede2000: `${de00.d.toFixed(1)} (${de00.a} ${de00.b})`,
      cie76: `${de76.d.toFixed(1)} (${de76.a} ${de76.b})`,
      grey: grey.toFixed(1),
    }).toMatchInlineSnapshot(`
      {
        "cie76": "27.1 (#006bb7 #269fd4)",
        "ciede2000": "19.2 (#af85a6 #c7329b)",
        "grey": "15.9",
      }
    `);
  });

  it('every colour is readable on a white card (3:1, marks and large text) and on the dark background (3:1)', () => {
    for (const c of PALETTE) {
      expect(contrast(c, WHITE), `${c} on white`).toBeGreaterThanOrEqual(3);
      expect(contrast(c, DARK), `${c} on ${DARK}`).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('cityStyles', () => {
  it('the issue: five uploaded neighbours no longer take Wuhu’s red or Fuzhou’s orange', async () => {
    const ds = await withUploads();
    const styles = cityStyles(ds, ['wuhu', 'fuzhou', ...UPLOADS.slice(0, 5)]);
    expect(shown(styles)).toMatchInlineSnapshot(`
      {
        "fuzhou": "#e87307 solid",
        "u-anqing": "#c7329b solid",
        "u-chuzhou": "#7356cc solid",
        "u-maanshan": "#b78b00 solid",
        "u-tongling": "#269fd4 solid",
        "u-xuancheng": "#34a86a solid",
        "wuhu": "#e55659 solid",
      }
    `);
    expectApart(styles, 'wuhu, fuzhou and five uploads');
  });

  it('up to twelve visible cities get twelve colours ≥ 12 apart, all solid, whatever the mix', async () => {
    const ds = await withUploads();
    const views: Record<string, string[]> = {
      '5 curated + 7 uploads': [...CURATED_CITIES, ...UPLOADS.slice(0, 7)],
      '7 uploads + 5 curated, uploads first in the URL': [...UPLOADS.slice(0, 7), ...CURATED_CITIES],
      '2 curated + 10 uploads': ['wuhu', 'haimen', ...UPLOADS.slice(0, 10)],
      '10 uploads in another order + 2 curated': [...UPLOADS.slice(0, 10).reverse(), 'fuzhou', 'x_city'],
      '12 uploads alone': UPLOADS,
      '12 uploads, shuffled': [...UPLOADS.slice(6), ...UPLOADS.slice(0, 6)],
      '1 curated + 11 uploads': ['x_city', ...UPLOADS.slice(1)],
    };
    for (const [what, cities] of Object.entries(views)) {
      const styles = cityStyles(ds, cities);
      expect([...styles.keys()], what).toEqual(cities);
      expect(new Set([...styles.values()].map((s) => s.color)).size, `${what}: twelve colours`).toBe(12);
      expect(
        [...styles.values()].every((s) => s.dash === 'solid'),
        `${what}: all solid`,
      ).toBe(true);
      expectApart(styles, what);
      for (const [id, s] of styles) {
        expect(s.color, `${what}: ${id} is not the reference grey`).not.toBe(REFERENCE_COLOR);
        expect(deltaE(s.color, REFERENCE_COLOR), `${what}: ${id} apart from the grey`).toBeGreaterThanOrEqual(
          MIN_DE,
        );
      }
    }
  });

  it('uploads take the slots no curated city owns first, then those of curated cities not in view', async () => {
    const ds = await withUploads();
    const styles = cityStyles(ds, ['fuzhou', ...UPLOADS.slice(0, 9)]);
    expect(shown(styles)).toMatchInlineSnapshot(`
      {
        "fuzhou": "#e87307 solid",
        "u-anqing": "#c7329b solid",
        "u-chizhou": "#9a745f solid",
        "u-chuzhou": "#7356cc solid",
        "u-maanshan": "#b78b00 solid",
        "u-ningde": "#197884 solid",
        "u-putian": "#e55659 solid",
        "u-quanzhou": "#7f9909 solid",
        "u-tongling": "#269fd4 solid",
        "u-xuancheng": "#34a86a solid",
      }
    `);
    expect(styles.get('fuzhou')?.color, 'fuzhou keeps its own slot').toBe(PALETTE[2]);
    // Seven slots are nobody's; the 8th and 9th upload take wuhu's and wuhu_county's (not in view).
    expect(UPLOADS.slice(0, 9).map((id) => PALETTE.indexOf(styles.get(id)!.color))).toEqual([
      5, 6, 7, 8, 9, 10, 11, 0, 1,
    ]);
  });

  it('a curated city has the same colour in every view; reordering the uploads moves only the uploads’ colours', async () => {
    const ds = await withUploads();
    const base = cityStyles(ds, [...CURATED_CITIES, ...UPLOADS.slice(0, 7)]);
    const reordered = cityStyles(ds, [...UPLOADS.slice(0, 7).reverse(), ...CURATED_CITIES.slice().reverse()]);
    const few = cityStyles(ds, ['haimen', UPLOADS[3]!]);
    CURATED_CITIES.forEach((c, i) => {
      expect(base.get(c)?.color, `${c}: its own slot`).toBe(PALETTE[i]);
      expect(reordered.get(c), `${c} after reordering`).toEqual(base.get(c));
    });
    expect(few.get('haimen')).toEqual(base.get('haimen'));
    // The uploads swap colours among themselves: the same set, another order.
    const uploadColours = (s: ReadonlyMap<string, CityStyle>) =>
      UPLOADS.slice(0, 7).map((id) => s.get(id)!.color);
    expect(uploadColours(reordered)).toEqual(uploadColours(base).slice().reverse());
    expect(new Set(uploadColours(reordered))).toEqual(new Set(uploadColours(base)));
  });

  it('depends only on the places and the view: the same view gives the same styles in a dataset built again', async () => {
    const view = ['wuhu', ...UPLOADS.slice(0, 4), 'fuzhou'];
    const a = await withUploads();
    const b = await withUploads();
    expect(a.places).not.toBe(b.places);
    expect(cityStyles(b, view)).toEqual(cityStyles(a, view));
    expect(cityStyles(a, view), 'memoised: every chart asks, one answer').toBe(cityStyles(a, [...view]));
    // More uploads in the dataset, the same view: the same styles.
    const more = await withUploads([...UPLOADS, 'u-other1', 'u-other2']);
    expect(cityStyles(more, view)).toEqual(cityStyles(a, view));
  });

  it('references are not coloured here (they stay the grey, dashed); unknown and repeated ids are harmless', async () => {
    const ds = await withUploads();
    const styles = cityStyles(ds, ['china', 'anhui', 'wuhu', 'fujian', 'x_region', UPLOADS[0]!, 'wuhu']);
    expect([...styles.keys()]).toEqual(['wuhu', UPLOADS[0]]);
    expect(styles.get(UPLOADS[0]!)?.color).toBe(PALETTE[5]);
    expect(cityStyles(ds, []).size).toBe(0);
  });

  it('13 or more visible cities: colours repeat only past the palette, and the repeats are dashed, then dotted', async () => {
    const ds = await withUploads();
    // The default view after the 12-city upload: every curated city and the twelve uploads.
    const seventeen = cityStyles(ds, [...CURATED_CITIES, ...UPLOADS]);
    expect(shown(seventeen)).toMatchInlineSnapshot(`
      {
        "fuzhou": "#e87307 solid",
        "haimen": "#006bb7 solid",
        "u-anqing": "#c7329b solid",
        "u-chizhou": "#9a745f solid",
        "u-chuzhou": "#7356cc solid",
        "u-longyan": "#c7329b dashed",
        "u-maanshan": "#b78b00 solid",
        "u-nanping": "#b78b00 dashed",
        "u-ningde": "#7356cc dashed",
        "u-putian": "#34a86a dashed",
        "u-quanzhou": "#7f9909 solid",
        "u-sanming": "#269fd4 dashed",
        "u-tongling": "#269fd4 solid",
        "u-xuancheng": "#34a86a solid",
        "wuhu": "#e55659 solid",
        "wuhu_county": "#197884 solid",
        "x_city": "#af85a6 solid",
      }
    `);
    const dashes = [...seventeen.values()].map((s) => s.dash);
    expect(dashes.filter((d) => d === 'solid')).toHaveLength(PALETTE.length);
    expect(dashes.filter((d) => d === 'dashed')).toHaveLength(17 - PALETTE.length);
    expectApart(seventeen, '17 cities');
    const identities = (s: ReadonlyMap<string, CityStyle>) =>
      new Set([...s.values()].map((x) => `${x.color} ${x.dash}`));
    expect(identities(seventeen).size, 'no two cities look the same').toBe(17);

    // Twelve uploads beside two curated cities: ten uploads solid, the last two dashed in the first free colours.
    const fourteen = cityStyles(ds, ['wuhu', 'haimen', ...UPLOADS]);
    expect(UPLOADS.map((id) => fourteen.get(id)!.dash).lastIndexOf('solid')).toBe(9);
    expect([UPLOADS[10], UPLOADS[11]].map((id) => fourteen.get(id!))).toEqual([
      { color: PALETTE[5], dash: 'dashed' },
      { color: PALETTE[6], dash: 'dashed' },
    ]);
    expectApart(fourteen, '2 curated + 12 uploads');
    expect(identities(fourteen).size).toBe(14);

    const ids = Array.from({ length: 31 }, (_, i) => `u-city${i}`);
    const big = await withUploads(ids);
    const many = cityStyles(big, [...CURATED_CITIES, ...ids]);
    expect(many.size).toBe(36);
    expect(identities(many).size, '36 cities, 36 looks').toBe(36);
    expect([...many.values()].filter((s) => s.dash === 'dotted')).toHaveLength(36 - 2 * PALETTE.length);
    expectApart(many, '36 cities');
  });

  it('a dataset of other curated places gives its own cities their own slots (the factory world: 甲市, 乙市, 丙市)', () => {
    const ds = dataset([observation()], { places: [place({ id: 'u-new', zh: '新市', level: 'unnamed' })] });
    expect(shown(cityStyles(ds, ['u-new', 'c', 'a', 'prov-a', 'china']))).toEqual({
      'u-new': `${PALETTE[3]} solid`,
      c: `${PALETTE[2]} solid`,
      a: `${PALETTE[0]} solid`,
    });
  });
});
