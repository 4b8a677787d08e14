import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A person's match score for one month against one published job-model version (never a draft), with every
 * dimension's input, score, weight and contribution as JSON. `scoreT` is tenths (855 = 85.5), null when 数据不足.
 */
@Entity({ name: 'talent_match_scores' })
@Index('uq_talent_match_scores', ['corpId', 'period', 'versionId', 'userid'], { unique: true })
@Index('idx_talent_match_scores_latest', ['corpId', 'period', 'jobModelId'])
@Index('idx_talent_match_scores_review', ['corpId', 'period', 'jobModelId', 'tier', 'scoreT', 'userid'])
// Score descending in the migrations (the review's default order walks it).
@Index('idx_talent_match_scores_rank', ['corpId', 'period', 'jobModelId', 'scoreT', 'userid'])
// The 9-box's boxes (counts, each box's first people, a box's page), score descending in the migrations.
@Index('idx_talent_match_scores_box', ['corpId', 'period', 'jobModelId', 'tier', 'performance', 'scoreT', 'userid'])
// One person's scores, newest month first (员工档案's 画像 and the talent person view).
@Index('idx_talent_match_scores_person', ['corpId', 'userid', 'period', 'jobModelId'])
export class TalentMatchScore {
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

  @Column({ name: 'version_id', type: 'int' })
  versionId: number;

  @Column({ name: 'score_t', type: 'int', nullable: true })
  scoreT: number | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  tier: string | null;

  /**
   * The 9-box's recent sales (fen): the signed, not cancelled contract value of the 3 months ending with the month,
   * as the talent.recompute job last summed it from the stored portraits (null: not summed yet, or a quarter).
   */
  @Column({ name: 'sales_fen', type: 'bigint', nullable: true })
  salesFen: number | string | null;

  /** The 9-box's column (low / mid / high) against the month's stored cut-offs; null when not placed. */
  @Column({ type: 'varchar', length: 4, nullable: true })
  performance: string | null;

  /** The MatchResult's dimensions and explanation as JSON. */
  @Column({ type: 'text' })
  detail: string;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt: Date;
}
