/**
 * Job models are versioned rules like incentive plans and KPI schemes (effective-dated versions, editable drafts,
 * published versions that never change): pay's rule commands and routes serve them through this family.
 */
import { validateJobModel } from '@liucai/shared';
import { JobModel, JobModelVersion } from '../../entities';
import type { RuleFamily } from '../pay/ruleFamilies';

export const JOB_MODEL_FAMILY: RuleFamily = {
  rule: JobModel,
  version: JobModelVersion,
  topic: 'talent',
  parentKey: 'jobModelId',
  labels: { rule: '岗位模型', version: '岗位模型版本', definition: '岗位模型定义' },
  audit: { rule: 'talent.jobModel', version: 'talent.jobModelVersion', targetRule: 'job_model', targetVersion: 'job_model_version' },
  validate: (d) => {
    const r = validateJobModel(d);
    return r.ok ? { ok: true } : { ok: false, problems: r.problems };
  },
};
