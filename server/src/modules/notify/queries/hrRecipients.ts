import type { DataSource, EntityManager } from 'typeorm';
import { HrScope } from '../../../entities';
import { visibleUserIds } from '../../people/policies/peopleScope';

/**
 * Which HR users hold which of `userids` in their departments: HR user → the people of `userids` they see. One read
 * of the corp's HR scopes, then one bulk scope check per HR user (never a check per person).
 */
export async function hrUsersSeeing(em: EntityManager, ds: DataSource, corpId: string, userids: readonly string[]): Promise<Map<string, Set<string>>> {
  // tenancy: HR scopes of this corp only.
  const scopes = await em.getRepository(HrScope).find({ where: { corpId }, select: { userid: true, deptId: true } });
  const hrDepts = new Map<string, number[]>();
  for (const s of scopes) hrDepts.set(s.userid, [...(hrDepts.get(s.userid) ?? []), Number(s.deptId)]);
  const out = new Map<string, Set<string>>();
  for (const [hr, deptIds] of hrDepts) out.set(hr, await visibleUserIds(ds, { corpId, userid: hr, roles: ['hr'], hrDeptIds: deptIds }, userids));
  return out;
}
