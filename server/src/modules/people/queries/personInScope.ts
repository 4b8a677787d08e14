import type { DataSource } from 'typeorm';
import { User } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { notFound } from '../../../errors';
import { keptPersonInScope, peopleScopeFrom, whereInPeopleScope, type PeopleScope } from '../policies/peopleScope';
import type { DepartmentIndex } from './departmentIndex';

/**
 * The person `userid` if the actor may see them (the bulk scope rule asked for one person, in one query, kept while
 * the org and the people are unchanged), else a 404 that does not say whether they exist: HR within its departments,
 * a supervisor their direct reports, everyone themself, admins everyone.
 */
export async function findPersonInScope(ds: DataSource, actor: Actor, userid: string, depts: DepartmentIndex): Promise<{ person: User; scope: PeopleScope }> {
  const scope = peopleScopeFrom(actor, depts.departments, { few: true });
  const person = await keptPersonInScope(ds, actor, scope, userid);
  if (!person) throw notFound('员工');
  return { person, scope };
}

/** Which of `userids` lie in `scope`: one query for the whole list (for links on a page). */
export async function inScope(ds: DataSource, scope: PeopleScope, userids: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(userids)];
  if (wanted.length === 0) return new Set();
  // tenancy: whereInPeopleScope adds u.corp_id = the actor's corp.
  const qb = ds.getRepository(User).createQueryBuilder('u').select('u.userid', 'userid').where('u.userid IN (:...linked)', { linked: wanted });
  const rows = await whereInPeopleScope(qb, 'u', scope).getRawMany<{ userid: string }>();
  return new Set(rows.map((r) => r.userid));
}
