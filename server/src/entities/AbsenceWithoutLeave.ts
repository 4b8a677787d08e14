import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * 未填请假单不来上班: a work day with no clock-in and no approved leave covering it, found once attendance and leave
 * were both synced through that day. Flagged once (the key is the person and day); cleared, not deleted, when a
 * covering leave arrives later.
 */
@Entity({ name: 'absences_without_leave' })
@Index('idx_absences_day', ['corpId', 'workDate'])
export class AbsenceWithoutLeave {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  userid: string;

  /** yyyy-mm-dd (Asia/Shanghai). */
  @PrimaryColumn({ name: 'work_date', type: 'varchar', length: 10 })
  workDate: string;

  @Column({ name: 'flagged_at', type: 'datetime', precision: 3 })
  flaggedAt: Date;

  /** When a covering approved leave was found; null while the absence stands. */
  @Column({ name: 'cleared_at', type: 'datetime', precision: 3, nullable: true })
  clearedAt: Date | null;

  /** The leave (`leave_records.source_id`) that cleared it. */
  @Column({ name: 'cleared_by_leave', type: 'varchar', length: 64, nullable: true })
  clearedByLeave: string | null;
}
