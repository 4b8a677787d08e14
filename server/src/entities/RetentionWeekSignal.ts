import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What one person did in one week (Monday `weekStart`, Asia/Shanghai), as counted by the retention job from the
 * synced data: the raw weekly activity the signals compare against the person's own baseline (shared/src/retention).
 * Recomputed for the trailing weeks on every run, so late syncs correct it.
 */
@Entity({ name: 'retention_week_signals' })
@Index('idx_retention_signals_week', ['corpId', 'weekStart'])
export class RetentionWeekSignal {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  userid: string;

  @PrimaryColumn({ name: 'week_start', type: 'varchar', length: 10 })
  weekStart: string;

  @Column({ name: 'leave_count', type: 'int' })
  leaveCount: number;

  /** Leave days × 100 (hours count as 1/8 day). */
  @Column({ name: 'leave_day_hundredths', type: 'int' })
  leaveDayHundredths: number;

  @Column({ name: 'late_count', type: 'int' })
  lateCount: number;

  @Column({ name: 'absence_count', type: 'int' })
  absenceCount: number;

  @Column({ name: 'unexcused_absence_count', type: 'int' })
  unexcusedAbsenceCount: number;

  @Column({ name: 'follow_ups', type: 'int' })
  followUps: number;

  @Column({ type: 'int' })
  collaborations: number;

  /** Follow-ups on customers someone else owns. */
  @Column({ type: 'int' })
  helping: number;

  @Column({ type: 'int' })
  deals: number;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt: Date;
}
