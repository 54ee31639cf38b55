// What the importer tells the user, in Chinese and English: why a file is refused, why a row or a cell is
// not imported, what was kept with a caveat. It loads with the importer
// (in its worker; the upload panel's own words are in uploadPanelMessages.ts), never in the first-load bundle. Typed like the UI catalogue
// (catalogue.ts). Unit names reach a message as the importer's canonical labels ('100m CNY'); Chinese says
// them in Chinese (unitZh), English as they are.
import type { Comparator } from '../table/fields';
import type { Role } from '../import/roles';
import { unitZh } from '../import/units';
import { catalogue, type Twin } from './catalogue';

/** A column's role, as the header names it in Chinese. */
const ROLE_ZH: Record<Role, string> = {
  city: '城市',
  indicator: '指标',
  period: '年份',
  value: '数值',
  unit: '单位',
  comparator: '比较',
  kind: '类型',
  note: '备注',
  source: '来源',
  status: '状态',
};

const COMPARATOR_ZH: Record<Comparator, string> = {
  '=': '等于',
  '>': '大于（下限）',
  '>=': '不少于（下限）',
  '<': '小于（上限）',
  '<=': '不超过（上限）',
  '~': '约数',
};
const COMPARATOR_EN: Record<Comparator, string> = {
  '=': 'exact',
  '>': 'more than (lower bound)',
  '>=': 'at least (lower bound)',
  '<': 'less than (upper bound)',
  '<=': 'at most (upper bound)',
  '~': 'approximately',
};

/** Files a table is sometimes confused with, recognised by their first bytes (decode.ts). */
export type FileKind = 'png' | 'jpeg' | 'gif' | 'pdf' | 'gzip' | 'rar' | '7z';
const FILE_KIND_ZH: Record<FileKind, string> = {
  png: 'PNG 图片',
  jpeg: 'JPEG 图片',
  gif: 'GIF 图片',
  pdf: 'PDF 文件',
  gzip: 'gzip 压缩文件',
  rar: 'RAR 压缩文件',
  '7z': '7z 压缩文件',
};
const FILE_KIND_EN: Record<FileKind, string> = {
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  pdf: 'a PDF file',
  gzip: 'a gzip archive',
  rar: 'a RAR archive',
  '7z': 'a 7z archive',
};

/** A cell's text as quoted in a message (already clipped). */
type Raw = { raw: string };

/** What a report message is about: an uploaded file (its name) or the text the user pasted. */
type Subject = { file: string; pasted: boolean };
const whatZh = (p: Subject): string => (p.pasted ? '粘贴的文字' : `文件“${p.file}”`);
const whatEn = (p: Subject): string => (p.pasted ? 'The pasted text' : `The file "${p.file}"`);

