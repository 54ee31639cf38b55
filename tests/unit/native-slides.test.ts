// The briefing deck with native PowerPoint charts, built from the curated data as the dashboard shows it: every
// chart part in the schema's order with its fonts in every script slot, one series per kind (a bound, a target,
// a half-year never share a series with actuals), the numbers embedded in a workbook Edit Data opens, notes that
// quote each figure's sentence, and what LibreOffice Impress shows of it all.
import { beforeAll, describe, expect, test } from 'vitest';
import JSZip from 'jszip';
import * as XLSX from '@e965/xlsx';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEADLINE_CHARTS } from '../../src/lib/charts/registry';
import { CHART_IDS, type ChartId } from '../../src/lib/data/types';
import type { ChartInput } from '../../src/lib/charts/common';
import { buildDeck, type SlideChart } from '../../src/lib/export/slides';
import { speakerNotes } from '../../src/lib/export/slideText';
import { nativePlots, type NativePlot } from '../../src/lib/export/nativeChart';
import { unitLabel } from '../../src/lib/i18n/format';
import { t } from '../../src/lib/i18n/messages';
import type { Lang } from '../../src/lib/i18n/bilingual';
import { input } from './helpers';
import { chartInput, observation, place } from './factory';
import { chartXml, type ChartStyle } from '../../src/lib/export/chartXml';
import { NOT_XML } from '../../src/lib/import/text';

const STYLE: ChartStyle = {
  font: 'Microsoft YaHei',
  lang: 'zh-CN',
  pt: 12,
  labelPt: 11,
  legend: 'b',
  targetWords: '目标',
};
import { orderProblems } from '../ooxml-order';
import { checkPptxLayout, compact, pageText, type PptxLayout } from '../pptx-layout';

const CITIES = ['wuhu', 'wuhu_county', 'fuzhou', 'haimen', 'x_city'];

async function charts(lang: Lang): Promise<{ base: ChartInput; list: SlideChart[] }> {
  const base = await input({ lang, cities: CITIES });
  const list = CHART_IDS.map((id) => {
    const spec = HEADLINE_CHARTS[id];
    const model = spec.build(base);
    const meta = {
      title: t(lang, spec.title),
      subtitle: t(lang, spec.subtitle),
      sourceLine: model.footnotes[0] ?? '',
    };
    return { model, meta };
  });
  return { base, list };
}

async function plotsOf(id: ChartId, lang: Lang): Promise<NativePlot[]> {
  const base = await input({ lang, cities: CITIES });
  return nativePlots(HEADLINE_CHARTS[id].build(base), lang, (o) => unitLabel(o.unit, lang, base.data.units));
}

const seriesNamed = (plot: NativePlot | undefined, name: string) => plot?.series.find((s) => s.name === name);

