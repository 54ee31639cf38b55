// One test per wording rule of the report extractor, each on a sentence made up for it (not from the seeds).
import { describe, expect, it } from 'vitest';
import indicators from '../../../data/indicators.json';
import places from '../../../data/cities.json';
import type { IndicatorDef, Place } from '../../../src/lib/data/types';
import { extractReport } from '../../../src/lib/extract/index';
import type { Candidate } from '../../../src/lib/extract/types';

const options = { indicators: indicators as IndicatorDef[], places: places as Place[] };
const TITLE = '福州市科技局2021年工作总结及2022年工作计划';

function run(body: string, title = TITLE) {
  return extractReport(`${title}\n一、2021年工作完成情况\n${body}`, options);
}
function one(body: string, title?: string): Candidate {
  const c = run(body, title).candidates;
  expect(c.length).toBeGreaterThan(0);
  return c[0]!;
}

describe('comparator words', () => {
  it.each([
    ['全市高新技术企业突破3100家。', '>='],
    ['技术合同成交额首破80亿元。', '>='],
    ['全市高新技术企业超过3100家。', '>'],
    ['全市高新技术企业超3100家。', '>'],
    ['全市高新技术企业逾3100家。', '>'],
    ['全市高新技术企业3100余家。', '>'],
    ['全市高新技术企业3100多家。', '>'],
    ['全市高新技术企业约3100家。', '~'],
    ['全市高新技术企业近3100家。', '<='],
    ['全市高新技术企业不少于3100家。', '>='],
    ['全市高新技术企业3100家以上。', '>='],
    ['全市高新技术企业不超过3100家。', '<='],
    ['全市高新技术企业达3100家。', '='],
    ['全市高新技术企业为3100家。', '='],
    ['全市高新技术企业3100家。', '='],
  ])('%s -> %s', (body, comparator) => {
    expect(one(body).comparator).toBe(comparator);
  });
});

describe('kind words', () => {
  it.each(['力争', '计划新增', '确保', '拟', '预计', '目标'])('%s makes a target', (w) => {
    const c = one(`${w}高新技术企业达到3300家。`);
    expect(c.kind).toBe('target');
  });
  it('将 before a verb of intent or result makes a target', () => {
    expect(one('高新技术企业将达到3300家。').kind).toBe('target');
  });
  it('a plain statement is an actual', () => {
    expect(one('全市高新技术企业达到3300家。').kind).toBe('actual');
  });
  it('a plan section makes targets of its year', () => {
    const x = extractReport(
      `${TITLE}\n一、工作成效\n全市高新技术企业达到3100家。\n二、2022年工作打算\n新增高新技术企业400家。`,
      options,
    );
    const [a, b] = x.candidates;
    expect(a).toMatchObject({ kind: 'actual', period: '2021' });
    expect(b).toMatchObject({ kind: 'target', period: '2022', indicator: 'high_tech_enterprises_new' });
    expect(x.sections.map((s) => s.plan)).toEqual([false, false, true]);
  });
  it('a plan section with no year in a summary is the year after', () => {
    const x = extractReport(
      '福州市科技局2021年工作总结\n一、工作成效\n新增高新技术企业300家。\n二、下一步工作思路\n新增高新技术企业400家。',
      options,
    );
    expect(x.candidates[1]).toMatchObject({ kind: 'target', period: '2022' });
  });
});

describe('places', () => {
  it('a cited national figure is a reference on the nation', () => {
    const cs = run('我市研发投入强度为3.1%,高于全国的2.4%。').candidates;
    expect(cs[1]).toMatchObject({ place: 'china', kind: 'reference', value: 2.4, indicator: 'rd_intensity' });
    expect(cs[0]).toMatchObject({ place: 'self', kind: 'actual' });
  });
  it("a cited provincial figure is a reference on the city's province", () => {
    const c = run('全省新增高新技术企业1500家。', TITLE).candidates[0]!;
    expect(c).toMatchObject({ place: 'fujian', kind: 'reference' });
  });
  it("the report's city comes from the title, with or without 市", () => {
    expect(run('新增高新技术企业300家。').cityId).toBe('fuzhou');
    expect(run('新增高新技术企业300家。', '福州2021年科技工作总结').cityId).toBe('fuzhou');
  });
});

describe('changes', () => {
  it('a growth rate is the *_yoy indicator and gives the previous year, approximately', () => {
    const cs = run('全市登记技术合同成交额60亿元,同比增长20%。').candidates;
    expect(cs.map((c) => c.indicator)).toEqual([
      'tech_contract_value',
      'tech_contract_value_yoy',
      'tech_contract_value',
    ]);
    const prev = cs[2]!;
    expect(prev).toMatchObject({
      kind: 'derived',
      value: 50,
      comparator: '~',
      period: '2020',
      derivedFrom: cs[0]!.id,
    });
    expect(prev.note?.zh).toContain('60 ÷ 1.2');
  });
  it('a percentage-point rise is the change indicator and gives the previous level', () => {
    const cs = run('全社会研发投入强度达到3.2%,较上年提高0.3个百分点。').candidates;
    expect(cs[1]).toMatchObject({ indicator: 'rd_intensity_change', unit: 'pp', value: 0.3 });
    expect(cs[2]).toMatchObject({ kind: 'derived', indicator: 'rd_intensity', value: 2.9, comparator: '=' });
  });
});

