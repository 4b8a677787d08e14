import { Column, Entity, Index } from 'typeorm';
import { VersionedRule } from './VersionedRule';

/** A KPI scheme for a job (e.g. 大客户销售); its indicators, weights and linkage live in its versions. */
@Entity({ name: 'kpi_schemes' })
@Index('uq_kpi_schemes_code', ['corpId', 'code'], { unique: true })
export class KpiScheme extends VersionedRule {
  /** The job (DingTalk 职位) the scheme is for; null for any. */
  @Column({ name: 'job_title', type: 'varchar', length: 100, nullable: true })
  jobTitle: string | null;
}
