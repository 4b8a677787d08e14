import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The 9-box's performance cut-offs of a month and job model as the talent.recompute job last took them (over
 * everyone scored in the corp that month), with the sales window they were summed over and the job-model version
 * scored: what the 9-box reads, so a request never sums sales or sorts the population. Each score row of the month
 * carries the person's summed sales and column (`talent_match_scores.sales_fen`, `performance`) from the same run.
 */
@Entity({ name: 'talent_nine_box_cutoffs' })
@Index('uq_talent_nine_box_cutoffs', ['corpId', 'period', 'jobModelId'], { unique: true })
export class TalentNineBoxCutoff {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  /** yyyy-mm. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ name: 'job_model_id', type: 'int' })
  jobModelId: number;

  /** The job-model version the month's scores were computed with (the newest, should two be in effect). */
  @Column({ name: 'version_id', type: 'int' })
  versionId: number;

  /** The sales window's first and last month (yyyy-mm). */
  @Column({ name: 'window_from', type: 'varchar', length: 7 })
  windowFrom: string;

  @Column({ name: 'window_to', type: 'varchar', length: 7 })
  windowTo: string;

  /** Sales (fen) at or below which performance is 低; above `highFen` 高 (text on MySQL: bigint). */
  @Column({ name: 'low_fen', type: 'bigint' })
  lowFen: number | string;

  @Column({ name: 'high_fen', type: 'bigint' })
  highFen: number | string;

  /** How many people the cut-offs were taken from. */
  @Column({ type: 'int' })
  population: number;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt: Date;
}
