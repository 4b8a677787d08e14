/**
 * The pure parts of a payout run: the period's days, the clawback of a paid line, an adjustment line, and the
 * statement's total. The plan's own lines come from `computePayout` (payoutCalculator.ts) and nowhere else.
 *
 * Clawback rule: a contract paid in a locked run and later cancelled (or deleted in the CRM) is taken back in the
 * person's next run, one negative line per paid line of that contract, each exactly the negation of the amount that
 * was paid, at the rate that was paid (never recomputed with today's plan), linked to the line it takes back. Lines
 * that were not about the contract (caps, per-event pay, the guarantee) are not reopened.
 */
import { zh } from '../zhText';
import { sumText, yuan } from './format';
import type { LineInput } from './payoutTypes';

/** The run statuses, in order, with their Chinese names. */
export const PAYOUT_RUN_STATUSES = { draft: '草稿', locked: '已锁定', approved: '已审批', published: '已发布' } as const;
export type PayoutRunStatusName = keyof typeof PAYOUT_RUN_STATUSES;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The first and last day (yyyy-mm-dd) of a period yyyy-mm; null when it is not one. */
export function periodDays(period: string): { first: string; last: string } | null {
  const m = PERIOD.exec(period);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { first: `${period}-01`, last: `${period}-${String(days).padStart(2, '0')}` };
}

/** "2026 年 11 月". */
export const periodText = (period: string): string => `${period.slice(0, 4)} 年 ${Number(period.slice(5, 7))} 月`;

/** A line as stored, enough to take it back. */
export interface PaidLine {
  id: number;
  component: string;
  kind: string;
  label: string;
  amountFen: number;
  rate: string | null;
  contractRef: string | null;
  /** The run the line was paid in (its period). */
  period: string;
}

/** A computed line of a run that is not the plan's: a clawback or an adjustment. */
export interface ExtraLine {
  origin: 'clawback' | 'adjustment';
  component: string;
  kind: string;
  label: string;
  amountFen: number;
  rate: string | null;
  explanation: string;
  inputs: LineInput[];
  contractRef: string | null;
  originalLineId: number | null;
  adjustmentId: number | null;
}

/** The clawback of one paid line: its exact negation, at the rate that was paid, linked to it. */
export function clawbackLine(paid: PaidLine, contractLabel: string, why: string): ExtraLine {
  const amountFen = -paid.amountFen;
  return {
    origin: 'clawback',
    component: paid.component,
    kind: 'clawback',
    label: zh`追回：${paid.label}`,
    amountFen,
    rate: paid.rate,
    explanation: zh`${contractLabel}${why}，追回 ${periodText(paid.period)}已发的“${paid.label}” ${yuan(paid.amountFen)}${paid.rate ? `（按当时比例 ${paid.rate}）` : ''}：${yuan(amountFen)}`,
    inputs: [{ name: 'paid', label: '原发放金额', text: yuan(paid.amountFen), value: paid.amountFen }],
    contractRef: paid.contractRef,
    originalLineId: paid.id,
    adjustmentId: null,
  };
}

/** An adjustment (e.g. a resolved dispute) as a line of its own, with its reason. */
export function adjustmentLine(adj: { id: number; amountFen: number; reason: string; disputeId: number | null }): ExtraLine {
  return {
    origin: 'adjustment',
    component: 'adjustment',
    kind: 'adjustment',
    label: adj.disputeId ? '申诉调整' : '调整',
    amountFen: adj.amountFen,
    rate: null,
    explanation: zh`${adj.disputeId ? `申诉 #${adj.disputeId} 处理结果` : '调整'}：${adj.reason}，${adj.amountFen >= 0 ? '补发' : '扣回'} ${yuan(Math.abs(adj.amountFen))}`,
    inputs: [{ name: 'adjustment', label: '调整金额', text: yuan(adj.amountFen), value: adj.amountFen }],
    contractRef: null,
    originalLineId: null,
    adjustmentId: adj.id,
  };
}

/** A statement's total and its sum text, integer fen. */
export function statementTotal(amounts: readonly number[]): { totalFen: number; explanation: string } {
  const totalFen = amounts.reduce((s, a) => s + a, 0);
  if (!Number.isSafeInteger(totalFen)) throw new RangeError('statement total out of range');
  return { totalFen, explanation: amounts.length === 0 ? `本期无激励项，合计 ${yuan(0)}` : `${sumText(amounts)} = ${yuan(totalFen)}` };
}
