// Issue #21: twelve uploaded neighbours at once must leave every chart readable, on a laptop and a phone, in both
// languages. Read from the drawn picture (chartProbe.ts), not from the spec: every city told apart by colour (or,
// past the palette, by line style), every city named in the chart itself (legend or end label) with no legend
// pages, every period that has a mark labelled on its axis, and no two drawn labels printed over each other.
// SHOTS=1 saves each chart as /tmp/shots/<chart>-<lang>-<width>.png.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect, chartsReady, CHARTS } from './fixtures';
import { TWELVE_CITIES } from '../fixtures/e2e/twelveCities';
import type { Page } from '@playwright/test';
import {
  describeText,
  legendPager,
  overlaps,
  probeChart,
  seriesByCity,
  type ChartProbe,
  type SeriesProbe,
} from './chartProbe';
import { deltaE } from '../unit/colour';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/e2e/twelve-cities.csv');
const UPLOADED = TWELVE_CITIES;
const ROWS = 177;
/** The smallest CIEDE2000 difference two cities drawn alike in all else must keep. */
const MIN_DE = 12;
/** The references' grey (common.ts REFERENCE_COLOR): no city may look like a reference. */
const REFERENCE_GREY = '#7a7a7a';
/** The upload's own indicator whose values span 30 to 31,870. */
const PATENTS = '专利授权量';
const TIME_CHARTS = ['rd-intensity', 'high-tech', 'tech-contracts', 'explorer'] as const;

type Lang = 'zh' | 'en';
const curatedNames = new Map(
  (
    JSON.parse(readFileSync(resolve(import.meta.dirname, '../../data/cities.json'), 'utf8')) as {
      id: string;
      zh: string;
      en: string;
    }[]
  ).map((p) => [p.id, p]),
);

/** The name a city is drawn under: a curated city's from cities.json, an upload's the fixture's. */
function cityName(id: string, series: readonly SeriesProbe[], lang: Lang): string {
  const known = curatedNames.get(id);
  if (known) return known[lang] || known.zh;
  const names = series.map((s) => s.name);
  return UPLOADED.find((n) => names.some((s) => s.startsWith(n))) ?? names[0] ?? id;
}

/** How a city's series look: colour, and what else tells two of one colour apart (line style, hatching). */
function looks(series: readonly SeriesProbe[]) {
  const main = series.find((s) => s.type === 'line' || s.type === 'bar') ?? series[0]!;
  return { color: main.color, style: `${main.dash}${main.decal ? ` decal ${main.decal}` : ''}` };
}

/** '2019-H1' from a mark's ref ('u-1a2b-tech_contract_value-2019-h1-actual'); null for a reference or a masked year. */
function periodOfRef(ref: string): { year: string; half: boolean } | null {
  const m = /-(\d{4})(-h1)?-(?:actual|derived|target)$/.exec(ref);
  return m ? { year: m[1]!, half: !!m[2] } : null;
}

/** The axis label a period must be drawn as (whitespace and line breaks aside). */
function axisForms(p: { year: string; half: boolean }, lang: Lang): string[] {
  if (p.half) return [lang === 'zh' ? `${p.year}上半年` : `${p.year}H1`];
  return lang === 'zh' ? [`${p.year}年`, p.year] : [p.year];
}
const squash = (s: string) => s.replace(/\s+/g, '');

