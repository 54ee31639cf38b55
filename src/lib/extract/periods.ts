// The report's own period from its title, each section's period and whether it plans, and the statistical-year
// rule (R&D statistics are published a year after the year they measure).
// Example: titlePeriods('2023年工作总结和下一步工作计划') -> { summary: '2023', plan: '2024', planOnly: false }
//          titlePeriods('2020年市科技局工作打算') -> { summary: null, plan: '2020', planOnly: true }
//          titlePeriods('2020年上半年工作总结') -> { summary: '2020-H1', plan: '2020', … }

export interface TitlePeriods {
  /** The period the summary part reports ('2023', '2020-H1', 'Y'), or null. */
  summary: string | null;
  /** The year the plan part aims at ('2024', 'Y+1'), or null. */
  plan: string | null;
  /** A plan with no summary: every figure is a target. */
  planOnly: boolean;
}

const SUMMARY_WORDS = /(总结|情况|述职|回顾|成效|完成)/;
const PLAN_WORDS =
  /(打算|计划|安排|思路|下一步|明年|主要任务|工作任务|重点工作|工作要点|目标|展望|举措|措施|主要工作)/;

/** Years in the title: the first one the summary, a later one (or 下一步 / 明年) the plan. */
export function titlePeriods(title: string, masked: boolean): TitlePeriods {
  const t = title.replace(/\s+/g, '');
  const years = [...t.matchAll(/((?:19|20)\d{2}|xxxx)年(上半年|下半年)?/gi)];
  const hasSummary = SUMMARY_WORDS.test(t);
  const hasPlan = PLAN_WORDS.test(t);
  const first = years[0];
  if (!first) {
    const summary = masked ? 'Y' : null;
    return { summary, plan: masked ? 'Y+1' : null, planOnly: hasPlan && !hasSummary };
  }
  const y = /x/i.test(first[1]!) ? 'Y' : first[1]!;
  if (hasPlan && !hasSummary) return { summary: null, plan: y, planOnly: true };
  const half = first[2] === '上半年' ? `${y}-H1` : y;
  const second = years[1];
  const plan = second && !/x/i.test(second[1]!) ? second[1]! : half.endsWith('-H1') ? y : nextYear(y);
  return { summary: half, plan, planOnly: false };
}

/** '2023' -> '2024', 'Y' -> 'Y+1', 'Y-1' -> 'Y'. */
export function nextYear(p: string): string {
  return shiftYear(p, 1);
}

/** The year `by` years later ('2023-H1' counts as its year); relative years stay relative. */
export function shiftYear(p: string, by: number): string {
  const m = /^(\d{4})/.exec(p);
  if (m) return String(Number(m[1]) + by);
  const r = /^Y([+-]\d+)?$/.exec(p);
  if (!r) return p;
  const n = (r[1] ? Number(r[1]) : 0) + by;
  return n === 0 ? 'Y' : n > 0 ? `Y+${n}` : `Y${n}`;
}

/** Whether a heading opens a plan (工作打算, 下一步, 主要任务 …) rather than a summary (完成情况, 成效 …). */
export function headingPlans(title: string, summaryYear: string | null): boolean | null {
  if (/(完成情况|开展情况|工作情况|成效|成绩|总结|做法|回顾|亮点|存在的问题|问题)/.test(title)) return false;
  if (PLAN_WORDS.test(title)) return true;
  const y = /((?:19|20)\d{2})年/.exec(title);
  const s = summaryYear ? /^(\d{4})/.exec(summaryYear) : null;
  if (y && s && Number(y[1]) > Number(s[1])) return true;
  return null;
}

/** A year a heading names ('二、2020年主要工作' -> '2020', 'xxxx年工作打算' -> masked). */
export function headingYear(title: string): string | 'masked' | null {
  const y = /((?:19|20)\d{2}|xxxx)年/i.exec(title);
  if (!y) return null;
  return /x/i.test(y[1]!) ? 'masked' : y[1]!;
}

/**
 * The year a sentence itself names for a figure, before it and outside quotes and titles: '2022年科技创新指数…'
 * -> '2022'; '比2019年…' -> the comparison base; 2020年度 (a programme year) and 2019年以来 are not periods.
 */
export function statedYear(before: string): { year: string; base: boolean } | null {
  const clean = before.replace(/《[^》]*》|“[^”]*”|"[^"]*"/g, '');
  let hit: { year: string; base: boolean } | null = null;
  for (const m of clean.matchAll(/(比)?((?:19|20)\d{2}|xxxx)年(?!度|以来|第|初|[上下]半年)/gi)) {
    hit = { year: m[2]!.toLowerCase(), base: Boolean(m[1]) };
  }
  return hit;
}

/**
 * R&D intensity and expenditure (and their ranks, shares, changes, growth) are statistics of the year before a
 * summary's year: read from the indicator's Chinese name (or a new indicator's phrase). Subsidies, rewards,
 * fiscal budgets and project money named after R&D are not R&D statistics.
 */
export function releaseLagged(name: string): boolean {
  return /(研发|R&D)(经费|投入|强度)|占GDP比重/i.test(name) && !/(补助|奖励|财政|补贴|项目|加计)/.test(name);
}
