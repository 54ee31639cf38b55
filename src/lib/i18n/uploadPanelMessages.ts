// The upload panel's own words and the import client's, in Chinese and English: they load on the main thread with
// the panel, so they are apart from the importer's catalogue (importMessages.ts, which the worker carries).
import { catalogue, type Twin } from './catalogue';

const zh = {
  imported: '已导入',
  warned: '有提示',
  yourData: '已上传的数据',
  remove: '删除',
  rename: '重命名',
  pastedTable: '粘贴的表格',
  importPasted: '导入',
  pastedReport: '粘贴的报告',
  readAsReport: '作为工作报告读取',
  importCrashed: (p: { error: string }) => `导入出错：${p.error}`,
  importCancelled: '导入已取消',
  stillImporting: (p: { file: string }) => `上一个文件还在导入，“${p.file}”未读取：请等它完成后再选一次`,
  tooLarge: (p: { size: string; limit: string }) =>
    `文件太大（${p.size}），超过了 ${p.limit} 的上限，未读取：请拆分成较小的文件后再上传`,
};

const en: Twin<typeof zh> = {
  imported: 'imported',
  warned: 'with warnings',
  yourData: 'Your uploaded data',
  remove: 'Remove',
  rename: 'Rename',
  pastedTable: 'pasted table',
  importPasted: 'Import',
  pastedReport: 'pasted report',
  readAsReport: 'Read as a work report',
  importCrashed: (p) => `Import failed: ${p.error}`,
  importCancelled: 'The import was cancelled.',
  stillImporting: (p) =>
    `The last file is still being imported, so "${p.file}" was not read: choose it again once that is done.`,
  tooLarge: (p) =>
    `The file is too large (${p.size}), over the ${p.limit} limit, and was not read: split it into smaller files.`,
};

/**
 * t('zh', 'pastedTable') -> '粘贴的表格'
 * both('importCancelled') -> { zh: '导入已取消', en: 'The import was cancelled.' }
 */
export const { t, both } = catalogue(zh, en);
