/** Score inputs against a job-model version (draft or published) without storing anything: the editor's live preview. */
import type { DataSource } from 'typeorm';
import { matchInputProblems, scoreMatch, validateJobModel, type MatchResult } from '@liucai/shared';
import { notFound, validationError } from '../../../errors';
import type { Actor } from '../../../appTypes';
import { JobModelVersion } from '../../../entities';
import { definitionInvalid } from '../../pay/payErrors';
import { JOB_MODEL_FAMILY } from '../jobModelFamily';

export interface MatchPreview extends MatchResult {
  versionId: number;
  version: number;
  jobModelId: number;
}

export async function previewMatch(ds: DataSource, actor: Actor, versionId: number, inputs: Record<string, number | string | null>): Promise<MatchPreview> {
  // tenancy: the version by id and the actor's corp.
  const v = await ds.getRepository(JobModelVersion).findOneBy({ id: versionId, corpId: actor.corpId });
  if (!v) throw notFound(JOB_MODEL_FAMILY.labels.version);
  const checked = validateJobModel(JSON.parse(v.definition));
  if (!checked.ok) throw definitionInvalid(JOB_MODEL_FAMILY, checked.problems);
  const problems = matchInputProblems(checked.compiled, inputs);
  if (problems.length > 0) throw validationError(problems.map((p) => ({ field: p.path, label: '各维度输入', message: p.message })));
  return { versionId: v.id, version: v.version, jobModelId: v.jobModelId, ...scoreMatch(checked.compiled, inputs) };
}
