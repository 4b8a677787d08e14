import type { DataSource } from 'typeorm';
import type { Role } from '@liucai/shared';
import type { Actor } from '../../../appTypes';

// tenancy: every part is read by (corp_id, userid) of the signed-in person.
// One statement per request (every API authenticates with it): a first row with the person's standing and whether
// anyone active reports to them (the supervisor index answers it from its first entry), then a row per HR department.
export const ACTOR_SQL = `SELECT 'user' AS part, u.status AS status, u.is_admin AS value,
  EXISTS (SELECT 1 FROM users r WHERE r.corp_id = u.corp_id AND r.supervisor_userid = u.userid AND r.status = 'active') AS reports
FROM users u WHERE u.corp_id = ? AND u.userid = ?
UNION ALL
SELECT 'hr', NULL, h.dept_id, NULL FROM hr_scopes h WHERE h.corp_id = ? AND h.userid = ?`;

/**
 * Build the actor for a signed-in user, or null when they are unknown or have left. Roles: everyone is an
 * employee; supervisor when someone active reports to them; hr when an admin granted departments; admin when
 * DingTalk says `sys`.
 */
export async function loadActor(ds: DataSource, corpId: string, userid: string): Promise<Actor | null> {
  type Row = { part: 'user' | 'hr'; status: string | null; value: number | string | boolean; reports: number | string | null };
  const rows = (await ds.query(ACTOR_SQL, [corpId, userid, corpId, userid])) as Row[];
  const user = rows.find((r) => r.part === 'user');
  if (!user || user.status !== 'active') return null;
  const hrDeptIds = rows
    .filter((r) => r.part === 'hr')
    .map((r) => Number(r.value))
    .sort((a, b) => a - b);
  const roles: Role[] = ['employee'];
  if (Number(user.reports) > 0) roles.push('supervisor');
  if (hrDeptIds.length > 0) roles.push('hr');
  if (Number(user.value) === 1) roles.push('admin');
  return { corpId, userid, roles, hrDeptIds };
}
