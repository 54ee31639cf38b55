// The review of a work report's figures (lib/report): what each row still needs, the order the table shows,
// and what confirming adds — only kept, complete rows, each quoting its sentence, on the city the user named.
import { describe, expect, it } from 'vitest';
import { PROVINCE_OF_CITY, type Candidate, type Extraction } from '../../src/lib/extract/types';
import { reviewGroups, reviewRows, rowProblems, withKind } from '../../src/lib/report/review';
import { reportDataset } from '../../src/lib/report/rows';
import { tableRows } from '../../src/lib/table/table';
import { buildDataset } from '../../src/lib/data/dataset';
import { sourceFootnote } from '../../src/lib/charts/common';
import { sourceName } from '../../src/lib/export/dataTable';
import { curated as loadCurated } from './helpers';

const TEXT =
  '青山市科技局2024年工作总结\n一、主要成效\n全市研发投入强度达2.5%。高新技术企业突破500家，比上年净增60家。\n二、2025年工作打算\n力争新增科技型中小企业100家以上。全国平均为2.6%。\n';

function candidate(c: Partial<Candidate> & Pick<Candidate, 'id' | 'stated'>): Candidate {
  const quote = c.quotes?.[0] ?? c.stated;
  const start = TEXT.indexOf(quote);
  return {
    quotes: [quote],
    spans: [{ start, end: start + quote.length }],
    figure: { start, end: start + quote.length },
    value: 1,
    status: 'reported',
    unit: 'count',
    comparator: '=',
    kind: 'actual',
    place: 'self',
    indicator: null,
    period: '2024',
    section: '一、主要成效',
    sectionIndex: 0,
    headline: false,
    undecided: [],
    ...c,
  };
}

const extraction: Extraction = {
  title: '青山市科技局2024年工作总结',
  cityName: '青山市',
  cityId: null,
  period: '2024',
  looksLikeReport: true,
  sections: [
    { title: '一、主要成效', span: { start: 16, end: 60 }, plan: false, period: '2024' },
    { title: '二、2025年工作打算', span: { start: 60, end: TEXT.length }, plan: true, period: '2025' },
  ],
  candidates: [
    candidate({
      id: 'c1',
      stated: '2.5%',
      quotes: ['全市研发投入强度达2.5%'],
      value: 2.5,
      unit: '%',
      indicator: 'rd_intensity',
      period: '2023',
      reportedPeriod: '2024',
      periodBasis: 'release-lag',
      headline: true,
    }),
    candidate({
      id: 'c2',
      stated: '突破500家',
      quotes: ['高新技术企业突破500家'],
      value: 500,
      comparator: '>=',
      indicator: 'high_tech_enterprises',
      headline: true,
    }),
    candidate({
      id: 'c3',
      stated: '100家以上',
      quotes: ['力争新增科技型中小企业100家以上'],
      value: 100,
      comparator: '>=',
      kind: 'target',
      newIndicator: { zh: '新增科技型中小企业', unit: 'count' },
      period: '2025',
      section: '二、2025年工作打算',
      sectionIndex: 1,
    }),
    candidate({
      id: 'c4',
      stated: '2.6%',
      quotes: ['全国平均为2.6%'],
      value: 2.6,
      unit: '%',
      indicator: 'rd_intensity',
      kind: 'reference',
      place: 'china',
      period: null,
      undecided: ['period'],
      section: '二、2025年工作打算',
      sectionIndex: 1,
    }),
  ],
};

const curated = await loadCurated();
const indicators = new Map(curated.indicators.map((d) => [d.id, d]));

function confirm(rows = reviewRows(extraction), name = '青山市') {
  return reportDataset({
    extraction,
    rows,
    city: { name, province: 'anhui', level: 'prefecture' },
    indicators,
    places: curated.places,
    id: 'k1',
    fileName: 'qingshan.docx',
    report: { title: extraction.title, text: TEXT, format: 'docx' },
    encoding: 'docx',
  });
}

