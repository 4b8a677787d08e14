/** What a payout computation takes in and gives back (shared by the simulator, the API and, later, payout runs). */
import type { ComponentKind } from './planTypes';

/** One contract as the plan sees it. */
export interface ContractInput {
  /** The source row (a deal's source id) when there is one; lines carry it so a statement leads to its contract. */
  ref?: string | null;
  /** How the contract is named in explanations (合同编号 HT-001); omitted in the simulator. */
  label?: string | null;
  valueFen: number;
  /** The customer's satisfaction in tenths of the 0–10 score (9.2 → 92); null when not surveyed. */
  satisfactionTenths: number | null;
  renewalYears: number;
}

/**
 * The transition guarantee's input for one period: which month of the ramp it is (1 = the first month on the new
 * plan) and the baseline: the average monthly incentive earned in the months before the move, with where it came from.
 */
export interface GuaranteeInput {
  monthOfRamp: number;
  baselineFen: number;
  /** e.g. "转岗前 3 个月（2026-03 至 2026-05）月均激励". */
  baselineNote?: string | null;
}

/** Everything one period (or one simulated deal) brings to the plan. */
export interface PayoutInput {
  contracts: ContractInput[];
  /** Counted events of the period (coordinations with the component's department). */
  events?: { coordination?: number };
  /** Contract value booked earlier in the period and not among `contracts`: where tiers start counting. */
  bookedBeforeFen?: number;
  guarantee?: GuaranteeInput | null;
}

/** One named input of a line, for statements that lead back to their source. */
export interface LineInput {
  name: string;
  label: string;
  /** The value as shown ("150,000.00 元", "9.2", "8 次"). */
  text: string;
  /** The raw value in its unit (fen, tenths, years, count). */
  value: number;
}

export type LineKind = ComponentKind | 'componentCap' | 'periodCap' | 'guarantee';

/** One computed line: which component, how much, and the arithmetic in Chinese. */
export interface PayoutLine {
  /** The component's id (`contract`), or `periodCap` / `guarantee` for the plan-level lines. */
  component: string;
  kind: LineKind;
  label: string;
  amountFen: number;
  /** e.g. "合同金额 150,000.00 元 × 0.8% = 1,200.00 元". */
  explanation: string;
  /** The rate applied, as shown ("0.8%", "200.00 元/次"), or null for bonuses, caps and the guarantee. */
  rate: string | null;
  inputs: LineInput[];
  /** The contract this line is about (its `ref`), or null for period-level lines. */
  contractRef: string | null;
}

export interface PayoutResult {
  lines: PayoutLine[];
  totalFen: number;
  /** "1,200.00 + 5,000.00 + 1,500.00 + 1,600.00 = 9,300.00 元". */
  explanation: string;
}
