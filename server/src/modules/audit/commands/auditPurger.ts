/**
 * The retention purge: events older than the retention period (AUDIT_RETENTION_YEARS, default 6) are deleted, in
 * batches, oldest first, and the purge itself is recorded. The only delete the audit log ever sees.
 */
import { LessThan, type DataSource } from 'typeorm';
import { AuditEvent } from '../../../entities';
import { recordAudit } from './auditRecorder';
import { SYSTEM_ACTOR } from '../auditActions';

/** The first instant still kept: `now` minus `years` calendar years (UTC). */
export function retentionCutoff(now: Date, years: number): Date {
  const c = new Date(now.getTime());
  c.setUTCFullYear(c.getUTCFullYear() - years);
  return c;
}

/** Delete one corp's events older than the retention period; returns how many went. */
export async function purgeExpiredAudit(ds: DataSource, corpId: string, opts: { now?: Date; years: number; batch?: number }): Promise<number> {
  const cutoff = retentionCutoff(opts.now ?? new Date(), opts.years);
  const batch = opts.batch ?? 1000;
  let purged = 0;
  for (;;) {
    // tenancy: the corp's own events only.
    const ids = await ds.getRepository(AuditEvent).find({
      select: { id: true },
      where: { corpId, occurredAt: LessThan(cutoff) },
      order: { occurredAt: 'ASC', id: 'ASC' },
      take: batch,
    });
    if (ids.length === 0) break;
    await ds.transaction(async (em) => {
      // tenancy: the corp's own events, by corp_id and id.
      await em
        .createQueryBuilder()
        .delete()
        .from(AuditEvent)
        .where('corp_id = :corpId AND id IN (:...ids)', { corpId, ids: ids.map((r) => r.id) })
        .execute();
    });
    purged += ids.length;
  }
  if (purged > 0) {
    await ds.transaction((em) =>
      recordAudit(
        em,
        { corpId, userid: SYSTEM_ACTOR },
        { action: 'audit.log.purge', targetKind: 'audit_log', targetId: corpId, detail: { purged, before: cutoff.toISOString(), years: opts.years } },
      ),
    );
  }
  return purged;
}
