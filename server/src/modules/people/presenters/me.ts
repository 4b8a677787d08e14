import { EntityNotFoundError, type DataSource } from 'typeorm';
import type { DepartmentRef, Me } from '@liucai/shared';
import { User } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { loadDepartmentIndex } from '../queries/departmentIndex';

// tenancy: the person, their corp and their supervisor by the actor's (corp_id, userid); memberships likewise.
// Read on every page's first request: the person with their corp's name and their supervisor in one statement, and a
// membership per row after it (part 'dept').
const ME_SQL = `SELECT 'me' AS part, u.userid AS userid, u.name AS name, u.title AS title, u.avatar AS avatar, u.job_number AS job_number,
  u.main_dept_id AS dept_id, u.hired_on AS hired_on, c.name AS corp_name, s.userid AS s_userid, s.name AS s_name, s.title AS s_title
FROM users u LEFT JOIN corps c ON c.corp_id = u.corp_id LEFT JOIN users s ON s.corp_id = u.corp_id AND s.userid = u.supervisor_userid
WHERE u.corp_id = ? AND u.userid = ?
UNION ALL
SELECT 'dept', NULL, NULL, NULL, NULL, NULL, m.dept_id, NULL, NULL, NULL, NULL, NULL FROM user_departments m WHERE m.corp_id = ? AND m.userid = ?`;

interface MeRow {
  part: 'me' | 'dept';
  userid: string;
  name: string;
  title: string | null;
  avatar: string | null;
  job_number: string | null;
  dept_id: number | string | null;
  hired_on: string | null;
  corp_name: string | null;
  s_userid: string | null;
  s_name: string | null;
  s_title: string | null;
}

/** The signed-in user's own profile (explicit fields only). */
export async function presentMe(ds: DataSource, actor: Actor): Promise<Me> {
  const { corpId, userid } = actor;
  const rows = (await ds.query(ME_SQL, [corpId, userid, corpId, userid])) as MeRow[];
  const user = rows.find((r) => r.part === 'me');
  if (!user) throw new EntityNotFoundError(User, { corpId, userid });
  // Departments are named by their path (three 一组 in one company), so the whole list is read once.
  const depts = await loadDepartmentIndex(ds, corpId, actor.orgVersion);
  const ref = (id: number) => depts.ref(id);
  const mainDeptId = user.dept_id === null ? null : Number(user.dept_id);
  const ordered = [
    mainDeptId,
    ...rows
      .filter((r) => r.part === 'dept')
      .map((r) => Number(r.dept_id))
      .sort((a, b) => a - b),
  ].filter((x): x is number => x !== null);
  return {
    userid: user.userid,
    name: user.name,
    title: user.title,
    avatar: user.avatar,
    jobNumber: user.job_number,
    corpId,
    corpName: user.corp_name ?? corpId,
    roles: actor.roles,
    department: mainDeptId !== null ? ref(mainDeptId) : null,
    departments: [...new Set(ordered)].map(ref).filter((d): d is DepartmentRef => d !== null),
    supervisor: user.s_userid !== null ? { userid: user.s_userid, name: user.s_name ?? user.s_userid, title: user.s_title } : null,
    hiredOn: user.hired_on,
    hrScopes: actor.hrDeptIds.map(ref).filter((d): d is DepartmentRef => d !== null),
  };
}
