// The workbook benchmark's input: one sheet `数据`, the long layout (城市, 指标, 年份, 数值, 单位) of `rows` data rows
// (default 100,000), years and values as number cells, drawn like big.csv's rows (same seeded generator, cities,
// indicators); written once with SheetJS (shared strings, deflated, as Excel writes them) and reused.
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { HEADER, INDICATORS, mulberry32 } from './big-csv.mjs';

/** ensureBigXlsx('bench/.build/big-100k.xlsx', 1e5) -> { file, bytes, rows, reused } */
export function ensureBigXlsx(file, rows = 100_000) {
  if (existsSync(file) && statSync(file).size > 0)
    return { file, bytes: statSync(file).size, rows, reused: true };
  mkdirSync(dirname(file), { recursive: true });
  const rnd = mulberry32(20261201);
  const aoa = [HEADER.split(',')];
  for (let i = 0; i < rows; i++) {
    const city = 1 + Math.floor(rnd() * 300);
    const [name, unit, lo, hi] = INDICATORS[Math.floor(rnd() * INDICATORS.length)];
    const year = 1990 + Math.floor(rnd() * 35);
    aoa.push([`示例市${city}`, name, year, Math.round((lo + rnd() * (hi - lo)) * 100) / 100, unit]);
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), '数据');
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }));
  renameSync(tmp, file);
  return { file, bytes: statSync(file).size, rows, reused: false };
}
