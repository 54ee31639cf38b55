// The column-mapping step: when the header cannot be read with confidence, the importer offers the first rows
// with its best guess per role, and the user assigns city / indicator / year / value / unit themselves.
// Example: rows [['地名','项目','年','数']...] -> offerMapping(...) = { headerLine: 1, headers: [...],
//   preview: <up to 8 rows>, guess: { city: 0, indicator: -1, period: 2, value: 3, unit: -1 }, signature: 'k2…' }
//          mappedLayout(rows, lines, { headerLine: 1, city: 0, indicator: 1, period: 2, value: 3, unit: -1 })
//   -> the long layout with those columns (the rest read by name, or ignored).

import type { ImportMapping, MappingOffer, MappedRole, Msg } from './types';
import { layoutAt, noRoles, type Layout, type LayoutOptions, type LayoutResult } from './layout';
import { isBlank, rowBlank } from './cells';
import { cleanText, stableHash } from './text';
import { roleOf } from './roles';
import { readPeriod } from './periods';
import { plainDecimal, readNumber } from './numbers';
import { parseUnit } from './units';
import type { Lookups } from './lookups';
import { both } from '../i18n/importMessages';

export const MAPPED_ROLES: readonly MappedRole[] = ['city', 'indicator', 'period', 'value', 'unit'];
const PREVIEW_ROWS = 8;

/** Same header, same signature: how a mapping is remembered for the next file of that shape. */
export function headerSignature(headers: readonly string[]): string {
  return stableHash(headers.map((h) => cleanText(h)).join('\u0001'));
}

/** The first rows under the header, one cell per header (a short row padded, a long one cut). */
function previewOf(body: readonly (readonly string[])[], headers: readonly string[]): string[][] {
  return body.slice(0, PREVIEW_ROWS).map((r) => headers.map((_, i) => r[i] ?? ''));
}

/** The header guess: the first of the first rows with the most filled cells (titles and notes have fewer). */
function guessHeader(rows: readonly (readonly string[])[]): number {
  let best = -1;
  let most = 1;
  let seen = 0;
  for (let i = 0; i < rows.length && seen < 12; i++) {
    const row = rows[i]!;
    if (rowBlank(row)) continue;
    seen++;
    let n = 0;
    for (const c of row) if (!isBlank(c)) n++;
    if (n > most) [best, most] = [i, n];
  }
  return best;
}

function isUnit(cell: string): boolean {
  const spec = parseUnit(cell);
  return spec !== null && !spec.dim.startsWith('other:');
}

function every(cells: string[], test: (c: string) => boolean): boolean {
  const filled = cells.filter((c) => !isBlank(c));
  return filled.length > 0 && filled.every(test);
}

/** What the user sees to map the columns, or null when there is no table-like row at all. */
export function offerMapping(
  rows: readonly (readonly string[])[],
  lines: readonly number[],
  look: Lookups,
  reason: Msg,
): MappingOffer | null {
  const h = guessHeader(rows);
  if (h < 0) return null;
  const headers = rows[h]!.map((c) => cleanText(c));
  const body = rows.slice(h + 1).filter((r) => !rowBlank(r));
  const column = (i: number) => body.map((r) => r[i] ?? '');
  const guess: Record<MappedRole, number> = { city: -1, indicator: -1, period: -1, value: -1, unit: -1 };
  headers.forEach((name, i) => {
    const role = roleOf(name);
    if (role && role in guess && guess[role as MappedRole] === -1) guess[role as MappedRole] = i;
  });
  const free = (i: number) => !Object.values(guess).includes(i);
  for (let i = 0; i < headers.length; i++) {
    if (!free(i)) continue;
    const cells = column(i);
    if (guess.period === -1 && every(cells, (c) => readPeriod(c).ok)) guess.period = i;
    else if (guess.indicator === -1 && every(cells, (c) => look.indicators.known(c))) guess.indicator = i;
    else if (guess.unit === -1 && every(cells, (c) => isUnit(c))) guess.unit = i;
    else if (guess.city === -1 && every(cells, (c) => look.places.findInText(c) !== null)) guess.city = i;
    else if (
      guess.value === -1 &&
      every(cells, (c) => plainDecimal(c) === plainDecimal(c) || readNumber(c).ok)
    )
      guess.value = i;
  }
  return {
    headerLine: lines[h] ?? h + 1,
    headers,
    preview: previewOf(body, headers),
    guess,
    indicatorColumns: [],
    signature: headerSignature(headers),
    reason,
  };
}

/**
 * The same material for a table that was read but with a part taken from its title or file name (the city of
 * a single-city sheet): the user checks it, and may correct it. The guess is what the importer used.
 */
export function reviewOffer(rows: readonly (readonly string[])[], layout: Layout, reason: Msg): MappingOffer {
  const body = rows.slice(layout.bodyIndex).filter((r) => !rowBlank(r));
  const { city, indicator, period, value, unit } = layout.cols;
  return {
    headerLine: layout.headerLine,
    headers: layout.headers,
    preview: previewOf(body, layout.headers),
    guess: { city, indicator, period, value, unit },
    indicatorColumns: layout.measures.map((m) => m.index),
    signature: headerSignature(layout.headers),
    reason,
  };
}

/** The layout the user's mapping gives (its header row found by line), or why it still cannot be read. */
export function mappedLayout(
  rows: readonly (readonly string[])[],
  lines: readonly number[],
  mapping: ImportMapping,
  opts: LayoutOptions,
): LayoutResult {
  const at = lines.indexOf(mapping.headerLine);
  if (at < 0)
    return { ok: false, code: 'no-header', message: both('mappingHeaderGone', { line: mapping.headerLine }) };
  const given = noRoles();
  const width = rows[at]!.length;
  const taken = new Map<number, MappedRole>();
  for (const role of MAPPED_ROLES) {
    const i = mapping[role];
    if (i < 0 || i >= width) continue;
    const other = taken.get(i);
    // One column plays one part: a city column read as the indicator too would name indicators after cities.
    if (other)
      return {
        ok: false,
        code: 'ambiguous-header',
        message: both('mappingTwice', { column: i + 1, first: other, second: role }),
      };
    taken.set(i, role);
    given[role] = i;
  }
  return layoutAt(rows, lines, at, given, opts);
}
