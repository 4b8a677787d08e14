import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** `calling`: recorded before the call, outcome not yet written; the rest are outcomes. */
export type NotificationSendStatus = 'calling' | 'sent' | 'failed' | 'unconfirmed' | 'recalled';

/**
 * One asyncsend_v2 call: recorded (with the exact message) before the call and completed after it, so a worker
 * killed in between leaves a row that says so, and the next drain reconciles it instead of sending blindly again.
 */
@Entity({ name: 'notification_sends' })
@Index('idx_notification_sends_status', ['corpId', 'status', 'leaseUntil'])
@Index('idx_notification_sends_readback', ['corpId', 'readbackAt'])
@Index('idx_notification_sends_created', ['corpId', 'createdAt'])
export class NotificationSend {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ type: 'varchar', length: 16 })
  status: NotificationSendStatus;

  /** 1 for the first call; more when an interrupted call was issued again (same message, same day). */
  @Column({ type: 'int', default: 1 })
  attempt: number;

  /** While `calling`: another drain leaves it alone until then (the caller may still be waiting for DingTalk). */
  @Column({ name: 'lease_until', type: 'datetime', precision: 3 })
  leaseUntil: Date;

  /** The exact `msg` JSON sent (a re-issue sends these very bytes). */
  @Column({ type: 'text' })
  msg: string;

  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash: string;

  @Column({ name: 'recipient_count', type: 'int' })
  recipientCount: number;

  /** yyyy-mm-dd (Asia/Shanghai) the call was first made. */
  @Column({ name: 'send_day', type: 'varchar', length: 10 })
  sendDay: string;

  /** DingTalk's task_id. */
  @Column({ name: 'task_id', type: 'varchar', length: 32, nullable: true })
  taskId: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** Next read-back (getsendresult) due; null: none planned. */
  @Column({ name: 'readback_at', type: 'datetime', precision: 3, nullable: true })
  readbackAt: Date | null;

  @Column({ name: 'readback_count', type: 'int', default: 0 })
  readbackCount: number;

  /** getsendprogress: 0..100 once asked. */
  @Column({ type: 'int', nullable: true })
  progress: number | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;

  @Column({ name: 'recalled_at', type: 'datetime', precision: 3, nullable: true })
  recalledAt: Date | null;

  @Column({ name: 'recalled_by', type: 'varchar', length: 64, nullable: true })
  recalledBy: string | null;
}
