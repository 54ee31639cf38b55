// One factory for test data: an observation with sensible defaults, the definitions beside it (indicator, place,
// source, unit) and a dataset built from rows by the app's own buildDataset. A scenario names only what it is about:
//   observation({ value: 2000, comparator: '>=', quote: '突破2000家' })
//   chartInput([observation({ period: '2021' }), observation({ period: '2022', value: null })], { lang: 'en' })
// The default world is small and made up (甲市 / City A, 乙市, 丙市, 甲省, 全国), so a chart scenario's snapshot
// changes only when the chart code does, not when data/ is edited. The real curated dataset is in helpers.ts.
import type { ChartInput } from '../../src/lib/charts/common';
import type { CuratedParts, Dataset, UploadPart } from '../../src/lib/data/dataset';
import { buildDataset, isReferencePlace } from '../../src/lib/data/dataset';
import type { IndicatorDef, Place, SourceDef, UnitDef } from '../../src/lib/data/types';
import type { Observation } from '../../src/lib/table/schema';
import { tableFromRows } from '../../src/lib/table/table';

/** The default report every observation cites (see SOURCES). */
export const SOURCE_ID = 'report-a';

/**
 * observation() -> 甲市's R&D intensity 3.1 % in 2022: a reported actual, `=`, quoted, from SOURCE_ID.
 * `value: null` alone makes a masked figure (status redacted, quote x.xx), as the reports and the importer do.
 */
export function observation(o: Partial<Observation> = {}): Observation {
  const value = o.value === undefined ? 3.1 : o.value;
  return {
    city: 'a',
    indicator: 'rd_intensity',
    period: '2022',
    unit: '%',
    comparator: '=',
    kind: 'actual',
    status: value === null ? 'redacted' : 'reported',
    source: SOURCE_ID,
    quote: value === null ? 'x.xx' : String(value),
    note: '',
    ...o,
    value,
  };
}

/** indicator({ id: 'u_patents', zh: '专利', en: 'Patents', unit: 'count', measure: 'stock' }) */
export function indicator(d: Partial<IndicatorDef> & Pick<IndicatorDef, 'id'>): IndicatorDef {
  return {
    zh: d.id,
    en: d.id,
    unit: '%',
    description_zh: '',
    description_en: '',
    charts: [],
    aliases: [],
    measure: 'ratio',
    ...d,
  };
}

/** place({ id: 'u-xinshi', zh: '新市', en: 'Xinshi' }): a prefecture-level city unless `level` says otherwise. */
export function place(p: Partial<Place> & Pick<Place, 'id'>): Place {
  return { zh: p.id, en: p.id, province: '', level: 'prefecture', ...p };
}

/** source({ id: 'report-b', title: '…' }) */
export function source(s: Partial<SourceDef> & Pick<SourceDef, 'id'>): SourceDef {
  return {
    city: 'a',
    title: s.id,
    title_en: s.id,
    publisher: '甲市科学技术局',
    publisher_en: 'City A Science and Technology Bureau',
    published: '',
    period_covered: '',
    period_covered_zh: '',
    plan_only: false,
    url: '',
    notes: '',
    notes_zh: '',
    ...s,
  };
}

