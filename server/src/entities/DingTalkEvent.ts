import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A DingTalk event as received (HTTP callback or Stream), kept once per event key for deduplication and audit. */
@Entity({ name: 'dingtalk_events' })
export class DingTalkEvent {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  /** DingTalk's eventId (Stream), or a SHA-1 of the decrypted event (HTTP callbacks carry no id). */
  @PrimaryColumn({ name: 'event_key', type: 'varchar', length: 64 })
  eventKey: string;

  @Column({ name: 'event_type', type: 'varchar', length: 64 })
  eventType: string;

  @Column({ type: 'varchar', length: 16 })
  source: 'http' | 'stream';

  /** The decrypted event (ids and times only; DingTalk sends no personal data in these events). */
  @Column({ type: 'simple-json' })
  payload: Record<string, unknown>;

  @Column({ name: 'received_at', type: 'datetime', precision: 3 })
  receivedAt: Date;
}
