/**
 * The registered notification kinds. A feature that tells people something adds its kind here: the label HR sees
 * in 通知记录 and the phrase a digest uses for n items of the kind ("2 项测评未完成"). Unknown kinds are refused
 * when recorded, so a typo never sends a message nobody can explain.
 */
export interface NotifyKindSpec {
  /** What HR sees in 通知记录, e.g. “数据同步失败”. */
  label: string;
  /** The digest phrase for `n` items of this kind, e.g. n => `${n} 项数据同步失败`. */
  digestPhrase: (n: number) => string;
}

export const NOTIFY_KINDS = {
  'sync.failed': { label: '数据同步失败', digestPhrase: (n: number) => `${n} 项数据同步失败` },
  'sync.budgetStopped': { label: '同步因调用额度暂停', digestPhrase: (n: number) => `${n} 项同步因本月钉钉调用额度不足暂停` },
  'system.test': { label: '测试通知', digestPhrase: (n: number) => `${n} 条测试通知` },
  'retention.absenceWithoutLeave': { label: '未填请假单不来上班', digestPhrase: (n: number) => `${n} 人次未打卡且没有请假` },
  'retention.riskHigh': { label: '离职风险转为高', digestPhrase: (n: number) => `${n} 人离职风险转为高` },
  'outcomes.monthlySummary': { label: '转型看板月报', digestPhrase: (n: number) => `${n} 份转型看板月报` },
  'assessment.invited': { label: '测评邀请', digestPhrase: (n: number) => `${n} 项测评待完成` },
  'assessment.reminder': { label: '测评催办', digestPhrase: (n: number) => `${n} 项测评即将截止或已逾期` },
  'pulse.invited': { label: '脉搏调查邀请', digestPhrase: (n: number) => `${n} 项脉搏调查待作答` },
  'atmosphere.negative': { label: '团队氛围转为消极', digestPhrase: (n: number) => `${n} 个团队氛围转为消极` },
  'kpi.promotionEligible': { label: '连续达标可晋升', digestPhrase: (n: number) => `${n} 人连续达标，具备晋升资格` },
} as const satisfies Record<string, NotifyKindSpec>;

export type NotifyKind = keyof typeof NOTIFY_KINDS;

/** True when `kind` is registered. */
export function isNotifyKind(kind: string): kind is NotifyKind {
  return Object.prototype.hasOwnProperty.call(NOTIFY_KINDS, kind);
}

/** The label of a kind (the kind itself when unknown, e.g. rows of a kind since removed). */
export function notifyKindLabel(kind: string): string {
  return isNotifyKind(kind) ? NOTIFY_KINDS[kind].label : kind;
}
