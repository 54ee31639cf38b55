// The topics the explorer's picker groups its indicators under, and what it shows beside each: how many cities
// have a figure of it. indicators.json has no topic field and an upload's indicators come with none, so the topic
// is read from what every indicator does have, by ordered domain rules: its measure (a rank is a ranking), then
// keywords of its Chinese and English names, then its unit (money is funding, people are talent).
//   topicOf({ zh: '有效发明专利数', en: 'Valid invention patents', unit: 'count', measure: 'stock', … }) -> 'outputs'
//   topicOf({ zh: '技术合同成交额全省排名', unit: 'rank', measure: 'rank', … }) -> 'rankings'
import type { Dataset } from '../data/dataset';
import { isReferencePlace } from '../data/dataset';
import type { IndicatorDef } from '../data/types';

/** The topics, in the order the picker lists them ('other' last). */
export const TOPICS = [
  'rd',
  'enterprises',
  'platforms',
  'incubation',
  'parks',
  'projects',
  'funding',
  'market',
  'outputs',
  'talent',
  'rural',
  'services',
  'rankings',
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];

/** What topicOf reads of an indicator (an upload's has these too, its measure guessed from its unit and name). */
export type TopicInput = Pick<IndicatorDef, 'zh' | 'en' | 'unit' | 'measure'>;

/**
 * The rules, first match wins: a topic and the words of a Chinese name (zh) or an English one (en) that place an
 * indicator in it. The order settles the overlaps, so the narrower subject comes first: 研发费用后补助 is R&D
 * spending before it is a subsidy, 高企奖励资金 an enterprise matter before it is money, 科技特派员项目财政资金 rural
 * work, 产学研合作金额 the technology market, 人才担保基金 finance before talent, 引智项目 talent before projects,
 * 走访企业 the bureau's service to firms, not a count of firms.
 */
const RULES: readonly { topic: Topic; zh: RegExp; en: RegExp }[] = [
  {
    // The bureau's own work: party building, services and approvals, training, visits, meetings, reforms.
    topic: 'services',
    zh: /党|组织生活|廉政|志愿|下沉|审批|行政服务|事项|跑一趟|培训|走访|企业问题|辅导|议题|专题会|改革/,
    en: /\bparty\b|integrity|volunteer|seconded|approval|service centre|zero-visit|one-visit|training|visited|issues resolved|coached|city meetings|chaired|reform/i,
  },
  {
    topic: 'rd',
    zh: /研发经费|研发投入|研发费用|研发强度|研发企业|研发活动|清零|加计扣除|科技支出|R&D(经费|投入|强度|支出)/i,
    en: /R&D (intensity|expenditure|spending|tiered|post|deduction|firms|leveraged|gaps?)|S&T expenditure|cleared of|GERD/i,
  },
  {
    topic: 'enterprises',
    zh: /高新技术企业|高企|科技型中小企业|科技型企业|小巨人|瞪羚|领军企业|上市企业|专精特新/,
    en: /high[- ]tech (enterprise|cultivation)|top-100|tech-based SME|tech-SME|tech SME|\bSMEs?\b|little[- ]giant|gazelle|leading enterprise|technology-based firm|listed tech/i,
  },
  {
    // Maker spaces, incubators and the start-up events and contests they hold (双创).
    topic: 'incubation',
    zh: /众创空间|孵化|在孵|育成|星创天地|双创|创新创业|大赛|决赛/,
    en: /maker space|incubat|contest|start-?up|entrepreneur|shuangchuang/i,
  },
  {
    topic: 'rural',
    zh: /特派员|贫困|脱贫|扶贫|农户|农民|下乡|农村|农业|乡村/,
    en: /commissioner|poverty|\bpoor\b|farmer|household|rural|countryside|agricultur|village/i,
  },
  {
    // Technology contracts, transfer and matchmaking, cooperation with universities and other regions.
    topic: 'market',
    zh: /技术合同|技术交易|技术市场|技术转移|转化|产学研|对接|合作|畅聊|场景/,
    en: /tech(nology)?[- ]contract|technology market|transfer|matchmaking|matched|cooperation|industry-university|chat session|scenario/i,
  },
  {
    topic: 'outputs',
    zh: /专利|成果(?!工程化)|科学技术奖|科技进步奖|技术奖|好技术|知识产权|论文|标准/,
    en: /patent|achievement|S&T (progress )?awards?|S&T (first )?prizes?|exhibit|good technology|intellectual property|publication|paper/i,
  },
  {
    // Industry and the economy it makes, and the parks and zones it is in.
    topic: 'parks',
    zh: /园区|招商|产业基地|火炬|高新区|开发区|经开区|生产总值|GDP|产值|营业收入|增加值|出口/i,
    en: /\bparks?\b|investment project|torch|industry base|GDP|output value|revenue|value added|export/i,
  },
  {
    // Money in and out: grants, subsidies, vouchers, loans, guarantees, funds, listings.
    topic: 'funding',
    zh: /资金|经费|补助|奖补|补贴|贴息|创新券|基金|贷款|转贷|还款|担保|融资|质押|挂牌|投资|金额|最高支持/,
    en: /fund|subsid|voucher|loan|guarantee|financ|pledge|S&T board|investment|repayment|reward|grant/i,
  },
  {
    topic: 'talent',
    zh: /人才|人员|引智|引才|专家|工作许可|团队/,
    en: /talent|expert|foreign|work permit|team/i,
  },
  {
    topic: 'projects',
    zh: /项目|专项|榜单|揭榜|计划|攻关/,
    en: /project|programme|program|challenge|list items/i,
  },
  {
    topic: 'platforms',
    zh: /实验室|平台|研发机构|研究院|研究中心|创新中心|工程中心|工作站|基地|联盟|联合体|育成|飞地|离岸|机构|分院/,
    en: /laborator|\blabs?\b|platform|institut|cent(re|er)|workstation|\bbases?\b|alliance|consorti|enclave|offshore/i,
  },
];

