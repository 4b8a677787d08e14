/** The payout run computation job (`pay.computeRun`, main queue): one job per compute request, id `pay-run-<run>-<seq>`. */
import type { DataSource } from 'typeorm';
import type { AppDeps } from '../../../appTypes';
import type { JobPayloads } from '../../../jobs/jobTypes';
import type { Logger } from '../../../logger';
import { PayoutRun } from '../../../entities';
import { computePayoutRun } from '../commands/payoutRunComputer';

export const payoutRunJobId = (run: Pick<PayoutRun, 'id' | 'computeSeq'>) => `pay-run-${run.id}-${run.computeSeq}`;

/** Queue the computation of the run's current request (call after the transaction that made the request commits). */
export async function enqueueRunComputation(deps: Pick<AppDeps, 'jobs'>, run: PayoutRun): Promise<void> {
  await deps.jobs.enqueue('pay.computeRun', { corpId: run.corpId, runId: run.id, seq: run.computeSeq }, { jobId: payoutRunJobId(run) });
}

/** The handler: compute; on the last attempt a failure is written on the run (HR sees it and recomputes). */
export function payoutRunJobHandlers(deps: { ds: DataSource; log: Logger }, finalAttemptOf: (attempt: number) => boolean) {
  return {
    'pay.computeRun': async ({ corpId, runId, seq }: JobPayloads['pay.computeRun'], { attempt }: { attempt: number }) => {
      try {
        const out = await computePayoutRun(deps.ds, corpId, runId, seq);
        deps.log.info({ corpId, runId, seq, ...out }, 'payout run computed');
      } catch (err) {
        if (finalAttemptOf(attempt)) {
          await deps.ds
            .getRepository(PayoutRun)
            .update(
              { id: runId, corpId, computeSeq: seq, status: 'draft' },
              { computeState: 'failed', computeError: '计算出错，请稍后重新计算；如仍失败请联系管理员' },
            );
        }
        throw err;
      }
    },
  };
}
