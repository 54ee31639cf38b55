// CSV of plotted data for Excel: UTF-8 BOM, CRLF, RFC 4180 quoting (papaparse's unparse), and formula
// neutralisation of text cells. A chart's CSV is in the reader's words (dataTable.ts) and imports back.
import Papa from 'papaparse';
import type { ChartModel } from '../charts/common';
import type { Dataset } from '../data/dataset';
import type { Lang } from '../i18n/bilingual';
import { chartTable, csvCell } from './dataTable';

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

/**
 * A chart's data as CSV in the view's language: chartCsv(<R&D intensity>, ds, 'zh') ->
 * '\uFEFF城市,指标,年份,报告年份,数值,单位,比较,类型,状态,来源,原文,备注\r\n芜湖市,研发经费投入强度,2022,2023,3.76,%,,实际,已报告,…'
 */
export function chartCsv(model: ChartModel, ds: Dataset, lang: Lang): string {
  const { header, rows } = chartTable(model, ds, lang);
  return toCsv(
    header,
    rows.map((r) => r.map(csvCell)),
  );
}
