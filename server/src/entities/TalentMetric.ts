import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One portrait metric of one person for one month (yyyy-mm), computed by the talent.portraits job from synced data
 * (definitions in shared/src/talent/talentMetrics.ts and the README). `value` is exact decimal text, null when
 * 数据不足 (then `missing` says what is lacking); `sample` is how many rows it came from.
 */
@Entity({ name: 'talent_metrics' })
@Index('uq_talent_metrics', ['corpId', 'period', 'userid', 'metric'], { unique: true })
@Index('idx_talent_metrics_person', ['corpId', 'userid', 'period'])
export class TalentMetric {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ type: 'varchar', length: 64 })
  userid: string;

  /** yyyy-mm. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'varchar', length: 40 })
  metric: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  value: string | null;

  @Column({ type: 'int' })
  sample: number;

  /** 数据不足: what is missing, in Chinese; null when there is a value. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  missing: string | null;

  /** Extra facts as JSON (e.g. collaborations by department), or null. */
  @Column({ type: 'text', nullable: true })
  detail: string | null;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt: Date;
}