describe('native chart series, one per kind', () => {
  test('R&D intensity (zh): a city line, its target apart as a target, references dashed with their year', async () => {
    const [plot] = await plotsOf('rd-intensity', 'zh');
    expect(plot?.axisTitle).toBe('%');
    expect(plot?.categories).toContain('2018年');
    const wuhu = seriesNamed(plot, '芜湖市');
    expect(wuhu?.kind).toBe('actual');
    // Wuhu's 2021 figure is derived: the actuals and the derived figure are marks of their own, joined by a
    // connector that names no figure.
    expect(wuhu?.joined).toBe(false);
    const line = seriesNamed(plot, '芜湖市（连线）');
    expect(line?.joined).toBe(true);
    expect(line?.values.filter((v) => v !== null)).toEqual([3.48, 3.76]);
    expect(seriesNamed(plot, '芜湖市（推算）')?.values.filter((v) => v !== null)).toEqual([3.48]);
    expect(wuhu?.values[plot!.categories.indexOf('2022年')]).toBe(3.76);
    const target = seriesNamed(plot, '海门市（目标）');
    expect(target?.kind, 'a plan target is its own series').toBe('target');
    expect(target?.joined).toBe(false);
    const china = plot?.series.find((s) => s.kind === 'reference' && s.name.startsWith('全国'));
    expect(china?.name).toContain('2018');
    expect(china?.values.every((v) => v === 2.18)).toBe(true);
    // Nothing that is not an actual sits in an actual series.
    for (const s of plot!.series.filter((x) => x.kind === 'actual'))
      s.points.forEach((o) => {
        if (o) expect(o.kind === 'actual' && o.comparator !== '>=', `${s.name}: ${o.period}`).toBe(true);
      });
  });

  test('high-tech (en): "突破2000家" is a lower-bound series, the mid-year count a half-year series, two plots', async () => {
    const plots = await plotsOf('high-tech', 'en');
    expect(plots).toHaveLength(2);
    const [count, added] = plots;
    const bound = count?.series.find((s) => s.kind === 'bound');
    expect(bound?.name).toMatch(/lower bound/);
    expect(bound?.values[count!.categories.indexOf('2023')]).toBe(2000);
    const half = count?.series.find((s) => s.kind === 'half');
    expect(half?.values.filter((v) => v !== null)).toEqual([850]);
    expect(count?.title, 'each plot is named').toMatch(/High-tech/);
    expect(added?.series.some((s) => s.kind === 'target')).toBe(true);
    // Wuhu has no full-year actual count: no empty line of its own.
    expect(count?.series.some((s) => s.kind === 'actual' && s.name === 'Wuhu')).toBe(false);
  });

  test('tech contracts (zh): "约" keeps its ≈ at the point, the stated growth stays on the bar', async () => {
    const [plot] = await plotsOf('tech-contracts', 'zh');
    const all = plot!.series;
    expect(all.every((s) => s.type === 'bar')).toBe(true);
    const prefixes = all.flatMap((s) => [...s.prefixes.values()]);
    expect(prefixes).toContain('≈');
    const suffixes = all.flatMap((s) => [...s.suffixes.values()]);
    expect(suffixes.some((x) => /同比 \+\d/.test(x))).toBe(true);
    expect(suffixes.join(' '), 'the half-year mark is the category’s, not the label’s').not.toMatch(/H1/);
    // A label with the growth after its value wraps under it (on one line it ran over the next year's label).
    const growthLabels =
      chartXml(plot!, STYLE).match(/<c:dLbl>(?:(?!<\/c:dLbl>).)*同比(?:(?!<\/c:dLbl>).)*<\/c:dLbl>/g) ?? [];
    expect(growthLabels.length).toBeGreaterThan(0);
    for (const l of growthLabels) expect(l).not.toContain('wrap="none"');
  });
});

test('a line of bounds and derived figures: a connector out of the legend, no actual series, no bound in one', () => {
  const rows = [
    observation({
      city: 'wuhu',
      indicator: 'high_tech_enterprises',
      period: '2021',
      value: 1800,
      unit: 'count',
      kind: 'derived',
    }),
    observation({
      city: 'wuhu',
      indicator: 'high_tech_enterprises',
      period: '2022',
      value: 2000,
      unit: 'count',
      comparator: '>=',
    }),
    observation({
      city: 'wuhu',
      indicator: 'high_tech_enterprises',
      period: '2023',
      value: 2500,
      unit: 'count',
      comparator: '>=',
    }),
  ];
  const base = chartInput(rows, { places: [place({ id: 'wuhu', zh: '芜湖市', en: 'Wuhu' })] });
  const [count] = nativePlots(HEADLINE_CHARTS['high-tech'].build(base), 'zh', (o) =>
    unitLabel(o.unit, 'zh', base.data.units),
  );
  expect(count?.series.map((s) => [s.name, s.kind, s.values])).toEqual([
    ['芜湖市（连线）', 'line', [1800, 2000, 2500]],
    ['芜湖市（推算）', 'derived', [1800, null, null]],
    ['芜湖市（下限）', 'bound', [null, 2000, 2500]],
  ]);
  const xml = chartXml(count!, STYLE);
  expect(xml, 'the connector has no legend entry').toContain(
    '<c:legendEntry><c:idx val="0"/><c:delete val="1"/></c:legendEntry>',
  );
  expect(orderProblems(xml)).toEqual([]);
});

