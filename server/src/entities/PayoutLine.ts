import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Where a line comes from: a plan component (`plan`), a clawback of a paid line, or an adjustment (a resolved dispute). */
export type PayoutLineOrigin = 'plan' | 'clawback' | 'adjustment';

/**
 * One line of a statement, as shared/src/pay/payoutCalculator computed it: component, amount in fen, rate, the
 * explanation, its inputs, and the source rows (snapshotted in payout_run_inputs) it was computed from.
 */
@Entity({ name: 'payout_lines' })
@Index('idx_payout_lines_run', ['corpId', 'runId'])
@Index('idx_payout_lines_statement', ['corpId', 'statementId'])
@Index('idx_payout_lines_contract', ['corpId', 'contractRef'])
export class PayoutLine {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ name: 'run_id', type: 'int' })
  runId: number;

  @Column({ name: 'statement_id', type: 'int' })
  statementId: number;

  @Column({ type: 'varchar', length: 64 })
  userid: string;

  /** Order within the statement. */
  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 16 })
  origin: PayoutLineOrigin;

  @Column({ type: 'varchar', length: 64 })
  component: string;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'varchar', length: 100 })
  label: string;

  @Column({ name: 'amount_fen', type: 'bigint' })
  amountFen: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  rate: string | null;

  @Column({ type: 'varchar', length: 1000 })
  explanation: string;

  /** The calculator's inputs (JSON array of { name, label, text, value }). */
  @Column({ type: 'text' })
  inputs: string;

  /** The contract (`deal:<source>:<sourceId>`) the line is about, or null. */
  @Column({ name: 'contract_ref', type: 'varchar', length: 140, nullable: true })
  contractRef: string | null;

  /** The source rows (JSON array of { kind, source, sourceId }) the line was computed from. */
  @Column({ type: 'text' })
  sources: string;

  /** Clawbacks: the paid line this one takes back. */
  @Column({ name: 'original_line_id', type: 'int', nullable: true })
  originalLineId: number | null;

  /** Adjustments: the adjustment this line pays. */
  @Column({ name: 'adjustment_id', type: 'int', nullable: true })
  adjustmentId: number | null;
}
