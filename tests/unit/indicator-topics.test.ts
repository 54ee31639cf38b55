// The explorer picker's topics (read from an indicator's measure, names and unit: indicators.json and uploads have
// no topic field), the count of places beside each indicator, the search and the grouping.
import { describe, expect, it } from 'vitest';
import {
  TOPICS,
  groupByTopic,
  matchesQuery,
  placesWith,
  topicOf,
  type Topic,
  type TopicInput,
} from '../../src/lib/charts/indicatorTopics';
import { dataset, indicator, observation, place, uploadPart } from './factory';
import { curated } from './helpers';

/** An upload's indicator: a Chinese name, often no English one (the importer puts the Chinese there too). */
const zhOnly = (zh: string, unit = 'count', measure: TopicInput['measure'] = 'stock'): TopicInput => ({
  zh,
  en: zh,
  unit,
  measure,
});
const enOnly = (en: string, unit = 'count'): TopicInput => ({ zh: en, en, unit, measure: 'stock' });

describe('topics', () => {
  it('lists a rank under rankings, whatever it ranks', () => {
    expect(topicOf(zhOnly('发明专利授权量全省排名', 'rank', 'rank'))).toBe('rankings');
    expect(topicOf(zhOnly('研发经费投入强度全国位次', 'rank', 'rank'))).toBe('rankings');
    expect(topicOf(enOnly('Patent grants'))).not.toBe('rankings');
  });

  it.each<[string, Topic]>([
    ['规上工业企业研发经费支出', 'rd'],
    ['国家科技型中小企业评价入库数', 'enterprises'],
    ['省级以上重点实验室数', 'platforms'],
    ['国家级科技企业孵化器数', 'incubation'],
    ['高新技术产业增加值', 'parks'],
    ['市级科技计划项目立项数', 'projects'],
    ['科技贷款余额', 'funding'],
    ['技术合同登记金额', 'market'],
    ['每万人高价值发明专利拥有量', 'outputs'],
    ['引进高层次人才数', 'talent'],
    ['科技特派员服务农户数', 'rural'],
    ['行政审批事项按时办结率', 'services'],
  ])('reads an uploaded Chinese name: %s -> %s', (zh, topic) => {
    expect(topicOf(zhOnly(zh))).toBe(topic);
  });

  it.each<[string, Topic]>([
    ['Business R&D expenditure', 'rd'],
    ['Tech-based SMEs registered', 'enterprises'],
    ['Provincial engineering research centres', 'platforms'],
    ['Maker spaces (national level)', 'incubation'],
    ['Industrial output value of high-tech industry', 'parks'],
    ['Key R&D programme projects', 'projects'],
    ['Venture capital fund size', 'funding'],
    ['Technology transfer agreements', 'market'],
    ['PCT patent applications', 'outputs'],
    ['Foreign experts recruited', 'talent'],
    ['Farmers trained', 'rural'],
    ['Approval cases handled', 'services'],
  ])('reads an English name: %s -> %s', (en, topic) => {
    expect(topicOf(enOnly(en))).toBe(topic);
  });

  it('settles an overlap by the narrower subject', () => {
    // A subsidy of R&D is R&D spending; an enterprise's reward an enterprise matter; money of the commissioners rural work.
    expect(topicOf(zhOnly('研发费用后补助资金', '100m CNY', 'flow'))).toBe('rd');
    expect(topicOf(zhOnly('高新技术企业奖励资金', '100m CNY', 'flow'))).toBe('enterprises');
    expect(topicOf(zhOnly('科技特派员项目财政资金', '100m CNY', 'flow'))).toBe('rural');
    // Cooperation money is the technology market's; a fund for talent is finance; talent projects are talent's.
    expect(topicOf(zhOnly('产学研合作金额', '100m CNY', 'flow'))).toBe('market');
    expect(topicOf(zhOnly('人才发展基金规模', '100m CNY'))).toBe('funding');
    expect(topicOf(zhOnly('引智项目申报数', 'count', 'flow'))).toBe('talent');
    // Visiting firms is the bureau's service, not a count of firms; an incubator's firms are the incubator's.
    expect(topicOf(zhOnly('走访科技型中小企业数', 'count', 'flow'))).toBe('services');
    expect(topicOf(zhOnly('孵化器在孵企业数'))).toBe('incubation');
  });

  it('falls back on the unit, and only then on other', () => {
    expect(topicOf(zhOnly('某项数额', '万元', 'flow'))).toBe('funding');
    expect(topicOf(zhOnly('某项数额', '100m CNY', 'flow'))).toBe('funding');
    expect(topicOf(zhOnly('某类人数', 'persons'))).toBe('talent');
    expect(topicOf(zhOnly('某类人次', 'person-times'))).toBe('talent');
    expect(topicOf(zhOnly('某项数目'))).toBe('other');
  });

  it('places every curated indicator by a rule: none is left to other', async () => {
    const defs = (await curated()).indicators;
    expect(defs.length).toBeGreaterThan(200);
    const by = new Map<Topic, string[]>();
    for (const d of defs) by.set(topicOf(d), [...(by.get(topicOf(d)) ?? []), d.id]);
    expect(by.get('other') ?? []).toEqual([]);
    // Every topic but other holds some of them, and none holds most.
    for (const t of TOPICS.filter((t) => t !== 'other')) expect(by.get(t)?.length, t).toBeGreaterThan(0);
    for (const ids of by.values()) expect(ids.length).toBeLessThan(defs.length / 4);
    // The headline indicators are where a reader looks for them.
    const topic = (id: string) => topicOf(defs.find((d) => d.id === id)!);
    expect(topic('rd_intensity')).toBe('rd');
    expect(topic('high_tech_enterprises')).toBe('enterprises');
    expect(topic('tech_contract_value')).toBe('market');
    expect(topic('valid_invention_patents')).toBe('outputs');
    expect(topic('tech_contract_value_rank_province')).toBe('rankings');
  });
});

