// City colours: one categorical palette, a fixed slot per curated city, the free slots for the uploads in view.
// No colour maths here (this ships in the first-load bundle): the distances are proven in tests/unit/palette.test.ts.
import type { Dataset } from '../data/dataset';
import { isReferencePlace, isUploadedId } from '../data/dataset';

/**
 * Twelve colours for telling series apart: Tableau 10's hues (its grey dropped) darkened to 3:1 on a white card,
 * kept at 3:1 on the dark background #1e1e1e, plus violet, sky and olive. Every pair is at least 19 apart in
 * CIEDE2000 (27 in CIE76) and every colour at least 15 from the reference grey #7a7a7a. The first five are the
 * curated cities' (cities.json order: wuhu red, wuhu_county teal, fuzhou orange, haimen blue, x_city mauve, the
 * hues they had before); the rest go to uploads in this order.
 */
export const PALETTE: readonly string[] = [
  '#e55659', // red
  '#197884', // teal
  '#e87307', // orange
  '#006bb7', // blue
  '#af85a6', // mauve
  '#34a86a', // green
  '#7356cc', // violet
  '#b78b00', // gold
  '#269fd4', // sky
  '#c7329b', // magenta
  '#9a745f', // brown
  '#7f9909', // olive
];

export type Dash = 'solid' | 'dashed' | 'dotted';

export interface CityStyle {
  color: string;
  /** 'solid' unless the city shares its colour with another in view: then the line style tells them apart. */
  dash: Dash;
}

const DASHES: readonly Dash[] = ['solid', 'dashed', 'dotted'];

interface PlacesMemo {
  /** Curated cities (not uploaded, not references) in places order: index = slot. */
  curated: Map<string, number>;
  views: Map<string, ReadonlyMap<string, CityStyle>>;
}
const memo = new WeakMap<object, PlacesMemo>();

/**
 * The style of every visible city: cityStyles(ds, ['wuhu', 'u-宣城', 'fuzhou']) ->
 * Map { wuhu => {color: PALETTE[0], dash: 'solid'}, u-宣城 => {color: PALETTE[5], …}, fuzhou => {color: PALETTE[2], …} }.
 * A curated city always has its own slot (its rank among the curated cities); the uploaded cities, in the order
 * of `cities`, take the first colour and dash no visible city holds: solid in the slots no curated city owns, then
 * those of curated cities not in view, then dashed, then dotted (past 36 cities the styles come round again).
 * References are left out (REFERENCE_COLOR, dashed, is theirs), as is any city not in `cities`. The result
 * depends only on (ds.places, cities), so the dashboard, an embed and an export agree.
 */
export function cityStyles(ds: Dataset, cities: readonly string[]): ReadonlyMap<string, CityStyle> {
  let m = memo.get(ds.places);
  if (!m) {
    const curated = new Map<string, number>();
    for (const [id, p] of ds.places)
      if (!isUploadedId(id) && !isReferencePlace(p)) curated.set(id, curated.size);
    memo.set(ds.places, (m = { curated, views: new Map() }));
  }
  const key = cities.join('\u0000');
  let styles = m.views.get(key);
  if (styles) return styles;
  const P = PALETTE.length;
  const curated = m.curated;
  const shown = cities.filter((id) => !isReferencePlace(ds.places.get(id)));
  const taken = new Set<number>(); // identities: slot + P * dash round
  for (const id of shown) {
    const i = curated.get(id);
    if (i !== undefined) taken.add(i % (P * DASHES.length));
  }
  // The identities in the order uploads take them: solid in the slots no curated city owns, then in the
  // curated cities' own, then the same dashed, then dotted; less those the curated cities in view hold.
  const own = Math.min(curated.size, P);
  const order = [...Array(P).keys()].map((k) => (k + own) % P);
  const free = DASHES.flatMap((_, round) => order.map((s) => s + P * round)).filter((x) => !taken.has(x));
  const out = new Map<string, CityStyle>();
  let k = 0;
  for (const id of shown) {
    if (out.has(id)) continue;
    const i = curated.get(id);
    out.set(id, style(i ?? (free.length ? free[k++ % free.length]! : k++)));
  }
  if (m.views.size > 64) m.views.clear();
  m.views.set(key, (styles = out));
  return styles;
}

/** Identity n (slot + PALETTE.length * dash round) as a style. */
function style(n: number): CityStyle {
  const P = PALETTE.length;
  return { color: PALETTE[n % P]!, dash: DASHES[Math.floor(n / P) % DASHES.length]! };
}
