import { In, type DataSource, type EntityManager } from 'typeorm';
import { Department, DepartmentHeadcount, User, UserDepartment } from '../../../entities';

type Db = DataSource | EntityManager;

/** Headcounts of every department given, from the memberships of active people (pure; each person once per subtree). */
export function computeHeadcounts(
  depts: readonly { deptId: number; parentId: number | null }[],
  memberships: readonly { userid: string; deptId: number }[],
): Map<number, { headcount: number; totalHeadcount: number }> {
  const known = new Set(depts.map((d) => d.deptId));
  const children = new Map<number, number[]>();
  for (const d of depts) {
    if (d.parentId === null || d.parentId === d.deptId || !known.has(d.parentId)) continue;
    children.set(d.parentId, [...(children.get(d.parentId) ?? []), d.deptId]);
  }
  // A person counts in each department they are a member of (DingTalk's dept_id_list, main department included).
  const direct = new Map<number, Set<string>>();
  const add = (deptId: number, userid: string) => {
    if (!known.has(deptId)) return;
    const set = direct.get(deptId) ?? new Set<string>();
    set.add(userid);
    direct.set(deptId, set);
  };
  for (const m of memberships) add(m.deptId, m.userid);
  const totals = new Map<number, Set<string>>();
  const visiting = new Set<number>();
  const total = (id: number): Set<string> => {
    const done = totals.get(id);
    if (done) return done;
    const set = new Set(direct.get(id) ?? []);
    visiting.add(id); // bad data with a parent cycle must not loop forever
    for (const c of children.get(id) ?? []) if (!visiting.has(c)) for (const u of total(c)) set.add(u);
    visiting.delete(id);
    totals.set(id, set);
    return set;
  };
  const out = new Map<number, { headcount: number; totalHeadcount: number }>();
  for (const d of depts) out.set(d.deptId, { headcount: direct.get(d.deptId)?.size ?? 0, totalHeadcount: total(d.deptId).size });
  return out;
}

/**
 * Recount the corp's department headcounts (direct, and the whole subtree with each person once) and write
 * the rows that changed. Called where people, memberships or departments change: the org sync, the event re-sync of
 * a few people, the departure sync. Reads the corp's memberships once (about 10,000 rows at 10,000 people).
 */
export async function refreshDepartmentHeadcounts(db: Db, corpId: string): Promise<number> {
  const em = 'manager' in db ? db.manager : db;
  const depts = await em.find(Department, { where: { corpId, active: true }, select: { deptId: true, parentId: true } });
  const active = await em.find(User, { where: { corpId, status: 'active' }, select: { userid: true } });
  const activeIds = new Set(active.map((u) => u.userid));
  const memberships = (await em.find(UserDepartment, { where: { corpId }, select: { userid: true, deptId: true } })).filter((m) => activeIds.has(m.userid));
  const counts = computeHeadcounts(
    depts.map((d) => ({ deptId: Number(d.deptId), parentId: d.parentId === null ? null : Number(d.parentId) })),
    memberships.map((m) => ({ userid: m.userid, deptId: Number(m.deptId) })),
  );
  const existing = new Map((await em.find(DepartmentHeadcount, { where: { corpId } })).map((r) => [Number(r.deptId), r]));
  const changed: DepartmentHeadcount[] = [];
  for (const [deptId, c] of counts) {
    const old = existing.get(deptId);
    if (old && old.headcount === c.headcount && old.totalHeadcount === c.totalHeadcount) continue;
    changed.push(Object.assign(new DepartmentHeadcount(), { corpId, deptId, ...c }));
  }
  for (let i = 0; i < changed.length; i += 500) {
    await em
      .createQueryBuilder()
      .insert()
      .into(DepartmentHeadcount)
      .values(changed.slice(i, i + 500))
      .orUpdate(['headcount', 'total_headcount'], ['corp_id', 'dept_id'])
      .execute();
  }
  const gone = [...existing.keys()].filter((id) => !counts.has(id));
  for (let i = 0; i < gone.length; i += 500) await em.delete(DepartmentHeadcount, { corpId, deptId: In(gone.slice(i, i + 500)) });
  return changed.length + gone.length;
}
