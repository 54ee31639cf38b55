// What is wrong with a record, a link or a stored table, in Chinese and English (validation runs where the
// reader's language is not known: the messages come back in both).
import { catalogue, type Twin } from '../i18n/catalogue.ts'; // named in full: vite.config.ts reaches this file

/** What an issue message may use: the value found, the limit, the forbidden key. */
export interface IssueParams {
  got: string;
  max: string;
  key: string;
}
type Issue = (p: IssueParams) => string;

const issuesZh = {
  forbiddenKey: ((p) => `含有不允许的键“${p.key}”`) as Issue,
  empty: (() => '不能为空') as Issue,
  notDate: (() => '不是有效日期') as Issue,
  wrongShape: (() => '结构不对') as Issue,
  missing: (() => '缺失') as Issue,
  object: (() => '应为对象') as Issue,
  array: (() => '应为列表') as Issue,
  string: ((p) => `应为文本，实为 ${p.got}`) as Issue,
  picklist: ((p) => `未知取值“${p.got}”`) as Issue,
  number: ((p) => `应为有限数值或空，实为 ${p.got}`) as Issue,
  max_length: ((p) => `文本过长（上限 ${p.max} 字符）`) as Issue,
  max_entries: ((p) => `条目过多（上限 ${p.max}）`) as Issue,
  invalid: ((p) => `取值不对：${p.got}`) as Issue,
};
/** The messages a valibot issue can be told with (its type, or the marker a check gives as its message). */
export type IssueKey = keyof typeof issuesZh;

const zh = {
  ...issuesZh,
  at: (p: { where: string; what: string }) => `${p.where}：${p.what}`,
  unreadable: (p: { where: string }) => `${p.where}：记录无法读取`,
  damagedRow: (p: { row: number; field: string }) =>
    `第 ${p.row} 条数据已损坏${p.field ? `（${p.field}）` : ''}`,
  rowsMissing: '缺少数据行',
  unknownRowFormat: '无法识别的数据行格式',
  damagedColumns: '数据列已损坏',
};

const en: Twin<typeof zh> = {
  forbiddenKey: (p) => `forbidden key "${p.key}"`,
  empty: () => 'must not be empty',
  notDate: () => 'not a valid date',
  wrongShape: () => 'has the wrong shape',
  missing: () => 'missing',
  object: () => 'expected an object',
  array: () => 'expected a list',
  string: (p) => `expected text, got ${p.got}`,
  picklist: (p) => `unknown value "${p.got}"`,
  number: (p) => `expected a finite number or null, got ${p.got}`,
  max_length: (p) => `text too long (limit ${p.max} characters)`,
  max_entries: (p) => `too many entries (limit ${p.max})`,
  invalid: (p) => `invalid value: ${p.got}`,
  at: (p) => `${p.where}: ${p.what}`,
  unreadable: (p) => `${p.where}: record could not be read`,
  damagedRow: (p) => `damaged row ${p.row}${p.field ? ` (${p.field})` : ''}`,
  rowsMissing: 'rows are missing',
  unknownRowFormat: 'unknown row format',
  damagedColumns: 'damaged columns',
};

export const tableMessages = catalogue(zh, en);

/** isIssueKey('empty') -> true: a check's marker message that names its own words. */
export function isIssueKey(s: string): s is IssueKey {
  return Object.prototype.hasOwnProperty.call(issuesZh, s);
}
