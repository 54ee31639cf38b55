// The workbook library's one door: SheetJS (@e965/xlsx, the maintained republish; never the registry's frozen
// `xlsx` 0.18.5) reads .xlsx / .xlsm / .xls / .ods / WPS .et and HTML tables into sheets of cells; this module
// turns each sheet into rows of text (cellText.ts) with Excel's row numbers and its merged ranges. Loaded on
// demand, in the import worker: nothing here touches the DOM. Macros are never read (bookVBA off) nor run.
// Example: readWorkbook(<bytes of long-basic.xlsx>, 1e6) -> [{ name: '数据', cells: 35, height: 7, … }], and its
//   .rows() -> { rows: [['城市','指标',…], …], lines: [1, 2, …], merges: [] }

import * as XLSX from '@e965/xlsx';
import { cellText, type CellLike, type DateReader } from './cellText';

export interface Merge {
  /** 0-based, relative to the rows returned. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

function dateReader(date1904: boolean): DateReader {
  return {
    isDate: (format) => XLSX.SSF.is_date(format),
    ymd: (serial) => {
      const p = XLSX.SSF.parse_date_code(serial, { date1904 });
      return p ? { y: p.y, m: p.m, d: p.d } : null;
    },
  };
}

export interface SheetTable {
  name: string;
  rows: string[][];
  /** Excel's row number of each row. */
  lines: number[];
  merges: Merge[];
}

/** A sheet as read by the library, its rows made only when asked (a probe of the first rows, or all of them). */
export interface SheetHandle {
  name: string;
  /** Rows × columns of the cells it really holds (the sheet's own dimension tag is not trusted). */
  cells: number;
  /** Rows from its first to its last non-empty one. */
  height: number;
  /** The sheet held more rows than were read. */
  truncated: boolean;
  /** Its first `maxRows` rows (all by default) as text. */
  rows(maxRows?: number): SheetTable;
}

/** One sheet's rows as text (dense worksheet), from the top-left of its used range. */
function sheetRows(name: string, ws: XLSX.WorkSheet, dates: DateReader, maxRows: number): SheetTable {
  const ref = ws['!ref'];
  if (!ref) return { name, rows: [], lines: [], merges: [] };
  const range = XLSX.utils.decode_range(ref);
  const width = range.e.c - range.s.c + 1;
  const data = ((ws as { '!data'?: CellLike[][] })['!data'] ?? []) as Array<CellLike[] | undefined>;
  const rows: string[][] = [];
  const lines: number[] = [];
  const last = Math.min(range.e.r, range.s.r + maxRows - 1);
  for (let r = range.s.r; r <= last; r++) {
    const src = data[r];
    const row = new Array<string>(width);
    for (let c = 0; c < width; c++) {
      const cell = src?.[range.s.c + c];
      row[c] = cell?.t === 'e' ? (ERRORS[cell.v as number] ?? cell.w ?? '#VALUE!') : cellText(cell, dates);
    }
    rows.push(row);
    lines.push(r + 1);
  }
  const merges = (ws['!merges'] ?? []).map((m) => ({
    r0: m.s.r - range.s.r,
    c0: m.s.c - range.s.c,
    r1: m.e.r - range.s.r,
    c1: m.e.c - range.s.c,
  }));
  return { name, rows, lines, merges };
}

function handle(name: string, ws: XLSX.WorkSheet, dates: DateReader, maxRows: number): SheetHandle {
  const ref = ws['!ref'];
  const range = ref ? XLSX.utils.decode_range(ref) : null;
  const full = ws['!fullref'] ? XLSX.utils.decode_range(ws['!fullref']) : range;
  const height = range ? range.e.r - range.s.r + 1 : 0;
  const fullHeight = full ? full.e.r - full.s.r + 1 : 0;
  const width = range ? range.e.c - range.s.c + 1 : 0;
  return {
    name,
    cells: fullHeight * width,
    height,
    truncated: fullHeight > height,
    rows: (n = maxRows) => sheetRows(name, ws, dates, Math.min(n, maxRows)),
  };
}

/**
 * Every sheet of a workbook (bytes) or of an HTML page (its decoded text: cells kept as text, read by the
 * importer's own number rules). Throws what the library throws; the caller words it.
 */
export function readWorkbook(data: Uint8Array | string, maxRows: number): SheetHandle[] {
  const html = typeof data === 'string';
  const wb = XLSX.read(data, {
    type: html ? 'string' : 'array',
    dense: true,
    cellFormula: true,
    cellHTML: false,
    cellNF: true,
    cellText: false,
    cellDates: false,
    cellStyles: false,
    // A formula cell with no cached value is kept (as a stub) so that it reads as missing, not as absent.
    sheetStubs: true,
    // The used range from the cells themselves: a sheet's dimension tag may claim a million rows, or too few.
    nodim: true,
    bookVBA: false,
    WTF: false,
    raw: html,
    sheetRows: maxRows + 1,
  });
  const dates = dateReader(!!wb.Workbook?.WBProps?.date1904);
  return wb.SheetNames.map((n) => handle(n, wb.Sheets[n]!, dates, maxRows));
}
