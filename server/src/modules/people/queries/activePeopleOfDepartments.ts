import type { DataSource } from 'typeorm';
import { User } from '../../../entities';
import { descendantsOf } from '../../access/policies/scope';
import { rootsOf, whereInPeopleScope, type PeopleScope } from '../policies/peopleScope';

/**
 * The active people of `deptIds`, each department with everything below it (main department or a membership), with
 * their main department: one scope query (the people scope's rule, written once), used to invite a department to a
 * questionnaire or a pulse survey.
 */
export async function activePeopleOfDepartments(
  ds: DataSource,
  corpId: string,
  departments: readonly { deptId: number; parentId: number | null }[],
  deptIds: readonly number[],
): Promise<{ userid: string; mainDeptId: number | null }[]> {
  if (deptIds.length === 0) return [];
  const subtree = [...descendantsOf([...departments], deptIds)];
  const scope: PeopleScope = { corpId, all: false, self: '', reports: false, deptRoots: rootsOf(deptIds), deptIds: subtree };
  // tenancy: whereInPeopleScope adds the corp.
  const qb = ds
    .getRepository(User)
    .createQueryBuilder('u')
    .select('u.userid', 'userid')
    .addSelect('u.main_dept_id', 'mainDeptId')
    .where('u.status = :active', { active: 'active' });
  const rows = await whereInPeopleScope(qb, 'u', scope).getRawMany<{ userid: string; mainDeptId: number | string | null }>();
  return rows.map((r) => ({ userid: r.userid, mainDeptId: r.mainDeptId === null ? null : Number(r.mainDeptId) }));
}