describe('places with an indicator', () => {
  const defs = {
    indicators: [indicator({ id: 'u_patents', zh: '专利授权量', en: 'Patent grants', unit: 'count' })],
    places: [place({ id: 'u-xinshi', zh: '新市', en: 'Xinshi' })],
  };
  const rows = [
    observation({ indicator: 'u_patents', city: 'a', value: 120 }),
    observation({ indicator: 'u_patents', city: 'a', period: '2023', value: 130 }),
    // 乙市's only figure is masked: nothing to draw.
    observation({ indicator: 'u_patents', city: 'b', value: null }),
    // 丙市 (a county) has one masked and one stated figure.
    observation({ indicator: 'u_patents', city: 'c', period: '2021', value: null }),
    observation({ indicator: 'u_patents', city: 'c', value: 40 }),
    // The province and the nation are references, not places compared.
    observation({ indicator: 'u_patents', city: 'prov-a', kind: 'reference', value: 9000 }),
    observation({ indicator: 'u_patents', city: 'china', kind: 'reference', value: 90000 }),
  ];

  it('counts the cities with a drawable figure: not the masked, not the references', () => {
    expect(placesWith(dataset(rows, defs), 'u_patents')).toBe(2);
  });

  it('counts an uploaded city once, and a city in several parts once', () => {
    const upload = uploadPart('u1', [
      observation({ indicator: 'u_patents', city: 'u-xinshi', value: 5, source: 'upload:u1' }),
      observation({ indicator: 'u_patents', city: 'a', period: '2024', value: 140, source: 'upload:u1' }),
    ]);
    expect(placesWith(dataset(rows, defs, [upload]), 'u_patents')).toBe(3);
  });

  it('does not count a figure a conflict choice keeps off the charts', () => {
    const upload = {
      ...uploadPart('u1', [observation({ indicator: 'u_patents', city: 'u-xinshi', value: 5 })]),
      hides: new Map([['upload:u1', [0]]]),
    };
    expect(placesWith(dataset(rows, defs, [upload]), 'u_patents')).toBe(2);
  });

  it('is 0 for an indicator nobody reports', () => {
    expect(placesWith(dataset(rows, defs), 'no_such_indicator')).toBe(0);
  });
});

describe('search', () => {
  const patents = indicator({
    id: 'u_patents',
    zh: '有效发明专利数',
    en: 'Valid invention patents',
    aliases: ['发明专利拥有量', 'IP stock'],
  });

  it('finds an indicator by a part of its Chinese or English name or of an alias, in any case', () => {
    expect(matchesQuery(patents, '专利')).toBe(true);
    expect(matchesQuery(patents, 'PATENT')).toBe(true);
    expect(matchesQuery(patents, '拥有量')).toBe(true);
    expect(matchesQuery(patents, 'ip sto')).toBe(true);
    expect(matchesQuery(patents, '研发')).toBe(false);
  });

  it('reads full-width letters as ASCII and ignores surrounding spaces; an empty search finds all', () => {
    expect(matchesQuery(patents, ' ＰＡＴＥＮＴ ')).toBe(true);
    expect(matchesQuery(patents, '')).toBe(true);
    expect(matchesQuery(patents, '   ')).toBe(true);
  });
});

describe('grouping', () => {
  it('lists topics in their fixed order, only those with an indicator, each in the order given', () => {
    const defs = [
      indicator({ id: 'p1', zh: '有效发明专利数', unit: 'count', measure: 'stock' }),
      indicator({ id: 'r1', zh: '研发经费投入强度', measure: 'ratio' }),
      indicator({ id: 'k1', zh: '专利数全省排名', unit: 'rank', measure: 'rank' }),
      indicator({ id: 'p2', zh: '专利授权量', unit: 'count', measure: 'flow' }),
    ];
    const groups = groupByTopic(defs);
    expect(groups.map((g) => [g.topic, g.items.map((d) => d.id)])).toEqual([
      ['rd', ['r1']],
      ['outputs', ['p1', 'p2']],
      ['rankings', ['k1']],
    ]);
  });

  it('takes the topics it is given', () => {
    const defs = [indicator({ id: 'a' }), indicator({ id: 'b' })];
    expect(groupByTopic(defs, (d) => (d.id === 'a' ? 'other' : 'talent')).map((g) => g.topic)).toEqual([
      'talent',
      'other',
    ]);
  });
});
