import { Entity, Index } from 'typeorm';
import { VersionedRule } from './VersionedRule';

/** An incentive plan (e.g. 大客户价值激励方案); what it pays lives in its versions. */
@Entity({ name: 'incentive_plans' })
@Index('uq_incentive_plans_code', ['corpId', 'code'], { unique: true })
export class IncentivePlan extends VersionedRule {}
