/**
 * Whose pay an actor may administer, in bulk: admins everyone of the corp; HR the people in its granted departments
 * (and below), never through the reporting line (pay is not a supervisor's business unless HR grants it). Anything
 * outside answers 404. Built on the people scope (peopleScope.ts), with the reporting line switched off.
 */
import type { DataSource } from 'typeorm';
import { User } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { FEW_PEOPLE, keptPersonInScope, peopleScopeOf, whereInPeopleScope, type PeopleScope } from '../../people/policies/peopleScope';
import { visibleDepartmentIds } from '../../access/policies/scope';

/** The people scope for pay: no direct reports; HR's departments; admins all. */
export async function payScopeOf(ds: DataSource, actor: Actor, opts: { few?: boolean } = {}): Promise<PeopleScope> {
  return { ...(await peopleScopeOf(ds, actor, opts)), reports: false };
}

/** Which of `userids` the actor may administer pay for (one query). */
export async function payVisibleUserIds(ds: DataSource, actor: Actor, userids: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(userids)];
  if (wanted.length === 0) return new Set();
  const scope = await payScopeOf(ds, actor, { few: wanted.length <= FEW_PEOPLE });
  const out = new Set<string>();
  for (let i = 0; i < wanted.length; i += 1000) {
    // tenancy: whereInPeopleScope adds u.corp_id = the actor's corp.
    const qb = ds
      .getRepository(User)
      .createQueryBuilder('u')
      .select('u.userid', 'userid')
      .where('u.userid IN (:...ids)', { ids: wanted.slice(i, i + 1000) });
    for (const r of await whereInPeopleScope(qb, 'u', scope).getRawMany<{ userid: string }>()) out.add(r.userid);
  }
  return out;
}

/**
 * The person's row if the actor may administer their pay, else null, for a request that reads (员工档案's 激励 tab, a
 * person's assignments and plan): the rule of `payVisibleUserIds`, kept while the org and the people are unchanged
 * (no statement then). The row is shared: never modify it.
 */
export async function payVisiblePerson(ds: DataSource, actor: Actor, userid: string): Promise<User | null> {
  return keptPersonInScope(ds, actor, await payScopeOf(ds, actor, { few: true }), userid);
}

/** Departments whose job assignments the actor may administer: admins all, HR its granted subtrees. */
export const payVisibleDepartmentIds = (ds: DataSource, actor: Actor): Promise<Set<number>> => visibleDepartmentIds(ds, actor);
