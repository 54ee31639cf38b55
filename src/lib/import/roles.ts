// The roles a column can play (city, indicator, year, value, unit, ...) and the header names that give them.
// Example: roleOf('城市名称') -> 'city'; roleOf('数值（亿元）') -> 'value'; roleOf('序号') -> null;
//          unitInLine('单位：亿元') -> '亿元'; isExportColumn('原文') -> true (the dashboard's own export wrote it)

import { cleanText, nameKey, stripBrackets } from './text';
import { columnWords } from '../i18n/exportMessages';

export type Role =
  'city' | 'indicator' | 'period' | 'value' | 'unit' | 'comparator' | 'kind' | 'note' | 'source' | 'status';

export const ALIASES: Record<Role, readonly string[]> = {
  city: [
    '城市',
    '城市名称',
    '城市名',
    '地区',
    '地区名称',
    '市',
    '市州',
    '地市',
    '地级市',
    '市县',
    '县市',
    '区县',
    '县区',
    '县',
    '区域',
    '行政区',
    '行政区划',
    '行政区名称',
    '所在城市',
    '所在地区',
    'city',
    'cityname',
    'region',
    'area',
    'place',
    'location',
    'prefecture',
  ],
  indicator: [
    '指标',
    '指标名称',
    '指标名',
    '统计指标',
    '科技指标',
    '项目',
    '项目名称',
    'indicator',
    'indicatorname',
    'metric',
    'measure',
    'item',
    'variable',
  ],
  period: [
    '年份',
    '年度',
    '年',
    '时间',
    '时期',
    '统计年度',
    '统计年份',
    '期间',
    '报告期',
    '统计时间',
    '日期',
    '规划年',
    '规划年份',
    'year',
    'period',
    'date',
    'time',
    'plan year',
  ],
  value: [
    '数值',
    '值',
    '数据',
    '数量',
    '金额',
    '指标值',
    '统计值',
    '实际值',
    '数',
    'value',
    'amount',
    'number',
    'data',
    'figure',
  ],
  unit: ['单位', '计量单位', 'unit', 'units', 'uom'],
  comparator: ['比较', '比较符', '关系', '限定', '限定词', 'comparator', 'qualifier', 'operator', 'relation'],
  kind: ['类型', '性质', '数据类型', '数据性质', 'kind', 'type'],
  note: ['备注', '说明', '注释', '附注', '注', 'note', 'notes', 'remark', 'remarks', 'comment', 'comments'],
  source: ['来源', '数据来源', '资料来源', '出处', 'source'],
  /** 已报告 / 已遮蔽 (reported / masked): a masked figure's value cell is empty (the dashboard's export writes it so). */
  status: ['状态', '数据状态', 'status'],
};

const ROLE_OF = new Map<string, Role>();
for (const role of Object.keys(ALIASES) as Role[])
  for (const a of ALIASES[role]) ROLE_OF.set(nameKey(a), role);

const UNIT_LINE = /(?:计量)?单位\s*[:：]\s*([^\s,，;；)）\]】]+)|\bunits?\s*:\s*([^,;)\]]+)/i;

/** The unit stated in a title or `单位：亿元` line, or ''. */
export function unitInLine(text: string): string {
  const m = UNIT_LINE.exec(cleanText(text));
  return m ? (m[1] ?? m[2] ?? '').trim() : '';
}

/** Role of a header cell, or null. */
export function roleOf(header: string): Role | null {
  return ROLE_OF.get(nameKey(header)) ?? ROLE_OF.get(nameKey(stripBrackets(header))) ?? null;
}

// The other columns the dashboard's own export writes (报告年份, 原文, the plan targets' 进度, 基期值 …): an export
// imports back without a word about them, so they are not read and not reported as unknown.
const EXPORT_ONLY = new Set(
  columnWords()
    .map(nameKey)
    .filter((k) => !ROLE_OF.has(k)),
);

/** Whether a header is one of the export's columns that play no role in an upload. */
export function isExportColumn(header: string): boolean {
  return EXPORT_ONLY.has(nameKey(header));
}
