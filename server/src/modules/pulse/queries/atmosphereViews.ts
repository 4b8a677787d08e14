import type { DataSource } from 'typeorm';
import type { AtmosphereLevel, AtmosphereView } from '@liucai/shared';
import { TeamAtmosphere } from '../../../entities';
import { loadDepartmentIndex } from '../../people/queries/departmentIndex';
import { selectAs } from '../../people/queries/paging';

/**
 * 团队氛围 on the 转型看板: each team (a department within HR's departments) with its latest stored month, in tree
 * order. Stored rows only ever carry pulse results the disclosure rule showed.
 */
export async function atmosphereViews(ds: DataSource, corpId: string, deptIds: readonly number[]): Promise<AtmosphereView[]> {
  if (deptIds.length === 0) return [];
  // Raw columns, not entities: HR of 10,000 people has about 400 teams, each with a row per month.
  const out = new Map<number, Record<string, unknown>>();
  for (let i = 0; i < deptIds.length; i += 1000) {
    // tenancy: the corp's atmospheres of HR's departments.
    const rows = await selectAs(ds.getRepository(TeamAtmosphere).createQueryBuilder('a'), {
      deptId: 'a.dept_id',
      month: 'a.month',
      level: 'a.level',
      respondents: 'a.respondents',
      enps: 'a.enps',
      reasons: 'a.reasons',
      actions: 'a.actions',
    })
      .where('a.corp_id = :corpId AND a.dept_id IN (:...deptIds)', { corpId, deptIds: deptIds.slice(i, i + 1000) })
      .orderBy('a.month', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getRawMany<Record<string, unknown>>();
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
      month: String(r.month),
      level: (r.level ?? null) as AtmosphereLevel | null,
      respondents: Number(r.respondents),
      enps: r.enps === null || r.enps === undefined ? null : Number(r.enps),
      reasons: JSON.parse(String(r.reasons)) as string[],
      actions: JSON.parse(String(r.actions)) as string[],
    };
  });
}
