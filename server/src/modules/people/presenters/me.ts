import type { DataSource } from 'typeorm';
import type { DepartmentRef, Me } from '@liucai/shared';
import { Corp, User, UserDepartment } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { loadDepartmentIndex } from '../queries/departmentIndex';

/** The signed-in user's own profile (explicit fields only). */
export async function presentMe(ds: DataSource, actor: Actor): Promise<Me> {
  const { corpId, userid } = actor;
  const user = await ds.getRepository(User).findOneByOrFail({ corpId, userid });
  const corp = await ds.getRepository(Corp).findOneBy({ corpId });
  const memberships = await ds.getRepository(UserDepartment).findBy({ corpId, userid });
  // Departments are named by their path (three 一组 in one company), so the whole list is read once.
  const depts = await loadDepartmentIndex(ds, corpId);
  const ref = (id: number) => depts.ref(id);
  const supervisor = user.supervisorUserid ? await ds.getRepository(User).findOneBy({ corpId, userid: user.supervisorUserid }) : null;
  const ordered = [user.mainDeptId, ...memberships.map((m) => m.deptId)].filter((x): x is number => x !== null);
  return {
    userid: user.userid,
    name: user.name,
    title: user.title,
    avatar: user.avatar,
    jobNumber: user.jobNumber,
    corpId,
    corpName: corp?.name ?? corpId,
    roles: actor.roles,
    department: user.mainDeptId !== null ? ref(user.mainDeptId) : null,
    departments: [...new Set(ordered)].map(ref).filter((d): d is DepartmentRef => d !== null),
    supervisor: supervisor ? { userid: supervisor.userid, name: supervisor.name, title: supervisor.title } : null,
    hiredOn: user.hiredOn,
    hrScopes: actor.hrDeptIds.map(ref).filter((d): d is DepartmentRef => d !== null),
  };
}
