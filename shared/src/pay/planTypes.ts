/**
 * An incentive plan as declarative data: the components that pay, per-period caps and a transition guarantee.
 * Money in integer fen, rates in basis points (1 bp = 0.01%, so 0.8% = 80 bp), satisfaction in tenths (9.2 = 92).
 * A plan version stores exactly this object (JSON); `validatePlanDefinition` is the only way one is accepted.
 */

/** The component kinds, with their Chinese names. */
export const COMPONENT_KINDS = {
  percentOfContract: '合同金额提成',
  thresholdBonus: '门槛奖金',
  renewalPercent: '续约年度提成',
  perEvent: '按次奖励',
  tiered: '阶梯提成与超额加速',
} as const;
export type ComponentKind = keyof typeof COMPONENT_KINDS;

/** Countable events a per-event component pays for. `coordination`: a cross-department collaboration record. */
export const PAY_EVENTS = { coordination: '跨部门协作' } as const;
export type PayEvent = keyof typeof PAY_EVENTS;

/** Metrics a threshold bonus can test. `satisfaction`: the contract's customer satisfaction score (0–10). */
export const THRESHOLD_METRICS = { satisfaction: '客户满意度' } as const;
export type ThresholdMetric = keyof typeof THRESHOLD_METRICS;

interface ComponentBase {
  /** Stable id within the plan (`contract`, `satisfaction`): lines carry it as `component`. */
  id: string;
  /** Chinese name shown on every line (合同提成). */
  label: string;
  /** Optional: this component pays at most this much per period (all its lines together), in fen. */
  capFen?: number | null;
}

/** `rateBp` of each contract's value: 0.8% → 80. */
export interface PercentOfContractComponent extends ComponentBase {
  kind: 'percentOfContract';
  rateBp: number;
}

/** `amountFen` once per contract whose metric is at least the threshold: 5,000 CNY when satisfaction ≥ 9. */
export interface ThresholdBonusComponent extends ComponentBase {
  kind: 'thresholdBonus';
  metric: ThresholdMetric;
  /** The threshold in tenths of the 0–10 score (9 → 90). */
  thresholdTenths: number;
  amountFen: number;
}

/** `rateBpPerYear` of the contract's value for each renewal year: 0.5% a year → 50 (2 years = 1%). */
export interface RenewalPercentComponent extends ComponentBase {
  kind: 'renewalPercent';
  rateBpPerYear: number;
  /** Optional: years beyond this are not paid. */
  maxYears?: number | null;
}

/** `amountFenPerEvent` per counted event in the period: 200 CNY per coordination with the technical department. */
export interface PerEventComponent extends ComponentBase {
  kind: 'perEvent';
  event: PayEvent;
  /** Only events with this department count (技术部); null: any department. */
  withDepartment?: string | null;
  amountFenPerEvent: number;
  /** Optional: events beyond this many in a period are not paid. */
  maxEvents?: number | null;
}

/** One band of a tiered component: from `fromFen` of the period's cumulative contract value, `rateBp` applies. */
export interface Tier {
  fromFen: number;
  rateBp: number;
}

/**
 * Marginal tiers over the period's cumulative contract value (a quota with an accelerator above it): each slice of
 * a contract's value is paid at the rate of the band it falls in, counting what was booked earlier in the period.
 */
export interface TieredComponent extends ComponentBase {
  kind: 'tiered';
  /** Ascending `fromFen`; the first starts at 0. */
  tiers: Tier[];
}

export type PlanComponent = PercentOfContractComponent | ThresholdBonusComponent | RenewalPercentComponent | PerEventComponent | TieredComponent;

/**
 * The transition guarantee (draw): during the first `rampMonths` months on this plan, a person is paid at least
 * `floorBp` (10000 = 100%) of their baseline, the average monthly incentive they earned in the months before the
 * move (the baseline is an input; see `GuaranteeInput`). The top-up is a line of its own and is not recovered later.
 */
export interface GuaranteeRule {
  rampMonths: number;
  floorBp: number;
}

export interface IncentivePlanDefinition {
  components: PlanComponent[];
  /** Optional: all lines of a period together pay at most this much, in fen (before the guarantee). */
  periodCapFen?: number | null;
  guarantee?: GuaranteeRule | null;
}
