import { Column, Entity, Index } from 'typeorm';
import { SourcedRecord } from './SourcedRecord';

/** small: below the big-deal threshold (or fallen under the small one); big: a deal at or over the big one. */
export type CustomerSegment = 'small' | 'big';

/** DingTalk's two customer lists: enterprise (crm_customer) and personal (crm_customer_personal). */
export type CustomerKind = 'enterprise' | 'personal';

/** A CRM customer (enterprise or personal) with its owner, its segment from its deals, and DingTalk's raw form data. */
@Entity({ name: 'customers' })
@Index('idx_customers_owner', ['corpId', 'ownerUserid'])
export class Customer extends SourcedRecord {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The first owner of the customer; null when nobody owns it (公海). */
  @Column({ name: 'owner_userid', type: 'varchar', length: 64, nullable: true })
  ownerUserid: string | null;

  /** Null until the customer has a deal that was not cancelled. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  segment: CustomerSegment | null;

  /** yyyy-mm-dd of the first and last deal that was not cancelled. */
  @Column({ name: 'first_deal_on', type: 'varchar', length: 10, nullable: true })
  firstDealOn: string | null;

  @Column({ name: 'last_deal_on', type: 'varchar', length: 10, nullable: true })
  lastDealOn: string | null;

  /** DingTalk's form fields (`data`) as received, keyed by field id. */
  @Column({ type: 'simple-json' })
  data: Record<string, unknown>;

  /** Imported customers are enterprise ones (optional so imports need not set it). */
  @Column({ type: 'varchar', length: 16, default: 'enterprise' })
  kind?: CustomerKind;

  /** When a full CRM pass no longer found it in DingTalk; null while it is there (see crmRemovals.ts). */
  @Column({ name: 'removed_at', type: 'datetime', nullable: true })
  removedAt?: Date | null;
}