describe('reviewing a report', () => {
  it('keeps what the rules placed and leaves a figure with an open question unticked, saying what is open', () => {
    const rows = reviewRows(extraction);
    expect(rows.map((r) => [r.id, r.keep])).toEqual([
      ['c1', true],
      ['c2', true],
      ['c3', true],
      ['c4', false],
    ]);
    const byId = new Map(extraction.candidates.map((c) => [c.id, c]));
    expect(rowProblems(rows[3]!, byId.get('c4')!, indicators)).toEqual(['period']);
    // A count cannot become an intensity; a new indicator needs a name; a period must be one the charts read.
    expect(rowProblems({ ...rows[1]!, indicator: 'rd_intensity' }, byId.get('c2')!, indicators)).toEqual([
      'unit',
    ]);
    expect(rowProblems({ ...rows[2]!, newName: ' ' }, byId.get('c3')!, indicators)).toEqual(['indicator']);
    expect(rowProblems({ ...rows[0]!, period: '去年' }, byId.get('c1')!, indicators)).toEqual(['period']);
    expect(rowProblems({ ...rows[0]!, period: '2023-H1' }, byId.get('c1')!, indicators)).toEqual([]);
  });

  it('a figure made a target goes back to the year the report files it under, and forward again when taken back', () => {
    const c = extraction.candidates[0]!; // 2.5 %, placed in 2023 by the statistical-year rule, filed under 2024
    const row = reviewRows(extraction)[0]!;
    const target = withKind(row, c, 'target');
    expect(target).toMatchObject({ kind: 'target', period: '2024' });
    expect(withKind(target, c, 'actual')).toMatchObject({ kind: 'actual', period: '2023' });
    // A year the user typed is theirs.
    expect(withKind({ ...row, period: '2022' }, c, 'target').period).toBe('2022');
    const added = tableRows(confirm([target, ...reviewRows(extraction).slice(1)]).table)[0]!;
    expect(added).toMatchObject({ kind: 'target', period: '2024' });
    expect(added.note).not.toContain('报告归于');
  });

  it('lists the headline indicators first, then the rest section by section', () => {
    expect(reviewGroups(extraction).map((g) => [g.key, g.candidates.map((c) => c.id)])).toEqual([
      ['headline', ['c1', 'c2']],
      ['s1', ['c3', 'c4']],
    ]);
  });
});

