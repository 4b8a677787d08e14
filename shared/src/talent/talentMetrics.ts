/**
 * The inputs a job model's dimensions may score: portrait metrics (computed monthly from synced data, see README
 * “人才画像与岗位匹配”) and assessment scores (0–100 per capability dimension). Each says which way is better, so a
 * threshold rule knows whether “≥ 目标” or “≤ 目标” meets it.
 */
export interface TalentMetricInfo {
  label: string;
  unit: string;
  better: 'higher' | 'lower';
  /** How the value is defined, in one Chinese sentence (shown next to it). */
  means: string;
}

export const PORTRAIT_METRICS = {
  smallDeals: { label: '小客户成交', unit: '份', better: 'higher', means: '当月签约、未取消、金额低于大客户门槛的合同数' },
  bigDeals: { label: '大客户成交', unit: '份', better: 'higher', means: '当月签约、未取消、金额达到大客户门槛的合同数' },
  smallDealValue: { label: '小客户成交额', unit: '元', better: 'higher', means: '当月小客户合同金额合计' },
  bigDealValue: { label: '大客户成交额', unit: '元', better: 'higher', means: '当月大客户合同金额合计' },
  bigRevenueShare: { label: '大客户收入占比', unit: '%', better: 'higher', means: '近 12 个月大客户合同金额 ÷ 全部合同金额' },
  closeRate: { label: '成交率', unit: '%', better: 'higher', means: '近 3 个月跟进过的客户中，在跟进后签约的客户所占比例' },
  bigCycleDays: { label: '大客户成交周期', unit: '天', better: 'lower', means: '近 12 个月大客户合同：从对该客户首次跟进到签约的平均天数' },
  renewalRate: { label: '续签率', unit: '%', better: 'higher', means: '近 24 个月签约的合同中，约定续签（续签年数 ≥ 1）的所占比例' },
  satisfaction: { label: '客户满意度', unit: '分', better: 'higher', means: '近 12 个月导入的客户满意度评分（0–10）的平均值' },
  collaborationsPerMonth: { label: '跨部门协作', unit: '次/月', better: 'higher', means: '近 3 个月跨部门协作次数的月均值' },
  bigClientMonths: { label: '大客户跟进经验', unit: '个月', better: 'higher', means: '近 24 个月中跟进过大客户的月份数' },
} as const satisfies Record<string, TalentMetricInfo>;

export const ASSESSMENT_DIMENSIONS = {
  customerInsight: { label: '测评：客户洞察', unit: '分', better: 'higher', means: '测评中客户洞察 / 需求调研题的得分（0–100）' },
  solutionDesign: { label: '测评：方案设计', unit: '分', better: 'higher', means: '测评中方案设计题的得分（0–100）' },
  resourceCoordination: { label: '测评：资源协调', unit: '分', better: 'higher', means: '测评中资源协调题的得分（0–100）' },
  longTermMaintenance: { label: '测评：长期维护', unit: '分', better: 'higher', means: '测评中长期维护题的得分（0–100）' },
} as const satisfies Record<string, TalentMetricInfo>;

export type PortraitMetricKey = keyof typeof PORTRAIT_METRICS;
export type AssessmentKey = keyof typeof ASSESSMENT_DIMENSIONS;
/** A dimension's input: a portrait metric (`renewalRate`) or an assessment score (`assessment.customerInsight`). */
export type TalentInputKey = PortraitMetricKey | `assessment.${AssessmentKey}`;

/** The metric or assessment behind an input key, or null for an unknown key. */
export function talentInputInfo(key: string): TalentMetricInfo | null {
  if (key.startsWith('assessment.')) {
    const a = key.slice('assessment.'.length);
    return Object.hasOwn(ASSESSMENT_DIMENSIONS, a) ? ASSESSMENT_DIMENSIONS[a as AssessmentKey] : null;
  }
  return Object.hasOwn(PORTRAIT_METRICS, key) ? PORTRAIT_METRICS[key as PortraitMetricKey] : null;
}

/** Every input key a dimension may name, in catalogue order. */
export const TALENT_INPUT_KEYS: readonly TalentInputKey[] = [
  ...(Object.keys(PORTRAIT_METRICS) as PortraitMetricKey[]),
  ...(Object.keys(ASSESSMENT_DIMENSIONS) as AssessmentKey[]).map((k) => `assessment.${k}` as const),
];
