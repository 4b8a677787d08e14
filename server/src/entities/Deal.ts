import { Column, Entity, Index } from 'typeorm';
import { SourcedRecord } from './SourcedRecord';

export type DealStatus = 'active' | 'completed' | 'cancelled';

/** A contract or deal: amount in integer fen, signed date, owner, renewal years (CRM custom object or import). */
@Entity({ name: 'deals' })
@Index('idx_deals_owner_signed', ['corpId', 'ownerUserid', 'signedOn'])
@Index('idx_deals_customer', ['corpId', 'customerSourceId'])
export class Deal extends SourcedRecord {
  @Column({ name: 'customer_name', type: 'varchar', length: 200 })
  customerName: string;

  /** The customer's source id (`customers.source_id`) of CRM deals; imported deals name only the customer (optional so imports need not set it). */
  @Column({ name: 'customer_source_id', type: 'varchar', length: 64, nullable: true })
  customerSourceId?: string | null;

  /** Null when the owner is unknown (shown as a gap in the data-quality view). */
  @Column({ name: 'owner_userid', type: 'varchar', length: 64, nullable: true })
  ownerUserid: string | null;

  /** Contract value in fen (分). 150,000 CNY = 15,000,000. */
  @Column({ name: 'amount_fen', type: 'bigint' })
  amountFen: number;

  /** yyyy-mm-dd. */
  @Column({ name: 'signed_on', type: 'varchar', length: 10 })
  signedOn: string;

  @Column({ name: 'renewal_years', type: 'int', default: 0 })
  renewalYears: number;

  @Column({ type: 'varchar', length: 16 })
  status: DealStatus;

  /** When a full CRM pass no longer found the contract in DingTalk; always null for imported deals (see crmRemovals.ts). */
  @Column({ name: 'removed_at', type: 'datetime', nullable: true })
  removedAt?: Date | null;
}