const zh = {
  // ---- the whole file refused (decode.ts, limits.ts, layout.ts, engine.ts) ----
  xlsx: '这是 Excel 工作簿（.xlsx）或其他压缩文件，不是文本表格：请按工作簿上传（.xlsx、.xls、.ods）',
  xls: '这是旧版 Excel 工作簿（.xls）或其他 OLE 文件，不是文本表格：请按工作簿上传（.xls）',
  otherFile: (p: { kind: FileKind }) =>
    `这是 ${FILE_KIND_ZH[p.kind]}，不是表格：请上传 Excel 工作簿或 CSV 文件`,
  binary: '这不是表格：文件里有二进制内容，既不是 Excel 工作簿，也不是 CSV 文本',
  html: '这是网页（HTML）或 Excel XML 文件，但里面没有可读的表格（<table>）',
  undecodable:
    '无法识别文件编码：既不是 UTF-8、UTF-16，也不是 GB18030/GBK。请改用 UTF-8 保存，或直接上传 Excel 工作簿（.xlsx）',
  emptyFile: '文件是空的：没有任何数据行',
  noHeader: (p: { rows: number }) =>
    `在前 ${p.rows} 行中找不到表头：表头应包含“城市”“指标”“年份”“数值”等列名（或“2021年”“2022年”等年份列）`,
  reservedHeader: (p: { line: number; column: number; name: string }) =>
    `第${p.line}行第${p.column}列的列名“${p.name}”是保留名称，不能作为列名：请改名后再上传`,
  duplicateHeader: (p: { line: number; first: number; firstName: string; column: number; name: string }) =>
    `第${p.line}行的表头有重复列名：第${p.first}列“${p.firstName}”与第${p.column}列“${p.name}”相同，无法判断用哪一列：请删除或改名其中一列`,
  ambiguousHeader: (p: {
    line: number;
    first: number;
    firstName: string;
    column: number;
    name: string;
    role: Role;
  }) =>
    `第${p.line}行：第${p.first}列“${p.firstName}”和第${p.column}列“${p.name}”都像是“${ROLE_ZH[p.role]}”列，无法判断用哪一列：请只保留一列`,
  noValueColumn: (p: { line: number }) =>
    `第${p.line}行的表头里没有“数值”列，也没有“2021年”“2022年”这样的年份列或“研发经费投入强度(%)”这样的指标列`,
  noCityColumn: (p: { line: number }) =>
    `第${p.line}行的表头里没有“城市”列，标题和文件名里也找不到已知城市：请加一列“城市”`,
  noIndicatorColumn: (p: { line: number }) =>
    `第${p.line}行的表头里没有“指标”列，标题和文件名里也找不到已知指标：请加一列“指标”`,
  noYearColumn: (p: { line: number }) =>
    `第${p.line}行的表头里没有“年份”列：请加一列“年份”（如 2022），或把年份作为列名（2021年、2022年…）`,
  unclosedQuote: (p: { line: number }) =>
    `第${p.line}行有一个没有闭合的引号（"）：从这里到文件末尾都会被当成同一个单元格，因此整个文件未导入。请补上配对的引号，或删除多余的引号`,
  malformedHeaderQuotes: (p: { line: number }) => `第${p.line}行（表头之前或表头）引号不配对，无法读取表头`,
  noDataRows: (p: { line: number }) => `第${p.line}行的表头之后没有数据行`,

  // ---- one issue: where, why, and what became of the row (issues.ts) ----
  issue: (p: { line: number; column: string; reason: string; outcome: string }) => {
    const where =
      p.line > 0
        ? `第${p.line}行${p.column ? `“${p.column}”列` : ''}：`
        : p.column
          ? `“${p.column}”列：`
          : '';
    const s = `${where}${p.reason}${p.outcome ? `；${p.outcome}` : ''}`;
    return /[。！？.!?]$/.test(s) ? s : `${s}。`;
  },
  /** Two reasons about one record, one after the other. */
  reasons: (p: { first: string; then: string }) => `${p.first}；${p.then}`,
  rowDropped: '该行未导入',
  cellDropped: '该单元格未导入',
  rowSkipped: '该行已跳过',
  /** A warning's outcome: the record is kept, and nothing more is said. */
  kept: '',

  // ---- the table's shape (engine.ts) ----
  fromTitle: (_: { line: number }) => '标题',
  fromFileName: '文件名',
  cityFromTitle: (p: { from: string; place: string }) =>
    `表中没有“城市”列：全部数据归入${p.from}中的“${p.place}”`,
  indicatorFromTitle: (p: { indicator: string }) => `表中没有“指标”列：全部数据按“${p.indicator}”导入`,
  periodFromTitle: (p: { year: string }) => `表中没有“年份”列：全部数据按标题中的 ${p.year} 年导入`,
  columnIgnored: '无法识别此列，未使用',
  fieldCount: (p: { expected: number; found: number }) =>
    `应有 ${p.expected} 个字段（与表头相同），实际有 ${p.found} 个`,
  footnoteRow: '这是表格的注释或来源说明，不是数据',
  malformedQuotes: '引号不配对或位置不对（单元格内的引号要写成两个 ""）',

  // ---- a row's cells (engine.ts, periods.ts) ----
  cityEmpty: '城市为空',
  totalRow: (p: Raw) => `“${p.raw}”是合计行，不是城市`,
  indicatorEmpty: '指标名称为空',
  yearEmpty: '年份为空',
  yearUnsupported: (p: Raw) =>
    `“${p.raw}”不是全年或上半年：只支持“2022”“2022年”“2022-H1”“2022上半年”这类写法`,
  yearInvalid: (p: Raw & { min: number; max: number }) =>
    `“${p.raw}”不是可识别的年份（应为 ${p.min}–${p.max} 年，如“2022”“2022年”“2022-H1”）`,
  yearMasked: (p: Raw) => `年份“${p.raw}”被隐去，按空年份导入`,
  badKind: (p: Raw) => `类型“${p.raw}”无法识别（可用：实际、目标/计划、参考、推算）`,
  badComparator: (p: Raw) => `比较符“${p.raw}”无法识别（可用：=、约、>、>=、<、<=，或“超过”“突破”“以上”等）`,
  qualifierVsColumn: (p: Raw) => `“${p.raw}”中的限定词与“比较”列不一致`,

  // ---- units: where one was stated, and what became of it (engine.ts) ----
  unitColumn: '“单位”列',
  unitInName: '指标名称括号中',
  unitInHeader: '列名括号中',
  unitLine: (p: { line: number }) => `第${p.line}行“单位”说明`,
  unitDoesNotFit: (p: { from: string; unit: string; indicator: string; target: string | null }) =>
    `${p.from}的单位“${unitZh(p.unit)}”与指标“${p.indicator}”的单位“${p.target === null ? '（无）' : unitZh(p.target)}”不符`,
  unitConvertedFrom: (p: { from: string; unit: string; target: string | null; exp: number }) =>
    `${p.from}的单位“${unitZh(p.unit)}”已换算为“${p.target === null ? '（无）' : unitZh(p.target)}”（×10^${p.exp}）`,
  unitWhereNoneBefore: (p: Raw & { unit: string; indicator: string }) =>
    `“${p.raw}”带单位“${p.unit}”，但指标“${p.indicator}”此前的数值没有单位：请加一列“单位”`,

  // ---- a numeric cell (numbers.ts) ----
  valueEmpty: '单元格为空，按缺失处理（不是 0）',
  valueMasked: (p: Raw) => `“${p.raw}”表示数据被隐去或不可得，按缺失处理`,
  valueRange: (p: Raw) => `“${p.raw}”是一个区间，不是单个数值：按缺失处理（未取任何一端）`,
  excelError: (p: Raw) => `“${p.raw}”是 Excel 的计算错误，不是数值`,
  notFinite: (p: Raw) => `“${p.raw}”不是有限数值`,
  formula: (p: Raw) => `“${p.raw}”像是电子表格公式，不是数值（公式不会被执行）`,
  conflictingQualifiers: (p: Raw) => `“${p.raw}”前后的限定词相互矛盾`,
  notANumber: (p: Raw) => `“${p.raw}”不是数字`,
  commaWithSemicolons: (p: Raw) =>
    `“${p.raw}”中的逗号可能是小数点也可能是千位分隔符，含义不明确：请改用小数点（如 1.5）`,
  decimalComma: (p: Raw) =>
    `“${p.raw}”中的逗号不是规范的千位分隔（每三位一组），可能是小数点：含义不明确，请改用小数点`,
  badGrouping: (p: Raw) => `“${p.raw}”的千位分隔不规范（应每三位一组）`,
  spacesInNumber: (p: Raw) => `“${p.raw}”的数字中间有空格，且不是规范的千位分隔`,
  qualifierKept: (p: Raw & { comparator: Comparator }) =>
    `“${p.raw}”按${COMPARATOR_ZH[p.comparator]}（${p.comparator}）保留`,
  unknownUnit: (p: Raw & { unit: string }) => `“${p.raw}”带有无法识别的单位“${p.unit}”`,
  percentNotAllowed: (p: Raw & { target: string }) =>
    `“${p.raw}”是百分数，但该指标的单位是“${unitZh(p.target)}”，不是 %`,
  unitMismatch: (p: Raw & { unit: string; target: string }) =>
    `“${p.raw}”的单位“${unitZh(p.unit)}”与该指标的单位“${unitZh(p.target)}”不符`,
  /** `stated`: the unit the file gave for a cell without one of its own (null: the cell's own). */
  valueConverted: (p: Raw & { stated: string | null; value: number; unit: string }) =>
    `“${p.raw}”${p.stated === null ? '' : `（单位${unitZh(p.stated)}）`}已换算为 ${p.value}${p.unit === '' ? '' : ' ' + unitZh(p.unit)}`,
  outOfRange: (p: Raw) => `“${p.raw}”超出了可表示的数值范围`,

  // ---- workbooks and the mapping step (rowBuilder.ts, tableStart.ts, mapping.ts) ----
  formulaNoValue: '公式单元格没有已计算的值（工作簿保存前未重新计算）：按缺失处理（不是 0）',
  unitRowRead: '表头下一行是单位行，已用作各列的单位',
  mappingHeaderGone: (p: { line: number }) => `第${p.line}行不在表格开头部分，无法作为表头：请重新指定各列`,
  mappingTwice: (p: { column: number; first: Role; second: Role }) =>
    `第${p.column}列不能既是“${ROLE_ZH[p.first]}”又是“${ROLE_ZH[p.second]}”：每列只能指定一种含义`,

  // ---- the upload panel ----
  // ---- work reports: a .txt, a .docx or pasted text (report.ts) ----
  reportFound: (p: Subject) => `${whatZh(p)}是一份工作报告：请核对从中读出的数字，确认后再加入看板`,
  notAReport: (p: Subject) =>
    `${whatZh(p)}不像一份工作报告（没有找到带单位的数字）：请上传或粘贴工作总结、工作报告的文字`,
  notAReportTable: (p: Subject) =>
    `${whatZh(p)}不像一份工作报告（没有找到带单位的数字），倒像是一张表格：请把它作为表格导入（上传 CSV 或 Excel 工作簿，或粘贴后点“导入”）`,
  reportTooLong: (p: Subject & { size: string }) =>
    `${whatZh(p)}有 ${p.size}，超过了 10 MB：没有哪份工作报告这么长，因此未读取。请只上传或粘贴报告本身的文字`,
  reportEmpty: (p: Subject) => `${whatZh(p)}里没有文字：没有可读的报告内容`,
  reportImagesOnly: (p: Subject) =>
    `${whatZh(p)}里只有图片，没有文字：看起来是扫描件，图片里的文字无法读取。请把报告的文字复制粘贴进来，或上传带文字的 Word 文档（.docx）或文本文件（.txt）`,
  docxDamaged: (p: Subject & { detail: string }) =>
    `${whatZh(p)}是 Word 文档（.docx），但已损坏，无法读取（可能未下载完整）：请在 Word 或 WPS 中打开后另存一份再上传，或把文字复制粘贴进来（技术信息：${p.detail}）`,
  docxTooLarge: (p: Subject & { limit: string }) =>
    `${whatZh(p)}（Word 文档）解压后超过了 ${p.limit} 的上限，未读取（可能是“压缩炸弹”）：请把报告的文字复制粘贴进来`,
  legacyDoc: (p: Subject) =>
    `${whatZh(p)}是旧版 Word 文档（.doc），无法读取：请在 Word 或 WPS 中“另存为”Word 文档（.docx）后再上传，或把文字复制粘贴进来`,
  workbookNotReport: (p: Subject) => `${whatZh(p)}是 Excel / WPS 工作簿，不是文字报告：请按表格导入`,

  fileUnreadable: (p: { detail: string }) => `无法读取文件：${p.detail}`,
  importInternal: (p: { detail: string }) => `导入时发生内部错误：${p.detail}`,
};

