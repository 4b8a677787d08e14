/**
 * The outcomes step of the nightly run, after the retention radar: alerts for risks that turned 高 in the week just
 * computed, the 转型看板's stored rows of the trailing months, and the month's summary to HR (once a month each).
 * Each part failing is logged by the caller and never fails the syncs before it.
 */
import type { DataSource } from 'typeorm';
import { addMonths } from '@liucai/shared';
import { shanghaiDate } from '../../../util/dates';
import { notifyRiskTurnsHigh } from '../../retention/commands/riskTurnNotifier';
import { computeOutcomeFacts } from './outcomeFactsComputer';
import { sendMonthlySummaries } from './monthlySummaryNotifier';

export interface OutcomesRunResult {
  riskAlerts: number;
  months: string[];
  rows: number;
  summaries: number;
}

export async function runOutcomes(
  ds: DataSource,
  corpId: string,
  opts: { riskWeek: string | null; bigDealFen: number; now?: Date },
): Promise<OutcomesRunResult> {
  const now = opts.now ?? new Date();
  const riskAlerts = opts.riskWeek ? await notifyRiskTurnsHigh(ds, corpId, opts.riskWeek, now) : 0;
  const lastMonth = addMonths(shanghaiDate(now).slice(0, 7), -1);
  const { months, rows } = await computeOutcomeFacts(ds, corpId, { lastMonth, bigDealFen: opts.bigDealFen, now });
  const summaries = await sendMonthlySummaries(ds, corpId, lastMonth, now);
  return { riskAlerts, months, rows, summaries };
}
