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
  /(打算|计划|安排|思路|下一步|明年|主要任务|重点任务|工作任务|重点工作|工作要点|目标|展望|举措|措施|主要工作)/;

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
  if (/(完成情况|开展情况|工作情况|进展情况|成效|成绩|总结|做法|回顾|亮点)/.test(title)) return false;
  // Plan words win over 问题 / 不足: 二、存在的问题及下一步工作打算 opens a plan. 主要工作 alone says neither (a
  // summary's 一、主要工作; a plan's 二、2020年主要工作 plans by its later year).
  if (PLAN_WORDS.test(title.replace(/主要工作/g, ''))) return true;
  const y = /((?:19|20)\d{2})年/.exec(title);
  const s = summaryYear ? /^(\d{4})/.exec(summaryYear) : null;
  if (y && s && Number(y[1]) > Number(s[1])) return true;
  if (/(问题|不足|困难|短板)/.test(title)) return false;
  return null;
}

/**
 * Whether a sub-heading ((二)…, 1.…) opens a plan on its own reading, under a heading that does not: only plan
 * nouns or a later year count ((二)下一步打算, (三)2025年工作安排), not a plan word used as a verb's object
 * ((五)转变思路,…).
 */
export function subheadingPlans(title: string, summaryYear: string | null): boolean {
  if (headingPlans(title, summaryYear) !== true) return false;
  if (
    /(下一步|打算|工作计划|工作思路|工作安排|重点任务|主要任务|工作任务|工作要点|目标任务|明年|展望)/.test(
      title,
    )
  )
    return true;
  const y = /((?:19|20)\d{2})年/.exec(title);
  const s = summaryYear ? /^(\d{4})/.exec(summaryYear) : null;
  return Boolean(y && s && Number(y[1]) > Number(s[1]));
}

/** Whether words plan (a heading's or a sentence's): 计划, 打算, 下一步, 目标 … */
export function plansIn(words: string): boolean {
  return PLAN_WORDS.test(words);
}

/**
 * Whether period `p` lies after the report's own period `own` ('2025' after '2024'; 'Y+1' after 'Y'; a half
 * year counts as its year). Unknown or incomparable periods are not later.
 */
export function laterThan(p: string, own: string | null): boolean {
  if (own === null) return false;
  const a = /^(\d{4})/.exec(p);
  const b = /^(\d{4})/.exec(own);
  if (a && b) return Number(a[1]) > Number(b[1]);
  const rel = (x: string): number | null => {
    const m = /^Y([+-]\d+)?$/.exec(x);
    return m ? (m[1] ? Number(m[1]) : 0) : null;
  };
  const ra = rel(p);
  const rb = rel(own);
  return ra !== null && rb !== null && ra > rb;
}

/** A year a heading names ('二、2020年主要工作' -> '2020', 'xxxx年工作打算' -> masked). */
export function headingYear(title: string): string | 'masked' | null {
  const y = /((?:19|20)\d{2}|xxxx)年/i.exec(title);
  if (!y) return null;
  return /x/i.test(y[1]!) ? 'masked' : y[1]!;
}

/** A year the sentence names for a figure; `base` = a comparison year (比 / 较 / 与…相比 / 同…相比). */
export interface StatedYear {
  year: string;
  base: boolean;
}

/**
 * The year a sentence itself names for a figure, before it and outside quotes and titles: '2022年科技创新指数…'
 * -> '2022'; 2020年度 (a programme year) and 2019年以来 are not periods. A comparison year (比2020年, 较2020年,
 * 与2020年相比) is the base of a change, not the figure's period: it is the period only of a figure that directly
 * belongs to it (比2020年的120家: 120 is 2020's), and otherwise passed over (比2020年净增150家: 150 is not 2020's).
 */
export function statedYear(before: string): StatedYear | null {
  const clean = before.replace(/《[^》]*》|“[^”]*”|"[^"]*"/g, '');
  let hit: StatedYear | null = null;
  const re =
    /(比|较|与|同)?((?:19|20)\d{2}|xxxx)年(?!度|以来|第|初|[上下]半年)(同期|年底|年末|底|末)?(相比|相较)?/gi;
  for (const m of clean.matchAll(re)) {
    const base = m[1] === '比' || m[1] === '较' || Boolean(m[4]);
    if (base) {
      const direct = /^(?:的|同期的?)?$/.test(clean.slice(m.index + m[0].length));
      if (!direct) continue;
    }
    hit = { year: m[2]!.toLowerCase(), base };
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