describe('units and masks', () => {
  it('万元 becomes 亿元, with the conversion in the note', () => {
    const c = one('下达科技计划项目经费2500万元。');
    expect(c).toMatchObject({ value: 0.25, unit: '100m CNY', stated: '2500万元' });
    expect(c.note?.zh).toContain('2500万元 = 0.25亿元');
  });
  it('a masked x.xx is redacted, its value null, never 0', () => {
    const c = one('全社会研发投入强度达到x.xx%。');
    expect(c).toMatchObject({ status: 'redacted', value: null, unit: '%', stated: 'x.xx%' });
  });
  it('list numbering, years, dates and document titles are not figures', () => {
    const x = run(
      '1.深化改革。（一）做好2022年度申报。发布时间:2021-12-30。印发《2021年科技计划管理办法》。落实“三个一”工作。',
    );
    expect(x.candidates).toEqual([]);
  });
  it('5G and G60 are names, not figures', () => {
    expect(run('推进5G应用和G60走廊建设。').candidates).toEqual([]);
  });
});

describe('periods', () => {
  it("the title's year is the actuals' period", () => {
    expect(one('全市高新技术企业达到3100家。').period).toBe('2021');
  });
  it('a half-year report is YYYY-H1', () => {
    const x = extractReport(
      '宁波市科技局2022年上半年工作总结\n一、上半年工作情况\n新增高新技术企业120家。',
      options,
    );
    expect(x.period).toBe('2022-H1');
    expect(x.candidates[0]!.period).toBe('2022-H1');
  });
  it('masked years are relative: Y, Y-1 for 比xxxx年, Y+1 for the plan', () => {
    const x = extractReport(
      '市科技局工作总结及工作计划\n一、xxxx年工作情况\n新增高新技术企业xx家,比xxxx年xxx万元的任务增长x倍。\n二、xxxx年工作计划\n力争新增高新技术企业xx家。',
      options,
    );
    const ps = x.candidates.map((c) => c.period);
    expect(ps[0]).toBe('Y');
    expect(ps).toContain('Y-1');
    expect(ps[ps.length - 1]).toBe('Y+1');
  });
  it('R&D intensity in a year-end summary measures the year before (release lag)', () => {
    const c = one('全社会研发投入强度达到3.2%。');
    expect(c).toMatchObject({ period: '2020', reportedPeriod: '2021', periodBasis: 'release-lag' });
  });
  it('a report with no year leaves the period undecided', () => {
    const c = extractReport('某某单位情况汇报\n一、工作情况\n新增高新技术企业300家。', options)
      .candidates[0]!;
    expect(c.period).toBeNull();
    expect(c.undecided).toContain('period');
  });
});

describe('indicators and repeats', () => {
  it('a figure stated twice is one candidate with both sentences', () => {
    const x = run('全市新增高新技术企业300家。另外,全市新增高新技术企业300家。');
    expect(x.candidates).toHaveLength(1);
    expect(x.candidates[0]!.quotes).toHaveLength(2);
    expect(x.candidates[0]!.spans).toHaveLength(2);
  });
  it('an unknown indicator is proposed from its phrase', () => {
    const c = one('建成科普教育基地12个。');
    expect(c.indicator).toBeNull();
    expect(c.newIndicator?.zh).toContain('科普教育基地');
    expect(c.undecided).not.toContain('indicator');
  });
  it('headline indicators are flagged', () => {
    expect(one('全市高新技术企业达到3100家。').headline).toBe(true);
    expect(one('建成科普教育基地12个。').headline).toBe(false);
  });
  it('quotes are substrings of the text and spans point at them', () => {
    const x = run('全市高新技术企业达到3100家。');
    const text = `${TITLE}\n一、2021年工作完成情况\n全市高新技术企业达到3100家。`;
    const c = x.candidates[0]!;
    expect(text.slice(c.spans[0]!.start, c.spans[0]!.end)).toBe(c.quotes[0]);
    expect(text.slice(c.figure.start, c.figure.end)).toBe('3100家');
  });
});

describe('hostile text and non-reports', () => {
  it('markup and formulas stay literal text in quotes, and no figure is read from inside markup', () => {
    const body =
      '<img src=x onerror=alert(1)>新增高新技术企业300家。<b title=20家 data-n=1>新增众创空间5家</b>。=HYPERLINK("http://e.x","点")新增孵化器2家。';
    const x = run(body);
    const text = `${TITLE}\n一、2021年工作完成情况\n${body}`;
    expect(x.candidates.map((c) => c.stated)).toEqual(['300家', '5家', '2家']);
    const first = x.candidates[0]!;
    expect(first.quotes[0]).toContain('<img src=x onerror=alert(1)>');
    expect(text.slice(first.spans[0]!.start, first.spans[0]!.end)).toBe(first.quotes[0]);
    expect(text.slice(first.figure.start, first.figure.end)).toBe('300家');
    expect(x.candidates.some((c) => c.value === 20 || c.value === 1)).toBe(false);
    expect(x.candidates[2]!.quotes[0]).toContain('=HYPERLINK("http://e.x","点")');
  });
  it('a novel is not a report', () => {
    const novel =
      '第一章\n那年冬天，他第三次回到小镇。雪下了整整两天，街上只剩下三个人。\n她站在门口，手里握着一封信，信上写着十二个字。\n他们沉默了很久，直到钟声敲了七下。\n“你还记得那棵树吗？”她问。\n';
    expect(extractReport(novel, options).looksLikeReport).toBe(false);
  });
  it('a spreadsheet pasted as text is not a report', () => {
    const csv =
      'city,indicator,year,value\nwuhu,rd,2022,3.76%\nfuzhou,rd,2018,2.37%\nhaimen,hte,2020,60家\nwuhu,hte,2023,368家\n';
    expect(extractReport(csv, options).looksLikeReport).toBe(false);
  });
  it('a short work report is one', () => {
    const x = run(
      '全市高新技术企业达到3100家,新增科技型中小企业500家,技术合同成交额60亿元。推进科技创新平台建设,实施重点研发项目,培育创新企业,开展成果转化。',
    );
    expect(x.looksLikeReport).toBe(true);
  });
});
