// Collects row problems with exact totals but a capped list, so a bad 1M-row file does not make 1M messages.
// Example: log.add(5, '数值', 'error', 'not-a-number', 'abc', both('notANumber', { raw: 'abc' }), ROW_DROPPED)
//   -> { line: 5, column: '数值', severity: 'error', code: 'not-a-number', raw: 'abc',
//        message: { zh: '第5行“数值”列：“abc”不是数字；该行未导入。', en: 'Line 5, column "数值": "abc" is not a number; row not imported.' } }

import type { ImportIssue, Msg, Severity } from './types';
import { MAX_ISSUES_PER_SEVERITY } from './types';
import { both } from '../i18n/importMessages';

/** What happened to the record, appended to the reason. */
export const ROW_DROPPED: Msg = both('rowDropped');
export const CELL_DROPPED: Msg = both('cellDropped');
export const ROW_SKIPPED: Msg = both('rowSkipped');
export const KEPT: Msg = both('kept');

const RAW_MAX = 200;

export class IssueLog {
  errors = 0;
  warnings = 0;
  readonly list: ImportIssue[] = [];
  private listedErrors = 0;
  private listedWarnings = 0;

  constructor(private readonly cap = MAX_ISSUES_PER_SEVERITY) {}

  /** Whether another issue of this severity would still be listed (callers may skip building messages). */
  wants(severity: Severity): boolean {
    return severity === 'error' ? this.listedErrors < this.cap : this.listedWarnings < this.cap;
  }

  add(
    line: number,
    column: string,
    severity: Severity,
    code: string,
    raw: string,
    reason: Msg,
    outcome: Msg,
  ): void {
    if (severity === 'error') this.errors++;
    else this.warnings++;
    if (!this.wants(severity)) return;
    if (severity === 'error') this.listedErrors++;
    else this.listedWarnings++;
    this.list.push({
      line,
      column,
      severity,
      code,
      raw: raw.length > RAW_MAX ? raw.slice(0, RAW_MAX) + '…' : raw,
      message: compose(line, column, reason, outcome),
    });
  }
}

/** '第5行“数值”列：<reason>；<outcome>。' / 'Line 5, column "数值": <reason>; <outcome>.' (line 0 = the file). */
export function compose(line: number, column: string, reason: Msg, outcome: Msg): Msg {
  return both('issue', { line, column, reason, outcome });
}

/** Joins several reasons about one record into one message. */
export function joinMsgs(list: readonly Msg[]): Msg {
  if (list.length <= 1) return list[0] ?? KEPT;
  return list.reduce((first, then) => both('reasons', { first, then }));
}
