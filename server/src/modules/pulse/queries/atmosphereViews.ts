import type { DataSource } from 'typeorm';
import type { AtmosphereLevel, AtmosphereView, Paged } from '@liucai/shared';
import { TeamAtmosphere } from '../../../entities';
import { loadDepartmentIndex } from '../../people/queries/departmentIndex';
import { selectAs } from '../../people/queries/paging';

/**
 * 团队氛围 on the 转型看板: each team (a department within HR's departments) with its latest stored month, in tree
 * order, a page at a time (HR of 10,000 people has about 400 teams). Stored rows only ever carry pulse results the
 * disclosure rule showed.
 */
export async function atmosphereViews(
  ds: DataSource,
  corpId: string,
  deptIds: readonly number[],
  page: { page: number; pageSize: number },
): Promise<Paged<AtmosphereView>> {
  const none = { items: [], total: 0, ...page };
  if (deptIds.length === 0) return none;
  // Which row is each team's latest (keys only: the reasons and actions are read for the page's teams alone).
  const latest = new Map<number, number>();
  for (let i = 0; i < deptIds.length; i += 1000) {
    // tenancy: the corp's atmospheres of HR's departments.
    const rows = await selectAs(ds.getRepository(TeamAtmosphere).createQueryBuilder('a'), { id: 'a.id', deptId: 'a.dept_id' })
      .where('a.corp_id = :corpId AND a.dept_id IN (:...deptIds)', { corpId, deptIds: deptIds.slice(i, i + 1000) })
      .orderBy('a.month', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getRawMany<{ id: number | string; deptId: number | string }>();
    for (const r of rows) latest.set(Number(r.deptId), Number(r.id)); // the latest month wins
  }
  if (latest.size === 0) return none;
  const index = await loadDepartmentIndex(ds, corpId);
  const ordered = index.listInTreeOrder(new Set(latest.keys()));
  const shown = ordered.slice((page.page - 1) * page.pageSize, page.page * page.pageSize);
  const ids = shown.map((d) => latest.get(d.id)!);
  // tenancy: the corp's rows found above, by key.
  const rows =
    ids.length === 0
      ? []
      : await selectAs(ds.getRepository(TeamAtmosphere).createQueryBuilder('a'), {
          id: 'a.id',
          month: 'a.month',
          level: 'a.level',
          respondents: 'a.respondents',
          enps: 'a.enps',
          reasons: 'a.reasons',
          actions: 'a.actions',
        })
          .where('a.corp_id = :corpId AND a.id IN (:...ids)', { corpId, ids })
          .getRawMany<Record<string, unknown>>();
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  const items = shown.map((d): AtmosphereView => {
    const r = byId.get(latest.get(d.id)!)!;
    return {
      deptId: d.id,
      deptName: index.path(d.id),
      month: String(r.month),
      level: (r.level ?? null) as AtmosphereLevel | null,
      respondents: Number(r.respondents),
      enps: r.enps === null || r.enps === undefined ? null : Number(r.enps),
      reasons: JSON.parse(String(r.reasons)) as string[],
      actions: JSON.parse(String(r.actions)) as string[],
    };
  });
  return { items, total: ordered.length, ...page };
}
