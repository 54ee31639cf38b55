// Before the first data row: what the table's header leaves out is taken from its titles or the file name
// (the city of a single-city sheet, the indicator of a one-indicator table, the year of a one-year table),
// each with a warning the user sees; the row reader for the layout is chosen.
// Example: title '芜湖市2021-2023年科技指标' over 年份, 研发经费投入强度(%) -> every row's city is 芜湖
//   ("城市取自第1行标题…"); no title or file name naming a city -> refused: no city column.

import type { ImportFailure } from './types';
import type { Layout } from './layout';
import { KEPT } from './issues';
import type { RowBuilder, RowReader } from './rowBuilder';
import { longRow } from './longRows';
import { wideRow } from './wideRows';
import { columnRow } from './columnRows';
import { both } from '../i18n/importMessages';

const READERS: Record<Layout['kind'], RowReader> = { long: longRow, wide: wideRow, columns: columnRow };

function refuse(key: 'noCityColumn' | 'noIndicatorColumn' | 'noYearColumn', line: number): ImportFailure {
  return { ok: false, code: 'missing-column', message: both(key, { line }) };
}

/** Sets up the builder for the layout; returns a refusal if the table cannot be read. */
export function startTable(b: RowBuilder, layout: Layout): ImportFailure | null {
  b.use(layout, READERS[layout.kind]);
  const { cols, titles, headerLine } = layout;
  const { look, cols: columns, issues } = b;
  const stem = b.ctx.fileName.replace(/\.[^.]*$/, '');
  // The first title line that names a known city / indicator, else the file name (line 0), and the text it
  // was found in (for the warning).
  const named = <T>(find: (text: string) => T | null): { found: T | null; line: number; text: string } => {
    for (const t of titles) {
      const found = find(t.text);
      if (found) return { found, line: t.line, text: t.text };
    }
    return { found: find(stem), line: 0, text: b.ctx.fileName };
  };

  const chosen = b.ctx.mapping?.place;
  if (cols.city === -1 && chosen) {
    // The user confirmed or corrected the city of the whole table.
    const place = look.places.resolve(chosen);
    if (!place) return refuse('noCityColumn', headerLine);
    b.fixedCity = columns.intern(place.id);
  } else if (cols.city === -1) {
    const { found: place, line, text } = named((t) => look.places.findInText(t));
    if (!place) return refuse('noCityColumn', headerLine);
    b.fixedCity = columns.intern(place.id);
    const from = line > 0 ? both('fromTitle', { line }) : both('fromFileName');
    issues.add(line, '', 'warning', 'city-from-title', text, both('cityFromTitle', { from, place }), KEPT);
  }

  if (cols.indicator === -1 && layout.kind !== 'columns') {
    const { found: def, line, text } = named((t) => look.indicators.findInText(t));
    if (!def) return refuse('noIndicatorColumn', headerLine);
    b.fixedIndicator = { e: look.entry(def), nameUnit: '' };
    issues.add(
      line,
      '',
      'warning',
      'indicator-from-title',
      text,
      both('indicatorFromTitle', { indicator: def }),
      KEPT,
    );
  }

  if (layout.kind !== 'wide' && cols.period === -1) {
    let found: { line: number; year: string } | null = null;
    for (const t of titles) {
      const m = /((?:19|20)\d{2})\s*(?:年|年度)/.exec(t.text);
      if (m) {
        found = { line: t.line, year: m[1]! };
        break;
      }
    }
    if (!found) return refuse('noYearColumn', headerLine);
    b.fixedPeriod = columns.intern(found.year);
    issues.add(
      found.line,
      '',
      'warning',
      'period-from-title',
      found.year,
      both('periodFromTitle', { year: found.year }),
      KEPT,
    );
  }

  b.periodIdx = layout.periods.map((p) => columns.intern(p.period));
  b.measureRefs = layout.measures.map((m) => look.indicator(m.header)!);

  for (const c of layout.ignored)
    issues.add(headerLine, c.header, 'warning', 'column-ignored', c.header, both('columnIgnored'), KEPT);
  if (layout.unitRowLine > 0)
    issues.add(layout.unitRowLine, '', 'warning', 'unit-row', '', both('unitRowRead'), KEPT);
  return null;
}
