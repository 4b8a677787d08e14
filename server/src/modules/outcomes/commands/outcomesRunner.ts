/**
 * The outcomes step of the nightly run, after the retention radar: alerts for risks that turned 高 in the week just
 * computed, the 转型看板's stored rows of the trailing months, the month's summary to HR (once a month each), the
 * pulse surveys' due rounds and each team's atmosphere (团队氛围, alerts on a turn to 消极).
 * Each part failing is logged by the caller and never fails the syncs before it.
 */
import type { DataSource } from 'typeorm';
import { addMonths } from '@liucai/shared';
import { shanghaiDate } from '../../../util/dates';
import { notifyRiskTurnsHigh } from '../../retention/commands/riskTurnNotifier';
import { computeOutcomeFacts } from './outcomeFactsComputer';
import { sendMonthlySummaries } from './monthlySummaryNotifier';
import { openDueRounds } from '../../pulse/commands/pulseRoundOpener';
import { computeAtmospheres } from '../../pulse/commands/atmosphereComputer';

export interface OutcomesRunResult {
  riskAlerts: number;
  months: string[];
  rows: number;
  summaries: number;
  pulseRounds: number;
  atmospheres: number;
  atmosphereAlerts: number;
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
  // Pulse surveys: the recurring rounds due, then the atmosphere of last month and of this one so far.
  const pulseRounds = await openDueRounds(ds, corpId, now);
  let atmospheres = 0;
  let atmosphereAlerts = 0;
  for (const month of [lastMonth, shanghaiDate(now).slice(0, 7)]) {
    const a = await computeAtmospheres(ds, corpId, month, now);
    atmospheres += a.teams;
    atmosphereAlerts += a.alerts;
  }
  return { riskAlerts, months, rows, summaries, pulseRounds, atmospheres, atmosphereAlerts };
}
