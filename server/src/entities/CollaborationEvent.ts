import { Column, Entity, Index } from 'typeorm';
import { SourcedRecord } from './SourcedRecord';

/** A cross-department collaboration: who worked with which department, for which customer, when. */
@Entity({ name: 'collaboration_events' })
@Index('idx_collab_user_date', ['corpId', 'userid', 'occurredOn'])
export class CollaborationEvent extends SourcedRecord {
  @Column({ type: 'varchar', length: 64 })
  userid: string;

  @Column({ name: 'with_department', type: 'varchar', length: 200 })
  withDepartment: string;

  @Column({ name: 'customer_name', type: 'varchar', length: 200, nullable: true })
  customerName: string | null;

  /** yyyy-mm-dd. */
  @Column({ name: 'occurred_on', type: 'varchar', length: 10 })
  occurredOn: string;
}
