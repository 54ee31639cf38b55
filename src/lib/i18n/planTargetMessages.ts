// The plan-target chart's own words (statuses, their reasons, group titles), beside the UI catalogue as the
// chart's code is beside the other charts'. Typed like the UI catalogue (catalogue.ts).
import { catalogue, type TextKey, type Twin } from './catalogue';

const zh = {
  achievedAxis: '完成度（目标 = 100%）',
  statusReached: '已达成',
  statusOnTrack: '进度符合',
  statusBehind: '进度落后',
  statusMissed: '未达成',
  statusCannotTell: '无法判断',
  statusNotComparable: '不可比',
  statusMasked: '已遮蔽',
  statusNoActual: '尚无实际值',
  reasonMet: '规划年的实际值达到目标',
  reasonMetEarly: '较早年份的水平已达到目标',
  reasonAheadOfPath: '不低于从基期到目标的直线进度',
  reasonBehindPath: '低于从基期到目标的直线进度',
  reasonFellShort: '规划年的实际值未达到目标',
  reasonBoundUndecided: '实际值只给出下限或上限，不足以判断',
  reasonSingleLevel: '只有一个较早的实际值，画不出进度线',
  reasonPlanYearMissing: '数据已到规划年之后，却没有规划年的数字',
  reasonOtherPeriod: '实际值是其他年份的当期数（新增量、增速），不能与本年目标相比',
  reasonOtherScope: '只有其他口径的实际值',
  reasonTargetMasked: '目标值在原文中已遮蔽（不是 0）',
  reasonActualMasked: '实际值在原文中已遮蔽（不是 0）',
  reasonNoActual: '数据中没有规划年或更早的同类实际值',
  planGroup: (p: { place: string; period: string }) => `${p.place} · ${p.period}目标`,
  continued: (p: { text: string }) => `${p.text}（续）`,
  onPath: (p: { pct: string }) => `按直线进度此时应达 ${p.pct}`,
  statusKey: (p: { items: string[] }) => `状态：${p.items.join('  ')}`,
};

const en: Twin<typeof zh> = {
  achievedAxis: '% of target (target = 100%)',
  statusReached: 'Reached',
  statusOnTrack: 'On track',
  statusBehind: 'Behind',
  statusMissed: 'Missed',
  statusCannotTell: 'Cannot tell',
  statusNotComparable: 'Not comparable',
  statusMasked: 'Masked',
  statusNoActual: 'No actual yet',
  reasonMet: "the plan year's actual meets the target",
  reasonMetEarly: 'an earlier level already meets the target',
  reasonAheadOfPath: 'at or ahead of the straight path from the baseline to the target',
  reasonBehindPath: 'short of the straight path from the baseline to the target',
  reasonFellShort: "the plan year's actual falls short of the target",
  reasonBoundUndecided: 'the actual is only a lower or upper bound: not enough to decide',
  reasonSingleLevel: 'one earlier actual only: no path to judge progress by',
  reasonPlanYearMissing: 'the data go on past the plan year but have no figure for it',
  reasonOtherPeriod:
    "the actual is another year's own amount (added, or growth): not comparable with this year's target",
  reasonOtherScope: 'only an actual of another scope',
  reasonTargetMasked: 'the target is masked in the source (not zero)',
  reasonActualMasked: 'the actual is masked in the source (not zero)',
  reasonNoActual: 'the data have no actual of the plan year or earlier, of the same kind of period',
  planGroup: (p) => `${p.place} · ${p.period} targets`,
  continued: (p) => `${p.text} (continued)`,
  onPath: (p) => `straight path: ${p.pct} by now`,
  statusKey: (p) => `Status: ${p.items.join('  ')}`,
};

/** Keys of its plain-text messages (status names, reasons). */
export type PlanTextKey = TextKey<typeof zh>;

/** t('en', 'statusOnTrack') -> 'On track' */
export const { t } = catalogue(zh, en);
