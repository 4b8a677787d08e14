import type { DataSource } from 'typeorm';
import type { Role } from '@liucai/shared';
import { HrScope, User } from '../../../entities';
import type { Actor } from '../../../appTypes';

/**
 * Build the actor for a signed-in user, or null when they are unknown or have left. Roles: everyone is an
 * employee; supervisor when someone active reports to them; hr when an admin granted departments; admin when
 * DingTalk says `sys`.
 */
export async function loadActor(ds: DataSource, corpId: string, userid: string): Promise<Actor | null> {
  const user = await ds.getRepository(User).findOneBy({ corpId, userid });
  if (!user || user.status !== 'active') return null;
  const roles: Role[] = ['employee'];
  const reports = await ds.getRepository(User).countBy({ corpId, supervisorUserid: userid, status: 'active' });
  if (reports > 0) roles.push('supervisor');
  const scopes = await ds.getRepository(HrScope).findBy({ corpId, userid });
  if (scopes.length > 0) roles.push('hr');
  if (user.isAdmin) roles.push('admin');
  return { corpId, userid, roles, hrDeptIds: scopes.map((s) => s.deptId) };
}
