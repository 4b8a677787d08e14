import type { DataSource } from 'typeorm';
import { User, UserDepartment } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { visibleDepartmentIds } from '../../access/policies/scope';

/**
 * May `actor` see `target`'s profile? Yourself; your direct reports (you are their resolved supervisor);
 * HR when the person is in one of the HR's departments; admins always. Callers answer 404 otherwise.
 */
export async function canViewUser(ds: DataSource, actor: Actor, target: User): Promise<boolean> {
  if (target.corpId !== actor.corpId) return false;
  if (target.userid === actor.userid) return true;
  if (actor.roles.includes('admin')) return true;
  if (target.supervisorUserid === actor.userid) return true;
  if (actor.roles.includes('hr')) {
    const visible = await visibleDepartmentIds(ds, actor);
    const memberships = await ds.getRepository(UserDepartment).find({ where: { corpId: actor.corpId, userid: target.userid } });
    return memberships.some((m) => visible.has(m.deptId)) || (target.mainDeptId !== null && visible.has(target.mainDeptId));
  }
  return false;
}
