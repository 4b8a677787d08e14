import { In, type DataSource } from 'typeorm';
import type { Me } from '@liucai/shared';
import { Corp, Department, User, UserDepartment } from '../../../entities';
import type { Actor } from '../../../appTypes';

/** The signed-in user's own profile (explicit fields only). */
export async function presentMe(ds: DataSource, actor: Actor): Promise<Me> {
  const { corpId, userid } = actor;
  const user = await ds.getRepository(User).findOneByOrFail({ corpId, userid });
  const corp = await ds.getRepository(Corp).findOneBy({ corpId });
  const memberships = await ds.getRepository(UserDepartment).findBy({ corpId, userid });
  const deptIds = [...new Set([...(user.mainDeptId !== null ? [user.mainDeptId] : []), ...memberships.map((m) => m.deptId), ...actor.hrDeptIds])];
  const depts = deptIds.length ? await ds.getRepository(Department).findBy({ corpId, deptId: In(deptIds) }) : [];
  const ref = (id: number) => {
    const d = depts.find((x) => x.deptId === id);
    return d ? { id: d.deptId, name: d.name } : null;
  };
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
    departments: [...new Set(ordered)].map(ref).filter((d): d is { id: number; name: string } => d !== null),
    supervisor: supervisor ? { userid: supervisor.userid, name: supervisor.name, title: supervisor.title } : null,
    hiredOn: user.hiredOn,
    hrScopes: actor.hrDeptIds.map(ref).filter((d): d is { id: number; name: string } => d !== null),
  };
}
