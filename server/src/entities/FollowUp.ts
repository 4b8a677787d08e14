import { Column, Entity, Index } from 'typeorm';
import { SourcedRecord } from './SourcedRecord';

/** One CRM follow-up (跟进记录): who followed up which customer, when. */
@Entity({ name: 'follow_ups' })
@Index('idx_follow_ups_owner_time', ['corpId', 'ownerUserid', 'followedAt'])
@Index('idx_follow_ups_customer', ['corpId', 'customerSourceId'])
export class FollowUp extends SourcedRecord {
  /** Who followed up (the record's creator); null when DingTalk does not say. */
  @Column({ name: 'owner_userid', type: 'varchar', length: 64, nullable: true })
  ownerUserid: string | null;

  /** The customer's source id (`customers.source_id`); null when the record is not tied to a customer. */
  @Column({ name: 'customer_source_id', type: 'varchar', length: 64, nullable: true })
  customerSourceId: string | null;

  @Column({ name: 'followed_at', type: 'datetime' })
  followedAt: Date;
}
