// An upload that disagrees with the reports or an earlier upload: listed with both values and sources, and the
// charts draw the one the user chose (theirs by default), never the other silently.
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/lib/import/index';
import { buildDataset, rowsOf, targetsOf, type CuratedParts } from '../../src/lib/data/dataset';
import {
  choose,
  findConflicts,
  resolveUploads,
  uploadDrawn,
  type ChoosingUpload,
  type ConflictChoice,
} from '../../src/lib/data/conflicts';
import { HEADLINE_CHARTS } from '../../src/lib/charts/registry';
import type { ChartModel } from '../../src/lib/charts/common';
import { curated } from './helpers';
import { observation, uploadPart } from './factory';
import { tableFromRows } from '../../src/lib/table/table';

const WUHU_REPORT = '001_bf8fc6d553621b5e';
const HEADER = '城市,指标,年份,数值,单位,比较,类型';

async function upload(id: string, lines: string[], choice?: ConflictChoice): Promise<ChoosingUpload> {
  const parts = await curated();
  const r = importText([HEADER, ...lines].join('\n'), {
    datasetId: id,
    fileName: `${id}.csv`,
    indicators: parts.indicators,
    places: parts.places,
  });
  if (!r.ok) throw new Error(r.message.en);
  return {
    meta: { id, name: `${id}.csv`, fileName: `${id}.csv` },
    table: r.table,
    indicators: r.indicators,
    places: r.places,
    choice,
  };
}

async function resolved(uploads: ChoosingUpload[]) {
  const parts = await curated();
  const r = resolveUploads(parts, uploads);
  return { ...r, ds: buildDataset(parts, r.parts) };
}

const wuhu2022 = (ds: ReturnType<typeof buildDataset>) =>
  rowsOf(ds, 'rd_intensity', ['wuhu']).filter((r) => r.period === '2022' && r.kind === 'actual');

