import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type PayoutDisputeStatus = 'open' | 'adjusted' | 'rejected';

/**
 * An employee's dispute of one line of their published statement: why, the amount they expected and the amount
 * the line paid. HR resolves it with an adjustment (paid in the person's next run) or rejects it with a reason;
 * the disputed run itself never changes.
 */
@Entity({ name: 'payout_disputes' })
@Index('idx_payout_disputes_user', ['corpId', 'userid'])
@Index('idx_payout_disputes_status', ['corpId', 'status'])
export class PayoutDispute {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ type: 'varchar', length: 64 })
  userid: string;

  @Column({ name: 'run_id', type: 'int' })
  runId: number;

  @Column({ name: 'statement_id', type: 'int' })
  statementId: number;

  @Column({ name: 'line_id', type: 'int' })
  lineId: number;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'expected_fen', type: 'bigint' })
  expectedFen: number;

  /** The line's amount when disputed. */
  @Column({ name: 'actual_fen', type: 'bigint' })
  actualFen: number;

  @Column({ type: 'varchar', length: 16 })
  status: PayoutDisputeStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  resolution: string | null;

  @Column({ name: 'adjustment_id', type: 'int', nullable: true })
  adjustmentId: number | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'resolved_by', type: 'varchar', length: 64, nullable: true })
  resolvedBy: string | null;

  @Column({ name: 'resolved_at', type: 'datetime', precision: 3, nullable: true })
  resolvedAt: Date | null;
}
