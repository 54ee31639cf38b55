// What the workbook reader tells the user, in Chinese and English. Loads with the reader (in the import worker,
// on demand), never in the first-load bundle.
import { catalogue, type Twin } from './catalogue';

const zh = {
  protected:
    '工作簿设有打开密码（已加密），无法读取：请在 Excel 或 WPS 中用密码打开，取消“用密码进行加密”后保存，再上传',
  damaged: (p: { detail: string }) =>
    `工作簿已损坏，无法读取（可能未下载完整）。请重新下载，或在 Excel / WPS 中打开后另存一份再上传（技术信息：${p.detail}）`,
  zipNotWorkbook:
    '这是压缩文件（zip，或 Word / PowerPoint 文档），里面没有工作表：请上传 Excel 工作簿（.xlsx、.xls、.ods）或 CSV',
  inflatedTooLarge: (p: { size: string; limit: string }) =>
    `工作簿解压后有 ${p.size}，超过了 ${p.limit} 的上限，未读取（可能是“压缩炸弹”）：请拆分成较小的工作簿`,
  sheetTooLarge: (p: { sheet: string; cells: string; limit: string }) =>
    `工作表“${p.sheet}”有 ${p.cells} 个单元格，超过了 ${p.limit} 的上限，未读取：请删去空行空列或拆分后再上传`,
  sheetMissing: (p: { sheet: string }) => `工作簿里没有名为“${p.sheet}”的工作表`,
  emptyWorkbook: '工作簿里的工作表都是空的：没有任何数据',
  chooseSheet: (p: { n: number }) => `工作簿里有 ${p.n} 个工作表像是数据表：请选择要导入哪一个`,
  noTableInPage: '网页里没有表格（<table>）',
};

const en: Twin<typeof zh> = {
  protected:
    'The workbook is password-protected (encrypted) and cannot be read: open it in Excel or WPS with its password, remove "Encrypt with password", save, and upload again.',
  damaged: (p) =>
    `The workbook is damaged and cannot be read (perhaps an incomplete download): ${p.detail}. Download it again, or open it in Excel / WPS and save a copy.`,
  zipNotWorkbook:
    'This is a zip archive (or a Word / PowerPoint document) with no worksheet in it: upload an Excel workbook (.xlsx, .xls, .ods) or a CSV file.',
  inflatedTooLarge: (p) =>
    `The workbook unpacks to ${p.size}, over the ${p.limit} limit, and was not read (it may be a "zip bomb"): split it into smaller workbooks.`,
  sheetTooLarge: (p) =>
    `Sheet "${p.sheet}" has ${p.cells} cells, over the ${p.limit} limit, and was not read: delete empty rows and columns or split it.`,
  sheetMissing: (p) => `The workbook has no sheet named "${p.sheet}".`,
  emptyWorkbook: 'Every sheet of the workbook is empty: there is no data.',
  chooseSheet: (p) => `${p.n} sheets of the workbook look like data tables: choose the one to import.`,
  noTableInPage: 'The web page holds no table (<table>).',
};

/** both('sheetMissing', { sheet: '2023' }) -> { zh: '工作簿里没有名为“2023”的工作表', en: … } */
export const { both } = catalogue(zh, en);
