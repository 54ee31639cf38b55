// The words of a phrase and of a known name as the matcher compares them: a name's core (brackets, quotes and
// counting words off), the addition words (新增, 新认定, 净增) taken out and compared apart, the words that make a
// name another thing (申报, 培育库 …), topic phrases, change and share wording, and character pairs.
// Example: flags('新认定国家高新技术企业') -> { rest: '国家高新技术企业', added: true, cert: true, net: false, … }

/** Brackets, quotes and generic counting words at the end ('…数', '…次数') say nothing the unit does not. */
export function nameCore(name: string): string {
  return name
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[“”"‘’《》\s]/g, '')
    .replace(/R&D/gi, '研发')
    .replace(/国家级/g, '国家')
    .replace(/(排名|排位|比重)$/, '')
    .replace(/(次数|人数|场次|项数|个数|数量|数)$/, '');
}

/**
 * 新增, 新认定, 新获批, 新建 … mark additions; 净增 net additions. Taken out of the words and compared apart. 培育
 * (foster) is one, but not in 培育库 / 培育池 / 培育对象 (a reserve pool: its entries are not new enterprises).
 */
export const ADDED =
  /新(?:增|获批|建成|建|设立|设|招引|培育|入库|组建|创建|开工建设|开工|引进)|建成|培育(?![库池对象])|组建|设立/g;

/**
 * Words that, right after a known name, make the phrase another thing than the name's quantity: 高新技术企业申报
 * (applications), 高企后备库 / 培育库 / 入库 (a reserve pool), 高企认定通过率 (a pass rate), 高企培训 / 服务 / 政策,
 * and 等 (围绕A、B等主题: the names only say what the thing counted is about).
 */
export const MODIFIED =
  /^的?(等(?!级)|申报|申请|后备|培育库|入库|库|认定通过率|通过率|认定率|培训|服务|政策|宣讲|辅导|评价|考评|考核|奖励|补助|补贴|专员|联络员)/;
/** A topic phrase before the thing counted: 围绕高企申报、项目管理等(主题), 针对…等方面. */
export const TOPIC = /(?:围绕|针对|聚焦|结合|就)[^,，:：]*?等(?:主题|内容|方面|领域|问题|环节|事项)?/g;
/** Words after a list's 等 that name nothing (减免租金、服务费等共计…): the list is then the head. */
export const LIST_FILLER = /(共计|合计|累计|总计|共|达到|达|为|约|超过|超|近|突破|以上|多|余)/g;
/** Growth or change wording: only with it is a `_yoy` / `_change` indicator named. */
export const CHANGE_WORDS =
  /(增长|下降|提升|提高|上升|增加|减少|降低|回落|百分点|比增|同比|环比|增速|增幅|降幅|较上年)/;
/** Share wording: a share indicator only with it, and with it only a share indicator (for a % figure). */
export const SHARE_WORDS = /(占全省|占全市|占全国|占全区|占GDP|占地区生产总值|占比|比重|份额|占)/;
const CERT = /新认定/g;
const NET = /净增/g;

export interface Flags {
  rest: string;
  added: boolean;
  cert: boolean;
  net: boolean;
  share: boolean;
}

export function flags(s: string): Flags {
  const t = s.replace(/R&D/gi, '研发').replace(/国家级/g, '国家');
  const has = (re: RegExp): boolean => {
    const hit = re.test(t);
    re.lastIndex = 0;
    return hit;
  };
  const cert = has(CERT);
  return {
    rest: t.replace(CERT, '').replace(ADDED, '').replace(NET, ''),
    added: has(ADDED) || cert,
    cert,
    net: has(NET),
    share: /占|比重|份额/.test(t),
  };
}

export function pairsOf(s: string): string[] {
  const t = s.replace(/[\s“”"‘’《》()（）,，、:：;；.。]/g, '');
  const out: string[] = [];
  for (let i = 0; i + 1 < t.length; i++) out.push(t.slice(i, i + 2));
  return out;
}
