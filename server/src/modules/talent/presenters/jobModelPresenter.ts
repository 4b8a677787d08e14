/** Job models with their versions, as the API shows them (explicit fields; the definition parsed). */
import type { DataSource } from 'typeorm';
import type { JobModelDefinition, JobModelVersionView, JobModelView, UserRef } from '@liucai/shared';
import type { JobModel, JobModelVersion } from '../../../entities';
import { currentVersionId, namesFor, presentVersionInfo } from '../../pay/presenters/ruleVersionPresenter';

export type { JobModelVersionView, JobModelView };

export function presentJobModelVersion(v: JobModelVersion, users: Map<string, UserRef>): JobModelVersionView {
  return { ...presentVersionInfo(v, users), jobModelId: v.jobModelId, definition: JSON.parse(v.definition) as JobModelDefinition };
}

export async function presentJobModels(
  ds: DataSource,
  corpId: string,
  models: JobModel[],
  versions: JobModelVersion[],
  today: string,
): Promise<JobModelView[]> {
  const users = await namesFor(ds, corpId, models, versions);
  return models.map((m) => {
    const own = versions.filter((v) => v.jobModelId === m.id).sort((a, b) => b.version - a.version);
    return {
      id: m.id,
      code: m.code,
      name: m.name,
      description: m.description,
      createdAt: m.createdAt.toISOString(),
      currentVersionId: currentVersionId(own, today),
      versions: own.map((v) => presentJobModelVersion(v, users)),
    };
  });
}
