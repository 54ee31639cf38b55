// What the words around a figure say: how it bounds the truth (comparator), whether it is planned (kind), and
// whether it is a cited national or provincial figure (reference). data/README.md "Conventions" has the table.
// Example: comparatorOf('高新技术企业突破', '') -> '>='; plannedBy('力争新增') -> true;
//          citedScope('超过全国的') -> 'nation'

import type { Comparator } from '../table/fields';
import type { Figure } from './figures';

/** [word right before the figure, comparator], longest first (不超过 before 超过 before 超). */
const BEFORE: ReadonlyArray<readonly [string, Comparator]> = (
  [
    ['不超过', '<='],
    ['不高于', '<='],
    ['不多于', '<='],
    ['不少于', '>='],
    ['不低于', '>='],
    ['至少', '>='],
    ['突破', '>='],
    ['首破', '>='],
    ['破', '>='],
    ['超过', '>'],
    ['超', '>'],
    ['逾', '>'],
    ['多于', '>'],
    ['高于', '>'],
    ['大约', '~'],
    ['约为', '~'],
    ['约', '~'],
    ['接近', '<='],
    ['将近', '<='],
    ['近', '<='],
    ['最多', '<='],
    ['保', '>='],
  ] as Array<[string, Comparator]>
).sort((a, b) => b[0].length - a[0].length);

/** Words that may sit between the comparator word and the number: 突破达到, 超过了, 约为. */
const FILLER = /(?:达到|达|到|为|了|至)$/;

/** The comparator of a figure from the words right before it and its own suffix (余, 以上, a range). */
export function comparatorOf(before: string, fig: Figure): Comparator {
  if (fig.suffixComparator !== '') return fig.suffixComparator;
  let b = before.replace(/\s+$/, '');
  for (let i = 0; i < 2 && FILLER.test(b); i++) b = b.replace(FILLER, '');
  for (const [w, c] of BEFORE) {
    if (!b.endsWith(w)) continue;
    // 保 only as the floor of 保x争y / 保xx (not 确保, 保持).
    if (w === '保' && /(确|持|障|证)保$|[确担]保$/.test(b)) continue;
    if (w === '近' && /(最近|附近|近年)$/.test(b)) continue;
    return c;
  }
  return '=';
}

/**
 * Words that make a figure planned, in the clause before it. 拟 not inside a word (虚拟, 模拟, 草拟); 将 only as
 * intent, right before a verb of intent or result (将新增, 将达到, 将突破 …), never in a name (将乐县) or the
 * 把-construction (将23家企业纳入…, 将X列为 / 作为); 待… as a condition (待年底通过认定后, 待验收后).
 */
const PLAN_WORDS = new RegExp(
  [
    '力争',
    '计划(?=申报|新增|建设|实施|引进|完成|培育|组建|开展|投入|安排|招引|新建|达到|达|实现|争取)',
    '确保',
    '(?<![虚模比草])拟',
    '预计',
    '目标',
    '争创',
    '将(?=新增|达到|达|突破|建成|实现|完成|力争|超过|超|增加|增长|提升|提高|形成|带动|惠及|能|可|会|累计|再|继续|争取|确保|投入|新建|启动|举办|开展)',
    '规划建设',
    '(?<![接招期对等款优有看善交])待(?=[^,，。;；]{0,10}?(?:后|时|完成|结束|通过|批复|验收|公布|认定|届时))',
  ].join('|'),
);
const NOT_PLAN = /(将近|将其)/;

/** Whether the words before a figure (in its clause) plan it rather than report it. */
export function plannedBy(clauseBefore: string): boolean {
  const m = PLAN_WORDS.exec(clauseBefore);
  if (!m) return false;
  return !NOT_PLAN.test(clauseBefore.slice(Math.max(0, m.index - 1), m.index + 3));
}

/** A quota stated as done (完成…的目标任务, 任务为x亿元, x万元的任务) is a target of the reporting year. */
export function quotaOf(clauseBefore: string, clauseAfter: string): boolean {
  if (/(任务|目标)(为|是|达)$/.test(clauseBefore)) return true;
  if (/^(的)?(目标|指标)?任务/.test(clauseAfter) || /^(的)?目标/.test(clauseAfter)) return true;
  return /完成/.test(clauseBefore) && /^[^,，;；]*(目标任务|指标任务|的目标)/.test(clauseAfter);
}

export type CitedScope = 'nation' | 'province' | 'region' | null;

const SCOPE: ReadonlyArray<readonly [RegExp, Exclude<CitedScope, null>]> = [
  [/全国/, 'nation'],
  [/全省/, 'province'],
  [/全区/, 'region'],
];

/**
 * Whether a figure is a national or provincial one the report cites: the words before it end with 全国的 /
 * 全省平均, or its clause is about 全省 / 全国 as a whole and no word after the scope brings it back to the city
 * (我市, 本市, the city's name) or makes it the city's share or rank (占全省, 居全国).
 */
export function citedScope(clauseBefore: string, cityWords: readonly string[]): CitedScope {
  const b = clauseBefore;
  for (const [re, scope] of SCOPE) {
    const ending = new RegExp(`${re.source}(?:平均水平|平均|水平)?(?:的)?(?:为|是|达|达到)?$`);
    if (ending.test(b) && !/(占|居|位居|位列|列|在)(全国|全省|全区)[^,，]*$/.test(b)) return scope;
  }
  for (const [re, scope] of SCOPE) {
    const m = re.exec(b);
    if (!m) continue;
    const head = b.slice(0, m.index);
    const tail = b.slice(m.index + m[0].length);
    if (/(占|居|位居|位列|列|在|于|对|比|超过|高于|低于|覆盖|保持|为|是)$/.test(head)) continue;
    if (/[\u4e00-\u9fff]{3,}/.test(head.replace(/^(其中|同时|此外|另外|今年|去年|目前)/, ''))) continue;
    if (/(我市|本市|我区|我县|全市|市级|中|占|第)/.test(tail)) continue;
    if (cityWords.some((w) => w !== '' && tail.includes(w))) continue;
    return scope;
  }
  return null;
}
