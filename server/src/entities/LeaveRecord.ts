import { Column, Entity, Index } from 'typeorm';
import { SourcedRecord } from './SourcedRecord';

/** A leave (请假) of one person: from getleavestatus / approvals, or imported. */
@Entity({ name: 'leave_records' })
@Index('idx_leave_user_start', ['corpId', 'userid', 'startAt'])
@Index('idx_leave_start', ['corpId', 'startAt'])
export class LeaveRecord extends SourcedRecord {
  @Column({ type: 'varchar', length: 64 })
  userid: string;

  /** DingTalk leave_code, or the imported type name. */
  @Column({ name: 'leave_type', type: 'varchar', length: 64 })
  leaveType: string;

  @Column({ name: 'start_at', type: 'datetime' })
  startAt: Date;

  @Column({ name: 'end_at', type: 'datetime' })
  endAt: Date;

  @Column({ name: 'duration_unit', type: 'varchar', length: 8 })
  durationUnit: 'day' | 'hour';

  /** Duration × 100 (DingTalk's duration_percent): 1.5 days = 150. Integer, never a float. */
  @Column({ name: 'duration_hundredths', type: 'int' })
  durationHundredths: number;

  @Column({ name: 'approval_state', type: 'varchar', length: 16 })
  approvalState: 'approved' | 'pending' | 'rejected' | 'cancelled';
}
