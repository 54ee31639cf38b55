// The plan-targets slides as LibreOffice Impress shows them: a deck from a made-up slide table (long names,
// wrapped rows, a long English source line) is converted to PDF and its text lines checked: none overlaps
// another, none leaves the slide, every row is on some slide, the header and the source line on each.
import { describe, expect, test } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChartModel, SlideTable } from '../../src/lib/charts/common';
import type { Lang } from '../../src/lib/i18n/bilingual';
import { buildDeck } from '../../src/lib/export/slides';
import { dataset } from './factory';
import { MAX_ROWS, pageSlideTable } from '../../src/lib/export/slideTable';
import {
  checkPptxLayout,
  compact,
  layoutProblems,
  missingTexts,
  pageText,
  type PptxLayout,
} from '../pptx-layout';

const ZH_NAMES = [
  '全社会研发经费投入占地区生产总值比重',
  '高新技术企业数',
  '规模以上工业企业中有研发活动的企业占比达到百分之五十以上',
  '技术合同成交额',
  '每万人口高价值发明专利拥有量',
  '省级以上科技企业孵化器和众创空间数量',
  '战略性新兴产业产值占规模以上工业总产值比重',
  '科技型中小企业入库数',
  '新型研发机构数量（含省级备案的新型研发机构和市级认定机构）',
  '高新技术产业增加值占规模以上工业增加值比重',
  '国家级专精特新“小巨人”企业数',
  '市级以上工程技术研究中心和重点实验室总数',
  '引进和培育高层次科技人才及创新创业团队数量',
  '企业研发费用加计扣除减免税额',
  '科技成果转化项目数',
  '省级以上产业创新中心、制造业创新中心及技术创新中心数量合计',
  '财政科技支出占一般公共预算支出比重',
  '规模以上工业企业研发经费支出',
];

const EN_NAMES = [
  'R&D expenditure as a share of gross regional product (whole society)',
  'High-tech enterprises',
  'Share of large industrial enterprises with R&D activity',
  'Technology contract turnover',
  'High-value invention patents held per ten thousand residents',
  'Provincial-level technology business incubators and maker spaces',
  'Output of strategic emerging industries as a share of industry',
  'Registered technology-based small and medium-sized enterprises',
  'New-type R&D institutions, provincially registered or recognised',
  'Value added of high-tech industry as a share of large industry',
  'National specialised and sophisticated "little giant" enterprises',
  'Engineering research centres and key laboratories, city level or above',
  'High-level scientific talents and innovation teams brought in',
  'Tax relief from the extra deduction of enterprise R&D expenses',
  'Projects transferring scientific and technological achievements',
  'Industrial, manufacturing and technology innovation centres',
  'Fiscal S&T spending as a share of general public budget spending',
];

const ZH_CITIES = ['芜湖', '芜湖县', '福州', '海门', 'X市'];
const EN_CITIES = ['Wuhu', 'Wuhu County', 'Fuzhou', 'Haimen', 'City X'];

function table(lang: Lang): SlideTable {
  const names = lang === 'zh' ? ZH_NAMES : EN_NAMES;
  const cities = lang === 'zh' ? ZH_CITIES : EN_CITIES;
  let k = 0;
  return {
    columns:
      lang === 'zh'
        ? ['指标', '目标', '基期', '最新实际', '完成度', '进度']
        : ['Indicator', 'Target', 'Baseline', 'Latest actual', 'Share', 'Status'],
    widths: [3.2, 1.2, 1.6, 1.8, 0.9, 1.2],
    groups: cities.map((city, g) => ({
      title: lang === 'zh' ? `${city} · ${2024 + (g % 2)}年规划` : `${city} · ${2024 + (g % 2)} plan`,
      rows: Array.from({ length: 7 }, () => {
        const n = k++;
        // Each row's name is told apart by its number: the check finds every one on some slide.
        const name = `${names[n % names.length]}${lang === 'zh' ? `（第${n + 1}项）` : ` (no. ${n + 1})`}`;
        const ahead = (n + g) % 3 !== 0;
        return lang === 'zh'
          ? [
              name,
              `≥${(2000 + n * 37).toLocaleString('en')}家`,
              `${1200 + n}家（2020年）`,
              `≥${1800 + n}家（2023年）`,
              `${60 + (n % 40)}%`,
              ahead ? '▲ 进度符合' : '▼ 进度滞后',
            ]
          : [
              name,
              `≥${(2000 + n * 37).toLocaleString('en')}`,
              `${1200 + n} (2020)`,
              `≥${1800 + n} (2023)`,
              `${60 + (n % 40)}%`,
              ahead ? '▲ On track' : '▼ Behind',
            ];
      }),
    })),
    legend:
      lang === 'zh'
        ? '▲ 进度符合：按规划期线性进度已达到应有水平；▼ 进度滞后：低于应有水平；≥ 为下限值。'
        : '▲ On track: at or above the straight-line path to the target; ▼ Behind: below it; ≥ a lower bound.',
  };
}

const EN_SOURCE =
  'Sources: Wuhu Municipal Science and Technology Bureau, 2023 work summary and 2024 work plan; Wuhu County Science and Technology Bureau, 2023 work summary; Fuzhou Municipal Science and Technology Bureau, 2019 work summary and 2020 plan; Haimen District Science and Technology Bureau, 2022 work report; an anonymised municipal bureau report (City X). Figures measured in the year before the report files them; targets are plans, not achievements. Ends here.';