/** The headline charts' indicators, as data/indicators.json defines them (names, unit, measure, scope words). */
export const INDICATORS: readonly IndicatorDef[] = [
  indicator({ id: 'rd_intensity', zh: '研发经费投入强度', en: 'R&D intensity', charts: ['rd-intensity'] }),
  indicator({
    id: 'high_tech_enterprises',
    zh: '高新技术企业数',
    en: 'High-tech enterprises',
    unit: 'count',
    measure: 'stock',
    charts: ['high-tech'],
  }),
  ...(
    [
      ['high_tech_enterprises_new', '新增高新技术企业', 'New high-tech enterprises', '新增', 'added'],
      ['high_tech_enterprises_net_new', '净增高新技术企业', 'Net new high-tech enterprises', '净增', 'net'],
    ] as const
  ).map(([id, zh, en, scope_zh, scope_en]) =>
    indicator({ id, zh, en, unit: 'count', measure: 'flow', charts: ['high-tech'], scope_zh, scope_en }),
  ),
  ...(
    [
      ['tech_contract_value', '技术合同成交额', 'Tech-contract turnover', '登记', 'registered'],
      [
        'tech_contract_value_absorbed',
        '吸纳技术合同成交额',
        'Absorbed tech-contract turnover',
        '吸纳',
        'absorbed',
      ],
      [
        'tech_contract_value_unspecified',
        '技术合同交易额（未说明口径）',
        'Tech-contract turnover (side not stated)',
        '未说明口径',
        'side not stated',
      ],
    ] as const
  ).map(([id, zh, en, scope_zh, scope_en]) =>
    indicator({
      id,
      zh,
      en,
      unit: '100m CNY',
      measure: 'flow',
      charts: ['tech-contracts'],
      scope_zh,
      scope_en,
    }),
  ),
  ...(
    [
      ['tech_contract_value_yoy', '技术合同成交额同比增长', 'Tech-contract turnover growth'],
      [
        'tech_contract_value_absorbed_yoy',
        '吸纳技术合同成交额同比增长',
        'Absorbed tech-contract turnover growth',
      ],
      [
        'tech_contract_value_unspecified_yoy',
        '技术合同交易额增长（未说明口径）',
        'Tech-contract turnover growth (side not stated)',
      ],
    ] as const
  ).map(([id, zh, en]) => indicator({ id, zh, en, measure: 'change', charts: ['tech-contracts'] })),
];

/** 甲市, 乙市, 丙市 (cities), 甲省 and 全国 (references). */
export const PLACES: readonly Place[] = [
  place({ id: 'a', zh: '甲市', en: 'City A', province: 'prov-a' }),
  place({ id: 'b', zh: '乙市', en: 'City B', province: 'prov-a' }),
  place({ id: 'c', zh: '丙市', en: 'City C', province: 'prov-a', level: 'county' }),
  place({ id: 'prov-a', zh: '甲省', en: 'Province A', province: 'prov-a', level: 'province' }),
  place({ id: 'china', zh: '全国', en: 'China', level: 'nation' }),
];

/** The units the headline indicators use, as data/units.json labels them. */
export const UNITS: readonly UnitDef[] = [
  { id: '%', zh: '%', en: '%' },
  { id: 'count', zh: '个', en: 'count' },
  { id: '100m CNY', zh: '亿元', en: '100m CNY' },
];

export const SOURCES: readonly SourceDef[] = [
  source({
    id: SOURCE_ID,
    title: '甲市科技局2023年工作总结',
    title_en: 'City A S&T bureau: 2023 work summary',
  }),
];

/** Definitions a scenario adds to the defaults (places, indicators and sources are appended). */
export type Definitions = Partial<Omit<CuratedParts, 'rows'>>;

/** dataset(rows) -> the Dataset the app would build from these rows as its curated part, and any uploads. */
export function dataset(
  rows: readonly Observation[],
  defs: Definitions = {},
  uploads: readonly UploadPart[] = [],
): Dataset {
  return buildDataset(
    {
      rows: [...rows],
      indicators: [...INDICATORS, ...(defs.indicators ?? [])],
      places: [...PLACES, ...(defs.places ?? [])],
      units: [...UNITS, ...(defs.units ?? [])],
      sources: [...SOURCES, ...(defs.sources ?? [])],
    },
    uploads,
  );
}

/**
 * chartInput(rows, view) -> what the state hands a chart spec: the dataset of `rows`, in Chinese, light, and
 * every city (not reference) the rows name, in the order they first appear, unless `view.cities` says otherwise.
 */
export function chartInput(
  rows: readonly Observation[],
  view: Partial<ChartInput> & Definitions = {},
): ChartInput {
  const { indicators, places, units, sources, ...rest } = view;
  const data = dataset(rows, { indicators, places, units, sources });
  const cities = [...new Set(rows.map((r) => r.city))].filter((c) => !isReferencePlace(data.places.get(c)));
  return { data, cities, lang: 'zh', dark: false, ...rest };
}

/** An uploaded dataset `<id>.csv` holding `rows` (and the places it defined), as the state hands it to the charts. */
export function uploadPart(id: string, rows: Observation[], places: UploadPart['places'] = []): UploadPart {
  return {
    meta: { id, name: `${id}.csv`, fileName: `${id}.csv` },
    table: tableFromRows(rows),
    indicators: [],
    places,
  };
}
