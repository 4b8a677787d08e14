import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * HR's decision on a person's talent-review tier for one month and job model: `agree` with the suggested tier (the
 * stored match score's, kept here as it was) or `override` to another tier with a reason. Never updated: a later
 * decision is a new row and the newest one is in force, so the history stays.
 */
@Entity({ name: 'talent_decisions' })
@Index('idx_talent_decisions_person', ['corpId', 'userid', 'period'])
@Index('idx_talent_decisions_period', ['corpId', 'period', 'jobModelId'])
export class TalentDecision {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ type: 'varchar', length: 64 })
  userid: string;

  /** yyyy-mm. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ name: 'job_model_id', type: 'int' })
  jobModelId: number;

  /** The published version the suggestion was computed with. */
  @Column({ name: 'version_id', type: 'int' })
  versionId: number;

  /** The suggestion decided on: score in tenths and tier (null: 数据不足). */
  @Column({ name: 'suggested_score_t', type: 'int', nullable: true })
  suggestedScoreT: number | null;

  @Column({ name: 'suggested_tier', type: 'varchar', length: 8, nullable: true })
  suggestedTier: string | null;

  /** agree | override. */
  @Column({ type: 'varchar', length: 8 })
  kind: string;

  /** The tier decided. */
  @Column({ type: 'varchar', length: 8 })
  tier: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 64 })
  decidedBy: string;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3 })
  decidedAt: Date;
}