async function upload(page: Page, lang: Lang) {
  await page.goto(`./#/?lang=${lang}`);
  await chartsReady(page);
  await page.getByTestId('csv-upload').setInputFiles(FIXTURE);
  await expect(page.getByTestId('import-report')).toBeVisible();
  await expect(page.getByTestId('count-imported')).toHaveText(String(ROWS));
  await expect(page.getByTestId('count-rejected')).toHaveText('0');
  await chartsReady(page);
  // The uploads reach the charts a few at a time: ready means all twelve are drawn.
  await expect
    .poll(async () => {
      const names = (await probeChart(page, 'rd-intensity')).series.map((s) => s.name);
      return UPLOADED.filter((n) => !names.includes(n));
    }, 'every uploaded city reaches the R&D chart')
    .toEqual([]);
  // The explorer shows the upload's own indicator, 专利授权量.
  await chartsReady(page, ['explorer']);
  const picker = page.getByTestId('explorer-indicator');
  if ((await picker.evaluate((e) => e.tagName)) === 'SELECT') await picker.selectOption({ label: PATENTS });
  else {
    // A button opening a searchable list (IndicatorPicker.svelte).
    await picker.click();
    await page.getByTestId('explorer-search').fill(PATENTS);
    await page.getByTestId('explorer-option').filter({ hasText: PATENTS }).first().click();
  }
  await expect(page.locator('[data-chart="explorer"] h2')).toContainText(PATENTS);
  await chartsReady(page, ['explorer']);
  // The label layout comes with the tooltip, after the first picture: the picture judged is the one after it.
  for (const id of [...CHARTS, 'explorer'])
    await expect(page.locator(`[data-chart="${id}"] .chart-box[data-tips="on"]`)).toHaveCount(1);
  await chartsReady(page, [...CHARTS, 'explorer']);
}

async function screenshot(page: Page, chart: string, lang: Lang, width: number) {
  if (process.env.SHOTS !== '1') return;
  mkdirSync('/tmp/shots', { recursive: true });
  await page
    .locator(`[data-chart="${chart}"]`)
    .screenshot({ path: `/tmp/shots/${chart}-${lang}-${width}.png` });
}

interface City {
  id: string;
  name: string;
  series: SeriesProbe[];
  color: string;
  style: string;
}

/** The cities a chart draws (its series by city id), with their names and looks. */
function citiesOf(probe: ChartProbe, lang: Lang): City[] {
  return [...seriesByCity(probe.series)].map(([id, series]) => ({
    id,
    name: cityName(id, series, lang),
    series,
    ...looks(series),
  }));
}

/**
 * Cities that cannot be told apart: two of one line style less than ΔE00 12 apart, one near the references' grey,
 * a city whose series differ in colour, or one in another colour than in an earlier chart (`seen`).
 */
function colourProblems(
  probe: ChartProbe,
  cities: readonly City[],
  seen: Map<string, { chart: string; color: string }>,
) {
  const out: string[] = [];
  for (const c of cities) {
    const colours = [...new Set(c.series.map((s) => s.color))];
    if (colours.length > 1)
      out.push(
        `${c.name}: its series differ in colour (${c.series.map((s) => `${s.id} ${s.color}`).join(', ')})`,
      );
    const grey = deltaE(c.color, REFERENCE_GREY);
    if (grey < MIN_DE)
      out.push(`${c.name} ${c.color} is near the references' grey (ΔE00 ${grey.toFixed(1)})`);
    // One colour per city across the charts (the line style may differ: a bar chart draws no dashes).
    const before = seen.get(c.id);
    if (!before) seen.set(c.id, { chart: probe.id, color: c.color });
    else if (before.color !== c.color)
      out.push(`${c.name} is ${c.color} here but ${before.color} in ${before.chart}`);
  }
  for (let i = 0; i < cities.length; i++)
    for (let j = i + 1; j < cities.length; j++) {
      const [a, b] = [cities[i]!, cities[j]!];
      if (a.style !== b.style) continue;
      const d = deltaE(a.color, b.color);
      if (d < MIN_DE)
        out.push(`${a.name} ${a.color} ~ ${b.name} ${b.color}: ΔE00 ${d.toFixed(1)}, both ${a.style}`);
    }
  return out;
}

