/**
 * What an import changes downstream: contracts, satisfaction, collaborations and training feed the portraits, match
 * scores and KPI of the last complete month; past departures feed the retention radar; KPI 指标值 feed the KPI of
 * the months the import wrote (`periods`). Queued only when the import
 * created or changed rows, one job per import run (a failed enqueue is caught up by the nightly run).
 */
import type { JobQueue } from '../../../jobs/jobTypes';
import type { ImportRun } from '../../../entities';
import { enqueueTalentRecompute, lastCompletePeriod } from '../../talent/jobs/talentJobs';
import { enqueueKpiScoring } from '../../pay/jobs/kpiScoreJob';

/** The jobs queued, by name. */
export async function enqueueImportFollowUps(jobs: JobQueue, run: ImportRun, now = new Date(), periods: readonly string[] = []): Promise<string[]> {
  if (run.created + run.updated === 0) return [];
  const reason = `import-${run.id}`;
  if (run.kind === 'kpiValues') {
    const months = [...new Set(periods)].sort();
    for (const period of months) await enqueueKpiScoring(jobs, run.corpId, period, reason);
    return months.map(() => 'kpi.score');
  }
  if (run.kind === 'departures') {
    await jobs.enqueue('retention.compute', { corpId: run.corpId }, { jobId: `retention-compute-${run.corpId}-${reason}` });
    return ['retention.compute'];
  }
  const period = lastCompletePeriod(now);
  await enqueueTalentRecompute(jobs, run.corpId, period, reason);
  await enqueueKpiScoring(jobs, run.corpId, period, reason);
  return ['talent.recompute', 'kpi.score'];
}
