import type { JobQueue } from '../../../jobs/jobTypes';
import { drainJobId } from '../jobs/notifyJobIds';

/**
 * Ask for a drain of the corp's outbox now (after the transaction that recorded notifications committed). Kicks
 * within two seconds share a job id; a drain already running picks new rows up itself, and the minute tick catches
 * anything a kick missed.
 */
export async function kickOutbox(jobs: Pick<JobQueue, 'enqueue'>, corpId: string, now: Date = new Date()): Promise<void> {
  await jobs.enqueue('notify.drain', { corpId }, { jobId: drainJobId(corpId, now) });
}
