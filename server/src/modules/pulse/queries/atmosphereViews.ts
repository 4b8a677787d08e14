import { In, type DataSource } from 'typeorm';
import type { AtmosphereLevel, AtmosphereView } from '@liucai/shared';
import { TeamAtmosphere } from '../../../entities';
import { loadDepartmentIndex } from '../../people/queries/departmentIndex';

/**
 * 团队氛围 on the 转型看板: each team (a department within HR's departments) with its latest stored month, in tree
 * order. Stored rows only ever carry pulse results the disclosure rule showed.
 */
export async function atmosphereViews(ds: DataSource, corpId: string, deptIds: readonly number[]): Promise<AtmosphereView[]> {
  if (deptIds.length === 0) return [];
  const out = new Map<number, TeamAtmosphere>();
  for (let i = 0; i < deptIds.length; i += 1000) {
    // tenancy: the corp's atmospheres of HR's departments.
    const rows = await ds.getRepository(TeamAtmosphere).find({ where: { corpId, deptId: In(deptIds.slice(i, i + 1000)) }, order: { month: 'ASC' } });
    for (const r of rows) out.set(Number(r.deptId), r); // the latest month wins
  }
  if (out.size === 0) return [];
  const index = await loadDepartmentIndex(ds, corpId);
  const ordered = index.listInTreeOrder(new Set(out.keys())).map((d) => d.id);
  return ordered.map((deptId) => {
    const r = out.get(deptId)!;
    return {
      deptId,
      deptName: index.path(deptId),
      month: r.month,
      level: r.level as AtmosphereLevel | null,
      respondents: r.respondents,
      enps: r.enps,
      reasons: JSON.parse(r.reasons) as string[],
      actions: JSON.parse(r.actions) as string[],
    };
  });
}
