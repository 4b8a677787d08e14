/** KPI schemes with their versions, as the API shows them. */
import type { DataSource } from 'typeorm';
import type { KpiSchemeDefinition, KpiScheme as SchemeView, KpiSchemeVersion as VersionView, UserRef } from '@liucai/shared';
import type { KpiScheme, KpiSchemeVersion } from '../../../entities';
import { currentVersionId, namesFor, presentVersionInfo } from './ruleVersionPresenter';

export function presentKpiVersion(v: KpiSchemeVersion, users: Map<string, UserRef>): VersionView {
  return { ...presentVersionInfo(v, users), schemeId: v.schemeId, definition: JSON.parse(v.definition) as KpiSchemeDefinition };
}

export async function presentKpiSchemes(
  ds: DataSource,
  corpId: string,
  schemes: KpiScheme[],
  versions: KpiSchemeVersion[],
  today: string,
): Promise<SchemeView[]> {
  const users = await namesFor(ds, corpId, schemes, versions);
  return schemes.map((s) => {
    const own = versions.filter((v) => v.schemeId === s.id).sort((a, b) => b.version - a.version);
    return {
      id: s.id,
      code: s.code,
      name: s.name,
      jobTitle: s.jobTitle,
      description: s.description,
      createdAt: s.createdAt.toISOString(),
      currentVersionId: currentVersionId(own, today),
      versions: own.map((v) => presentKpiVersion(v, users)),
    };
  });
}
