import type { DataSource } from 'typeorm';
import { AttendanceResult, SyncCheckpoint } from '../../../entities';

/**
 * The last day both attendance and leave have been synced through (their day checkpoints), or null before both
 * ran. Leave is read from approvals or from getleavestatus: whichever checkpoint moved last is the one in use (the
 * same reading as the 数据 page).
 */
export async function attendanceAndLeaveSyncedThrough(ds: DataSource, corpId: string): Promise<string | null> {
  // tenancy: checkpoints of this corp only.
  const rows = await ds.getRepository(SyncCheckpoint).findBy({ corpId });
  const by = new Map(rows.map((r) => [r.source, r]));
  const through = (source: string | undefined) => {
    const t = source ? by.get(source)?.position.through : undefined;
    return typeof t === 'string' ? t : null;
  };
  const leave = [by.get('leave-approvals'), by.get('leave')].filter((r) => r !== undefined).sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0];
  const attendance = through('attendance');
  const leaveThrough = through(leave?.source);
  if (!attendance || !leaveThrough) return null;
  return attendance < leaveThrough ? attendance : leaveThrough;
}

/** The first day the corp's attendance covers (synced or imported), or null when it has none. */
export async function firstSyncedDay(ds: DataSource, corpId: string): Promise<string | null> {
  // tenancy: attendance of this corp only (idx_attendance_date answers it from the index).
  const row = await ds
    .getRepository(AttendanceResult)
    .createQueryBuilder('a')
    .select('MIN(a.work_date)', 'first')
    .where('a.corp_id = :corpId', { corpId })
    .getRawOne<{ first: string | null }>();
  return row?.first ?? null;
}
