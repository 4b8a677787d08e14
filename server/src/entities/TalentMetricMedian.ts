import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The median of one portrait metric for one month over a group: the company (`company`) or a team, a main
 * department (`dept:<id>`), written by the talent.recompute job with the portraits (shared/src/talent/portraitMedians.ts).
 * `median` is exact decimal text, null when too few people have a value (then `missing` says so).
 */
@Entity({ name: 'talent_metric_medians' })
@Index('uq_talent_metric_medians', ['corpId', 'period', 'groupKey', 'metric'], { unique: true })
export class TalentMetricMedian {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  /** yyyy-mm. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  /** `company` or `dept:<id>`. */
  @Column({ name: 'group_key', type: 'varchar', length: 40 })
  groupKey: string;

  @Column({ type: 'varchar', length: 40 })
  metric: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  median: string | null;

  /** People of the group with a value. */
  @Column({ type: 'int' })
  people: number;

  /** People of the group with a row of the metric (known or 数据不足). */
  @Column({ type: 'int' })
  population: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  missing: string | null;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt: Date;
}
