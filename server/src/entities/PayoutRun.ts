import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type PayoutRunStatus = 'draft' | 'locked' | 'approved' | 'published';
export type PayoutComputeState = 'queued' | 'running' | 'done' | 'failed';

/**
 * A payout run: one month (`period`, yyyy-mm) for the people whose main department is `dept_id` or below it.
 * draft (recomputable by the `pay.computeRun` job) → locked (statements, lines and the input snapshot never change
 * again) → approved → published (employees see their statements). Runs of one period never cover the same people:
 * their departments are never one inside the other.
 */
@Entity({ name: 'payout_runs' })
@Index('uq_payout_runs_period_dept', ['corpId', 'period', 'deptId'], { unique: true })
export class PayoutRun {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  /** yyyy-mm. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ name: 'dept_id', type: 'bigint' })
  deptId: number;

  @Column({ type: 'varchar', length: 16 })
  status: PayoutRunStatus;

  /** The computation of the draft: queued and running while a job works on it; done once its result is written. */
  @Column({ name: 'compute_state', type: 'varchar', length: 16 })
  computeState: PayoutComputeState;

  /** Bumped by each (re)compute request: the job id carries it, so a stale job does nothing. */
  @Column({ name: 'compute_seq', type: 'int', default: 0 })
  computeSeq: number;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3, nullable: true })
  computedAt: Date | null;

  /** SHA-256 of every input the computation read (rows, plan versions): same hash, same lines. */
  @Column({ name: 'input_hash', type: 'varchar', length: 64, nullable: true })
  inputHash: string | null;

  @Column({ name: 'total_fen', type: 'bigint', default: 0 })
  totalFen: number;

  @Column({ name: 'people', type: 'int', default: 0 })
  people: number;

  /** Why the last computation failed (Chinese), or null. */
  @Column({ name: 'compute_error', type: 'varchar', length: 500, nullable: true })
  computeError: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'locked_by', type: 'varchar', length: 64, nullable: true })
  lockedBy: string | null;

  @Column({ name: 'locked_at', type: 'datetime', precision: 3, nullable: true })
  lockedAt: Date | null;

  @Column({ name: 'approved_by', type: 'varchar', length: 64, nullable: true })
  approvedBy: string | null;

  @Column({ name: 'approved_at', type: 'datetime', precision: 3, nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'published_by', type: 'varchar', length: 64, nullable: true })
  publishedBy: string | null;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;
}