function tooltip(m: ChartModel, ref: string): string {
  const fmt = (m.option as { tooltip: { formatter: (p: unknown) => string } }).tooltip.formatter;
  // As the reader sees it: the tags and entities of the HTML read.
  return fmt({ data: { ref } })
    .replace(/<[^>]+>/g, '')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

describe('conflicts with the reports', () => {
  it("lists Wuhu's uploaded 3.80 against the report's 3.76 with both values and sources", async () => {
    const { conflicts } = await resolved([await upload('w', ['芜湖,研发经费投入强度,2022,3.80,%,,实际'])]);
    const [c, ...rest] = conflicts.get('w')!;
    expect(rest).toEqual([]);
    expect(c).toMatchObject({
      row: 0,
      city: 'wuhu',
      indicator: 'rd_intensity',
      period: '2022',
      kind: 'actual',
      upload: { value: 3.8, unit: '%', source: 'upload:w' },
      existing: { value: 3.76, unit: '%', source: WUHU_REPORT },
    });
    expect(c!.hides).toHaveLength(1);
    expect(c!.hides[0]!.part).toBe('curated');
  });

  it('the same figure written with fewer decimals, or as it stands, is no conflict', async () => {
    const { conflicts, ds } = await resolved([
      await upload('w', [
        '芜湖,研发经费投入强度,2022,3.8,%,,实际',
        '芜湖,研发经费投入强度,2022,3.76,%,,实际',
      ]),
    ]);
    expect(conflicts.get('w')).toEqual([]);
    // Both rows stay; the chart draws the report's, first.
    expect(wuhu2022(ds)[0]?.source).toBe(WUHU_REPORT);
  });

  it('a masked figure against a stated one, and a bound against an exact figure, are conflicts; two masks are not', async () => {
    const parts = await curated();
    const masked = observation({ city: 'wuhu', indicator: 'rd_intensity', period: '2022', value: null });
    const bound = observation({
      city: 'wuhu',
      indicator: 'rd_intensity',
      period: '2022',
      value: 3.76,
      comparator: '>=',
      quote: '超过3.76%',
    });
    const about = observation({
      city: 'wuhu',
      indicator: 'rd_intensity',
      period: '2022',
      value: 3.76,
      comparator: '~',
    });
    const table = tableFromRows([masked, bound, about]);
    const found = findConflicts(table, buildDataset(parts));
    expect(found.map((c) => c.row)).toEqual([0, 1]);
    expect(found[0]!.upload.value).toBeNull();

    // The report masks a figure (x.xx); an upload that masks it too says the same.
    const maskedInReport = parts.rows.find((r) => r.status === 'redacted')!;
    const again = tableFromRows([{ ...maskedInReport, source: 'upload:m', quote: 'x.xx' }]);
    expect(findConflicts(again, buildDataset(parts))).toEqual([]);
  });

  it("an actual of a year the report derives (Wuhu 2021's 3.48) is the same figure", async () => {
    const { conflicts } = await resolved([await upload('w', ['芜湖,研发经费投入强度,2021,3.50,%,,实际'])]);
    expect(conflicts.get('w')?.[0]?.existing).toMatchObject({ value: 3.48, source: WUHU_REPORT });
  });

  it('a figure converted to the canonical unit is compared at the decimals the file wrote', async () => {
    const parts = await curated();
    const existing = buildDataset(parts, [
      uploadPart('a', [
        observation({
          city: 'u-x',
          indicator: 'tech_contract_value',
          unit: '100m CNY',
          value: 38.2,
          source: 'upload:a',
        }),
      ]),
    ]);
    const row = (value: number, quote: string) =>
      observation({ city: 'u-x', indicator: 'tech_contract_value', unit: '100m CNY', value, quote });
    // 382000 万元 is 38.2 亿元 exactly; '38亿' states no decimals, so 38.2 rounds to it; 383000 万元 is 38.3.
    const found = findConflicts(
      tableFromRows([row(38.2, '382000'), row(38, '38亿'), row(38.3, '383000')]),
      existing,
    );
    expect(found.map((c) => c.row)).toEqual([2]);
  });
});

describe('what the charts draw', () => {
  it("by default the upload's 3.80, marked as uploaded, the report's 3.76 still in the tooltip", async () => {
    const { ds } = await resolved([await upload('w', ['芜湖,研发经费投入强度,2022,3.80,%,,实际'])]);
    expect(wuhu2022(ds).map((r) => r.value)).toEqual([3.8]);
    const m = HEADLINE_CHARTS['rd-intensity'].build({ data: ds, cities: ['wuhu'], lang: 'zh', dark: false });
    const row = m.table.rows.find((r) => r.key === 'wuhu-rd_intensity-2022-actual');
    expect(row?.cells).toContain('3.8%');
    expect(row?.cells).toContain('已报告（上传）');
    const html = tooltip(m, 'wuhu-rd_intensity-2022-actual');
    expect(html).toContain('3.8%（上传）');
    expect(html).toContain('报告值: 3.76%（来源: 芜湖市科技局2023年工作总结和下一步工作计划）');
    const en = HEADLINE_CHARTS['rd-intensity'].build({ data: ds, cities: ['wuhu'], lang: 'en', dark: false });
    expect(tooltip(en, 'wuhu-rd_intensity-2022-actual')).toContain("Report's value: 3.76%");
  });

  it("chosen, the report's 3.76 is drawn and the upload's row is not, yet still listed", async () => {
    const choice = choose(undefined, 0, 'existing');
    const { ds, conflicts } = await resolved([
      await upload('w', ['芜湖,研发经费投入强度,2022,3.80,%,,实际'], choice),
    ]);
    expect(wuhu2022(ds).map((r) => [r.value, r.source])).toEqual([[3.76, WUHU_REPORT]]);
    expect(conflicts.get('w')).toHaveLength(1);
    const m = HEADLINE_CHARTS['rd-intensity'].build({ data: ds, cities: ['wuhu'], lang: 'zh', dark: false });
    expect(m.table.rows.find((r) => r.key === 'wuhu-rd_intensity-2022-actual')?.cells).toContain('3.76%');
    expect(tooltip(m, 'wuhu-rd_intensity-2022-actual')).not.toContain('报告值');
  });

  it('a plan target the upload restates otherwise leaves the plan chart, and comes back when chosen', async () => {
    const parts = await curated();
    const target = parts.rows.find((r) => r.kind === 'target' && r.city === 'haimen' && r.value !== null)!;
    const mine = tableFromRows([{ ...target, value: target.value! + 1, source: 'upload:t', quote: '' }]);
    const part = { ...uploadPart('t', []), table: mine };
    const yours = resolveUploads(parts, [part]);
    const drawn = targetsOf(buildDataset(parts, yours.parts), ['haimen']).filter(
      (r) => r.indicator === target.indicator && r.period === target.period,
    );
    expect(drawn.map((r) => r.source)).toEqual(['upload:t']);
    const theirs = resolveUploads(parts, [{ ...part, choice: choose(undefined, 'all', 'existing') }]);
    const back = targetsOf(buildDataset(parts, theirs.parts), ['haimen']).filter(
      (r) => r.indicator === target.indicator && r.period === target.period,
    );
    expect(back.map((r) => r.source)).toEqual([target.source]);
  });
});

describe('conflicts with an earlier upload', () => {
  it('name the earlier upload; drawing the new value hides the earlier one until the new upload goes', async () => {
    const first = await upload('a', ['芜湖,研发经费投入强度,2022,3.80,%,,实际']);
    const second = await upload('b', ['芜湖,研发经费投入强度,2022,3.90,%,,实际']);
    const both = await resolved([first, second]);
    // The first upload's conflict is with the report; the second's with the first upload, as it is drawn.
    expect(both.conflicts.get('a')?.[0]?.existing.source).toBe(WUHU_REPORT);
    expect(both.conflicts.get('b')?.[0]?.existing).toMatchObject({ value: 3.8, source: 'upload:a' });
    expect(wuhu2022(both.ds).map((r) => r.value)).toEqual([3.9]);
    const html = tooltip(
      HEADLINE_CHARTS['rd-intensity'].build({ data: both.ds, cities: ['wuhu'], lang: 'zh', dark: false }),
      'wuhu-rd_intensity-2022-actual',
    );
    expect(html).toContain('另一上传的值: 3.8%（来源: 上传: a.csv）');
    expect(html).toContain('报告值: 3.76%');
    const firstOnly = await resolved([first]);
    expect(wuhu2022(firstOnly.ds).map((r) => r.value)).toEqual([3.8]);
  });

  it('an earlier upload drawn by choice keeps its value when the later one defers to it', async () => {
    const first = await upload('a', ['芜湖,研发经费投入强度,2022,3.80,%,,实际']);
    const second = await upload(
      'b',
      ['芜湖,研发经费投入强度,2022,3.90,%,,实际'],
      choose(undefined, 'all', 'existing'),
    );
    const { ds } = await resolved([first, second]);
    expect(wuhu2022(ds).map((r) => r.value)).toEqual([3.8]);
  });
});

describe('choices', () => {
  it('one row, then all, then one back', () => {
    const one = choose(undefined, 4, 'existing');
    expect(one).toEqual({ prefer: 'upload', except: [4] });
    expect([4, 5].map(uploadDrawn(one))).toEqual([false, true]);
    const all = choose(one, 'all', 'existing');
    expect([4, 5].map(uploadDrawn(all))).toEqual([false, false]);
    const back = choose(all, 5, 'upload');
    expect([4, 5].map(uploadDrawn(back))).toEqual([false, true]);
    expect(choose(back, 5, 'existing')).toEqual({ prefer: 'existing', except: [] });
    expect(uploadDrawn(undefined)(0)).toBe(true);
  });

  it('a million uploaded rows of new cities and a few of known ones: only those few are read', async () => {
    const parts: CuratedParts = await curated();
    const n = 1_000_000;
    const rows = [
      observation({ city: 'wuhu', period: '2022', value: 3.8, quote: '3.80', source: 'upload:big' }),
      observation({ city: 'u-new', period: '2022', value: 1, source: 'upload:big' }),
    ];
    const small = tableFromRows(rows);
    // The same two rows' dictionary, with a million rows of the new city: typed arrays, no objects.
    const city = new Uint32Array(n).fill(small.city[1]!);
    city[n - 1] = small.city[0]!;
    const col = (c: Uint32Array) => new Uint32Array(n).fill(c[1]!);
    const big = {
      ...small,
      n,
      city,
      indicator: col(small.indicator),
      period: col(small.period),
      unit: col(small.unit),
      source: col(small.source),
      note: col(small.note),
      value: new Float64Array(n).fill(1),
      flags: new Uint8Array(n).fill(small.flags[0]!),
      quotes: { text: '3.80', ends: new Uint32Array(n) },
    };
    big.value[n - 1] = 3.8;
    big.quotes.ends[n - 1] = 4; // the last row's cell: '3.80'
    const found = findConflicts(big, buildDataset(parts));
    expect(found.map((c) => [c.row, c.existing.value])).toEqual([[n - 1, 3.76]]);
  });
});