/** Units that say the topic when no name word does: money is funding, people are talent. */
const UNIT_TOPICS: readonly [RegExp, Topic][] = [
  [/CNY|元$/i, 'funding'],
  [/^(persons|person-times|人|人次|名)$/i, 'talent'],
];

/**
 * The topic an indicator is listed under: a rank is a ranking whatever it ranks; else the first rule a name
 * matches; else its unit's; else 'other'.
 *   topicOf({ zh: '新增省级众创空间', en: 'New provincial maker spaces', unit: 'count', measure: 'flow' }) -> 'incubation'
 */
export function topicOf(d: TopicInput): Topic {
  if (d.measure === 'rank') return 'rankings';
  for (const r of RULES) if (r.zh.test(d.zh) || r.en.test(d.en)) return r.topic;
  return UNIT_TOPICS.find(([unit]) => unit.test(d.unit.trim()))?.[1] ?? 'other';
}

/**
 * How many places have a figure of the indicator to draw: cities (and counties, and an upload's places), never
 * the national or provincial references, with a row that is drawn (not kept off the charts by a conflict choice)
 * and has a value (not masked).
 *   placesWith(ds, 'rd_intensity') -> 4 (Wuhu, Fuzhou, Haimen, X City; the nation and Anhui are references)
 */
export function placesWith(ds: Dataset, indicatorId: string): number {
  const places = new Set<string>();
  for (const part of ds.parts) {
    for (const [place, rows] of part.index.byIndicator.get(indicatorId) ?? []) {
      if (places.has(place) || isReferencePlace(ds.places.get(place))) continue;
      // NaN is the table's null: a masked or missing figure.
      if (rows.some((i) => !Number.isNaN(part.table.value[i]!))) places.add(place);
    }
  }
  return places.size;
}

/** The text a search matches: lower-case, NFKC (full-width letters and digits as ASCII), trimmed. */
export function searchText(s: string): string {
  return s.normalize('NFKC').toLowerCase().trim();
}

/**
 * Whether an indicator is found by a search: its Chinese or English name or one of its aliases holds the query,
 * case-insensitive (an empty query finds every one).
 *   matchesQuery({ zh: '有效发明专利数', en: 'Valid invention patents', aliases: [] }, 'PATENT') -> true
 */
export function matchesQuery(d: Pick<IndicatorDef, 'zh' | 'en' | 'aliases'>, query: string): boolean {
  const q = searchText(query);
  return !q || [d.zh, d.en, ...d.aliases].some((s) => searchText(s).includes(q));
}

export interface TopicGroup<D> {
  topic: Topic;
  items: D[];
}

/**
 * The indicators by topic, topics in TOPICS order and only those with an indicator, each topic's indicators in
 * the order given.
 *   groupByTopic([<patents>, <R&D intensity>, <patent rank>]) ->
 *     [{ topic: 'rd', items: [<R&D intensity>] }, { topic: 'outputs', items: [<patents>] }, { topic: 'rankings', … }]
 */
export function groupByTopic<D extends TopicInput>(
  indicators: readonly D[],
  topic: (d: D) => Topic = topicOf,
): TopicGroup<D>[] {
  const by = new Map<Topic, D[]>();
  for (const d of indicators) {
    const t = topic(d);
    const list = by.get(t);
    if (list) list.push(d);
    else by.set(t, [d]);
  }
  return TOPICS.filter((t) => by.has(t)).map((t) => ({ topic: t, items: by.get(t)! }));
}
