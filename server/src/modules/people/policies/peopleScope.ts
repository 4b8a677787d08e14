import { Brackets, type DataSource, type SelectQueryBuilder, type ObjectLiteral } from 'typeorm';
import { User } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { visibleDepartmentIds } from '../../access/policies/scope';

/**
 * Whose records an actor may see, as data: everyone (admin), or yourself, your direct reports (you are their
 * resolved supervisor) and, for HR, the people whose main department or any membership lies in the granted
 * departments (each with everything below it). People who left keep their main department, so HR still sees them.
 */
export interface PeopleScope {
  corpId: string;
  all: boolean;
  self: string;
  /** Direct reports count: the actor is their supervisor. */
  reports: boolean;
  /** HR departments (expanded to descendants); empty when not HR. */
  deptIds: number[];
}

/** The actor's people scope (one query for the department tree, only when the actor is HR). */
export async function peopleScopeOf(ds: DataSource, actor: Actor): Promise<PeopleScope> {
  const all = actor.roles.includes('admin');
  const deptIds = !all && actor.roles.includes('hr') ? [...(await visibleDepartmentIds(ds, actor))] : [];
  return { corpId: actor.corpId, all, self: actor.userid, reports: true, deptIds };
}

/**
 * Restrict a query over users (alias `alias`, joined or selected from `users`) to a scope, in SQL: the one place the
 * rule is written for lists and bulk checks alike.
 */
export function whereInPeopleScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, scope: PeopleScope): SelectQueryBuilder<T> {
  qb.andWhere(`${alias}.corp_id = :scopeCorpId`, { scopeCorpId: scope.corpId });
  if (scope.all) return qb;
  return qb.andWhere(
    new Brackets((w) => {
      w.where(`${alias}.userid = :scopeSelf`, { scopeSelf: scope.self });
      if (scope.reports) w.orWhere(`${alias}.supervisor_userid = :scopeSelf`);
      if (scope.deptIds.length > 0) {
        w.orWhere(`${alias}.main_dept_id IN (:...scopeDepts)`, { scopeDepts: scope.deptIds });
        w.orWhere(
          `EXISTS (SELECT 1 FROM user_departments scope_ud WHERE scope_ud.corp_id = ${alias}.corp_id AND scope_ud.userid = ${alias}.userid AND scope_ud.dept_id IN (:...scopeDepts))`,
        );
      }
    }),
  );
}

/**
 * Which of `userids` the actor may see: one query for the whole list, never a check per person. Unknown userids and
 * people of other corps are simply not in the answer.
 */
export async function visibleUserIds(ds: DataSource, actor: Actor, userids: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(userids)];
  if (wanted.length === 0) return new Set();
  const scope = await peopleScopeOf(ds, actor);
  const out = new Set<string>();
  // Bounded IN lists: a long list is asked in slices of 1,000 (each slice is still one query for 1,000 people).
  for (let i = 0; i < wanted.length; i += 1000) {
    // tenancy: whereInPeopleScope adds the corp.
    const qb = ds
      .getRepository(User)
      .createQueryBuilder('u')
      .select('u.userid', 'userid')
      .where('u.userid IN (:...ids)', { ids: wanted.slice(i, i + 1000) });
    const rows: { userid: string }[] = await whereInPeopleScope(qb, 'u', scope).getRawMany();
    for (const r of rows) out.add(r.userid);
  }
  return out;
}
