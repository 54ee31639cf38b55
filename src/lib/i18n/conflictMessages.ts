// What the upload panel says of conflicts with data already there and of a file uploaded again, in Chinese and
// English: loaded with the panel, not in the first-load bundle (the tooltip's two words are in charts/common.ts).
import { catalogue, type Twin } from './catalogue';

const zh = {
  conflictsTitle: (p: { name: string; n: number }) => `「${p.name}」与已有数据不一致 ${p.n} 处`,
  conflictsHint: '每处图表只画一个值：默认画你的，可逐条改选。',
  yours: (p: { name: string; value: string }) => `你的文件「${p.name}」：${p.value}`,
  report: (p: { title: string; value: string }) => `报告《${p.title}》：${p.value}`,
  earlier: (p: { name: string; value: string }) => `先前上传「${p.name}」：${p.value}`,
  drawn: '图中画',
  drawYours: (p: { value: string }) => `你的 ${p.value}`,
  drawReport: (p: { value: string }) => `报告的 ${p.value}`,
  drawEarlier: (p: { value: string }) => `先前上传的 ${p.value}`,
  allYours: '全部画你的',
  allReport: '全部画报告的',
  allExisting: '全部画已有的',
  moreConflicts: (p: { n: number; rest: number }) => `再显示 ${p.n} 处（还有 ${p.rest} 处未显示）`,
  openConflicts: (p: { n: number }) => `${p.n} 处不一致`,
  sameFile: (p: { name: string }) => `已载入过同一文件「${p.name}」：`,
  sameName: (p: { name: string }) => `已载入过同名文件「${p.name}」，内容不同：`,
  sameNameUnknown: (p: { name: string }) => `已载入过同名文件「${p.name}」（无法判断内容是否相同）：`,
  replace: '替换',
  addSecond: '作为第二份添加',
  cancel: '取消',
  notAdded: '未添加：已载入的数据不变。',
};

const en: Twin<typeof zh> = {
  conflictsTitle: (p) => `"${p.name}" disagrees with data already here in ${p.n} place(s)`,
  conflictsHint: 'The charts draw one value for each: yours unless you choose otherwise, row by row.',
  yours: (p) => `Your file "${p.name}": ${p.value}`,
  report: (p) => `Report "${p.title}": ${p.value}`,
  earlier: (p) => `Earlier upload "${p.name}": ${p.value}`,
  drawn: 'Drawn',
  drawYours: (p) => `yours, ${p.value}`,
  drawReport: (p) => `the report's, ${p.value}`,
  drawEarlier: (p) => `the earlier upload's, ${p.value}`,
  allYours: 'Draw yours for all',
  allReport: "Draw the report's for all",
  allExisting: 'Draw the values already here for all',
  moreConflicts: (p) => `Show ${p.n} more (${p.rest} not shown)`,
  openConflicts: (p) => `${p.n} conflict(s)`,
  sameFile: (p) => `This file was loaded before as "${p.name}":`,
  sameName: (p) => `A file of this name was loaded before ("${p.name}"), with other content:`,
  sameNameUnknown: (p) =>
    `A file of this name was loaded before ("${p.name}"); whether the content is the same cannot be told:`,
  replace: 'Replace',
  addSecond: 'Add as a second upload',
  cancel: 'Cancel',
  notAdded: 'Not added: the data loaded stays as it was.',
};

/**
 * t('zh', 'replace') -> '替换'
 * t('en', 'sameFile', { name: 'wuhu.csv' }) -> 'This file was loaded before as "wuhu.csv":'
 */
export const { t, both } = catalogue(zh, en);
