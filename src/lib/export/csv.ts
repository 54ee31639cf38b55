// CSV of plotted data for Excel: UTF-8 BOM, CRLF, RFC 4180 quoting (papaparse's unparse), and formula
// neutralisation of text cells.
import Papa from 'papaparse';

/** A cell: text, a number (written as a number, never neutralised), or null (empty). */
export type CsvCell = string | number | null;

// papaparse's own pattern (escapeFormulae: true) is /^[=+\-@\t\r].*$/, whose `.*$` fails on a cell with a line
// break in it: '=1+1\nx' would reach Excel as a formula. Any cell starting so gets a leading `'`.
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * The whole file: BOM first, CRLF line ends (also after the last row). A number that is not finite is empty.
 * toCsv(['城市', '数值'], [['芜湖', 2.5]]) -> '\uFEFF城市,数值\r\n芜湖,2.5\r\n'; a text cell '=1+1' -> "'=1+1" (quoted)
 */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  const cells = rows.map((row) => row.map((c) => (typeof c === 'number' && !Number.isFinite(c) ? null : c)));
  const body = Papa.unparse([header, ...cells], { newline: '\r\n', escapeFormulae: FORMULA_START });
  return `\uFEFF${body}\r\n`;
}
