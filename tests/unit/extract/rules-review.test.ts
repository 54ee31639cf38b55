// The rules behind a review of the extractor's mistakes, each on sentences made up for it (not from the seeds):
// plan headings, falls, the head of a figure's phrase, plan words inside other words, the year a sentence names,
// the report's city, a provincial figure of an unknown city, levels and rank scopes, 位, titles.
import { describe, expect, it } from 'vitest';
import indicators from '../../../data/indicators.json';
import places from '../../../data/cities.json';
import type { IndicatorDef, Place } from '../../../src/lib/data/types';
import { extractReport } from '../../../src/lib/extract/index';
import { PROVINCE_OF_CITY, type Candidate } from '../../../src/lib/extract/types';
import { figuresIn } from '../../../src/lib/extract/figures';
import { wordsOf } from '../../../src/lib/extract/context';
import { plannedBy } from '../../../src/lib/extract/wording';

const options = { indicators: indicators as IndicatorDef[], places: places as Place[] };
const SUMMARY = '福州市科技局2021年工作总结';

function x(text: string) {
  return extractReport(text, options);
}
/** The candidates of `body` in a summary section of a 2021 summary. */
function cands(body: string, title = SUMMARY): Candidate[] {
  return x(`${title}\n一、工作情况\n${body}`).candidates;
}
function at(cs: readonly Candidate[], stated: string): Candidate {
  const c = cs.find((k) => k.stated === stated && k.kind !== 'derived');
  expect(c, stated).toBeDefined();
  return c!;
}

describe('plan headings', () => {
  it('plan words win over 问题: 存在的问题及下一步工作打算 is a plan section', () => {
    const r = x(
      `${SUMMARY}\n一、工作成效\n新增高新技术企业300家。\n二、存在的问题及下一步工作打算\n新增高新技术企业400家。`,
    );
    expect(r.sections.map((s) => s.plan)).toEqual([false, false, true]);
    expect(at(r.candidates, '400家')).toMatchObject({ kind: 'target', period: '2022' });
  });
  it('存在问题和2025年工作思路 gives targets of 2025', () => {
    const r = x(
      '青山市科技局2024年工作总结\n一、工作成效\n新增高新技术企业300家。\n二、存在问题和2025年工作思路\n新增高新技术企业400家。',
    );
    expect(at(r.candidates, '300家')).toMatchObject({ kind: 'actual', period: '2024' });
    expect(at(r.candidates, '400家')).toMatchObject({ kind: 'target', period: '2025' });
  });
  it('a heading of problems alone is no plan', () => {
    const r = x(`${SUMMARY}\n一、工作成效\n新增孵化器3家。\n二、存在的问题和不足\n仍有12家孵化器未达标。`);
    expect(r.sections[2]!.plan).toBe(false);
  });
  it('an actual of a year after the report is impossible: a target with plan words, else its period undecided', () => {
    const plain = at(cands('2023年全市高新技术企业达到3500家。'), '3500家');
    expect(plain.kind).not.toBe('target');
    expect(plain.period).toBeNull();
    expect(plain.undecided).toContain('period');
    const planned = at(cands('按照五年规划目标,2023年全市高新技术企业达到3500家。'), '3500家');
    expect(planned).toMatchObject({ kind: 'target', period: '2023' });
  });
  it('a sub-heading reads on its own first: (二)下一步打算 under a summary heading plans', () => {
    const r = x(
      `${SUMMARY}\n一、工作情况\n(一)主要成效\n新增高新技术企业300家。\n(二)下一步打算\n新增高新技术企业400家。`,
    );
    expect(r.sections.map((s) => s.plan)).toEqual([false, false, false, true]);
    expect(at(r.candidates, '300家')).toMatchObject({ kind: 'actual', period: '2021' });
    expect(at(r.candidates, '400家')).toMatchObject({ kind: 'target', period: '2022' });
  });
  it('a sub-heading using a plan word as a verb object keeps its parent summary', () => {
    const r = x(`${SUMMARY}\n一、工作情况\n(三)转变思路,服务前移。\n新增孵化器3家。`);
    expect(at(r.candidates, '3家').kind).toBe('actual');
  });
  it('an unnumbered short heading line opens a section: 2022年工作计划', () => {
    const r = x(`${SUMMARY}\n工作成效\n新增高新技术企业300家。\n2022年工作计划\n新增高新技术企业400家。`);
    expect(r.sections.map((s) => s.title)).toEqual(['', '工作成效', '2022年工作计划']);
    expect(at(r.candidates, '300家')).toMatchObject({ kind: 'actual', period: '2021' });
    expect(at(r.candidates, '400家')).toMatchObject({ kind: 'target', period: '2022' });
  });
  it('第X部分 and short 1. / 1、 / (1) lines are headings; long, prose or figure lines are not', () => {
    const r = x(
      `${SUMMARY}\n第一部分 工作成效\n1.企业培育\n新增高新技术企业300家。\n第二部分 下一步工作打算\n(1)平台建设\n新建众创空间4家。`,
    );
    expect(r.sections.map((s) => s.title)).toEqual([
      '',
      '第一部分 工作成效',
      '1.企业培育',
      '第二部分 下一步工作打算',
      '(1)平台建设',
    ]);
    expect(r.sections.map((s) => s.plan)).toEqual([false, false, false, true, true]);
    expect(at(r.candidates, '4家')).toMatchObject({ kind: 'target', period: '2022' });
    const prose = x(
      `${SUMMARY}\n一、工作成效\n1、新增高新技术企业300家,同比增长20%\n30家企业完成工作总结\n工作总结会议召开。\n新增孵化器3家。`,
    );
    expect(prose.sections).toHaveLength(2);
  });
  it('a repeated title line (page furniture) opens no section', () => {
    const r = x(`${SUMMARY}\n一、工作成效\n新增孵化器3家。\n${SUMMARY}\n新增众创空间4家。`);
    expect(r.sections).toHaveLength(2);
  });
});

