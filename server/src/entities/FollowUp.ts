import { Column, Entity, Index } from 'typeorm';
import { SourcedRecord } from './SourcedRecord';

/** One CRM follow-up (跟进记录): who followed up which customer, when, and what they wrote. */
export const FOLLOW_UP_CONTENT_MAX = 2000;

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

  /** What the salesperson wrote (follow_content, at most FOLLOW_UP_CONTENT_MAX characters); null when none. */
  @Column({ type: 'text', nullable: true })
  content?: string | null;

  /** DingTalk's gmt_modified as last read: whether a full re-read of the lookback window should have listed it. */
  @Column({ name: 'modified_at', type: 'datetime', nullable: true })
  modifiedAt: Date | null;

  /** When a full CRM pass no longer found the record in DingTalk; null while it is there (see crmRemovals.ts). */
  @Column({ name: 'removed_at', type: 'datetime', nullable: true })
  removedAt: Date | null;
}
