// The long layout: one figure per row (城市, 指标, 年份, 数值[, 单位, 备注…]).
// Example: ['芜湖', '研发经费投入强度', '2022', '3.10', '%'] at line 2 -> one record 3.1 % for 2022.

import type { RowBuilder } from './rowBuilder';
import { PERIOD_BAD } from './lookups';
import { ROW_DROPPED } from './issues';
import { clip } from './text';
import { both } from '../i18n/importMessages';

/**
 * The row's period index from its year cell (or the table's), 0 for a masked year (with a warning set on rec),
 * -1 after reporting the row dropped.
 */
export function rowPeriod(b: RowBuilder, f: string[], line: number): number {
  const L = b.layout;
  const col = L.cols.period;
  const rec = b.rec;
  rec.pre = null;
  rec.preCodes = null;
  if (col < 0) return b.fixedPeriod;
  const raw = f[col]!;
  const period = b.look.period(raw);
  if (period >= 0) return period;
  if (period === PERIOD_BAD) {
    const e = b.look.periodErrors.get(raw)!;
    b.issues.add(line, L.headers[col]!, 'error', e.code, raw, e.error, ROW_DROPPED);
    return -1;
  }
  rec.pre = [both('yearMasked', { raw: clip(raw.trim()) })];
  rec.preCodes = ['masked-period'];
  return 0;
}

export function longRow(b: RowBuilder, f: string[], line: number): void {
  const ref = b.rowHead(f, line, false);
  if (!ref) return;
  const period = rowPeriod(b, f, line);
  if (period < 0 || !b.rowCodes(f, line)) return;
  const L = b.layout;
  const c = L.cols;
  const rec = b.rec;
  rec.city = b.rowCity;
  rec.ind = ref.e;
  rec.period = period;
  rec.raw = f[c.value]!;
  b.unitOf(c.unit >= 0 ? f[c.unit]! : '', ref, L.valueUnit);
  rec.note = b.rowNote(f);
  rec.masked = c.status >= 0 && b.look.masked(f[c.status]!);
  rec.line = line;
  rec.column = L.headers[c.value]!;
  rec.cell = false;
  b.emit();
}
