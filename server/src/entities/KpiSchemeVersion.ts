import { Column, Entity, Index } from 'typeorm';
import { RuleVersion } from './RuleVersion';

/** One effective-dated version of a KPI scheme (indicators, weights, scoring rules, pass score, linkage as JSON). */
@Entity({ name: 'kpi_scheme_versions' })
@Index('uq_kpi_scheme_versions_number', ['schemeId', 'version'], { unique: true })
@Index('idx_kpi_scheme_versions_scheme', ['corpId', 'schemeId'])
export class KpiSchemeVersion extends RuleVersion {
  @Column({ name: 'scheme_id', type: 'int' })
  schemeId: number;
}
