import { Column, Entity, Index } from 'typeorm';
import { SourcedRecord } from './SourcedRecord';

export type CheckType = 'OnDuty' | 'OffDuty';
export type TimeResult = 'Normal' | 'Early' | 'Late' | 'SeriousLate' | 'Absenteeism' | 'NotSigned';

/** One scheduled check of one person on one work day (DingTalk /attendance/list), or an imported one. */
@Entity({ name: 'attendance_results' })
@Index('idx_attendance_user_date', ['corpId', 'userid', 'workDate'])
@Index('idx_attendance_date', ['corpId', 'workDate'])
export class AttendanceResult extends SourcedRecord {
  @Column({ type: 'varchar', length: 64 })
  userid: string;

  /** yyyy-mm-dd (Asia/Shanghai). */
  @Column({ name: 'work_date', type: 'varchar', length: 10 })
  workDate: string;

  @Column({ name: 'check_type', type: 'varchar', length: 16 })
  checkType: CheckType;

  @Column({ name: 'time_result', type: 'varchar', length: 16 })
  timeResult: TimeResult;

  @Column({ name: 'location_result', type: 'varchar', length: 16, nullable: true })
  locationResult: string | null;

  @Column({ name: 'base_check_at', type: 'datetime', nullable: true })
  baseCheckAt: Date | null;

  @Column({ name: 'user_check_at', type: 'datetime', nullable: true })
  userCheckAt: Date | null;

  /** Approval that explains this check (leave, business trip), when DingTalk names one. */
  @Column({ name: 'approve_id', type: 'varchar', length: 64, nullable: true })
  approveId: string | null;
}
