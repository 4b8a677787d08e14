import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A person's KPI for one month (the kpi.score job): the scheme version used, the team status the linkage applied,
 * the weighted total in hundredths and whether it met the pass score, and the detail as JSON — every indicator's
 * value, score, base and linked weight, and the source rows (deal, satisfaction, collaboration, rating ids) behind
 * each value. A recompute of the month replaces the row.
 */
@Entity({ name: 'kpi_scores' })
@Index('uq_kpi_scores', ['corpId', 'period', 'userid'], { unique: true })
@Index('idx_kpi_scores_person', ['corpId', 'userid'])
export class KpiScore {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ type: 'varchar', length: 64 })
  userid: string;

  /** yyyy-mm. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ name: 'scheme_id', type: 'int' })
  schemeId: number;

  /** The published scheme version in force on the month's reference day. */
  @Column({ name: 'version_id', type: 'int' })
  versionId: number;

  /** met | missed; null when the person has no team (no supervisor) or the scheme has no linkage. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  team: string | null;

  /** Weighted total in hundredths (8123 = 81.23). */
  @Column({ name: 'total_h', type: 'int' })
  totalH: number;

  @Column({ name: 'pass_score_h', type: 'int' })
  passScoreH: number;

  @Column({ type: 'boolean' })
  met: boolean;

  /** KpiScoreDetail as JSON. */
  @Column({ type: 'text' })
  detail: string;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt: Date;
}
