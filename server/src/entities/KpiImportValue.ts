import { Column, Entity, Index } from 'typeorm';
import { SourcedRecord } from './SourcedRecord';

/**
 * An imported value of a KPI indicator whose source is “导入数据”: one per person, month and indicator (a later
 * file updates it). The monthly KPI scoring reads it as the indicator's value (`import:<source_id>`).
 */
@Entity({ name: 'kpi_import_values' })
@Index('idx_kpi_import_values_period', ['corpId', 'period'])
export class KpiImportValue extends SourcedRecord {
  @Column({ type: 'varchar', length: 64 })
  userid: string;

  /** yyyy-mm */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ name: 'indicator_id', type: 'varchar', length: 64 })
  indicatorId: string;

  /** Exact decimal text as imported, canonical (“-12.5”, “300000”): at most four decimals. */
  @Column({ type: 'varchar', length: 32 })
  value: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;
}