const ZH_SOURCE =
  '来源：芜湖市科技局2023年工作总结及2024年工作计划；芜湖县科技局2023年工作总结；福州市科技局2019年工作总结；海门区科技局2022年工作报告；X市科技局报告（匿名）。';

function model(slideTable: SlideTable): ChartModel {
  return {
    option: {},
    table: { columns: [], rows: [], total: 0, csv: { header: [], rows: [] } },
    footnotes: [],
    summary: '',
    sources: [],
    empty: false,
    marks: new Map(),
    slideTable,
  };
}

async function layoutOf(lang: Lang, t: SlideTable, sourceLine: string): Promise<PptxLayout> {
  const meta = {
    title: lang === 'zh' ? '规划目标完成情况' : 'Plan targets: how far along',
    subtitle:
      lang === 'zh'
        ? '各城市规划目标与最新实际值（目标不是成绩）'
        : 'Each city’s plan targets beside its latest actual figures (a target is not an achievement)',
    sourceLine,
  };
  const blob = await buildDeck([{ model: model(t), meta }], lang, { data: dataset([]) });
  const dir = await mkdtemp(join(tmpdir(), 'slides-test-'));
  try {
    const file = join(dir, `plan-targets-${lang}.pptx`);
    await writeFile(file, Buffer.from(await blob.arrayBuffer()));
    // SLIDES_TEST_KEEP=/some/dir keeps the decks to look at.
    const keep = process.env.SLIDES_TEST_KEEP;
    if (keep) await writeFile(join(keep, `plan-targets-${lang}.pptx`), Buffer.from(await blob.arrayBuffer()));
    return await checkPptxLayout(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('paging a slide table', () => {
  for (const lang of ['zh', 'en'] as const)
    test(`${lang}: every row once, at most ${MAX_ROWS} body rows a page, titles repeated when continued`, () => {
      const t = table(lang);
      const pages = pageSlideTable(t, 3, lang === 'zh' ? '（续）' : ' (continued)');
      const rows = pages.flat().filter((r) => r.kind === 'row');
      expect(rows.map((r) => r.cells[0])).toEqual(t.groups.flatMap((g) => g.rows.map((r) => r[0])));
      for (const p of pages) {
        expect(p.length).toBeLessThanOrEqual(MAX_ROWS);
        expect(p[0]?.kind, 'a page starts with its group title').toBe('group');
        expect(p.at(-1)?.kind, 'a group title never ends a page').toBe('row');
      }
      // A page whose first group started earlier says so.
      for (let i = 1; i < pages.length; i++) {
        const first = pages[i]?.[0];
        const prev = pages[i - 1]?.at(-1);
        if (first?.kind !== 'group' || prev?.kind !== 'row') continue;
        const prevGroup = [...(pages[i - 1] ?? [])].reverse().find((r) => r.kind === 'group');
        expect(first.continued).toBe(prevGroup?.kind === 'group' && prevGroup.title === first.title);
      }
    });

  test('rows that wrap to two lines make a page hold fewer', () => {
    const two = (name: string): SlideTable => ({
      columns: ['指标', '目标'],
      widths: [1, 1],
      groups: [
        {
          title: '芜湖 · 2024年规划',
          rows: Array.from({ length: 30 }, (_, i) => [`${name}${i}`, '≥2,000家']),
        },
      ],
      legend: '',
    });
    const perPage = (x: SlideTable) => Math.max(...pageSlideTable(x, 3, '（续）').map((p) => p.length));
    expect(perPage(two('高新技术企业数'))).toBeGreaterThanOrEqual(MAX_ROWS - 2);
    expect(perPage(two('规模以上工业企业中有研发活动的企业占比达到百分之五十以上'))).toBeLessThan(
      MAX_ROWS - 2,
    );
  });
});

describe('plan-targets slides in LibreOffice Impress', () => {
  const cases = [
    { lang: 'zh' as const, source: ZH_SOURCE },
    { lang: 'en' as const, source: EN_SOURCE },
  ];
  for (const { lang, source } of cases)
    test(`${lang}: no text overlaps or leaves a slide, every row, header, page mark and the source line are there`, async () => {
      const t = table(lang);
      const layout = await layoutOf(lang, t, source);
      const n = layout.pages.length;
      expect(n, 'the 35 rows take several slides').toBeGreaterThanOrEqual(4);
      expect(layoutProblems(layout), 'text lines overlapping or off the slide').toEqual([]);

      const names = t.groups.flatMap((g) => g.rows.map((r) => r[0] as string));
      expect(missingTexts(layout, names), 'rows on no slide').toEqual([]);
      expect(
        missingTexts(
          layout,
          t.groups.map((g) => g.title),
        ),
        'group titles on no slide',
      ).toEqual([]);

      const texts = layout.pages.map(pageText);
      texts.forEach((text, i) => {
        const page = `slide ${i + 1} of ${n}`;
        expect(text, `${page}: page mark`).toContain(`${i + 1}/${n}`);
        for (const col of t.columns) expect(text, `${page}: header "${col}"`).toContain(compact(col));
        expect(text, `${page}: legend`).toContain(compact(t.legend));
        expect(text, `${page}: the source line to its end`).toContain(compact(source));
      });
      const continued = compact(lang === 'zh' ? '（续）' : '(continued)');
      expect(
        texts.some((x) => x.includes(continued)),
        'a group continued on the next slide says so',
      ).toBe(true);
      console.info(`${lang}: ${n} slides, LibreOffice took ${layout.seconds.toFixed(1)} s`);
    }, 180_000);
});
