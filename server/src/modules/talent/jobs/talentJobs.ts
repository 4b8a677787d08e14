/** The talent job: recompute a month's portraits and match scores (nightly after the data sync, after a publish). */
import type { DataSource } from 'typeorm';
import { addMonths } from '@liucai/shared';
import type { JobPayloads, JobQueue } from '../../../jobs/jobTypes';
import type { Logger } from '../../../logger';
import { shanghaiDate } from '../../../util/dates';
import { DEFAULT_SEGMENT_THRESHOLDS } from '../../sync/commands/customerSegments';
import { recomputeTalent } from '../commands/talentRecomputer';

export interface TalentHandlerDeps {
  ds: DataSource;
  log: Logger;
  crm?: { bigDealFen: number };
}

/**
 * The month (yyyy-mm, Asia/Shanghai) a recompute covers by default: the last complete one, so that per-month rates
 * (collaborations a month over 3 months) are never diluted by a month still running.
 */
export const lastCompletePeriod = (now = new Date()): string => addMonths(shanghaiDate(now).slice(0, 7), -1);

/** Recompute one corp's month now (the handler's work; also run inline after the nightly data sync). */
export async function runTalentRecompute(deps: TalentHandlerDeps, corpId: string, period: string): Promise<void> {
  const today = shanghaiDate(new Date());
  const out = await recomputeTalent(deps.ds, corpId, period, { bigDealFen: deps.crm?.bigDealFen ?? DEFAULT_SEGMENT_THRESHOLDS.bigDealFen, today });
  deps.log.info({ corpId, ...out }, 'talent portraits and match scores recomputed');
}

export function talentJobHandlers(deps: TalentHandlerDeps): { 'talent.recompute': (p: JobPayloads['talent.recompute']) => Promise<void> } {
  return { 'talent.recompute': ({ corpId, period }) => runTalentRecompute(deps, corpId, period) };
}

/** Enqueue a recompute of a month; one per corp, month and reason at a time (deterministic job id). */
export async function enqueueTalentRecompute(jobs: JobQueue, corpId: string, period: string, reason: string): Promise<void> {
  await jobs.enqueue('talent.recompute', { corpId, period }, { jobId: `talent-recompute-${corpId}-${period}-${reason}` });
}
