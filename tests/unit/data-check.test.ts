// The data contract, pinned: each rule of the dataset check fires on a bad row and stays quiet on its
// good twin (fixtures in tests/fixtures/data-check), the real data/ passes, and the facts users rely on
// (headline figures, derivations, redactions, plan-only targets, lower bounds) stay true.
import { readdirSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { checkDataset, quoteStatesNumber } from '../../build/check';
import type { DatasetInput } from '../../build/check';
import { CHART_IDS, HEADLINE_CHARTS } from '../../src/lib/charts/registry';
import { CSV_COLUMNS, parseIndicatorsCsv, readIndicatorsCsv } from '../../build/curated';
import type { IndicatorDef, Place, SourceDef, UnitDef } from '../../src/lib/data/types';
import type { Observation } from '../../src/lib/table/schema';

type Cells = Record<(typeof CSV_COLUMNS)[number], string>;
interface Definitions {
  indicators: IndicatorDef[];
  places: Place[];
  units: UnitDef[];
  sources: SourceDef[];
}

const fixtureDir = new URL('../fixtures/data-check/', import.meta.url);
const fx = (name: string) => readFileSync(new URL(name, fixtureDir), 'utf8');
const defs = JSON.parse(fx('definitions.json')) as Definitions;
const goodCsv = fx('good.csv');
const goodRows = Papa.parse<Cells>(goodCsv, { header: true, skipEmptyLines: true }).data;

const fixture = (csvText: string, over: Partial<DatasetInput> = {}): DatasetInput => ({
  csvText,
  ...defs,
  reports: { summary: fx('summary.txt'), plan: fx('plan.txt') },
  ...over,
});
const csvOf = (rows: Cells[]) => Papa.unparse(rows, { columns: [...CSV_COLUMNS], newline: '\n' }) + '\n';
const patched = (i: number, patch: Partial<Cells>) =>
  csvOf(goodRows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
const problemsAt = (csvText: string, rule: string) =>
  checkDataset(fixture(csvText)).filter((p) => p.rule === rule);

describe('dataset check on the fixture', () => {
  it('accepts the good fixture with no problems', () => {
    expect(checkDataset(fixture(goodCsv))).toEqual([]);
  });

  it("holds indicators.json's charts to what each chart spec draws, both ways", () => {
    const draws = (over: Record<string, string[]>) =>
      checkDataset(
        fixture(goodCsv, {
          chartDraws: {
            'rd-intensity': ['rd_intensity'],
            'high-tech': ['high_tech_enterprises', 'high_tech_enterprises_new'],
            'tech-contracts': ['tech_contract_value'],
            ...over,
          },
        }),
      ).filter((p) => p.rule === 'chart-draws');
    expect(draws({})).toEqual([]);
    expect(draws({ 'high-tech': ['high_tech_enterprises'] }).map((p) => p.message)).toEqual([
      'data/indicators.json: high_tech_enterprises_new lists chart "high-tech", which does not draw it',
    ]);
    expect(
      draws({ 'tech-contracts': ['tech_contract_value', 'tech_contract_count'] }).map((p) => p.message),
    ).toEqual([
      'data/indicators.json: tech_contract_count is drawn by chart "tech-contracts" but does not list it in "charts"',
    ]);
    expect(draws({ 'rd-intensity': ['rd_intensity', 'rd_typo'] })).toHaveLength(1);
  });

  // [behaviour, row index, patch, rule]
  const bad: [string, number, Partial<Cells>, string][] = [
    [
      'flags a quote that is not in the report',
      0,
      { quote: '全市研发经费投入占GDP比重达3.76%' },
      'quote-not-verbatim',
    ],
    ['flags a non-derived row without a quote', 0, { quote: '' }, 'quote-not-verbatim'],
    [
      'flags a derived row whose optional quote is not verbatim',
      1,
      { quote: '较上年提升0.29个百分点' },
      'quote-not-verbatim',
    ],
    ['flags a value its quote does not state', 0, { value: '3.67' }, 'number-not-in-quote'],
    ['flags a 万元 figure left unconverted on an 亿元 indicator', 4, { value: '5' }, 'number-not-in-quote'],
    ['flags an unknown city', 0, { city: 'atlantis' }, 'unknown-city'],
    ['flags an unknown indicator', 0, { indicator: 'gdp' }, 'unknown-indicator'],
    ['flags an unknown source', 0, { source: 'nowhere' }, 'unknown-source'],
    ['flags an unknown unit', 0, { unit: 'furlongs' }, 'unknown-unit'],
    ['flags a known unit that is not the indicator’s canonical one', 3, { unit: '%' }, 'unit-not-canonical'],
    ['flags an empty value that is not marked redacted', 0, { value: '' }, 'empty-value-not-redacted'],
    ['flags a redacted row that carries a value', 7, { value: '0' }, 'redacted-with-value'],
    ['flags an actual taken from a plan-only source', 6, { kind: 'actual' }, 'actual-from-plan'],
    ['flags a derived row taken from a plan-only source', 6, { kind: 'derived' }, 'actual-from-plan'],
    ['flags a second-half period', 2, { period: '2023-H2' }, 'bad-period'],
    ['flags a two-digit year', 2, { period: '23' }, 'bad-period'],
    ['flags a masked year left empty instead of relative to the report', 7, { period: '' }, 'bad-period'],
    [
      'flags a relative year shifted against a calendar year',
      7,
      { reported_period: '2023', period_basis: 'release-lag' },
      'bad-period',
    ],
    ['flags a moved period without its evidence', 0, { period_basis: '' }, 'shift-without-reason'],
    [
      'flags evidence for a move that did not happen',
      2,
      { period_basis: 'release-lag' },
      'shift-without-reason',
    ],
    [
      'flags a reported period equal to the one measured',
      2,
      { reported_period: '2023', period_basis: 'cited-year' },
      'shift-without-reason',
    ],
    ['flags an unknown kind of evidence', 0, { period_basis: 'hunch' }, 'bad-enum'],
    [
      'flags an actual measuring a year after the report that states it',
      0,
      { period: '2024' },
      'period-after-report',
    ],
    [
      'flags a derived row that does not follow the row it is derived from',
      1,
      { period: '2022', reported_period: '', period_basis: '' },
      'derived-shift',
    ],
    ['flags an allocation (拟拨付) kept as an actual', 8, { kind: 'actual' }, 'planned-as-actual'],
    ['flags a note with no Chinese twin', 2, { note_zh: '' }, 'note-not-translated'],
    ['flags a Chinese note written in English', 2, { note_zh: 'lower bound' }, 'note-not-translated'],
    ['flags a Chinese note with no note', 3, { note_zh: '说明' }, 'note-not-translated'],
    ['flags an unknown comparator', 0, { comparator: '≈' }, 'bad-enum'],
    ['flags an unknown kind', 0, { kind: 'estimate' }, 'bad-enum'],
    ['flags an unknown status', 0, { status: 'masked' }, 'bad-enum'],
    ['flags a grouped number in the value cell', 5, { value: '1,234' }, 'bad-number'],
    ['flags a masked value written as x', 7, { value: 'x.xx' }, 'bad-number'],
  ];
  it.each(bad)('%s', (_name, i, patch, rule) => {
    const found = problemsAt(patched(i, patch), rule);
    expect(found.map((p) => p.line)).toEqual([i + 2]);
    expect(found[0]?.message).toMatch(/\S/);
    expect(problemsAt(goodCsv, rule)).toEqual([]);
  });

  it('ignores whitespace when matching a quote against its report', () => {
    expect(problemsAt(patched(3, { quote: '技术合同\n成交额12.5 亿元' }), 'quote-not-verbatim')).toEqual([]);
  });

  it('lets a derived row omit its quote', () => {
    expect(checkDataset(fixture(patched(1, { quote: '' })))).toEqual([]);
  });

  it('reads numbers through 亿/万, grouping, trailing zeros, percent and Chinese numerals', () => {
    expect(quoteStatesNumber('兑现奖补资金5000万元', 0.5)).toBe(true);
    expect(quoteStatesNumber('技术合同登记1,234项', 1234)).toBe(true);
    expect(quoteStatesNumber('强度达到3.50%', 3.5)).toBe(true);
    expect(quoteStatesNumber('技术合同交易额首破千亿', 1000)).toBe(true);
    expect(quoteStatesNumber('占全省总数的五分之一', 20)).toBe(true);
    expect(quoteStatesNumber('位列全省第二', 2)).toBe(true);
    expect(quoteStatesNumber('强度达到3.50%', 3.05)).toBe(false);
  });

  it('flags two rows for the same city/indicator/period/kind that disagree', () => {
    const clash = { ...goodRows[0]!, value: '3.5' };
    const found = problemsAt(csvOf([...goodRows, clash]), 'conflicting-duplicate');
    expect(found.map((p) => p.line)).toEqual([goodRows.length + 2]);
    expect(found[0]?.message).toContain('line 2');
    const comparatorClash = { ...goodRows[0]!, comparator: '>=' };
    expect(problemsAt(csvOf([...goodRows, comparatorClash]), 'conflicting-duplicate')).toHaveLength(1);
  });

  it('accepts an exact repeat, and a floor and a stretch target for one year (保x争x)', () => {
    expect(problemsAt(csvOf([...goodRows, goodRows[0]!]), 'conflicting-duplicate')).toEqual([]);
    expect(goodRows[9]).toMatchObject({ period: 'Y+1', kind: 'target', comparator: '>=' });
    expect(goodRows[10]).toMatchObject({ period: 'Y+1', kind: 'target', comparator: '=' });
  });

  it('compares masked years relative to the report: two figures of one masked year must agree', () => {
    const maskedTwin = { ...goodRows[7]!, comparator: '>=' };
    expect(problemsAt(csvOf([...goodRows, maskedTwin]), 'conflicting-duplicate')).toHaveLength(1);
    const yearBefore = { ...maskedTwin, period: 'Y-1' };
    expect(problemsAt(csvOf([...goodRows, yearBefore]), 'conflicting-duplicate')).toEqual([]);
  });

  it('lets a target sit after the report that sets it', () => {
    const later = patched(6, { period: '2025', reported_period: '2024', period_basis: 'arithmetic' });
    expect(problemsAt(later, 'period-after-report')).toEqual([]);
  });

  it('flags a header that is not exactly the contract’s', () => {
    const renamed = goodCsv.replace('city,indicator', 'place,indicator');
    expect(problemsAt(renamed, 'bad-header').map((p) => p.line)).toEqual([1]);
    expect(problemsAt(goodCsv, 'bad-header')).toEqual([]);
  });

  it('flags an unterminated quote instead of swallowing the file', () => {
    const broken = goodCsv.trimEnd() + '\ndemo,rd_intensity,2021,"3.1,%,=,actual\n';
    expect(problemsAt(broken, 'csv-syntax').map((p) => p.line)).toEqual([goodRows.length + 2]);
  });

  it('flags a row with a missing or an extra field, and keeps the rows around it', () => {
    const short = 'demo,rd_intensity,2021,,,3.1,%,=,actual,reported,summary,q,';
    const long = 'demo,rd_intensity,2021,,,3.1,%,=,actual,reported,summary,q,,,extra';
    const text = `${goodCsv.trimEnd()}\n${short}\n${long}\n`;
    const { entries, problems } = readIndicatorsCsv(text);
    expect(problems.map((p) => [p.line, p.rule])).toEqual([
      [goodRows.length + 2, 'csv-syntax'],
      [goodRows.length + 3, 'csv-syntax'],
    ]);
    expect(problems[0]?.message).toContain('expected 14 fields, found 13');
    expect(entries.map((e) => e.line)).toEqual(goodRows.map((_, i) => i + 2));
  });

  it('flags definition files that disagree with each other', () => {
    const indicators = defs.indicators.map((d, i) => (i === 0 ? { ...d, unit: 'furlongs' } : d));
    const found = checkDataset(fixture(goodCsv, { indicators })).filter((p) => p.rule === 'bad-definition');
    expect(found.map((p) => p.line)).toEqual([0]);
    expect(found[0]?.message).toContain('furlongs');
  });

  it('flags an indicator without a measure, and a source without its Chinese and English words', () => {
    const indicators = defs.indicators.map((d, i) => (i === 0 ? { ...d, measure: 'level' as never } : d));
    const sources = defs.sources.map((s, i) =>
      i === 0 ? { ...s, notes_zh: 'example', publisher_en: '' } : s,
    );
    const found = checkDataset(fixture(goodCsv, { indicators, sources })).filter(
      (p) => p.rule === 'bad-definition',
    );
    expect(found.map((p) => p.message)).toEqual([
      expect.stringContaining('rd_intensity has measure "level"'),
      expect.stringContaining('English title_en and publisher_en'),
      expect.stringContaining('notes_zh'),
    ]);
  });

  it('flags a family that is not a main id of the same unit and measure', () => {
    const family: Record<string, string> = {
      tech_contract_count: 'tech_contract_count', // itself: a main id may name itself
      policy_subsidies_paid: 'tech_contract_value', // same unit and measure: accepted
      high_tech_enterprises_new: 'high_tech_enterprises', // a flow in a stock's family
      rd_intensity: 'rd_intensity_share', // no such id
    };
    const bad = (over: Record<string, string>) =>
      checkDataset(
        fixture(goodCsv, { indicators: defs.indicators.map((d) => ({ ...d, family: over[d.id] })) }),
      )
        .filter((p) => p.rule === 'bad-family')
        .map((p) => p.message);
    expect(bad(family)).toEqual([
      expect.stringContaining(
        'rd_intensity has family "rd_intensity_share", which data/indicators.json does not',
      ),
      expect.stringContaining(
        'high_tech_enterprises_new has family "high_tech_enterprises", measured in count as stock',
      ),
    ]);
    // A family names the main id, not another member: two ids naming each other are both refused.
    expect(
      bad({ policy_subsidies_paid: 'tech_contract_value', tech_contract_value: 'policy_subsidies_paid' }),
    ).toEqual([
      expect.stringContaining(
        'tech_contract_value has family "policy_subsidies_paid", which is itself of family',
      ),
      expect.stringContaining(
        'policy_subsidies_paid has family "tech_contract_value", which is itself of family',
      ),
    ]);
    expect(bad({})).toEqual([]);
  });
});

describe('reading data/indicators.csv', () => {
  it('reads an empty value as missing, never 0', () => {
    const { rows, problems } = parseIndicatorsCsv(goodCsv);
    expect(problems).toEqual([]);
    expect(rows[7]?.value).toBeNull();
    expect(rows[5]?.value).toBe(1234);
  });

  it('reports physical line numbers across quoted newlines, blank lines and a BOM', () => {
    const text =
      '\uFEFF' +
      goodCsv.split('\n')[0] +
      '\n' +
      'demo,rd_intensity,2023,,,3.76,%,=,actual,reported,summary,全社会研发经费投入占GDP比重达3.76%,"two\nlines",两行\n' +
      '\n' +
      'demo,rd_intensity,2023,,,3.76,%,=,guess,reported,summary,q,,\n';
    const { rows, problems } = parseIndicatorsCsv(text);
    expect(rows[0]?.note).toBe('two\nlines');
    expect(problems.map((p) => [p.line, p.rule])).toEqual([[5, 'bad-enum']]);
  });
});

describe('reading data/indicators.csv saved with Windows line ends', () => {
  it('reads the same rows and lines, with no stray carriage return in the last column', () => {
    const crlf = goodCsv.replace(/\r?\n/g, '\r\n');
    const lf = readIndicatorsCsv(goodCsv);
    const read = readIndicatorsCsv(crlf);
    expect(read.problems).toEqual(lf.problems);
    expect(read.entries).toEqual(lf.entries);
    expect(read.entries.some((e) => /\r/.test(Object.values(e.row).join('')))).toBe(false);
  });
});

// ---- the real dataset ----
const dataDir = new URL('../../data/', import.meta.url);
const data = (name: string) => readFileSync(new URL(name, dataDir), 'utf8');
const reports = Object.fromEntries(
  readdirSync(new URL('reports/', dataDir))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f.slice(0, -4), data(`reports/${f}`)]),
);
const real: DatasetInput = {
  csvText: data('indicators.csv'),
  indicators: JSON.parse(data('indicators.json')) as IndicatorDef[],
  places: JSON.parse(data('cities.json')) as Place[],
  units: JSON.parse(data('units.json')) as UnitDef[],
  sources: JSON.parse(data('sources.json')) as SourceDef[],
  reports,
  chartDraws: Object.fromEntries(CHART_IDS.map((id) => [id, HEADLINE_CHARTS[id].draws])),
};
const rows = parseIndicatorsCsv(real.csvText).rows;
const find = (q: Partial<Observation>) =>
  rows.filter((r) => Object.entries(q).every(([k, v]) => r[k as keyof Observation] === v));
