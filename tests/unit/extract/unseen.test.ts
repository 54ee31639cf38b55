// The extractor on three made-up reports it was not tuned on (tests/fixtures/reports/unseen): a county's 2024
// 述职报告, a district's 2025 H1 summary and a city's 2025 工作要点. Each expected figure was written down from
// data/README.md's conventions before the extractor was run (expected.ts); the ones it meets are asserted, the
// ones it still misses are it.todo with the sentence and what is expected. Then a few of the general rules behind
// the fixes, each on a sentence of its own.
import { describe, expect, it } from 'vitest';
import indicators from '../../../data/indicators.json';
import places from '../../../data/cities.json';
import type { IndicatorDef, Place } from '../../../src/lib/data/types';
import { extractReport } from '../../../src/lib/extract/index';
import { tally } from '../../../src/lib/extract/expectations';
import type { Candidate } from '../../../src/lib/extract/types';
import { runUnseen, unseenTableOf } from '../../../scripts/extract-eval';

const runs = runUnseen();

describe.each(runs)('unseen report $file', (run) => {
  const t = tally(run.checked);
  console.log(`${run.label}: expected ${t.expected}, met ${t.met}`);
  for (const c of run.checked) {
    const e = c.expected;
    const what = `«${e.at}» ${e.stated} -> ${e.indicator} ${e.value ?? 'masked'} ${e.unit} ${e.comparator} ${e.kind} ${e.period}`;
    if (e.todo) it.todo(`${what} (${e.todo})`);
    else it(what, () => expect(c.diff, c.verdict).toEqual([]));
  }
  it('the todos are exactly the figures it still misses', () => {
    const unmet = run.checked.filter((c) => c.verdict !== 'met').map((c) => c.expected.at);
    expect(unmet).toEqual(run.checked.filter((c) => c.expected.todo).map((c) => c.expected.at));
  });
  it('every quote is a substring of its report, and a masked figure has no value', () => {
    for (const c of run.candidates) {
      c.quotes.forEach((q, i) => expect(run.text.slice(c.spans[i]!.start, c.spans[i]!.end)).toBe(q));
      expect(c.value === null).toBe(c.status === 'redacted');
    }
  });
});

describe('unseen reports together', () => {
  const all = tally(runs.flatMap((r) => r.checked));
  it('meets at least 85% of the expected figures, none of the met with a wrong kind, period or comparator', () => {
    expect(all.met / all.expected).toBeGreaterThanOrEqual(0.85);
    expect(all.kpcWrong).toBe(0);
  });
  it('no new indicator is named by a bare verb or a comparison', () => {
    for (const c of runs.flatMap((r) => r.candidates))
      if (c.newIndicator)
        expect(c.newIndicator.zh).not.toMatch(
          /^(比上年|较上年|同比|全市|全年|累计|新增|净增|增长|下降|增加)*$/,
        );
  });
  it("the table's all-three row states the tally", () => {
    const row = unseenTableOf(runs)
      .split('\n')
      .find((l) => l.startsWith('| all three |'));
    expect(
      row
        ?.split('|')
        .map((c) => c.trim())
        .slice(2, 5),
    ).toEqual([
      String(all.expected),
      `${all.met} (${((100 * all.met) / all.expected).toFixed(1)}%)`,
      String(all.namedWrong),
    ]);
  });
});

const options = { indicators: indicators as IndicatorDef[], places: places as Place[] };
function cands(body: string, title = '松阳市科技局2024年工作总结'): Candidate[] {
  return extractReport(`${title}\n一、工作成效\n${body}`, options).candidates;
}
function at(cs: readonly Candidate[], stated: string): Candidate {
  const c = cs.find((k) => k.stated === stated && k.kind !== 'derived');
  expect(c, stated).toBeDefined();
  return c!;
}

describe('general rules behind the unseen fixes', () => {
  it('an elliptical addition borrows the subject of the clause before (比上年净增, 其中新认定)', () => {
    const cs = cands('全市高新技术企业突破650家，比上年净增85家，其中新认定120家。');
    expect(at(cs, '85家').indicator).toBe('high_tech_enterprises_net_new');
    expect(at(cs, '120家').indicator).toBe('high_tech_enterprises_certified');
  });
  it('applications only where the phrase or its list says 申报 / 申请', () => {
    expect(at(cands('新建省级工程技术研究中心12个。'), '12个').indicator).toBeNull();
    expect(at(cands('组织申报工程技术研究中心12个。'), '12个').indicator).toBe(
      'engineering_tech_centers_applications',
    );
  });
  it('a level word must agree with the name: 市级 is not 省级, and with no such id a new one is proposed', () => {
    const c = at(cands('新增市级重点实验室12个。'), '12个');
    expect(c.indicator).toBeNull();
    expect(c.newIndicator?.zh).toContain('市级重点实验室');
    expect(at(cands('新增省级重点实验室3个。'), '3个').indicator).toBe('provincial_key_labs_new');
    expect(at(cands('建成市级重点实验室xx个。'), 'xx个')).toMatchObject({
      indicator: null,
      status: 'redacted',
    });
  });
  it('bare level items of a 分别 list share the last item’s head', () => {
    const cs = cands('国家级、省级众创空间分别达到3家、12家。');
    expect([at(cs, '3家').indicator, at(cs, '12家').indicator]).toEqual([
      'maker_spaces_national',
      'maker_spaces_provincial',
    ]);
  });
  it('a district’s 全区 is the district itself', () => {
    const c = at(cands('全区高新技术企业达到300家。', '东湖区科技局2024年工作总结'), '300家');
    expect(c).toMatchObject({ place: 'self', kind: 'actual' });
  });
  it('technology-contract turnover: registered only when the sentence says 登记 / 认定, else side not stated', () => {
    expect(at(cands('技术合同成交额达到50亿元。'), '50亿元').indicator).toBe(
      'tech_contract_value_unspecified',
    );
    expect(at(cands('认定登记技术合同成交额50亿元。'), '50亿元').indicator).toBe('tech_contract_value');
  });
  it('科技型中小企业评价入库 is the register of tech SMEs', () => {
    expect(at(cands('科技型中小企业评价入库800家。'), '800家').indicator).toBe('tech_smes');
  });
  it('a change with no id of its own is named from the figure it follows, never a bare verb', () => {
    const c = at(cands('入库科技型中小企业500家，同比下降5%。'), '5%');
    expect(c.value).toBe(-5);
    expect(c.newIndicator?.zh).toMatch(/^科技型中小企业.*同比增长$/);
  });
  it('a new indicator’s phrase drops the time, place and comparison words before its noun', () => {
    expect(at(cands('全年累计引进高层次人才80人。'), '80人').newIndicator?.zh).toBe('引进高层次人才');
  });
});
