import { Column, Entity, Index } from 'typeorm';
import { RuleVersion } from './RuleVersion';

/**
 * One effective-dated version of a job model (dimensions, rules, weights as JSON). Scores are computed only from
 * published versions, which never change, so a stored score always names the version that produced it.
 */
@Entity({ name: 'job_model_versions' })
@Index('uq_job_model_versions_number', ['jobModelId', 'version'], { unique: true })
@Index('idx_job_model_versions_model', ['corpId', 'jobModelId'])
export class JobModelVersion extends RuleVersion {
  @Column({ name: 'job_model_id', type: 'int' })
  jobModelId: number;
}
