// The headers a chart's exported data carries (CSV and workbook alike), as a reader sees them: the upload
// template's words in the Chinese view, their English twins in the English view.
// prettier-ignore
export const ZH_HEADER = ['城市', '指标', '年份', '报告年份', '数值', '单位', '比较', '类型', '状态', '来源', '原文', '备注'] as const;
// prettier-ignore
export const EN_HEADER = ['City', 'Indicator', 'Year', 'Reported year', 'Value', 'Unit', 'Comparator', 'Kind', 'Status', 'Source', 'Quote', 'Note'] as const;