describe('confirming a report', () => {
  it('adds the kept, complete rows on a new city, each quoting its sentence, with the report kept beside them', () => {
    const ds = confirm();
    expect(ds.id).toBe('report-k1');
    expect(ds.places).toEqual([
      expect.objectContaining({ zh: '青山市', province: 'anhui', level: 'prefecture' }),
    ]);
    const city = ds.places[0]!.id;
    const rows = tableRows(ds.table);
    expect(rows.map((r) => [r.city, r.indicator, r.period, r.value, r.comparator, r.kind, r.quote])).toEqual([
      [city, 'rd_intensity', '2023', 2.5, '=', 'actual', '全市研发投入强度达2.5%'],
      [city, 'high_tech_enterprises', '2024', 500, '>=', 'actual', '高新技术企业突破500家'],
      [city, ds.indicators[0]!.id, '2025', 100, '>=', 'target', '力争新增科技型中小企业100家以上'],
    ]);
    expect(rows.every((r) => r.source === 'upload:report-k1')).toBe(true);
    expect(rows[0]!.note).toContain('报告归于2024年');
    expect(ds.indicators).toEqual([expect.objectContaining({ zh: '新增科技型中小企业', unit: 'count' })]);
    expect(ds.report).toEqual({ title: extraction.title, text: TEXT, format: 'docx' });
    for (const r of rows) expect(TEXT.replace(/\s/g, '')).toContain(r.quote.replace(/\s/g, ''));
  });

  it('a row completed by the user is added as they decided; a cited figure stays on the cited place', () => {
    const rows = reviewRows(extraction).map((r) =>
      r.id === 'c4' ? { ...r, keep: true, period: '2024' } : r,
    );
    const added = tableRows(confirm(rows).table).find((r) => r.kind === 'reference');
    expect(added).toMatchObject({ city: 'china', indicator: 'rd_intensity', period: '2024', value: 2.6 });
  });

  it("a figure cited for the city's province waits for the province the user names, then sits on it", () => {
    const cited = candidate({
      id: 'p',
      stated: '2.3%',
      quotes: ['全市研发投入强度达2.5%'],
      value: 2.3,
      unit: '%',
      indicator: 'rd_intensity',
      kind: 'reference',
      place: PROVINCE_OF_CITY,
    });
    const x = { ...extraction, candidates: [cited] };
    const [row] = reviewRows(x);
    expect(rowProblems(row!, cited, indicators)).toEqual(['province']);
    expect(rowProblems(row!, cited, indicators, 'anhui')).toEqual([]);
    const make = (province: string) =>
      tableRows(
        reportDataset({
          extraction: x,
          rows: [row!],
          city: { name: '青山市', province, level: 'prefecture' },
          indicators,
          places: curated.places,
          id: 'p',
          fileName: 'p.txt',
          report: { title: '', text: TEXT, format: 'txt' },
          encoding: 'UTF-8',
        }).table,
      );
    expect(make('')).toEqual([]);
    expect(make('anhui')).toEqual([
      expect.objectContaining({ city: 'anhui', kind: 'reference', value: 2.3 }),
    ]);
  });

  it('dropped rows, and kept rows still open, are never added', () => {
    const rows = reviewRows(extraction).map((r) =>
      r.id === 'c2' ? { ...r, keep: false } : r.id === 'c4' ? { ...r, keep: true } : r,
    );
    expect(tableRows(confirm(rows).table).map((r) => r.quote)).toEqual([
      '全市研发投入强度达2.5%',
      '力争新增科技型中小企业100家以上',
    ]);
  });

  it('a report of a city the dashboard knows goes on that city, with no new place', () => {
    const ds = confirm(reviewRows(extraction), '芜湖');
    expect(ds.places).toEqual([]);
    expect(tableRows(ds.table)[0]!.city).toBe('wuhu');
  });

  it('a masked figure stays masked: no value, never 0', () => {
    const masked = {
      ...extraction,
      candidates: [
        candidate({
          id: 'm',
          stated: 'xx家',
          value: null,
          status: 'redacted',
          indicator: 'high_tech_enterprises',
        }),
      ],
    };
    const ds = reportDataset({
      ...{ extraction: masked, rows: reviewRows(masked) },
      city: { name: '青山市', province: '', level: 'prefecture' },
      indicators,
      places: curated.places,
      id: 'm',
      fileName: 'm.txt',
      report: { title: '', text: TEXT, format: 'txt' },
      encoding: 'UTF-8',
    });
    expect(tableRows(ds.table)[0]).toMatchObject({ value: null, status: 'redacted' });
    expect(ds.name).toBe('m.txt');
  });
});

describe('a confirmed report as a source', () => {
  it('is named by its title wherever sources are named: footnotes, exports, slide notes', () => {
    const ds = confirm();
    const data = buildDataset(curated, [
      {
        meta: { id: ds.id, name: ds.name, fileName: ds.fileName, report: { title: ds.report!.title } },
        table: ds.table,
        indicators: ds.indicators,
        places: ds.places,
      },
    ]);
    const rows = tableRows(ds.table);
    expect(sourceFootnote(data, rows, 'zh').footnote).toContain('上传的报告: 《青山市科技局2024年工作总结》');
    expect(sourceName(data, 'upload:report-k1', 'en')).toBe('uploaded report: 青山市科技局2024年工作总结');
  });
});