test('a control character in a name never reaches the XML; a small figure keeps the decimals its sentence gives', () => {
  const rows = [
    observation({
      city: 'wuhu',
      indicator: 'rd_intensity',
      period: '2021',
      value: 0.00417,
      quote: '增加0.00417',
    }),
    observation({ city: 'wuhu', indicator: 'rd_intensity', period: '2022', value: 3.1, quote: '达到3.10%' }),
  ];
  const base = chartInput(rows, { places: [place({ id: 'wuhu', zh: '新\u0001市', en: 'New\u0001city' })] });
  const [plot] = nativePlots(HEADLINE_CHARTS['rd-intensity'].build(base), 'zh', (o) =>
    unitLabel(o.unit, 'zh', base.data.units),
  );
  expect(plot?.series[0]?.decimals).toEqual([5, 2]);
  const xml = chartXml(plot!, STYLE);
  expect(xml).not.toMatch(NOT_XML);
  expect(xml).toContain('<c:v>新市</c:v>');
  const model = HEADLINE_CHARTS['rd-intensity'].build(base);
  expect(speakerNotes(model, base.data, 'zh', ''), 'the notes say the small figure as stated').toContain(
    '0.00417%',
  );
});

test('counts past 100,000 read in 万 on the value axis, the numbers divided to match', () => {
  const rows = [2021, 2022].map((y, i) =>
    observation({
      city: 'wuhu',
      indicator: 'high_tech_enterprises',
      period: String(y),
      value: 150_000 + i * 25_000,
      unit: 'count',
    }),
  );
  const base = chartInput(rows);
  const model = HEADLINE_CHARTS['high-tech'].build(base);
  const [count] = nativePlots(model, 'zh', (o) => unitLabel(o.unit, 'zh', base.data.units));
  expect(count?.title).toBe('高新技术企业数（万个）');
  expect(count?.series[0]?.values).toEqual([15, 17.5]);
});

describe('the briefing deck, zipped', () => {
  const decks = new Map<Lang, JSZip>();
  beforeAll(async () => {
    for (const lang of ['zh', 'en'] as const) {
      const { base, list } = await charts(lang);
      const blob = await buildDeck(list, lang, {
        data: base.data,
        cities: base.cities,
        date: new Date(2026, 11, 2),
      });
      decks.set(lang, await JSZip.loadAsync(await blob.arrayBuffer()));
    }
  });

  const parts = (zip: JSZip, re: RegExp) => Object.keys(zip.files).filter((n) => re.test(n));

  for (const lang of ['zh', 'en'] as const) {
    test(`${lang}: every chart part in schema order, two axes each, fonts in the East Asian slot`, async () => {
      const zip = decks.get(lang)!;
      const charts = parts(zip, /^ppt\/charts\/chart\d+\.xml$/);
      expect(charts.length, 'R&D, the two high-tech plots, tech contracts').toBe(4);
      const font = lang === 'zh' ? 'Microsoft YaHei' : 'Calibri';
      for (const name of charts) {
        const xml = await zip.file(name)!.async('string');
        expect(orderProblems(xml), name).toEqual([]);
        for (const group of xml.match(/<c:(bar|line)Chart>[\s\S]*?<\/c:\1Chart>/g) ?? [])
          expect(group.match(/<c:axId /g)?.length, `${name}: axis ids per chart group`).toBe(2);
        const latin = xml.match(/<a:latin typeface="[^"]*"\/>/g) ?? [];
        const ea =
          xml.match(
            new RegExp(
              `<a:latin typeface="${font}"/><a:ea typeface="${font}"/><a:cs typeface="${font}"/>`,
              'g',
            ),
          ) ?? [];
        expect(latin.length).toBeGreaterThan(0);
        expect(ea.length, `${name}: every latin font has its ea and cs`).toBe(latin.length);
        for (const sz of xml.match(/<a:defRPr sz="(\d+)"/g) ?? [])
          expect(Number(/\d+/.exec(sz)![0]), `${name}: text size`).toBeGreaterThanOrEqual(1100);
        expect(xml).toContain('<c:roundedCorners val="0"/>');
      }
    });

    test(`${lang}: each chart's embedded workbook holds its series and numbers as numbers`, async () => {
      const zip = decks.get(lang)!;
      for (const name of parts(zip, /^ppt\/charts\/chart\d+\.xml$/)) {
        const xml = await zip.file(name)!.async('string');
        const rels = await zip.file(name.replace('charts/', 'charts/_rels/') + '.rels')!.async('string');
        const target = /Target="\.\.\/(embeddings\/[^"]+\.xlsx)"/.exec(rels)?.[1];
        expect(target, `${name}: an embedded workbook`).toBeTruthy();
        const book = XLSX.read(await zip.file(`ppt/${target}`)!.async('uint8array'), { type: 'array' });
        const sheet = book.Sheets.Sheet1!;
        // Each series' name and values, as the chart's references point at them.
        for (const m of xml.matchAll(
          /<c:tx><c:strRef><c:f>Sheet1!\$([A-Z]+)\$1<\/c:f><c:strCache><c:ptCount val="1"\/><c:pt idx="0"><c:v>([^<]*)<\/c:v>/g,
        )) {
          const [, col, seriesName] = m;
          expect(sheet[`${col}1`]?.v, `${name}: header of ${col}`).toBe(seriesName!.replace(/&amp;/g, '&'));
        }
        const cells = Object.entries(sheet).filter(
          ([k]) => !k.startsWith('!') && !/^[A-Z]+1$/.test(k) && !k.startsWith('A'),
        );
        expect(cells.length).toBeGreaterThan(0);
        for (const [, c] of cells) expect((c as XLSX.CellObject).t, 'values are numeric cells').toBe('n');
      }
    });

    test(`${lang}: a title slide, a sources slide, notes quoting the sentences, one paragraph per line`, async () => {
      const zip = decks.get(lang)!;
      const slides = parts(zip, /^ppt\/slides\/slide\d+\.xml$/).sort(
        (a, b) => Number(/\d+/.exec(a)) - Number(/\d+/.exec(b)),
      );
      const first = await zip.file(slides[0]!)!.async('string');
      expect(first).toContain(lang === 'zh' ? '芜湖市、芜湖县、福州市' : 'Wuhu, Wuhu County, Fuzhou');
      expect(first).toContain(lang === 'zh' ? '2026年12月2日' : '2 December 2026');
      const last = await zip.file(slides.at(-1)!)!.async('string');
      expect(last).toContain(lang === 'zh' ? '数据来源' : 'Sources');
      const notes = await Promise.all(
        parts(zip, /^ppt\/notesSlides\/notesSlide\d+\.xml$/).map((n) => zip.file(n)!.async('string')),
      );
      const all = notes.join('');
      // The R&D slide's notes quote the Wuhu report's sentence verbatim.
      expect(all).toContain('3.76');
      expect(all).toMatch(/「[^」]*研发[^」]*」/);
      expect(all).not.toMatch(/<a:t>[^<]*\n[^<]*<\/a:t>/);
    });
  }
});

