// Chart specs on the real curated dataset: the encodings that keep its numbers honest. One small scenario per
// encoding, with its picture in zh and en, is in charts/ (made-up rows from factory.ts).
import { describe, expect, it } from 'vitest';
import { HEADLINE_CHARTS, HEADLINE_INDICATORS, explorable, explorer } from '../../src/lib/charts/registry';
import type { ChartModel } from '../../src/lib/charts/common';
import { itemsOf as items, seriesOf as series } from './charts/picture';
import { input } from './helpers';
import { observation, place, uploadPart } from './factory';
import { CHART_IDS } from '../../src/lib/data/types';

const itemFor = (m: ChartModel, refPart: string) => items(m).find((i) => i.ref?.includes(refPart));

describe('honest encodings on the curated dataset', () => {
  it('the explorer offers what no headline chart draws: R&D expenditure yes, absorbed contract value no', async () => {
    const offered = explorable((await input()).data).map((d) => d.id);
    expect(offered).toEqual(expect.arrayContaining(['rd_expenditure', 'tech_contract_count', 'tech_smes']));
    for (const id of HEADLINE_INDICATORS) expect(offered).not.toContain(id);
    expect(HEADLINE_INDICATORS).toEqual(
      new Set([
        'rd_intensity',
        'high_tech_enterprises',
        'high_tech_enterprises_new',
        'high_tech_enterprises_net_new',
        'tech_contract_value',
        'tech_contract_value_yoy',
        'tech_contract_value_absorbed',
        'tech_contract_value_absorbed_yoy',
        'tech_contract_value_unspecified',
        'tech_contract_value_unspecified_yoy',
      ]),
    );
  });

  it("draws Wuhu's 3.76 % as an actual, filled dot in 2022, the year it measures", async () => {
    const m = HEADLINE_CHARTS['rd-intensity'].build(await input());
    const item = itemFor(m, 'wuhu-rd_intensity-2022-actual');
    expect(item?.value).toBe(3.76);
    expect(item?.symbol).toBe('circle');
    const row = m.table.rows.find((r) => r.key === 'wuhu-rd_intensity-2022-actual');
    expect(row?.cells).toEqual(expect.arrayContaining(['2022年', '2023年', '3.76%']));
  });

  it('names the report and the year that stated a moved figure, and why it sits in another', async () => {
    const fmt = async (lang: 'zh' | 'en') =>
      (
        HEADLINE_CHARTS['rd-intensity'].build(await input({ lang })).option as {
          tooltip: { formatter: (p: unknown) => string };
        }
      ).tooltip.formatter({ data: { ref: 'wuhu-rd_intensity-2022-actual' } });
    const zh = await fmt('zh');
    expect(zh).toContain('据《芜湖市科技局2023年工作总结和下一步工作计划》，报告归于2023年');
    expect(zh).toContain('研发统计数据约在次年发布');
    expect(zh).not.toMatch(/Stated in the 2023 summary/);
    const en = await fmt('en');
    expect(en).toContain('Stated in:');
    expect(en).toContain('2023 work summary and next-step work plan, filed under 2023');
  });

  it('never draws a masked figure, and says it is masked rather than zero', async () => {
    const inp = await input();
    for (const id of CHART_IDS) {
      const m = HEADLINE_CHARTS[id].build(inp);
      for (const it of items(m)) if (it.ref?.startsWith('x_city')) expect(it.value).not.toBe(0);
      expect(items(m).filter((i) => i.ref?.startsWith('x_city'))).toEqual([]);
    }
    const rd = HEADLINE_CHARTS['rd-intensity'].build(inp);
    const masked = rd.table.rows.filter((r) => r.key.startsWith('x_city'));
    expect(masked.length).toBeGreaterThan(0);
    for (const r of masked) expect(r.cells).toContain('原文已遮蔽');
    expect(rd.footnotes.join(' ')).toContain('不是 0');
  });

  it('draws a target as a hollow diamond with the word target, never as an actual dot', async () => {
    const m = HEADLINE_CHARTS['rd-intensity'].build(await input({ lang: 'en' }));
    const target = itemFor(m, 'haimen-rd_intensity-2020-target');
    expect(target?.value).toBe(2.71);
    expect(target?.symbol).toBe('diamond');
    expect(target?.itemStyle?.color).toBe('#ffffff');
    expect(target?.label?.formatter).toContain('Target');
  });

  it('draws a derived previous year as a hollow dot, with its arithmetic in the table', async () => {
    const m = HEADLINE_CHARTS['rd-intensity'].build(await input());
    const derived = itemFor(m, 'wuhu-rd_intensity-2021-derived');
    expect(derived?.value).toBeCloseTo(3.48, 6);
    expect(derived?.itemStyle?.color).toBe('#ffffff');
    const row = m.table.rows.find((r) => r.key === 'wuhu-rd_intensity-2021-derived');
    expect(row?.cells.join(' ')).toMatch(/0\.28/);
  });

  it('draws national and provincial references as dashed grey lines labelled with place and year, not as cities', async () => {
    const m = HEADLINE_CHARTS['rd-intensity'].build(await input());
    const refs = series(m).filter((s) => s.lineStyle?.type === 'dashed');
    const national = refs.find((s) => s.data.every((d) => d.value === 2.18));
    expect(national?.endLabel?.formatter).toBe('全国 2.18%（2018年）');
    expect(national?.symbol).toBe('none');
    expect(refs.find((s) => s.data.every((d) => d.value === 1.8))?.endLabel?.formatter).toContain('福建');
    // A reference is not a city: it has no city colour and is not in the city series.
    const cityNames = series(m)
      .filter((s) => s.lineStyle?.type !== 'dashed')
      .map((s) => s.name);
    expect(cityNames).toContain('芜湖市');
    expect(cityNames).not.toContain('全国');
  });

  it('keeps 突破2000家 a lower bound: an up-triangle labelled ≥', async () => {
    const m = HEADLINE_CHARTS['high-tech'].build(await input());
    const bound = items(m).find((i) => i.ref === 'wuhu-high_tech_enterprises-2023-actual');
    expect(bound?.value).toBe(2000);
    expect(bound?.symbol).toBe('triangle');
    expect(bound?.label?.formatter).toContain('≥');
  });

  it('labels a mid-year count H1 and keeps it off the full-year line', async () => {
    const m = HEADLINE_CHARTS['high-tech'].build(await input());
    const h1 = series(m).find(
      (s) =>
        String(s.id).startsWith('h1:') &&
        s.data.some((d) => d.ref === 'wuhu-high_tech_enterprises-2020-h1-actual'),
    );
    expect(h1).toBeDefined();
    const item = h1?.data.find((d) => d.ref === 'wuhu-high_tech_enterprises-2020-h1-actual');
    expect(item?.value).toBe(850);
    expect(item?.label?.formatter).toContain('H1');
    // No drawn line goes through it (the marks of its own series have no line: lineStyle opacity 0).
    const lines = series(m).filter((s) => String(s.id).startsWith('line:'));
    for (const l of lines) expect(l.data.some((d) => d.ref?.includes('2020-h1'))).toBe(false);
    expect(h1).toMatchObject({ lineStyle: { opacity: 0 } });
  });

  it('shows a half-year contract value as its own hatched H1 bar with the stated growth', async () => {
    const m = HEADLINE_CHARTS['tech-contracts'].build(await input());
    const h1 = itemFor(m, 'wuhu-tech_contract_value_absorbed-2020-h1');
    expect(h1?.value).toBe(31.12);
    expect(h1?.itemStyle?.decal).toBeTruthy();
    expect(h1?.label?.formatter).toMatch(/H1/);
    expect(h1?.label?.formatter).toMatch(/\+16%/);
    expect(series(m).every((s) => s.type === 'bar')).toBe(true);
  });

  it('draws turnover of different scopes as separate series named with their scope, and says so', async () => {
    const m = HEADLINE_CHARTS['tech-contracts'].build(await input());
    expect(series(m).map((s) => s.name)).toEqual([
      '芜湖市（吸纳）',
      '芜湖市（未说明口径）',
      '福州市（登记）',
    ]);
    expect(m.footnotes.join(' ')).toContain('口径不同的成交额分列');
    const ht = HEADLINE_CHARTS['high-tech'].build(await input({ lang: 'en' }));
    expect(
      series(ht)
        .filter((s) => s.type === 'bar')
        .map((s) => s.name),
    ).toEqual(['Wuhu (added)', 'Fuzhou (net)', 'Haimen (added)']);
  });

  it('shows notes in the reader’s language', async () => {
    const zh = HEADLINE_CHARTS['high-tech'].build(await input({ lang: 'zh' }));
    const notes = zh.table.rows.map((r) => r.cells.at(-1) ?? '').filter(Boolean);
    expect(notes.length).toBeGreaterThan(3);
    for (const n of notes) expect(n).toMatch(/\p{Script=Han}/u);
    expect(notes.join(' ')).not.toMatch(/\b(the|of|and)\b/);
  });

  it('leaves value labels off bars too narrow to hold them, and says so; a few bars keep theirs', async () => {
    // 14 uploaded cities × 37 years: 518 bars, about 1.5 px each.
    const cities = Array.from({ length: 14 }, (_, i) => `u-city${i}`);
    const rows = cities.flatMap((city) =>
      Array.from({ length: 37 }, (_, y) =>
        observation({
          city,
          indicator: 'tech_contract_value',
          period: String(1988 + y),
          value: 10 + y,
          unit: '100m CNY',
          source: 'upload:u',
        }),
      ),
    );
    const places = cities.map((id, i) => place({ id, zh: `样本${i}`, en: `Sample ${i}` }));
    const upload = uploadPart('u', rows, places);
    const many = HEADLINE_CHARTS['tech-contracts'].build(await input({ cities }, [upload]));
    expect(items(many).filter((i) => i.value !== null)).toHaveLength(518);
    expect(items(many).filter((i) => i.label)).toEqual([]);
    expect(many.footnotes.join(' ')).toContain('柱子太密，未标数值');
    expect(many.table.total).toBe(518);

    const few = HEADLINE_CHARTS['tech-contracts'].build(await input({}, [upload]));
    expect(itemFor(few, 'wuhu-tech_contract_value_absorbed-2020-h1')?.label?.formatter).toMatch(/H1/);
    expect(few.footnotes.join(' ')).not.toContain('柱子太密');
  });

  it('says "no actual yet" for a plan target without an actual, and folds it away instead of an empty row', async () => {
    const m = HEADLINE_CHARTS['plan-targets'].build(await input());
    const row = m.table.rows.find((r) => r.key === 'haimen-rd_intensity-2020-target');
    expect(row?.cells).toContain('○ 尚无实际值');
    expect(items(m).find((i) => i.ref === 'haimen-rd_intensity-2020-target')).toBeUndefined();
    expect(m.awaiting?.find((g) => g.title === '海门市 · 2020年目标')?.items).toContain(
      '○ 研发经费投入强度 · 目标 2.71%',
    );
  });

  it('on a phone the plan chart marks its percentage axis every 50 %, the 100 % target line darker', async () => {
    type Axis = { interval: number; splitLine: { lineStyle: { color: string[] } } };
    const axis = async (width?: number) =>
      (HEADLINE_CHARTS['plan-targets'].build(await input({ width })).option as { xAxis: Axis }).xAxis;
    const phone = await axis(340);
    expect(phone.interval).toBe(50);
    expect(phone.splitLine.lineStyle.color).toEqual(['#e4e4e4', '#e4e4e4', '#888', '#e4e4e4']);
    const laptop = await axis(599);
    expect(laptop.interval).toBe(25);
    expect(laptop.splitLine.lineStyle.color.indexOf('#888')).toBe(4);
  });

  it('closes the gap of a plan target as soon as an uploaded actual supplies one', async () => {
    const up = observation({
      city: 'haimen',
      indicator: 'rd_intensity',
      period: '2020',
      value: 2.8,
      source: 'upload:h',
    });
    const inp = await input({}, [uploadPart('h', [up])]);
    const m = HEADLINE_CHARTS['plan-targets'].build(inp);
    const row = m.table.rows.find((r) => r.key === 'haimen-rd_intensity-2020-target');
    expect(row?.cells.join(' ')).toContain('2.8%');
    expect(row?.cells.at(-1)).toBe('103.3%');
    const bar = items(m).find((i) => i.ref === 'haimen-rd_intensity-2020-target');
    expect(bar?.value).toBeCloseTo(103.32, 1);
  });

  it('shows hostile uploaded names literally, with rich-text markup neutralised and tooltips escaped', async () => {
    const places = [
      place({ id: 'u-evil', zh: '<img src=x onerror=alert(1)>', en: '<img src=x onerror=alert(1)>' }),
      place({ id: 'u-rich', zh: '深圳{a|x}', en: '深圳{a|x}' }),
    ];
    const rows = [
      observation({ city: 'u-evil', period: '2022', value: 2.5, source: 'upload:test' }),
      observation({ city: 'u-rich', period: '2022', value: 3.1, source: 'upload:test' }),
    ];
    const inp = await input({ cities: ['u-evil', 'u-rich'] }, [uploadPart('test', rows, places)]);
    const m = HEADLINE_CHARTS['rd-intensity'].build(inp);
    const names = series(m).map((s) => s.name);
    expect(names).toContain('<img src=x onerror=alert(1)>');
    expect(names).toContain('深圳{\u200ba|x}');
    expect(m.table.rows.map((r) => r.cells[0])).toContain('深圳{a|x}');
    const fmt = (m.option as { tooltip: { formatter: (p: unknown) => string } }).tooltip.formatter;
    const html = fmt({ data: { ref: 'u-evil-rd_intensity-2022-actual' } });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    // rd_intensity is a curated id: its measure is stated, not guessed, and not shown as a guess.
    expect(html).not.toContain('推测');
  });

  it('every mark tooltip carries the source sentence and a link to the source view', async () => {
    const m = HEADLINE_CHARTS['rd-intensity'].build(await input());
    const fmt = (m.option as { tooltip: { formatter: (p: unknown) => string } }).tooltip.formatter;
    const html = fmt({ data: { ref: 'wuhu-rd_intensity-2022-actual' } });
    expect(html).toContain('3.76%');
    expect(html).toContain('#/sources/001_bf8fc6d553621b5e?mark=wuhu-rd_intensity-2022-actual');
  });

  it('the explorer shows any other indicator across the cities that report it', async () => {
    const m = explorer.build(await input({ indicator: 'tech_smes', lang: 'en' }));
    expect(m.empty).toBe(false);
    expect(m.table.rows.length).toBeGreaterThan(0);
    expect(m.table.rows.every((r) => r.cells[1] === m.table.rows[0]?.cells[1])).toBe(true);
  });
});
