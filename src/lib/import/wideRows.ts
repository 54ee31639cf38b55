// The wide layout: one row per city and indicator, one column per year (城市, 指标, 2021年, 2022年…).
// Example: ['芜湖', '技术合同成交额', '312.5', ''] under 城市,指标,2021,2022 -> one record for 2021; the empty
// 2022 cell is no record and no message.

import type { RowBuilder } from './rowBuilder';

export function wideRow(b: RowBuilder, f: string[], line: number): void {
  const ref = b.rowHead(f, line, true);
  if (!ref || !b.rowCodes(f, line)) return;
  const L = b.layout;
  const c = L.cols;
  const rec = b.rec;
  const unitCell = c.unit >= 0 ? f[c.unit]! : '';
  rec.city = b.rowCity;
  rec.ind = ref.e;
  rec.note = b.rowNote(f);
  rec.line = line;
  rec.pre = null;
  rec.preCodes = null;
  rec.cell = true;
  const periods = L.periods;
  const periodIdx = b.periodIdx;
  for (let k = 0; k < periods.length; k++) {
    const p = periods[k]!;
    const raw = f[p.index];
    if (raw === undefined || raw === '') continue;
    rec.raw = raw;
    rec.period = periodIdx[k]!;
    rec.column = p.header;
    b.unitOf(unitCell, ref, p.unit);
    // emit() may have replaced the list with the warnings of the previous cell.
    rec.pre = null;
    rec.preCodes = null;
    b.emit();
  }
}