describe('falls', () => {
  it('同比下降5% is a change of −5; the previous value is derived as before', () => {
    const cs = cands('全市登记技术合同成交额57亿元,同比下降5%。');
    expect(at(cs, '5%')).toMatchObject({ indicator: 'tech_contract_value_yoy', value: -5 });
    const prev = cs.find((c) => c.kind === 'derived')!;
    expect(prev).toMatchObject({ indicator: 'tech_contract_value', value: 60, period: '2020' });
  });
  it('同比减少5% is −5 too', () => {
    expect(at(cands('全市登记技术合同成交额57亿元,同比减少5%。'), '5%').value).toBe(-5);
  });
  it('下降0.1个百分点 is a change of −0.1 and the previous level is 0.1 higher', () => {
    const cs = cands('全社会研发投入强度为2.4%,较上年下降0.1个百分点。');
    expect(at(cs, '0.1个百分点')).toMatchObject({ indicator: 'rd_intensity_change', value: -0.1 });
    expect(cs.find((c) => c.kind === 'derived')).toMatchObject({ indicator: 'rd_intensity', value: 2.5 });
  });
  it('a signed figure keeps its sign (增速为-3.2%, −3.2%); a range is no sign', () => {
    const cs = cands('全市登记技术合同成交额48.4亿元,增速为-3.2%。');
    expect(at(cs, '-3.2%')).toMatchObject({ indicator: 'tech_contract_value_yoy', value: -3.2 });
    expect(figuresIn('增速为−3.2%')[0]).toMatchObject({ value: -3.2, unit: '%' });
    expect(figuresIn('新增1-2个')[0]).toMatchObject({ value: 1, suffixComparator: '>=', rangeUpper: '2个' });
  });
});

describe('the head of a figure’s phrase names it', () => {
  it('高新技术企业申报120家 is not the stock of high-tech enterprises', () => {
    expect(at(cands('全年高新技术企业申报120家。'), '120家').indicator).not.toBe('high_tech_enterprises');
  });
  it('a pass rate is no growth rate and no known indicator: a new one is proposed', () => {
    const c = at(cands('全市高新技术企业认定通过率达80%。'), '80%');
    expect(c.indicator).toBeNull();
    expect(c.newIndicator?.zh).toContain('认定通过率');
  });
  it('entries of a reserve pool are not new high-tech enterprises', () => {
    const c = at(cands('全市高新技术企业后备培育库入库企业120家。'), '120家');
    expect(c.indicator).not.toBe('high_tech_enterprises_new');
    expect(c.indicator).not.toBe('high_tech_enterprises');
  });
  it('a training about 高企申报 counts trainings, not enterprises', () => {
    const c = at(cands('围绕高企申报、成果登记等主题先后举办8期科技政策线上培训。'), '8期');
    expect(c.indicator).toBe('policy_training_sessions');
  });
  it('a list closed by 等 gives examples: the words after 等 are the head', () => {
    const c = at(cands('组织高新技术企业、科技型中小企业等创新主体参展120家。'), '120家');
    expect(c.indicator).toBeNull();
    expect(c.newIndicator?.zh).toContain('创新主体');
  });
  it('占全省 names a share indicator, and a share only with share wording', () => {
    const cs = cands('全社会R&D投入为120亿元,占全省25.5%。');
    expect(at(cs, '25.5%').indicator).toBe('rd_expenditure_share_province');
    expect(at(cands('全市研发投入强度达2.6%。'), '2.6%').indicator).toBe('rd_intensity');
    expect(at(cands('全市新认定高新技术企业通过率达45%。'), '45%').indicator).not.toBe(
      'high_tech_enterprises_certified_share_province',
    );
  });
  it('a rank id only where the rank scope agrees', () => {
    expect(at(cands('全市研发投入强度居长三角第5位。'), '第5位').indicator).toBe('rd_intensity_rank_yrd');
    expect(at(cands('全市研发投入强度居全省第3位。'), '第3位').indicator).not.toBe('rd_intensity_rank_yrd');
  });
  it('a move of places (较上年再进2位) is no rank', () => {
    const cs = cands('城市创新能力居全国第30位,较上年再进2位。');
    expect(at(cs, '第30位').indicator).toBe('innovation_capability_rank_national');
    expect(at(cs, '2位').indicator).toBeNull();
  });
});

