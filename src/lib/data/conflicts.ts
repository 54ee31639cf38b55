// Where an upload disagrees with the data already there (the curated reports, earlier uploads) and which of the two
// the charts draw. Loaded with the upload code, never in the first load.
//
// Two rows are about the same figure when city, indicator, period and kind agree (an actual and a derived figure
// of one period are one figure: a line draws one of them). They disagree unless they say the same: both without
// a value (masked, or kept as missing), or both a value in the same unit, on the same side (exact or about; a
// lower bound; an upper bound), differing by no more than half a unit of the coarser one's last stated digit
// (3.8 and 3.76 agree; 3.80 and 3.76 do not). A chart draws one row per figure, so every disagreement is listed
// and the user picks; by default the upload's own value is drawn.
//
//   findConflicts(<wuhu.csv: 芜湖 研发经费投入强度 2022 3.80>, dataset)
//     -> [{ row: 0, city: 'wuhu', period: '2022', upload: { value: 3.8, ... }, existing: { value: 3.76,
//           source: '001_bf8fc6d553621b5e', ... }, hides: [{ part: 'curated', row: 46 }] }]
import type { Comparator, Kind, Status } from '../table/fields';
import { comparatorOf, kindOf, quoteAt, statusOf, type RowTable } from '../table/table';
import { tableIndex } from '../table/rowIndex';
import { decimals, NUMBER_IN_TEXT } from './statedDigits';
import { buildDataset, type CuratedParts, type Dataset, type DatasetPart, type UploadPart } from './dataset';

/** One side of a conflict. */
export interface Figure {
  /** null: masked or missing. */
  value: number | null;
  unit: string;
  comparator: Comparator;
  status: Status;
  /** Source id: a report's, or `upload:<id>`. */
  source: string;
}

/** A row of a part: `curated` or `upload:<id>` (DatasetPart.id), and its row number there. */
export interface RowRef {
  part: string;
  row: number;
}

export interface Conflict {
  /** The upload's row (row number in its table). */
  row: number;
  city: string;
  indicator: string;
  period: string;
  kind: Kind;
  upload: Figure;
  /** What the charts draw without the upload: the first earlier row of this figure. */
  existing: Figure;
  /** Every earlier row of this figure still drawn: kept off the charts while the upload's value is. */
  hides: readonly RowRef[];
}

/** Which value the charts draw: `prefer` for every conflict of the upload, but the other for the rows in `except`. */
export interface ConflictChoice {
  prefer: 'upload' | 'existing';
  except: readonly number[];
}

/** An upload as the state keeps it: its rows and what the user chose. */
export type ChoosingUpload = UploadPart & { choice?: ConflictChoice | undefined };

/**
 * Half a unit of the last digit row i states, in its own unit: from its quote when that holds one number that is
 * the value (or the value converted by a power of ten: 12.5亿 -> 125000 万元), else from the value as written.
 * '3.80' -> 0.005; '38亿' of 380000 万元 -> 5000; a sentence with several numbers, 3.76 -> 0.005.
 */
function halfStep(t: RowTable, i: number): number {
  const value = t.value[i]!;
  const found = quoteAt(t, i).normalize('NFKC').match(NUMBER_IN_TEXT);
  if (found?.length === 1) {
    const stated = found[0]!.replaceAll(',', '');
    const q = Number(stated);
    const scale = q === Math.abs(value) ? 1 : Math.abs(value / q);
    const power = Math.log10(scale);
    if (scale && Math.abs(power - Math.round(power)) < 1e-9) return 0.5 * 10 ** -decimals(stated) * scale;
  }
  return 0.5 * 10 ** -decimals(String(Math.abs(value)));
}

/** '=' and '~' a point, '>' '>=' a lower bound, '<' '<=' an upper bound (COMPARATORS order). */
const SIDE = [0, 1, 1, 2, 2, 0];

function sameFigure(a: RowTable, i: number, b: RowTable, j: number): boolean {
  const x = a.value[i]!;
  const y = b.value[j]!;
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
  if (a.dict[a.unit[i]!] !== b.dict[b.unit[j]!]) return false;
  if (SIDE[a.flags[i]! & 7] !== SIDE[b.flags[j]! & 7]) return false;
  // Equal figures (the common case: the same data uploaded again) need no look at their digits.
  if (x === y) return true;
  return Math.abs(x - y) <= Math.max(halfStep(a, i), halfStep(b, j)) * (1 + 1e-9);
}

/** Row i's kind as a figure: derived (2) counts as actual (0) (KINDS order). */
const slotOf = (flags: number) => {
  const kind = (flags >> 3) & 3;
  return kind === 2 ? 0 : kind;
};

function figure(t: RowTable, i: number): Figure {
  const v = t.value[i]!;
  return {
    value: Number.isNaN(v) ? null : v,
    unit: t.dict[t.unit[i]!]!,
    comparator: comparatorOf(t.flags[i]!)!,
    status: statusOf(t.flags[i]!)!,
    source: t.dict[t.source[i]!]!,
  };
}

interface Earlier {
  part: DatasetPart;
  row: number;
}

/** The drawn rows of the parts for one indicator and place, by period, then by kind slot. */
function earlierRows(parts: readonly DatasetPart[], indicator: string, city: string) {
  let byPeriod: Map<string, Earlier[][]> | undefined;
  for (const part of parts) {
    const t = part.table;
    for (const row of part.index.byIndicator.get(indicator)?.get(city) ?? []) {
      const period = t.dict[t.period[row]!]!;
      byPeriod ??= new Map();
      let slots = byPeriod.get(period);
      if (!slots) byPeriod.set(period, (slots = [[], [], [], []]));
      slots[slotOf(t.flags[row]!)]!.push({ part, row });
    }
  }
  return byPeriod;
}

