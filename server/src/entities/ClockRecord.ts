import { Column, Entity, Index } from 'typeorm';
import { SourcedRecord } from './SourcedRecord';

/** One actual clock-in or clock-out of one person (DingTalk /attendance/listRecord), with where and how it was made. */
@Entity({ name: 'clock_records' })
@Index('idx_clock_user_time', ['corpId', 'userid', 'checkAt'])
@Index('idx_clock_date', ['corpId', 'workDate'])
export class ClockRecord extends SourcedRecord {
  @Column({ type: 'varchar', length: 64 })
  userid: string;

  /** yyyy-mm-dd (Asia/Shanghai) of the work day the clock counts for. */
  @Column({ name: 'work_date', type: 'varchar', length: 10 })
  workDate: string;

  /** When the person clocked (userCheckTime). */
  @Column({ name: 'check_at', type: 'datetime' })
  checkAt: Date;

  /** OnDuty / OffDuty, when DingTalk matched the clock to a scheduled check. */
  @Column({ name: 'check_type', type: 'varchar', length: 16, nullable: true })
  checkType: string | null;

  /** ATM, BEACON, DING_ATM, USER, BOSS, … (doc 4.1). */
  @Column({ name: 'source_type', type: 'varchar', length: 16, nullable: true })
  sourceType: string | null;

  @Column({ name: 'time_result', type: 'varchar', length: 16, nullable: true })
  timeResult: string | null;

  @Column({ name: 'location_result', type: 'varchar', length: 16, nullable: true })
  locationResult: string | null;

  /** MAP, WIFI, ATM, … */
  @Column({ name: 'location_method', type: 'varchar', length: 16, nullable: true })
  locationMethod: string | null;

  @Column({ name: 'address', type: 'varchar', length: 255, nullable: true })
  address: string | null;

  @Column({ name: 'device_id', type: 'varchar', length: 64, nullable: true })
  deviceId: string | null;

  /** The person's note for a clock outside the office (外勤备注). */
  @Column({ name: 'outside_remark', type: 'varchar', length: 255, nullable: true })
  outsideRemark: string | null;
}
