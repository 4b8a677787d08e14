import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An amount to pay (or take back) in a person's next run, with its reason (a resolved dispute). It becomes an
 * `adjustment` line of the next run computed for the person, and is settled (`applied_run_id`) when that run is locked.
 */
@Entity({ name: 'payout_adjustments' })
@Index('idx_payout_adjustments_pending', ['corpId', 'appliedRunId', 'userid'])
export class PayoutAdjustment {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ type: 'varchar', length: 64 })
  userid: string;

  @Column({ name: 'amount_fen', type: 'bigint' })
  amountFen: number;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'dispute_id', type: 'int', nullable: true })
  disputeId: number | null;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  /** The locked run that paid it; null while pending. */
  @Column({ name: 'applied_run_id', type: 'int', nullable: true })
  appliedRunId: number | null;
}
