// CSV of plotted data for Excel: UTF-8 BOM, CRLF, RFC 4180 quoting, and formula neutralisation of text cells.

/** A cell: text, a number (written as a number, never neutralised), or null (empty). */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r\n]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field. Text starting with = + - @ tab CR LF gets a leading `'` so Excel/Sheets treat it as text.
 * csvField('=1+1') -> "'=1+1"; csvField(-5) -> '-5'; csvField('a,b') -> '"a,b"'
 */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  let s = String(cell);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The whole file: BOM first, CRLF line ends (also after the last row).
 * toCsv(['城市', '数值'], [['芜湖', 2.5]]) -> '\uFEFF城市,数值\r\n芜湖,2.5\r\n'
 */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  const line = (cells: readonly CsvCell[]) => cells.map(csvField).join(',');
  return '\uFEFF' + [line(header), ...rows.map(line)].map((l) => `${l}\r\n`).join('');
}
