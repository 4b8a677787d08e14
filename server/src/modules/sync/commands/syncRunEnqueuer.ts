import type { DataSource } from 'typeorm';
import { SyncRun } from '../../../entities';
import type { JobQueue } from '../../../jobs/jobTypes';
import { AppError } from '../../../errors';
import { dependencyDownOf } from '../../../dependencyDown';
import { dataSyncJobId, orgSyncJobId } from '../jobs/orgSyncJob';

/** What a run whose job could not be queued says (HR sees it as the run's error). */
export const ENQUEUE_FAILED_NOTE = '未能加入任务队列，本次同步没有开始；请稍后重新同步';

/**
 * Queue the job of a run just created (after its transaction committed). If the queue refuses (Redis down: the
 * fail-fast client answers at once), the run is marked failed with the reason, so it never sits "queued" with no job
 * behind it, and the request gets a 503 it can retry; HR can start the sync again once Redis is back.
 */
export async function enqueueSyncRun(deps: { ds: DataSource; jobs: JobQueue }, run: Pick<SyncRun, 'id' | 'corpId' | 'kind'>): Promise<void> {
  try {
    if (run.kind === 'org') await deps.jobs.enqueue('org.sync', { corpId: run.corpId, syncRunId: run.id }, { jobId: orgSyncJobId(run.id) });
    else await deps.jobs.enqueue('data.sync', { corpId: run.corpId, syncRunId: run.id }, { jobId: dataSyncJobId(run.id) });
  } catch (err) {
    // Only a run nobody picked up yet: should the job have reached Redis after all, its worker finds the run failed and
    // leaves it alone (trackSyncRun).
    const redisDown = dependencyDownOf(err) === 'redis';
    const error = redisDown ? `${ENQUEUE_FAILED_NOTE}（Redis 不可用）` : ENQUEUE_FAILED_NOTE;
    await deps.ds.getRepository(SyncRun).update({ id: run.id, corpId: run.corpId, status: 'queued' }, { status: 'failed', error, finishedAt: new Date() });
    if (redisDown)
      throw new AppError('redis_unavailable', '任务队列（Redis）暂时无法连接，同步没有开始，请稍后再试', 503, { dependency: 'redis', runId: run.id });
    throw err;
  }
}
