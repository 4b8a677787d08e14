import { Column, Entity, Index } from 'typeorm';
import { SourcedRecord } from './SourcedRecord';

/** Someone who left: last day and reason (hrm dismission APIs or an import of past departures). */
@Entity({ name: 'departures' })
@Index('idx_departures_user', ['corpId', 'userid'])
export class Departure extends SourcedRecord {
  @Column({ type: 'varchar', length: 64 })
  userid: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  name: string | null;

  /** yyyy-mm-dd (Asia/Shanghai). */
  @Column({ name: 'last_day', type: 'varchar', length: 10 })
  lastDay: string;

  /** DingTalk reason_type 1-9 (doc 11.2), null when unknown. */
  @Column({ name: 'reason_type', type: 'int', nullable: true })
  reasonType: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ name: 'main_dept_id', type: 'bigint', nullable: true })
  mainDeptId: number | null;
}