/**
 * The upload's rows that disagree with what `ds` draws (its curated rows and uploads as they stand), in file
 * order. Only the upload's rows of an indicator and place `ds` already has are read: a million rows of new
 * cities cost nothing but a look-up per place `ds` has.
 */
export function findConflicts(upload: RowTable, ds: Dataset): Conflict[] {
  const out: Conflict[] = [];
  const d = upload.dict;
  for (const [indicator, places] of tableIndex(upload).byIndicator) {
    const known = new Set<string>();
    for (const p of ds.parts)
      for (const city of p.index.byIndicator.get(indicator)?.keys() ?? []) known.add(city);
    for (const city of known) {
      const rows = places.get(city);
      const earlier = rows && earlierRows(ds.parts, indicator, city);
      if (!earlier) continue;
      for (const i of rows) {
        const same = earlier.get(d[upload.period[i]!]!)?.[slotOf(upload.flags[i]!)];
        const first = same?.[0];
        if (!first || sameFigure(upload, i, first.part.table, first.row)) continue;
        out.push({
          row: i,
          city,
          indicator,
          period: d[upload.period[i]!]!,
          kind: kindOf(upload.flags[i]!)!,
          upload: figure(upload, i),
          existing: figure(first.part.table, first.row),
          hides: same.map((e) => ({ part: e.part.id, row: e.row })),
        });
      }
    }
  }
  return out.sort((a, b) => a.row - b.row);
}

/**
 * Whether the charts draw the upload's value for a row, by the choice (none: the upload's everywhere).
 * uploadDrawn({ prefer: 'upload', except: [4] }) -> (row) => row !== 4
 */
export function uploadDrawn(choice: ConflictChoice | undefined): (row: number) => boolean {
  const except = new Set(choice?.except);
  const upload = (choice?.prefer ?? 'upload') === 'upload';
  return (row) => upload !== except.has(row);
}

/**
 * The rows the choices keep off the charts, by part: the upload's own where the value already there is drawn,
 * the earlier rows where the upload's is. hiddenBy([<row 0 vs curated 46>], undefined, 'upload:a')
 * -> Map { 'curated' => [46] }
 */
export function hiddenBy(
  conflicts: readonly Conflict[],
  choice: ConflictChoice | undefined,
  ownPart: string,
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const add = (part: string, row: number) => {
    const list = out.get(part);
    if (list) list.push(row);
    else out.set(part, [row]);
  };
  const drawn = uploadDrawn(choice);
  for (const c of conflicts) {
    if (drawn(c.row)) for (const h of c.hides) add(h.part, h.row);
    else add(ownPart, c.row);
  }
  return out;
}

// The conflicts found for an upload's rows, with what they were found against: a rename, a reload of the list or a
// choice on a later upload finds them again at no cost (publish() resolves on every change of the list).
const found = new WeakMap<RowTable, { against: string; conflicts: Conflict[] }>();
const curatedIds = new WeakMap<CuratedParts, number>();
let nextCurated = 0;
const curatedKey = (c: CuratedParts): number => {
  let k = curatedIds.get(c);
  if (k === undefined) curatedIds.set(c, (k = nextCurated++));
  return k;
};

/**
 * Each upload's conflicts with the curated rows and the uploads before it, as they are drawn once those uploads'
 * choices are made, and the parts with the rows their choices hide (UploadPart.hides) for buildDataset.
 */
export function resolveUploads(
  curated: CuratedParts,
  uploads: readonly ChoosingUpload[],
): { parts: UploadPart[]; conflicts: Map<string, Conflict[]> } {
  const parts: UploadPart[] = [];
  const conflicts = new Map<string, Conflict[]>();
  // What each upload is compared with, as a key: the curated data and every upload before it with its choice.
  let against = `${curatedKey(curated)}`;
  for (const { choice, ...u } of uploads) {
    const cached = found.get(u.table);
    const hit = cached?.against === against ? cached.conflicts : null;
    const list = hit ?? findConflicts(u.table, buildDataset(curated, parts));
    if (!hit) found.set(u.table, { against, conflicts: list });
    against += `|${u.meta.id}:${choice ? `${choice.prefer}:${choice.except.join(',')}` : ''}`;
    conflicts.set(u.meta.id, list);
    parts.push(list.length ? { ...u, hides: hiddenBy(list, choice, `upload:${u.meta.id}`) } : u);
  }
  return { parts, conflicts };
}

/**
 * The choice after the user picks `use` for one row, or for every conflict (row 'all').
 * choose(undefined, 4, 'existing') -> { prefer: 'upload', except: [4] }; choose(c, 'all', 'existing') -> { prefer: 'existing', except: [] }
 */
export function choose(
  choice: ConflictChoice | undefined,
  row: number | 'all',
  use: ConflictChoice['prefer'],
): ConflictChoice {
  if (row === 'all') return { prefer: use, except: [] };
  const prefer = choice?.prefer ?? 'upload';
  const except = new Set(choice?.except);
  if (use === prefer) except.delete(row);
  else except.add(row);
  return { prefer, except: [...except].sort((a, b) => a - b) };
}