describe('plan words inside other words', () => {
  it.each(['全市虚拟现实企业达50家。', '建成模拟仿真平台3个。', '全年将23家企业纳入高新技术企业培育库。'])(
    '%s is an actual',
    (body) => {
      for (const c of cands(body)) expect(c.kind).toBe('actual');
    },
  );
  it('将 in a place name is no intent', () => {
    expect(plannedBy('将乐县新增科技型企业')).toBe(false);
    expect(plannedBy('将其列为')).toBe(false);
  });
  it('将 before a verb of intent or result, 拟 as a word and 待… as a condition plan', () => {
    expect(at(cands('全市高新技术企业将突破3500家。'), '3500家').kind).toBe('target');
    expect(at(cands('拟新建众创空间3家。'), '3家').kind).toBe('target');
    expect(at(cands('待项目验收后新增孵化器3家。'), '3家').kind).toBe('target');
    expect(plannedBy('接待来访企业')).toBe(false);
  });
});

describe('the year a sentence names', () => {
  it('is never shifted again by the release lag', () => {
    const c = at(cands('2020年全市研发投入强度达2.5%。'), '2.5%');
    expect(c.period).toBe('2020');
    expect(c.reportedPeriod).toBeUndefined();
  });
  it('a comparison year is the base, not the period of a figure after it', () => {
    expect(at(cands('全市高新技术企业比2020年净增150家。'), '150家').period).toBe('2021');
    const cs = cands('全市众创空间较2019年的20家增加了8家。');
    expect(at(cs, '20家').period).toBe('2019');
    expect(at(cs, '8家').period).toBe('2021');
  });
  it('is used where the section has no year', () => {
    const r = x('某某单位情况汇报\n一、工作情况\n2024年,全市新增高新技术企业300家。');
    expect(r.candidates[0]).toMatchObject({ period: '2024', undecided: [] });
  });
});

describe("the report's city", () => {
  it("is the title's city, even unknown, before a place the body visits", () => {
    const r = x('青山市科学技术局2024年工作总结\n我局赴芜湖市学习先进经验。\n一、工作情况\n新增孵化器3家。');
    expect(r.cityName).toBe('青山市');
    expect(r.cityId).toBeNull();
  });
  it("is the publisher line's city when the title names none", () => {
    const r = x(
      '市科技局2024年工作总结\n我局赴福州市学习。\n来源:芜湖市科技局\n一、工作情况\n新增孵化器3家。',
    );
    expect(r.cityId).toBe('wuhu');
  });
  it('a provincial figure of an unknown city is on the province-of-city marker, never a fake id', () => {
    const c = at(cands('全省新增高新技术企业1500家。', '青山市科技局2024年工作总结'), '1500家');
    expect(c).toMatchObject({ place: PROVINCE_OF_CITY, kind: 'reference' });
    expect(PROVINCE_OF_CITY).toBe('province-of-city');
  });
});

describe('levels, rank scopes and 位', () => {
  it('any X级 is a level: 州级5家 continues the item before', () => {
    const s = '国家级孵化器3家、州级5家';
    const w = wordsOf(s, figuresIn(s));
    expect(w[1]!.continued).toBe('州级孵化器');
  });
  it('a rank scope is any place or region phrase right before 第N', () => {
    const cs = cands('全市专利授权量居东部六省第二,科技进步考核居中部地区第三。');
    expect(cs.filter((c) => c.unit === 'rank').map((c) => c.value)).toEqual([2, 3]);
    expect(cands('科技是第一生产力,市第一人民医院新建实验室2个。').filter((c) => c.unit === 'rank')).toEqual(
      [],
    );
  });
  it('N位 after people words counts persons; 第N位 is a rank', () => {
    expect(at(cands('引进院士3位。'), '3位').unit).toBe('persons');
    expect(at(cands('全市创新能力居全国第26位。'), '第26位').unit).toBe('rank');
  });
});

describe('titles', () => {
  it('the first short line is the title, even with none of the old title words', () => {
    const r = x(
      '青山市科技局2024年科技创新工作开展\n今年以来,全面完成年度目标任务。\n一、工作情况\n新增孵化器3家。',
    );
    expect(r.title).toBe('青山市科技局2024年科技创新工作开展');
    expect(r.period).toBe('2024');
  });
  it('page furniture and a short slogan are passed over', () => {
    const r = x(
      '当前位置:首页 > 通知\n荟萃精华\n青山市科技局2024年工作开展情况\n一、工作情况\n新增孵化器3家。',
    );
    expect(r.title).toBe('青山市科技局2024年工作开展情况');
  });
});
