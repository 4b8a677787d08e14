/** The daily retention purge of the audit log (`audit.purge`, main queue). */
import type { AppDeps } from '../../../appTypes';

/** The purge's scheduler id for a corp. */
export const auditPurgeSchedulerId = (corpId: string): string => `audit-purge:${corpId}`;

/** Register the daily purge (AUDIT_PURGE_CRON, Asia/Shanghai) for a corp. */
export async function scheduleAuditPurge(s: Pick<AppDeps, 'jobs' | 'config'>, corpId: string): Promise<void> {
  await s.jobs.schedule(auditPurgeSchedulerId(corpId), s.config.audit.purgeCron, 'audit.purge', { corpId });
}
