// What an uploaded indicator measures, guessed from its unit and its name (the curated indicators state
// theirs in data/indicators.json). Tooltips show it as a guess; there is no control to correct it yet.
// guessMeasure('高新技术企业数', '家') -> 'stock'; guessMeasure('新增高新技术企业', '家') -> 'flow';
// guessMeasure('研发投入强度', '%') -> 'ratio'; guessMeasure('技术合同成交额增长', '%') -> 'change';
// guessMeasure('创新能力排名', '') -> 'rank'
import { MEASURES, type Measure } from './types';

const RANK = /排名|排位|位次|名次|第\s*\d+\s*[位名]|\brank/i;
const CHANGE = /增长率|增速|增幅|同比|环比|比上年|较上年|比增|百分点|growth|change|yoy|increase rate/i;
const RATIO = /强度|占比|比重|占.*比|率|每万|万人|人均|share|ratio|intensity|per\s|rate/i;
const FLOW =
  /新增|净增|新认定|新建|新获|当年|全年|本年|上半年|成交|交易额|投入|支出|资金|金额|经费|收入|申报|立项|引进|招引|培训|举办|开展|added|new\b|turnover|spending|expenditure|funding|income/i;

export function guessMeasure(name: string, unit: string): Measure {
  const u = unit.trim().toLowerCase();
  if (u === 'rank' || u === '位' || u === '名' || RANK.test(name)) return 'rank';
  if (u === 'pp' || u === '个百分点' || u === '百分点' || CHANGE.test(name)) return 'change';
  if (u === '%' || u === '‰' || /per 10k|件\/万人|\/万人/.test(u) || RATIO.test(name)) return 'ratio';
  if (/元$|cny$/.test(u) || FLOW.test(name)) return 'flow';
  return 'stock';
}

/** A stored or linked measure if it is one, else the guess (records saved before measures existed). */
export function measureOr(raw: unknown, name: string, unit: string): Measure {
  return typeof raw === 'string' && (MEASURES as readonly string[]).includes(raw)
    ? (raw as Measure)
    : guessMeasure(name, unit);
}
