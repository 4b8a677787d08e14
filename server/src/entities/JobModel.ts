import { Entity, Index } from 'typeorm';
import { VersionedRule } from './VersionedRule';

/** A job capability model (岗位能力模型, e.g. 大客户销售); its dimensions and weights live in its versions. */
@Entity({ name: 'job_models' })
@Index('uq_job_models_code', ['corpId', 'code'], { unique: true })
export class JobModel extends VersionedRule {}
