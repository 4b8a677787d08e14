/** Job id of an org sync run: deterministic, so enqueueing the same run twice queues it once. */
export const orgSyncJobId = (runId: number) => `org-sync-${runId}`;
/** Scheduler id of a corp's periodic org sync. */
export const orgSyncSchedulerId = (corpId: string) => `org-sync-schedule-${corpId}`;
/** Job id of an attendance, leave or departure sync run. */
export const dataSyncJobId = (runId: number) => `data-sync-${runId}`;
/** Scheduler id of a corp's nightly data sync. */
export const dataSyncSchedulerId = (corpId: string) => `data-sync-schedule-${corpId}`;
/** Job id of the first start's chain of data sync runs. */
export const startupSyncJobId = (runIds: readonly number[]) => `data-startup-${runIds.join('-')}`;
