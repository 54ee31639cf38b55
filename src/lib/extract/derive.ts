// Figures stated as changes: a growth rate (同比增长16%) names the *_yoy indicator of the figure it follows and
// gives that figure's previous period by division (~); a percentage-point change (提升0.28个百分点) names the
// *_change indicator and gives the previous level by subtraction (=). Nothing is derived from a masked figure.
// Example: 31.12亿元, 同比增长16% -> 31.12 ÷ 1.16 ≈ 26.83 in the period before

import type { Candidate } from './types';
import type { IndicatorMatcher } from './indicator-match';
import { shiftYear } from './periods';

export const GROWTH =
  /(同比增长|环比增长|同比增加|比增|增长了|增长|增幅为|增幅|增速为|增速|同比下降|同比减少|同比降低|同比回落|环比下降|下降了|下降|减少了|减少|降低了|降低|回落了|回落|降幅为|降幅)$/;
/** Change words that say the figure fell: its change is negative (同比下降5% -> −5). */
export const FALL = /(下降|减少|降低|回落|降幅)/;
export const PP_CHANGE =
  /(提升了|提升|提高了|提高|增加了|增加|上升了|上升|下降了|下降|降低了|降低|减少了|减少|回落了|回落)$/;

/** The id of `base`'s growth (or change) indicator: base_yoy, else with its last scope words dropped. */
export function changeId(
  matcher: IndicatorMatcher,
  baseId: string,
  suffix: '_yoy' | '_change',
): string | null {
  let id = baseId;
  for (;;) {
    if (matcher.byId(id + suffix)) return id + suffix;
    const cut = id.lastIndexOf('_');
    if (cut <= 0) return null;
    id = id.slice(0, cut);
  }
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

function decimals(n: number): number {
  const s = String(n);
  const i = s.indexOf('.');
  return i === -1 ? 0 : s.length - i - 1;
}

/**
 * The previous period's value of `base` from its stated growth or change, as a derived candidate. A fall is told
 * by `down` (下降 / 减少 …) or by the change's own sign (a change of −5 is already a fall).
 */
export function derivePrevious(
  base: Candidate,
  change: Candidate,
  kind: 'growth' | 'pp',
  fell: boolean,
): Candidate | null {
  if (base.value === null || change.value === null || base.period === null) return null;
  if (base.kind !== 'actual' && base.kind !== 'reference') return null;
  const down = fell || change.value < 0;
  const r = Math.abs(change.value);
  let value: number;
  let zh: string;
  let en: string;
  if (kind === 'growth') {
    const g = down ? 1 - r / 100 : 1 + r / 100;
    if (g <= 0) return null;
    value = round(base.value / g, Math.max(2, decimals(base.value)));
    const op = `${base.value} ÷ ${round(g, 6)} ≈ ${value}`;
    zh = `${op}（由${down ? '下降' : '增长'}${r}%推算上一期数值，近似）`;
    en = `${op}: the previous period implied by the stated ${down ? 'fall' : 'growth'} of ${r}%; approximate (rounded inputs).`;
  } else {
    value = round(down ? base.value + r : base.value - r, Math.max(decimals(base.value), decimals(r)));
    const op = `${base.value} ${down ? '+' : '−'} ${r} = ${value}`;
    zh = `${op}（由${down ? '下降' : '提升'}${r}个百分点推算上一期数值）`;
    en = `${op}: the previous period implied by the stated change of ${down ? '−' : '+'}${r} pp.`;
  }
  const period = shiftYear(base.period, -1);
  const out: Candidate = {
    ...base,
    id: '',
    quotes: [...change.quotes],
    spans: [...change.spans],
    value,
    comparator: kind === 'growth' ? '~' : base.comparator,
    kind: 'derived',
    period: base.period.endsWith('-H1') ? `${period}-H1` : period,
    note: { zh, en },
    derivedFrom: base.id,
    undecided: [...base.undecided],
  };
  if (base.reportedPeriod) out.reportedPeriod = shiftYear(base.reportedPeriod, -1);
  return out;
}
