// The yearbook layout: one row per city and year, one column per indicator with its unit in the header
// (城市, 年份, 研发经费投入强度(%), 高新技术企业数（家）…) or in a unit row under it.
// Example: ['芜湖', '2022', '3.10', '1,612'] -> two records: rd_intensity 3.1 % and high-tech firms 1612.

import type { RowBuilder } from './rowBuilder';
import { rowPeriod } from './longRows';

export function columnRow(b: RowBuilder, f: string[], line: number): void {
  const city = b.rowCityOf(f, line);
  if (city < 0) return;
  const period = rowPeriod(b, f, line);
  if (period < 0 || !b.rowCodes(f, line)) return;
  const rec = b.rec;
  const pre = rec.pre;
  const preCodes = rec.preCodes;
  rec.city = city;
  rec.period = period;
  rec.note = b.rowNote(f);
  rec.line = line;
  rec.cell = true;
  const measures = b.layout.measures;
  const refs = b.measureRefs;
  for (let k = 0; k < measures.length; k++) {
    const m = measures[k]!;
    const raw = f[m.index];
    if (raw === undefined || raw === '') continue;
    const ref = refs[k]!;
    rec.ind = ref.e;
    rec.raw = raw;
    rec.column = m.header;
    b.unitOf('', ref, m.unit);
    rec.pre = pre && [...pre];
    rec.preCodes = preCodes && [...preCodes];
    b.emit();
  }
}
