import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DeliveryState, NotificationStatus, WaitReason } from '@liucai/shared';

/**
 * One thing to tell one person (the outbox). Recorded in the transaction of the change that causes it; the send job
 * takes it from here. (corp, recipient, dedupe key) is unique: the same key never sends twice.
 */
@Entity({ name: 'notifications' })
@Index('uq_notifications_dedupe', ['corpId', 'recipientUserid', 'dedupeKey'], { unique: true })
@Index('idx_notifications_due', ['corpId', 'status', 'notBefore'])
@Index('idx_notifications_recipient', ['corpId', 'recipientUserid', 'id'])
@Index('idx_notifications_send', ['sendId'])
@Index('idx_notifications_day', ['corpId', 'sendDay', 'recipientUserid'])
@Index('idx_notifications_log', ['corpId', 'id'])
export class Notification {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ name: 'recipient_userid', type: 'varchar', length: 64 })
  recipientUserid: string;

  /** A registered kind (shared/src/notify/kinds.ts), e.g. `sync.failed`. */
  @Column({ type: 'varchar', length: 64 })
  kind: string;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 191 })
  dedupeKey: string;

  /** `now`: its own message; `digest`: combined with the person's other digest items at the digest time. */
  @Column({ type: 'varchar', length: 8 })
  urgency: 'now' | 'digest';

  /** Goes out in quiet hours too (e.g. a test message an admin asked for). */
  @Column({ name: 'ignore_quiet_hours', type: 'boolean', default: false })
  ignoreQuietHours: boolean;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** Micro-app page the message opens, e.g. `/data`; null: none (plain text message). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  page: string | null;

  /** Query of that page as `k=v&k2=v2`. */
  @Column({ name: 'page_query', type: 'varchar', length: 500, nullable: true })
  pageQuery: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: NotificationStatus;

  /** Why it waits (pending or deferred), or null. */
  @Column({ name: 'wait_reason', type: 'varchar', length: 32, nullable: true })
  waitReason: WaitReason | null;

  /** Not sent before this instant (quiet hours, digest time, a deferral, a retry). */
  @Column({ name: 'not_before', type: 'datetime', precision: 3 })
  notBefore: Date;

  /** The DingTalk call that carries it (notification_sends.id) once claimed. */
  @Column({ name: 'send_id', type: 'int', nullable: true })
  sendId: number | null;

  /** yyyy-mm-dd (Asia/Shanghai) of that call: the day DingTalk counts it in. */
  @Column({ name: 'send_day', type: 'varchar', length: 10, nullable: true })
  sendDay: string | null;

  /** Hash of the exact message it went out in (the same content to a person only once a day). */
  @Column({ name: 'content_hash', type: 'varchar', length: 64, nullable: true })
  contentHash: string | null;

  /** Read-back from DingTalk (getsendresult) for this recipient. */
  @Column({ type: 'varchar', length: 16, default: 'unknown' })
  delivery: DeliveryState;

  /** DingTalk's flow-control code when DingTalk blocked it (e.g. 143106). */
  @Column({ name: 'delivery_code', type: 'int', nullable: true })
  deliveryCode: number | null;

  /** Failed send attempts so far (transient errors are retried with backoff). */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** Why it failed or how its outcome is unknown (Chinese, shown to HR). */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** Read in the micro-app's message centre. */
  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;
}
