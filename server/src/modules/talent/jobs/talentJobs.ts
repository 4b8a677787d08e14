/** The talent job: recompute a month's portraits and match scores (nightly after the data sync, after a publish). */
import type { DataSource } from 'typeorm';
import { addMonths } from '@liucai/shared';
import type { JobContext, JobPayloads, JobQueue } from '../../../jobs/jobTypes';
import type { Logger } from '../../../logger';
import { shanghaiDate } from '../../../util/dates';
import { DEFAULT_SEGMENT_THRESHOLDS } from '../../sync/commands/customerSegments';
import { recomputeTalentWithQuarter } from '../commands/talentRecomputer';
import { finishRun, reportProgress } from '../commands/recomputeRuns';

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

/**
 * What a first start computes besides the last complete month, so 我的画像's quarterly trend has a past from day one:
 * the quarter-end months before it whose 3-month window lies wholly within the first sync's lookback (a quarter read
 * from a cut-off window would look like a dip), oldest first. A 182-day demo sync on 2026-12-06 gives 2026-09.
 */
export const firstStartTalentPeriods = (lookbackDays: number, now = new Date()): string[] => {
  const firstDay = shanghaiDate(new Date(now.getTime() - lookbackDays * 86_400_000));
  const out: string[] = [];
  for (let p = addMonths(lastCompletePeriod(now), -1); `${addMonths(p, -2)}-01` >= firstDay; p = addMonths(p, -1)) {
    if (Number(p.slice(5, 7)) % 3 === 0) out.unshift(p);
  }
  return out;
};

/**
 * Recompute one corp's month now, and its quarter when the month ends one (the handler's work; also run inline after
 * the nightly data sync and for the first start's quarter-end months).
 */
export async function runTalentRecompute(deps: TalentHandlerDeps, corpId: string, period: string): Promise<void> {
  const today = shanghaiDate(new Date());
  const out = await recomputeTalentWithQuarter(deps.ds, corpId, period, { bigDealFen: deps.crm?.bigDealFen ?? DEFAULT_SEGMENT_THRESHOLDS.bigDealFen, today });
  deps.log.info({ corpId, ...out.month, quarter: out.quarter }, 'talent portraits and match scores recomputed');
}

/**
 * An on-demand recompute HR started (with the quarter when the month ends one): progress on its run row as the
 * month's people are computed, then the month's counts. A failure
 * ends the run with the reason (HR may start another) instead of retrying behind the progress bar.
 */
export async function runRecomputeRun(deps: TalentHandlerDeps, corpId: string, period: string, runId: number, ctx?: JobContext): Promise<void> {
  const today = shanghaiDate(new Date());
  await reportProgress(deps.ds, corpId, runId, 0, 0);
  try {
    const { month: result, quarter } = await recomputeTalentWithQuarter(deps.ds, corpId, period, {
      bigDealFen: deps.crm?.bigDealFen ?? DEFAULT_SEGMENT_THRESHOLDS.bigDealFen,
      today,
      onProgress: async (done, total) => {
        await reportProgress(deps.ds, corpId, runId, done, total);
        await ctx?.progress?.(total > 0 ? Math.floor((done * 100) / total) : 0);
      },
    });
    await finishRun(deps.ds, corpId, runId, { state: 'succeeded', result });
    deps.log.info({ corpId, runId, ...result, quarter }, 'talent portraits and match scores recomputed on demand');
  } catch (err) {
    deps.log.warn({ err, corpId, runId }, 'on-demand talent recompute failed');
    await finishRun(deps.ds, corpId, runId, { state: 'failed', error: '计算出错，请稍后重试；如一再失败请联系管理员' });
  }
}

export function talentJobHandlers(deps: TalentHandlerDeps): {
  'talent.recompute': (p: JobPayloads['talent.recompute'], ctx?: JobContext) => Promise<void>;
} {
  return {
    'talent.recompute': ({ corpId, period, runId }, ctx) =>
      runId === undefined ? runTalentRecompute(deps, corpId, period) : runRecomputeRun(deps, corpId, period, runId, ctx),
  };
}

/** Enqueue a recompute of a month; one per corp, month and reason at a time (deterministic job id). */
export async function enqueueTalentRecompute(jobs: JobQueue, corpId: string, period: string, reason: string): Promise<void> {
  await jobs.enqueue('talent.recompute', { corpId, period }, { jobId: `talent-recompute-${corpId}-${period}-${reason}` });
}
