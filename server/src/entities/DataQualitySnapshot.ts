import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The 数据 page's counts for one corp, computed after each sync and import (counting 400,000 attendance rows per
 * page view would not stay fast at 10,000 people): what each source holds, the day gaps, the company-wide size of
 * each named gap, and the figures the budget forecast needs. Names live in `data_gap_items`, filtered per viewer.
 */
@Entity({ name: 'data_quality_snapshots' })
export class DataQualitySnapshot {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt: Date;

  @Column({ type: 'simple-json' })
  payload: Record<string, unknown>;
}