const WUHU_2020H1 = '000_af02aa0effd2c52e';
const HAIMEN_PLAN = '002_56dc8c00c35f0214';
const ANONYMISED = '004_1546186363c61f01';

describe('the curated data/', () => {
  it('passes every rule of the dataset check', () => {
    expect(checkDataset(real)).toEqual([]);
    expect(rows.length).toBeGreaterThan(300);
  });

  it('places Wuhu’s 3.76 % in 2022, the year it measures, and keeps the 2023 summary’s attribution', () => {
    const [r, ...more] = find({ city: 'wuhu', indicator: 'rd_intensity', kind: 'actual' });
    expect(more).toEqual([]);
    expect(r).toMatchObject({
      value: 3.76,
      period: '2022',
      reported_period: '2023',
      period_basis: 'release-lag',
      comparator: '=',
      quote: '全社会研发经费投入占GDP比重达3.76%',
    });
    expect(r?.note_zh).toContain('2022');
  });

  it('derives the year before (2021) from the stated 0.28-point rise, following the 3.76 %', () => {
    const [r] = find({ city: 'wuhu', indicator: 'rd_intensity', kind: 'derived' });
    expect(r).toMatchObject({ value: 3.48, period: '2021', reported_period: '2022' });
    expect(r?.note).toContain('3.76 − 0.28');
  });

  it('places every R&D intensity and expenditure actual in a year no later than its report’s, with evidence', () => {
    const rd = rows.filter((r) => /^rd_(intensity|expenditure)/.test(r.indicator) && r.kind !== 'target');
    expect(rd.length).toBeGreaterThan(15);
    for (const r of rd) {
      expect(r.reported_period, `${r.city} ${r.indicator}`).not.toBe('');
      expect(r.period_basis, `${r.city} ${r.indicator}`).not.toBe('');
    }
  });

  it('says how Fuzhou’s derived previous-year high-tech count was computed', () => {
    const [r] = find({ city: 'fuzhou', indicator: 'high_tech_enterprises', period: '2018' });
    expect(r).toMatchObject({ value: 1027, kind: 'derived' });
    expect(r?.note).toContain('1407 − 380');
  });

  it('keeps national and provincial-level high-tech counts apart for Fuzhou', () => {
    expect(find({ city: 'fuzhou', indicator: 'high_tech_enterprises', period: '2019' })[0]?.value).toBe(1407);
    expect(
      find({ city: 'fuzhou', indicator: 'high_tech_enterprises_provincial', period: '2019' })[0]?.value,
    ).toBe(1612);
  });

  it('places the national 2.18 % in 2018, the year it measures, stated in the 2019 summary', () => {
    const [r] = find({ city: 'china', indicator: 'rd_intensity' });
    expect(r).toMatchObject({
      value: 2.18,
      kind: 'reference',
      period: '2018',
      reported_period: '2019',
      period_basis: 'cited-year',
    });
  });

  it('gives every note in Chinese too', () => {
    for (const r of rows.filter((r) => r.note)) expect(r.note_zh, r.note).toMatch(/\p{Script=Han}/u);
  });

  it('keeps every row of the anonymised report redacted, its masked years relative to the report’s', () => {
    const masked = find({ source: ANONYMISED });
    expect(masked.length).toBeGreaterThan(50);
    for (const r of masked) expect(r).toMatchObject({ status: 'redacted', value: null });
    for (const r of masked) expect(r.period).toMatch(/^Y([+-]1)?$/);
    expect(new Set(masked.map((r) => r.period))).toEqual(new Set(['Y-1', 'Y', 'Y+1']));
    expect(rows.filter((r) => r.status === 'redacted').every((r) => r.source === ANONYMISED)).toBe(true);
  });

  it('yields target rows only from the Haimen plan', () => {
    const plan = find({ source: HAIMEN_PLAN });
    expect(plan.length).toBeGreaterThan(15);
    expect(new Set(plan.map((r) => r.kind))).toEqual(new Set(['target']));
    expect(real.sources.find((s) => s.id === HAIMEN_PLAN)?.plan_only).toBe(true);
  });

  it('keeps 突破 / 首破 / 不少于 figures as lower bounds', () => {
    const bounded = rows.filter((r) => /突破|首破|不少于/.test(r.quote));
    expect(bounded.length).toBeGreaterThan(10);
    for (const r of bounded) expect(r.comparator, `${r.indicator} ${r.quote}`).toBe('>=');
    expect(
      find({ city: 'wuhu', indicator: 'tech_contract_value_unspecified', period: '2023' })[0],
    ).toMatchObject({
      value: 1000,
      comparator: '>=',
    });
  });

  it('never plots the half-year report as a full year', () => {
    const own = find({ source: WUHU_2020H1, city: 'wuhu' });
    for (const r of own) expect(r.period).toMatch(/^\d{4}-H1$/);
    expect(
      find({ city: 'wuhu', indicator: 'tech_contract_value_absorbed', period: '2020-H1' })[0]?.value,
    ).toBe(31.12);
  });

  it('gives each indicator id one scope: absorbed, registered and unstated turnover apart; net apart from 新增', () => {
    expect(find({ indicator: 'tech_contract_value' }).map((r) => r.city)).toEqual(['fuzhou', 'fuzhou']);
    expect(find({ indicator: 'tech_contract_value_absorbed' }).every((r) => r.quote.includes('吸纳'))).toBe(
      true,
    );
    expect(find({ indicator: 'high_tech_enterprises_new' }).some((r) => r.quote.includes('净增'))).toBe(
      false,
    );
    expect(find({ indicator: 'high_tech_enterprises_net_new' })[0]).toMatchObject({
      city: 'fuzhou',
      value: 380,
    });
    expect(find({ indicator: 'st_commissioners_provincial' }).every((r) => r.quote.includes('选派'))).toBe(
      true,
    );
    // Wuhu's 2023 揭榜挂帅 projects and the 2024 plan's wider ceiling (揭榜挂帅 "and other" modes) are two ids.
    expect(find({ indicator: 'challenge_projects' }).map((r) => [r.period, r.kind])).toEqual([
      ['2023', 'actual'],
    ]);
    expect(find({ indicator: 'challenge_projects_major_engineering' })).toMatchObject([
      { city: 'wuhu', period: '2024', kind: 'target', comparator: '<=', value: 20 },
    ]);
    const family = new Map(real.indicators.map((d) => [d.id, d.family]));
    expect(family.get('challenge_projects_major_engineering')).toBe('challenge_projects');
    expect(family.get('tech_contract_value_absorbed')).toBe('tech_contract_value');
    expect(family.get('high_tech_enterprises_net_new')).toBe('high_tech_enterprises_new');
    expect(find({ city: 'x_city', indicator: 'fiscal_rd_investment_growth' })).toEqual([]);
    expect(find({ city: 'x_region', indicator: 'fiscal_rd_investment_growth' })[0]?.kind).toBe('target');
  });

  it('keeps planned money and planned areas as targets', () => {
    expect(find({ indicator: 'platform_performance_awards' })[0]?.kind).toBe('target');
    expect(find({ indicator: 'innovation_park_planned_area' })[0]?.kind).toBe('target');
  });

  it('defines the headline indicators with their canonical units and the charts that draw them', () => {
    const byId = new Map(real.indicators.map((d) => [d.id, d]));
    // `charts` names the charts that draw the indicator: R&D expenditure and the contract count have none.
    const headline: [string, string, string[]][] = [
      ['rd_intensity', '%', ['rd-intensity']],
      ['rd_expenditure', '100m CNY', []],
      ['high_tech_enterprises', 'count', ['high-tech']],
      ['high_tech_enterprises_new', 'count', ['high-tech']],
      ['tech_smes', 'count', []],
      ['tech_contract_value', '100m CNY', ['tech-contracts']],
      ['tech_contract_count', 'count', []],
      ['tech_contract_value_yoy', '%', ['tech-contracts']],
    ];
    for (const [id, unit, charts] of headline) expect(byId.get(id)).toMatchObject({ unit, charts });
    expect(byId.get('rd_intensity')?.measure).toBe('ratio');
    expect(byId.get('high_tech_enterprises')?.measure).toBe('stock');
    expect(byId.get('high_tech_enterprises_new')?.measure).toBe('flow');
    expect(byId.get('tech_contract_value_yoy')?.measure).toBe('change');
    expect(byId.get('innovation_capability_rank_national')?.measure).toBe('rank');
    expect(byId.get('rd_intensity')?.aliases).toEqual(
      expect.arrayContaining(['研发投入占GDP比重', 'R&D强度']),
    );
  });

  it('keeps each report byte-for-byte under data/reports, one per source', () => {
    expect(Object.keys(reports).sort()).toEqual(real.sources.map((s) => s.id).sort());
    expect(reports[WUHU_2020H1]).toContain('发布日期:2020-08-10');
  });

  it('documents the figures it did not take', () => {
    expect(data('README.md')).toContain('## Not taken, and why');
  });
});
