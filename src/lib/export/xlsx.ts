// The data as an Excel workbook: one sheet per chart (its table in the reader's words, dataTable.ts) and a sources
// sheet (each report used, then every figure's verbatim quote). Written by SheetJS (@e965/xlsx, the library the
// importer and the slides' chart data already load), on demand. It zips in this thread; a writer built on fflate
// (write-excel-file) starts a blob: worker for any part over 160 KB, which the page's Content-Security-Policy
// (worker-src 'self') blocks, and a large upload's export would then never finish.
// Cells: numbers are numeric cells with a number format showing the decimals the report states; a masked figure is
// an empty cell, never 0; all text is a string cell (a name like '=cmd|…' stays text: no cell is ever a formula).
// Percent figures stay the number shown (3.12 with % in the unit column, not 0.0312 formatted as a percent): the
// cell then holds what the dashboard, the CSV and the upload template hold, and what a reader types into a formula.
import type { ChartModel } from '../charts/common';
import { placeName, sourcePeriodCovered, sourcePublisher, sourceNotes } from '../charts/common';
import type { Dataset } from '../data/dataset';
import type { Lang } from '../i18n/bilingual';
import { t } from '../i18n/exportMessages';
import { chartTable, quotedFigures, sourceName, type DataCell, type DataSheet } from './dataTable';

type SheetJS = typeof import('@e965/xlsx');

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A sheet name Excel takes: none of []:*?/\, not starting or ending with ', at most 31 characters, unlike any
 * before it (Excel compares them case-blind; pass the names taken in `used`).
 * sheetName('Plan targets: how far along', new Set()) -> 'Plan targets - how far along';
 * sheetName('R&D intensity (R&D expenditure as % of GDP)', …) -> 'R&D intensity'
 */
export function sheetName(title: string, used: Set<string>): string {
  // Control characters (a tab, a line break) become spaces.
  const clean = Array.from(title, (ch) => (ch < ' ' ? ' ' : ch))
    .join('')
    .replace(/\s*:\s*/g, ' - ')
    .replace(/\[/g, '(')
    .replace(/]/g, ')')
    .replace(/[/\\]/g, '-')
    .replace(/[*?]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s'-]+|[\s'-]+$/g, '');
  const base = clean || 'Sheet';
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = shorten(base, 31 - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) {
      used.add(name.toLowerCase());
      return name;
    }
  }
}

/**
 * At most `max` UTF-16 units of s: without its last bracketed part if that is enough, else cut at a word's end
 * (never inside a word of Latin letters when a space is near, never inside a surrogate pair).
 */
function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const bare = s.replace(/\s*[(（][^()（）]*[)）]$/, '');
  if (bare !== s && bare.length <= max && bare !== '') return bare;
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  const space = out.lastIndexOf(' ');
  if (/\w/.test(s[out.length] ?? '') && /\w$/.test(out) && space > max / 2) out = out.slice(0, space);
  return out.replace(/[\s'(（-]+$/, '');
}

/** Display width of text in Excel's character units: a CJK character is about two. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return w;
}

/** Characters a figure takes as its format shows it: 1407 as '#,##0.00' is '1,407.00', 8. */
function figureWidth(n: number, format: string): number {
  const digits = String(Math.trunc(Math.abs(n))).length;
  const decimals = /\.(0+)$/.exec(format)?.[1]?.length ?? 0;
  const commas = format.includes(',') ? Math.floor((digits - 1) / 3) : 0;
  return digits + commas + (decimals ? decimals + 1 : 0) + (n < 0 ? 1 : 0);
}

/** Column widths from the header and the first rows, between 6 and 60 characters (long text is not wrapped). */
function widths(rows: readonly DataCell[][]): number[] {
  const out: number[] = [];
  for (const row of rows.slice(0, 300))
    row.forEach((c, i) => {
      const w = c === null ? 0 : typeof c === 'string' ? textWidth(c) : figureWidth(c.n, c.format);
      out[i] = Math.max(out[i] ?? 6, Math.min(60, w + 2));
    });
  return out;
}

/** A worksheet of exactly these cells: text as string cells, figures as numbers with their format, empty as none. */
export function worksheet(X: SheetJS, rows: readonly DataCell[][]) {
  const ws: import('@e965/xlsx').WorkSheet = {};
  let cols = 1;
  rows.forEach((row, r) => {
    cols = Math.max(cols, row.length);
    row.forEach((c, col) => {
      if (c === null || c === '') return;
      ws[X.utils.encode_cell({ r, c: col })] =
        typeof c === 'string' ? { t: 's', v: c } : { t: 'n', v: c.n, z: c.format };
    });
  });
  ws['!ref'] = X.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(0, rows.length - 1), c: cols - 1 },
  });
  ws['!cols'] = widths(rows).map((wch) => ({ wch }));
  return ws;
}

type SourceWord =
  | 'report'
  | 'publisher'
  | 'city'
  | 'published'
  | 'periodCovered'
  | 'url'
  | 'reportNotes'
  | 'indicator'
  | 'period'
  | 'figure'
  | 'quote';

