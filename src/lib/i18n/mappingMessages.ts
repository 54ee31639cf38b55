// The words of the upload panel's workbook and column steps (which sheet, which column is which), in Chinese and
// English. They load with the upload panel, never in the first-load bundle.
import { catalogue, type Twin } from './catalogue';

const zh = {
  sheetsTitle: '选择工作表',
  sheetsSwitch: '当前读取的工作表（点其他工作表可改读它）：',
  sheetRows: (p: { n: number }) => `${p.n} 行有内容`,
  sheetRead: (p: { sheet: string }) => `工作表“${p.sheet}”`,
  format: '格式',
  mappingTitle: '指定各列的含义',
  mappingAsk: '无法确定这张表各列的含义。请为每一项选择对应的列（对照下方的前几行），然后导入：',
  mappingReview: '请核对各列的含义（城市、年份等取自标题或文件名的，可在此更正），然后重新导入：',
  roleCity: '城市',
  roleIndicator: '指标',
  rolePeriod: '年份',
  roleValue: '数值',
  roleUnit: '单位',
  noColumn: '（无此列）',
  column: (p: { n: number; name: string }) => `第 ${p.n} 列：${p.name}`,
  wholeTableCity: '整张表的城市',
  cityFromText: '（取自标题或文件名）',
  remembered: '已按上次为同样表头所选的对应关系填好，请核对。',
  previewCaption: (p: { line: number }) => `表头（第 ${p.line} 行）和前几行`,
  applyMapping: '按此导入',
  cancel: '取消',
  reviewColumns: '核对或更正各列',
  indicatorColumn: '指标（按列名）',
  indicatorColumns:
    '列名是指标的各列（如“研发经费投入强度(%)”），每列按列名读作一个指标，单位取自括号或单位行。',
};

const en: Twin<typeof zh> = {
  sheetsTitle: 'Choose a sheet',
  sheetsSwitch: 'Sheet read (choose another to read it instead):',
  sheetRows: (p) => `${p.n} rows with content`,
  sheetRead: (p) => `sheet "${p.sheet}"`,
  format: 'Format',
  mappingTitle: 'Say what each column holds',
  mappingAsk:
    "This table's columns could not be told apart. Choose the column for each item (see the first rows below), then import:",
  mappingReview:
    'Check what each column holds (a city or year taken from the title or file name can be corrected here), then import again:',
  roleCity: 'City',
  roleIndicator: 'Indicator',
  rolePeriod: 'Year',
  roleValue: 'Value',
  roleUnit: 'Unit',
  noColumn: '(no such column)',
  column: (p) => `column ${p.n}: ${p.name}`,
  wholeTableCity: 'City of the whole table',
  cityFromText: '(from the title or file name)',
  remembered: 'Filled in as you mapped a file with the same header last time; please check.',
  previewCaption: (p) => `Header (line ${p.line}) and the first rows`,
  applyMapping: 'Import with these columns',
  cancel: 'Cancel',
  reviewColumns: 'Check or correct the columns',
  indicatorColumn: 'indicator (by its header)',
  indicatorColumns:
    'Columns headed by an indicator (such as 研发经费投入强度(%)) are each read as that indicator, the unit taken from the brackets or the unit row.',
};

/** t('zh', 'roleCity') -> '城市' */
export const { t } = catalogue(zh, en);