/** Cities drawn but named nowhere in the chart (no legend item, no end label), a legend pager, cut legend items. */
function nameProblems(probe: ChartProbe, cities: readonly City[]) {
  const naming = probe.texts.filter((t) => t.component === 'legend' || t.component === 'series');
  const out = cities
    .filter((c) => !naming.some((t) => squash(t.text).includes(squash(c.name))))
    .map((c) => `${c.name} (${c.series.map((s) => s.id).join(', ')}) is drawn but named nowhere`);
  const pager = legendPager(probe.texts);
  if (pager) out.push(`the legend is paged: ${describeText(pager)}`);
  for (const t of probe.texts.filter((t) => t.component === 'legend' && t.clipped))
    out.push(`legend item cut off: ${describeText(t)}`);
  return out;
}

/**
 * Periods with a mark but no label drawn on the mark's x axis or another of the same categories ('2019上半年' /
 * '2019 H1' for a first half).
 */
function periodProblems(probe: ChartProbe, lang: Lang) {
  const want = new Map<string, { forms: string[]; axis: number; series: string }>();
  for (const s of probe.series)
    for (const ref of s.refs) {
      const p = ref ? periodOfRef(ref) : null;
      if (!p) continue;
      const forms = axisForms(p, lang);
      const key = `${s.xAxisIndex}:${forms[0]}`;
      if (!want.has(key)) want.set(key, { forms, axis: s.xAxisIndex, series: s.id });
    }
  const out: string[] = [];
  // Two grids over one period axis (high-tech) may label it once: an axis with the same categories counts.
  const same = (i: number, j: number) =>
    JSON.stringify(probe.categories.x[i] ?? []) === JSON.stringify(probe.categories.x[j] ?? []);
  for (const { forms, axis, series } of want.values()) {
    const drawn = probe.texts.filter((t) => t.component === 'xAxis' && same(t.componentIndex, axis));
    if (!drawn.some((t) => forms.includes(squash(t.text))))
      out.push(
        `"${forms[0]}" (marks of ${series}…) has no label on x axis ${axis} (or one of the same periods), which draws: ${drawn.map((t) => squash(t.text)).join(' | ') || 'nothing'}`,
      );
  }
  return out;
}

/** Pairs of drawn labels over each other by more than 1 px. */
function overlapProblems(probe: ChartProbe) {
  return overlaps(probe.texts).map(
    (o) => `${describeText(o.a)} over ${describeText(o.b)} by ${o.depth.toFixed(1)} px`,
  );
}

for (const [width, height] of [
  [1280, 800],
  [390, 844],
] as const)
  for (const lang of ['zh', 'en'] as const)
    test(`twelve uploaded neighbours leave every chart readable (${lang}, ${width}×${height})`, async ({
      page,
      problems,
    }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height });
      await upload(page, lang);
      const charts = [...CHARTS, 'explorer'];
      for (const chart of charts) await screenshot(page, chart, lang, width);
      const seen = new Map<string, { chart: string; color: string }>();
      const view = `(${lang}, ${width}px)`;
      for (const chart of charts) {
        const probe = await probeChart(page, chart);
        await test.step(chart, () => {
          if ((TIME_CHARTS as readonly string[]).includes(chart)) {
            const cities = citiesOf(probe, lang);
            const missing = UPLOADED.filter((n) => !cities.some((c) => c.name === n));
            expect.soft(missing, `${chart} ${view}: uploaded cities with data but no series`).toEqual([]);
            expect
              .soft(colourProblems(probe, cities, seen), `${chart} ${view}: cities that cannot be told apart`)
              .toEqual([]);
            expect
              .soft(
                nameProblems(probe, cities),
                `${chart} ${view}: cities not named in the chart, legend paging`,
              )
              .toEqual([]);
            expect
              .soft(periodProblems(probe, lang), `${chart} ${view}: periods with marks but no axis label`)
              .toEqual([]);
          }
          expect.soft(overlapProblems(probe), `${chart} ${view}: drawn labels over each other`).toEqual([]);
        });
      }
      // A spread of three orders of magnitude: the explorer offers its log scale.
      await expect
        .soft(
          page.locator('[data-chart="explorer"]').getByTestId('scale-toggle'),
          `explorer: ${PATENTS} (30 to 31,870) offers a log scale`,
        )
        .toBeVisible();
      void problems;
    });