const en: Twin<typeof zh> = {
  xlsx: 'This is an Excel workbook (.xlsx) or another zipped file, not a text table: upload it as a workbook (.xlsx, .xls, .ods).',
  xls: 'This is an old Excel workbook (.xls) or another OLE file, not a text table: upload it as a workbook (.xls).',
  otherFile: (p) => `This is ${FILE_KIND_EN[p.kind]}, not a table: upload an Excel workbook or a CSV file.`,
  binary: 'This is not a table: the file holds binary data and is neither an Excel workbook nor CSV text.',
  html: 'This is a web page (HTML) or Excel XML file, but it holds no table (<table>) that can be read.',
  undecodable:
    'Cannot tell the text encoding: not UTF-8, UTF-16 or GB18030/GBK. Save it as UTF-8, or upload the Excel workbook itself (.xlsx).',
  emptyFile: 'The file is empty: there are no data rows.',
  noHeader: (p) =>
    `No header row in the first ${p.rows} lines: expected column names such as 城市/city, 指标/indicator, 年份/year, 数值/value (or year columns like 2021, 2022年)`,
  reservedHeader: (p) =>
    `Line ${p.line}, column ${p.column}: the column name "${p.name}" is reserved and cannot be used; rename it and upload again`,
  duplicateHeader: (p) =>
    `Line ${p.line}: duplicate column name: column ${p.first} "${p.firstName}" and column ${p.column} "${p.name}"; remove or rename one of them`,
  ambiguousHeader: (p) =>
    `Line ${p.line}: column ${p.first} "${p.firstName}" and column ${p.column} "${p.name}" both look like the ${p.role} column; keep only one`,
  noValueColumn: (p) =>
    `Line ${p.line}: the header has neither a value column (数值/value), nor year columns (2021, 2022年, ...), nor indicator columns (研发经费投入强度(%), ...)`,
  noCityColumn: (p) =>
    `Line ${p.line}: the header has no city column (城市), and neither the title nor the file name names a known city; add a 城市 column`,
  noIndicatorColumn: (p) =>
    `Line ${p.line}: the header has no indicator column (指标), and neither the title nor the file name names a known indicator; add a 指标 column`,
  noYearColumn: (p) =>
    `Line ${p.line}: the header has no year column (年份/year); add one, or put years as column names (2021, 2022年, ...)`,
  unclosedQuote: (p) =>
    `Unclosed quote (") at line ${p.line}: everything from there to the end of the file would become one cell, so the file was not imported. Add the matching quote or remove the stray one.`,
  malformedHeaderQuotes: (p) =>
    `Malformed quotes on line ${p.line}, at or above the header: the header cannot be read.`,
  noDataRows: (p) => `There are no data rows after the header on line ${p.line}.`,

  issue: (p) => {
    const where =
      p.line > 0
        ? `Line ${p.line}${p.column ? `, column "${p.column}"` : ''}: `
        : p.column
          ? `Column "${p.column}": `
          : '';
    const s = `${where}${p.reason}${p.outcome ? `; ${p.outcome}` : ''}`;
    return /[.!?]$/.test(s) ? s : `${s}.`;
  },
  reasons: (p) => `${p.first}; ${p.then}`,
  rowDropped: 'row not imported',
  cellDropped: 'cell not imported',
  rowSkipped: 'row skipped',
  kept: '',

  fromTitle: (p) => `the title on line ${p.line}`,
  fromFileName: 'the file name',
  cityFromTitle: (p) => `No city column: all rows are assigned to "${p.place}", named in ${p.from}`,
  indicatorFromTitle: (p) => `No indicator column: all rows are read as "${p.indicator}"`,
  periodFromTitle: (p) => `No year column: all rows are read as ${p.year}, from the title`,
  columnIgnored: 'column not recognised; not used',
  fieldCount: (p) => `expected ${p.expected} fields (as in the header), found ${p.found}`,
  footnoteRow: 'this is a footnote or source line, not data',
  malformedQuotes: 'malformed quotes (a quote inside a cell must be doubled: "")',

  cityEmpty: 'the city is empty',
  totalRow: (p) => `"${p.raw}" is a total row, not a place`,
  indicatorEmpty: 'the indicator name is empty',
  yearEmpty: 'the year is empty',
  yearUnsupported: (p) =>
    `"${p.raw}" is neither a full year nor a first half: only 2022, 2022年, 2022-H1, 2022上半年 are supported`,
  yearInvalid: (p) => `"${p.raw}" is not a year (expected ${p.min}-${p.max}, e.g. 2022, 2022年, 2022-H1)`,
  yearMasked: (p) => `the year "${p.raw}" is masked: imported with an empty period`,
  badKind: (p) => `kind "${p.raw}" is not recognised (use actual, target, reference, derived)`,
  badComparator: (p) => `comparator "${p.raw}" is not recognised (use =, ~, >, >=, <, <=)`,
  qualifierVsColumn: (p) => `the qualifier in "${p.raw}" contradicts the comparator column`,

  unitColumn: 'unit column',
  unitInName: "the indicator name's brackets",
  unitInHeader: "the column header's brackets",
  unitLine: (p) => `the unit line on line ${p.line}`,
  unitDoesNotFit: (p) =>
    `the unit ${p.unit} (${p.from}) does not fit the unit of "${p.indicator}" (${p.target ?? '(none)'})`,
  unitConvertedFrom: (p) => `unit ${p.unit} (${p.from}) converted to ${p.target ?? '(none)'} (×10^${p.exp})`,
  unitWhereNoneBefore: (p) =>
    `"${p.raw}" has the unit ${p.unit}, but earlier values of "${p.indicator}" had none; add a unit column`,

  valueEmpty: 'the cell is empty: missing, not 0',
  valueMasked: (p) => `"${p.raw}" means masked / not available: kept as missing`,
  valueRange: (p) => `"${p.raw}" is a range, not a single value: kept as missing (neither end is used)`,
  excelError: (p) => `"${p.raw}" is an Excel error value, not a number`,
  notFinite: (p) => `"${p.raw}" is not a finite number`,
  formula: (p) => `"${p.raw}" looks like a spreadsheet formula, not a value (formulas are never run)`,
  conflictingQualifiers: (p) => `"${p.raw}" has qualifiers that contradict each other`,
  notANumber: (p) => `"${p.raw}" is not a number`,
  commaWithSemicolons: (p) =>
    `"${p.raw}": the comma may be a decimal comma or a thousands separator; use a decimal point (e.g. 1.5)`,
  decimalComma: (p) =>
    `"${p.raw}": the comma is not a thousands separator (groups of three) and may be a decimal comma; use a decimal point`,
  badGrouping: (p) => `"${p.raw}": digit grouping is not in threes`,
  spacesInNumber: (p) => `"${p.raw}": spaces inside the number are not thousands grouping`,
  qualifierKept: (p) => `"${p.raw}" kept as ${COMPARATOR_EN[p.comparator]} (${p.comparator})`,
  unknownUnit: (p) => `"${p.raw}" has a unit that is not understood: "${p.unit}"`,
  percentNotAllowed: (p) =>
    `"${p.raw}" is a percentage, but this indicator is measured in ${p.target}, not %`,
  unitMismatch: (p) => `"${p.raw}": unit ${p.unit} does not fit this indicator's unit ${p.target}`,
  valueConverted: (p) =>
    `"${p.raw}"${p.stated === null ? '' : ` (unit ${p.stated})`} converted to ${p.value}${p.unit ? ' ' + p.unit : ''}`,
  outOfRange: (p) => `"${p.raw}" is out of the representable range`,

  formulaNoValue:
    'a formula cell without a calculated value (the workbook was not recalculated before saving): missing, not 0',
  unitRowRead: "the row under the header holds units: used as each column's unit",
  mappingHeaderGone: (p) =>
    `Line ${p.line} is not near the top of the table and cannot be the header: map the columns again`,
  mappingTwice: (p) =>
    `Column ${p.column} cannot be both the ${p.first} and the ${p.second} column: give each column one part`,

  reportFound: (p) =>
    `${whatEn(p)} is a work report: check the figures read from it before they are added to the dashboard.`,
  notAReport: (p) =>
    `${whatEn(p)} does not read as a work report (no figures with units were found): upload or paste the text of a work report or summary.`,
  notAReportTable: (p) =>
    `${whatEn(p)} does not read as a work report (no figures with units were found); it looks like a table: import it as a table (upload a CSV or an Excel workbook, or paste it and press "Import").`,
  reportTooLong: (p) =>
    `${whatEn(p)} is ${p.size}, over 10 MB: no work report is that long, so it was not read. Upload or paste only the report's own text.`,
  reportEmpty: (p) => `${whatEn(p)} holds no text: there is no report to read.`,
  reportImagesOnly: (p) =>
    `${whatEn(p)} holds only pictures, no text: it looks like a scan, and text in images cannot be read. Paste the report's text instead, or upload a Word document (.docx) or text file (.txt) that has the text.`,
  docxDamaged: (p) =>
    `${whatEn(p)} is a Word document (.docx) but is damaged and cannot be read (perhaps an incomplete download): open it in Word or WPS and save a copy, or paste its text (${p.detail}).`,
  docxTooLarge: (p) =>
    `${whatEn(p)} (a Word document) unpacks to more than the ${p.limit} limit and was not read (it may be a "zip bomb"): paste the report's text instead.`,
  legacyDoc: (p) =>
    `${whatEn(p)} is an old Word document (.doc), which cannot be read: in Word or WPS, "Save As" a Word document (.docx) and upload that, or paste its text.`,
  workbookNotReport: (p) =>
    `${whatEn(p)} is an Excel / WPS workbook, not a text report: import it as a table.`,

  fileUnreadable: (p) => `The file could not be read: ${p.detail}`,
  importInternal: (p) => `Internal error while importing: ${p.detail}`,
};

/** both('notANumber', { raw: 'abc' }) -> { zh: '“abc”不是数字', en: '"abc" is not a number' } */
export const { both } = catalogue(zh, en);
