import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A reference value HR sets for a portrait metric, company-wide (e.g. 大客户成交周期: 行业 30 天). Versioned: every
 * change is a new row (version 1, 2, …; never updated), the highest version is in force; `value` null clears it.
 * Each change is also an audit event (talent.reference.set).
 */
@Entity({ name: 'talent_metric_references' })
@Index('uq_talent_metric_references', ['corpId', 'metric', 'version'], { unique: true })
export class TalentMetricReference {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ type: 'varchar', length: 40 })
  metric: string;

  @Column({ type: 'int' })
  version: number;

  /** Exact decimal text, or null: no reference from this version on. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  value: string | null;

  /** Where the figure comes from (“行业平均，见文章”), or null. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column({ name: 'set_by', type: 'varchar', length: 64 })
  setBy: string;

  @Column({ name: 'set_at', type: 'datetime', precision: 3 })
  setAt: Date;
}
