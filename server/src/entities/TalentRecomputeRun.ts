import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An on-demand recompute HR started (人才盘点 → 重新计算), with the progress the job reports: `done` of `total`
 * people computed, then rows written. `activeCorp` holds the corp id while the run is queued or running and is
 * unique, so a corp has at most one running recompute whatever the race; it is cleared when the run ends.
 */
@Entity({ name: 'talent_recompute_runs' })
@Index('uq_talent_recompute_runs_active', ['activeCorp'], { unique: true })
@Index('idx_talent_recompute_runs_corp', ['corpId', 'id'])
export class TalentRecomputeRun {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ name: 'active_corp', type: 'varchar', length: 64, nullable: true })
  activeCorp: string | null;

  /** yyyy-mm. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  /** queued | running | succeeded | failed. */
  @Column({ type: 'varchar', length: 12 })
  state: string;

  @Column({ type: 'int' })
  done: number;

  @Column({ type: 'int' })
  total: number;

  /** People whose rows were rewritten, and people skipped because their inputs had not changed. */
  @Column({ type: 'int', nullable: true })
  written: number | null;

  @Column({ type: 'int', nullable: true })
  skipped: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  @Column({ name: 'requested_by', type: 'varchar', length: 64 })
  requestedBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  /** Last progress (a running run not updated for long is taken as dead and no longer blocks a new one). */
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;
}
