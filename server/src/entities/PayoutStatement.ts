import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One person's statement in a run: the plan version it was computed with (a snapshot of its definition) and the total. */
@Entity({ name: 'payout_statements' })
@Index('idx_payout_statements_run', ['corpId', 'runId', 'deptId', 'totalFen'])
@Index('idx_payout_statements_user', ['corpId', 'userid'])
export class PayoutStatement {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ name: 'run_id', type: 'int' })
  runId: number;

  @Column({ type: 'varchar', length: 64 })
  userid: string;

  /** The person's main department when the run was computed (totals by department). */
  @Column({ name: 'dept_id', type: 'bigint', nullable: true })
  deptId: number | null;

  @Column({ name: 'plan_id', type: 'int', nullable: true })
  planId: number | null;

  @Column({ name: 'plan_version_id', type: 'int', nullable: true })
  planVersionId: number | null;

  /** The plan version's definition as computed with (JSON), or null when only clawbacks or adjustments apply. */
  @Column({ name: 'plan_definition', type: 'text', nullable: true })
  planDefinition: string | null;

  @Column({ name: 'total_fen', type: 'bigint' })
  totalFen: number;

  /** The calculator's sum ("1,200.00 + … = 9,300.00 元"). */
  @Column({ type: 'varchar', length: 1000 })
  explanation: string;
}
