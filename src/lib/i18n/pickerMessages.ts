// The words of the explorer's indicator list (IndicatorList.svelte): its search box, the topic headings
// (charts/indicatorTopics.ts), the count of places beside each indicator. Loaded with the list when it is first
// opened, so none of it is in the first-load bundle. Typed like the UI catalogue (catalogue.ts).
import { catalogue, type Twin } from './catalogue';
import type { Topic } from '../charts/indicatorTopics';

const zh = {
  chooseIndicator: '选择指标',
  findIndicator: '查找指标',
  /** In the empty search box: what it matches. */
  searchHint: '中文、英文名称或别名',
  /** Beside each indicator: how many places have a figure of it. */
  places: (p: { n: number }) => `${p.n} 地`,
  /** Read out as the list narrows. */
  found: (p: { n: number }) => `找到 ${p.n} 个指标`,
  noneFound: '没有匹配的指标',
  topic_rd: '研发与科技投入',
  topic_enterprises: '科技企业',
  topic_platforms: '平台与机构',
  topic_incubation: '孵化与双创',
  topic_parks: '产业与园区',
  topic_projects: '科技项目',
  topic_funding: '资金与金融',
  topic_market: '技术市场与合作',
  topic_outputs: '成果与专利',
  topic_talent: '人才',
  topic_rural: '乡村科技',
  topic_services: '政务服务与党建',
  topic_rankings: '排名',
  topic_other: '其他',
} satisfies Record<`topic_${Topic}`, string> & Record<string, unknown>;

const en: Twin<typeof zh> = {
  chooseIndicator: 'Choose an indicator',
  findIndicator: 'Find an indicator',
  searchHint: 'Name or alias, Chinese or English',
  places: (p) => `${p.n} ${p.n === 1 ? 'place' : 'places'}`,
  found: (p) => `${p.n} ${p.n === 1 ? 'indicator' : 'indicators'} found`,
  noneFound: 'No indicator matches',
  topic_rd: 'R&D and S&T spending',
  topic_enterprises: 'Tech enterprises',
  topic_platforms: 'Platforms & institutes',
  topic_incubation: 'Incubators & start-ups',
  topic_parks: 'Industry & parks',
  topic_projects: 'S&T projects',
  topic_funding: 'Funding & finance',
  topic_market: 'Tech market & cooperation',
  topic_outputs: 'Outputs & patents',
  topic_talent: 'Talent',
  topic_rural: 'Rural S&T',
  topic_services: 'Services & Party work',
  topic_rankings: 'Rankings',
  topic_other: 'Other',
};

/** t('en', 'places', { n: 3 }) -> '3 places'; t('zh', `topic_${'outputs'}`) -> '成果与专利' */
export const { t } = catalogue(zh, en);
