import { In, type DataSource } from 'typeorm';
import type { OrgDepartment } from '@liucai/shared';
import { Department, User, UserDepartment } from '../../../entities';

/**
 * Departments with headcounts (active people directly in it, and in it or below it, each person once) and
 * managers, restricted to `visible`. A visible department whose parent is hidden is shown as a root.
 */
export async function presentOrg(ds: DataSource, corpId: string, visible: Set<number>): Promise<OrgDepartment[]> {
  const depts = (await ds.getRepository(Department).find({ where: { corpId, active: true }, order: { sortOrder: 'ASC', deptId: 'ASC' } })).filter((d) =>
    visible.has(d.deptId),
  );
  const active = await ds.getRepository(User).find({ where: { corpId, status: 'active' }, select: { userid: true, name: true, title: true } });
  const activeById = new Map(active.map((u) => [u.userid, u]));
  const members = (await ds.getRepository(UserDepartment).find({ where: { corpId } })).filter((m) => activeById.has(m.userid));
  const direct = new Map<number, Set<string>>();
  for (const m of members) {
    const set = direct.get(m.deptId) ?? new Set<string>();
    set.add(m.userid);
    direct.set(m.deptId, set);
  }
  const allDepts = await ds.getRepository(Department).find({ where: { corpId, active: true }, select: { deptId: true, parentId: true } });
  const children = new Map<number, number[]>();
  for (const d of allDepts) if (d.parentId !== null) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d.deptId]);
  const totalCache = new Map<number, Set<string>>();
  const total = (id: number): Set<string> => {
    const cached = totalCache.get(id);
    if (cached) return cached;
    const set = new Set(direct.get(id) ?? []);
    for (const c of children.get(id) ?? []) for (const u of total(c)) set.add(u);
    totalCache.set(id, set);
    return set;
  };
  return depts.map((d) => ({
    id: d.deptId,
    parentId: d.parentId !== null && visible.has(d.parentId) ? d.parentId : null,
    name: d.name,
    headcount: direct.get(d.deptId)?.size ?? 0,
    totalHeadcount: total(d.deptId).size,
    managers: d.managerUserids.flatMap((id) => {
      const u = activeById.get(id);
      return u ? [{ userid: u.userid, name: u.name, title: u.title }] : [];
    }),
  }));
}

/** Users by id, for presenting references. */
export async function userRefs(ds: DataSource, corpId: string, userids: string[]) {
  if (userids.length === 0) return new Map<string, User>();
  const users = await ds.getRepository(User).findBy({ corpId, userid: In(userids) });
  return new Map(users.map((u) => [u.userid, u]));
}
