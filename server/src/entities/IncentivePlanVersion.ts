import { Column, Entity, Index } from 'typeorm';
import { RuleVersion } from './RuleVersion';

/** One effective-dated version of an incentive plan (its components, caps and guarantee as JSON). */
@Entity({ name: 'incentive_plan_versions' })
@Index('uq_incentive_plan_versions_number', ['planId', 'version'], { unique: true })
@Index('idx_incentive_plan_versions_plan', ['corpId', 'planId'])
export class IncentivePlanVersion extends RuleVersion {
  @Column({ name: 'plan_id', type: 'int' })
  planId: number;
}