describe('the briefing deck in LibreOffice Impress', () => {
  async function layoutOf(lang: Lang): Promise<PptxLayout> {
    const { base, list } = await charts(lang);
    const blob = await buildDeck(list, lang, { data: base.data, cities: base.cities });
    const dir = await mkdtemp(join(tmpdir(), 'native-deck-'));
    try {
      const file = join(dir, `deck-${lang}.pptx`);
      await writeFile(file, Buffer.from(await blob.arrayBuffer()));
      if (process.env.SLIDES_TEST_KEEP)
        await writeFile(
          join(process.env.SLIDES_TEST_KEEP, `deck-${lang}.pptx`),
          Buffer.from(await blob.arrayBuffer()),
        );
      return await checkPptxLayout(file);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  for (const lang of ['zh', 'en'] as const)
    test(`${lang}: chart titles, axis years, city names and the whole source line are text on the slides`, async () => {
      const layout = await layoutOf(lang);
      const texts = layout.pages.map(pageText);
      const zh = lang === 'zh';
      const slide = (title: string) => texts.find((x) => x.includes(compact(title))) ?? '';
      const rd = slide(t(lang, 'chartRd'));
      expect(rd, 'the R&D slide').not.toBe('');
      for (const word of zh
        ? ['2018年', '2022年', '芜湖市', '福州市', '全国']
        : ['2018', '2022', 'Wuhu', 'Fuzhou', 'China'])
        expect(rd, `R&D slide: ${word}`).toContain(compact(word));
      const tc = slide(t(lang, 'chartTc'));
      expect(tc).toContain(compact(zh ? '2019上半年' : '2019 H1'));
      expect(tc, 'a lower bound keeps its ≥').toContain(compact('≥1,000'));
      const ht = slide(t(lang, 'chartHt'));
      expect(ht).toContain(compact('≥2,000'));
      const { list } = await charts(lang);
      for (const c of list.filter((x) => !x.model.slideTable))
        expect(slide(c.meta.title), `${c.meta.title}: the source line to its end`).toContain(
          compact(c.meta.sourceLine),
        );
      console.info(`${lang}: ${layout.pages.length} slides, LibreOffice took ${layout.seconds.toFixed(1)} s`);
    }, 180_000);
});
