/**
 * What the weekly run reads from other domains for 绩效发放, 岗位匹配分 and 培训, each through the owning domain's
 * named query (one grouped query each for the corp): published payout totals (pay), stored match scores (talent),
 * training records (people's 培训). The months read: the week's month and the 6 before it (the signal uses the
 * latest month and up to 3 before that).
 */
import type { DataSource } from 'typeorm';
import { addDays, addMonths, type MonthValue, type TrainingDone } from '@liucai/shared';
import { publishedPayoutTotals } from '../../pay/queries/publishedPayouts';
import { matchScoreHistory } from '../../talent/queries/talentScores';
import { trainingRecordsByPerson } from '../../people/queries/trainingRecords';

export const DOMAIN_MONTHS = 7;

export interface DomainSignalInputs {
  payouts: Map<string, MonthValue[]>;
  scores: Map<string, MonthValue[]>;
  training: Map<string, TrainingDone[]>;
}

/** The months up to the week's month (from `fromMonth`, default the DOMAIN_MONTHS before; the model's training reads a year). */
export async function domainSignalInputs(ds: DataSource, corpId: string, weekStart: string, fromMonth?: string): Promise<DomainSignalInputs> {
  const to = addDays(weekStart, 6).slice(0, 7);
  const from = fromMonth ?? addMonths(to, -(DOMAIN_MONTHS - 1));
  return {
    payouts: await publishedPayoutTotals(ds, corpId, from, to),
    scores: await matchScoreHistory(ds, corpId, from, to),
    training: await trainingRecordsByPerson(ds, corpId),
  };
}
