// A workbook cell as the text the importer reads (the same readers as for CSV cells), so a figure means the same
// whichever way it arrived. Numbers keep Excel's 15 significant digits, and the decimals their format shows where
// that loses nothing (3.8 shown as 3.80 is '3.80'); a percent-formatted 0.0391 is '3.91%'; a
// date is never a number ('2023-05-01', or '2023年' when only its year is shown, as in a year header); a formula
// is its cached value, and one without is NO_CACHED_VALUE (a missing figure, never 0); text stays text, so
// '=cmd|…' or '<img …>' is only ever a name.
// Example: cellText({ t: 'n', v: 0.0391, z: '0.00%' }) -> '3.91%'; cellText({ t: 'n', v: 2021 }) -> '2021'
//          cellText({ t: 'n', v: 44927, z: 'yyyy' }, dates) -> '2023年'; cellText({ t: 's', v: '4,012' }) -> '4,012'

import { NO_CACHED_VALUE } from '../rowBuilder';

/** The fields of a cell the importer reads (SheetJS's cell object has these names). */
export interface CellLike {
  /** n number, s string, b boolean, e error, d date, z stub (empty, or a formula without a value). */
  t: string;
  v?: unknown;
  /** Number format. */
  z?: string | number;
  /** Formatted text. */
  w?: string;
  /** Formula. */
  f?: string;
}

export interface DateReader {
  isDate(format: string): boolean;
  /** Year, month, day of a date serial in the workbook's date system. */
  ymd(serial: number): { y: number; m: number; d: number } | null;
}

/** 15 significant digits, as Excel shows: 0.0376 * 100 -> 3.76, not 3.7600000000000002. */
export function excelNumber(v: number): string {
  return String(Number(v.toPrecision(15)));
}

/** A number format without its literal parts (quoted text, escaped characters, [colour] / [locale] tags). */
function literalFree(format: string): string {
  return format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
}

/** Decimals a number format shows ('0.00' -> 2, '#,##0.0%' -> 1, 'General' -> null: as many as the value has). */
function shownDecimals(format: string): number | null {
  const section = literalFree(format.split(';')[0]!);
  if (!/[0#]/.test(section)) return null;
  const m = /\.(0+)/.exec(section);
  return m ? m[1]!.length : 0;
}

/**
 * A number as the cell shows it when the format's decimals lose nothing (3.8 shown '0.00' -> '3.80': the digits
 * the bureau states, which tell a real difference from rounding), else with every digit it has.
 */
function numberText(v: number, format: string): string {
  const full = excelNumber(v);
  const d = format === '' ? null : shownDecimals(format);
  if (d === null || d > 15) return full;
  const shown = v.toFixed(d);
  return Number(shown) === Number(full) ? shown : full;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Number formats that show only the year ('yyyy', 'yyyy"年"', 'e'). */
const YEAR_ONLY = /^(?:\[[^\]]*\])*(?:yyyy|yy|e)(?:"年")?$/i;

function dateText(serial: number, format: string, dates: DateReader): string {
  const p = dates.ymd(serial);
  if (!p) return String(serial);
  if (YEAR_ONLY.test(format.replace(/\\/g, ''))) return `${p.y}年`;
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

export function cellText(cell: CellLike | undefined | null, dates: DateReader): string {
  if (!cell) return '';
  const { t, v } = cell;
  const format = typeof cell.z === 'string' ? cell.z : '';
  switch (t) {
    case 'n': {
      if (typeof v !== 'number') return cell.f ? NO_CACHED_VALUE : '';
      if (format !== '' && dates.isDate(format)) return dateText(v, format, dates);
      // A percent format scales by 100; a '%' in quotes or after a backslash is only a character shown.
      if (literalFree(format).includes('%')) return `${numberText(Number(excelNumber(v * 100)), format)}%`;
      return numberText(v, format);
    }
    case 's':
      return typeof v === 'string' ? v : '';
    case 'b':
      return v ? 'TRUE' : 'FALSE';
    case 'e':
      return cell.w ?? '#VALUE!';
    case 'd':
      if (v instanceof Date)
        return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
      return String(v ?? '');
    default:
      return cell.f ? NO_CACHED_VALUE : '';
  }
}