/**
 * The reports the charts' rows come from (dataset order, uploads last), then each report's figures with their
 * verbatim quotes, each once (an upload's "quote" is only its own cell, already in the data sheet).
 */
function sourcesSheet(models: readonly ChartModel[], ds: Dataset, lang: Lang): DataCell[][] {
  const figures = models.flatMap((m) => quotedFigures(m, ds, lang));
  const used = new Set(figures.map((f) => f.source));
  for (const m of models) for (const id of m.sources) used.add(id);
  const ids = [...ds.sources.keys(), ...ds.uploads.keys()].filter((id) => used.has(id));
  const reports = ids.map((id): DataCell[] => {
    const s = ds.sources.get(id);
    if (!s) return [sourceName(ds, id, lang)];
    return [
      sourceName(ds, id, lang),
      sourcePublisher(s, lang),
      placeName(ds, s.city, lang),
      s.published,
      sourcePeriodCovered(s, lang),
      s.url,
      sourceNotes(s, lang),
    ];
  });
  const seen = new Set<string>();
  const order = new Map(ids.map((id, i) => [id, i]));
  const quotes = figures
    .filter((f) => {
      const key = JSON.stringify(f);
      if (!f.quote || !ds.sources.has(f.source) || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0))
    .map((f): DataCell[] => [
      sourceName(ds, f.source, lang),
      f.city,
      f.indicator,
      f.period,
      f.figure,
      f.quote,
    ]);
  const w = (keys: readonly SourceWord[]) => keys.map((k) => t(lang, k));
  return [
    w(['report', 'publisher', 'city', 'published', 'periodCovered', 'url', 'reportNotes']),
    ...reports,
    [],
    [t(lang, 'quotesTitle')],
    w(['report', 'city', 'indicator', 'period', 'figure', 'quote']),
    ...quotes,
  ];
}

/** Minimal view of SheetJS's zip container (its typings call it any). */
interface Zip {
  FileIndex: unknown[];
}
interface ZipEntry {
  content: Uint8Array;
  size: number;
}

/**
 * Freezes row 1 of the given sheets (1-based, book order) and compresses the file. SheetJS's community build
 * does not write panes, so its (uncompressed) output is reopened with its own zip reader and the pane added to the
 * sheet view.
 */
function freezeHeaderRows(X: SheetJS, bytes: Uint8Array, sheets: readonly number[]): Uint8Array {
  const zip = X.CFB.read(bytes, { type: 'array' }) as Zip;
  for (const n of sheets) {
    const entry = X.CFB.find(zip, `/xl/worksheets/sheet${n}.xml`) as ZipEntry | null;
    if (!entry) continue;
    const xml = new TextDecoder().decode(entry.content);
    const pane = '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>';
    const frozen = xml.replace(/<sheetView([^>]*?)\/>/, `<sheetView$1>${pane}</sheetView>`);
    entry.content = new TextEncoder().encode(frozen);
    entry.size = entry.content.length;
  }
  return X.CFB.write(zip, { fileType: 'zip', type: 'array', compression: true }) as Uint8Array;
}

/** A sheet as the workbook is to hold it. */
export interface SheetPlan {
  name: string;
  rows: DataCell[][];
  /** Row 1 is a header to keep in view (the data sheets; the sources sheet holds two tables). */
  frozen: boolean;
}

/** The sheets of some charts' workbook: one per chart, named after its title, then the sources sheet. */
export function workbookSheets(
  charts: readonly { title: string; model: ChartModel }[],
  ds: Dataset,
  lang: Lang,
): SheetPlan[] {
  // Excel keeps 'History' for itself.
  const used = new Set<string>(['history']);
  // Reserved first, so that no chart takes the name the slides' notes send readers to.
  const sources = sheetName(t(lang, 'sourcesSheet'), used);
  const sheets = charts.map((c): SheetPlan => {
    const table: DataSheet = chartTable(c.model, ds, lang);
    return { name: sheetName(c.title, used), rows: [table.header, ...table.rows], frozen: true };
  });
  const models = charts.map((c) => c.model);
  return [...sheets, { name: sources, rows: sourcesSheet(models, ds, lang), frozen: false }];
}

/**
 * The workbook of some charts (workbookSheets), as an .xlsx file.
 * buildWorkbook([{ title: '研发经费投入强度', model }], ds, 'zh') -> a Blob with sheets 研发经费投入强度, 来源
 */
export async function buildWorkbook(
  charts: { title: string; model: ChartModel }[],
  ds: Dataset,
  lang: Lang,
): Promise<Blob> {
  const X = await import('@e965/xlsx');
  const plans = workbookSheets(charts, ds, lang);
  const book = X.utils.book_new();
  for (const p of plans) X.utils.book_append_sheet(book, worksheet(X, p.rows), p.name);
  const written = X.write(book, { type: 'array', bookType: 'xlsx', bookSST: true, compression: false });
  const frozen = plans.flatMap((p, i) => (p.frozen ? [i + 1] : []));
  const bytes = freezeHeaderRows(X, new Uint8Array(written as ArrayBuffer), frozen);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE });
}
