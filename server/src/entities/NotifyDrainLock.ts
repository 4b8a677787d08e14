import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One drain of a corp's outbox at a time (a lease, so a killed drain's lock lapses): calls stay within one rate. */
@Entity({ name: 'notify_drain_locks' })
export class NotifyDrainLock {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ type: 'varchar', length: 64 })
  holder: string;

  @Column({ name: 'lease_until', type: 'datetime', precision: 3 })
  leaseUntil: Date;
}
