import { Brackets, type DataSource, type SelectQueryBuilder, type ObjectLiteral } from 'typeorm';
import { User, UserDepartment } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { descendantsOf, visibleDepartmentIds } from '../../access/policies/scope';

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
  /**
   * People in the HR departments only through a membership besides their main department: read once when the scope
   * is made, so lists filter by constants instead of looking up memberships person by person. Null for a scope made
   * to check a handful of people (a person's page), which looks their memberships up directly.
   */
  memberUserids: string[] | null;
}

/**
 * The people with a membership in `deptIds` who belong to departments besides their main one (users.in_other_depts,
 * about one in twenty): their ids from the flag's index, then their memberships by primary key, matched here. Two
 * small reads with a plan that cannot go wrong (a join let MariaDB start from every membership of the departments).
 */
export async function membersBeyondMain(ds: DataSource, corpId: string, deptIds: readonly number[]): Promise<string[]> {
  if (deptIds.length === 0) return [];
  const flagged = await ds
    .getRepository(User)
    .createQueryBuilder('mu')
    .select('mu.userid', 'userid')
    .where('mu.corp_id = :corpId AND mu.in_other_depts = :flag', { corpId, flag: true })
    .getRawMany<{ userid: string }>();
  const wanted = new Set(deptIds.map(Number));
  const out = new Set<string>();
  for (let i = 0; i < flagged.length; i += 1000) {
    const rows = await ds
      .getRepository(UserDepartment)
      .createQueryBuilder('mud')
      .select('mud.userid', 'userid')
      .addSelect('mud.dept_id', 'deptId')
      .where('mud.corp_id = :corpId AND mud.userid IN (:...ids)', { corpId, ids: flagged.slice(i, i + 1000).map((f) => f.userid) })
      .getRawMany<{ userid: string; deptId: number | string }>();
    for (const r of rows) if (wanted.has(Number(r.deptId))) out.add(r.userid);
  }
  return [...out];
}

/** `membersBeyondMain` asked about one person: [userid] when they have a membership in `deptIds` besides their main department. */
export async function memberBeyondMain(ds: DataSource, corpId: string, userid: string, deptIds: readonly number[]): Promise<string[]> {
  if (deptIds.length === 0) return [];
  // tenancy: corpId is the actor's.
  const row = await ds
    .getRepository(UserDepartment)
    .createQueryBuilder('mud')
    .innerJoin(User, 'mu', 'mu.corp_id = mud.corp_id AND mu.userid = mud.userid')
    .select('mud.userid', 'userid')
    .where('mud.corp_id = :corpId AND mud.userid = :userid AND mu.in_other_depts = :flag AND mud.dept_id IN (:...deptIds)', {
      corpId,
      userid,
      flag: true,
      deptIds,
    })
    .limit(1)
    .getRawOne<{ userid: string }>();
  return row ? [userid] : [];
}

/**
 * The actor's people scope (for HR: one query for the department tree and one for members beyond the main one). With
 * `few`, for checking a handful of people: no read of the members beyond the main department (see `memberUserids`).
 */
export async function peopleScopeOf(ds: DataSource, actor: Actor, opts: { few?: boolean } = {}): Promise<PeopleScope> {
  const all = actor.roles.includes('admin');
  const deptIds = !all && actor.roles.includes('hr') ? [...(await visibleDepartmentIds(ds, actor))] : [];
  const memberUserids = opts.few ? null : await membersBeyondMain(ds, actor.corpId, deptIds);
  return { corpId: actor.corpId, all, self: actor.userid, reports: true, deptIds, memberUserids };
}

/** Up to this many people are checked with the memberships looked up per person (`few`), more with the list read once. */
export const FEW_PEOPLE = 50;

/**
 * The same scope from a department list the caller already read, e.g. a `DepartmentIndex`'s. For lists (HR: one
 * read of the members beyond the main department); with `few`, for checking a handful of people (no read at all).
 */
export async function peopleScopeFrom(
  ds: DataSource,
  actor: Actor,
  departments: readonly { deptId: number; parentId: number | null }[],
  opts: { few?: boolean } = {},
): Promise<PeopleScope> {
  const all = actor.roles.includes('admin');
  const deptIds = !all && actor.roles.includes('hr') ? [...descendantsOf([...departments], actor.hrDeptIds)] : [];
  const memberUserids = opts.few ? null : await membersBeyondMain(ds, actor.corpId, deptIds);
  return { corpId: actor.corpId, all, self: actor.userid, reports: true, deptIds, memberUserids };
}

/**
 * Restrict a query over users (alias `alias`, joined or selected from `users`) to a scope, in SQL: the one place the
 * rule is written for lists and bulk checks alike. Constants only (no subquery per person), so the database reads
 * the corp's users once whatever the page size.
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
        if (scope.memberUserids === null) {
          // A handful of people: look their memberships up (only for those with one besides their main department).
          w.orWhere(
            `(${alias}.in_other_depts = :scopeFlag AND EXISTS (SELECT 1 FROM user_departments scope_ud WHERE scope_ud.corp_id = ${alias}.corp_id AND scope_ud.userid = ${alias}.userid AND scope_ud.dept_id IN (:...scopeDepts)))`,
            { scopeFlag: true },
          );
        } else if (scope.memberUserids.length > 0) {
          w.orWhere(`${alias}.userid IN (:...scopeMembers)`, { scopeMembers: scope.memberUserids });
        }
      }
    }),
  );
}

/**
 * The userids of a scope (not `all`) as SQL for `column IN (…)`, with its parameters: a UNION ALL of reads that each
 * stay in one index — oneself by key, the reports from (corp, supervisor, userid), HR's departments' people from
 * (corp, main department, userid), the members beyond their main department by key — where `whereInPeopleScope`'s OR
 * reads every candidate's row. The same people: those `whereInPeopleScope` keeps (a userid may appear twice).
 */
export function scopeUseridsSql(scope: PeopleScope): { sql: string; params: Record<string, unknown> } {
  const from = 'SELECT su.userid FROM users su WHERE su.corp_id = :scopeCorpId';
  const parts = [`${from} AND su.userid = :scopeSelf`];
  const params: Record<string, unknown> = { scopeCorpId: scope.corpId, scopeSelf: scope.self };
  if (scope.reports) parts.push(`${from} AND su.supervisor_userid = :scopeSelf`);
  if (scope.deptIds.length > 0) {
    parts.push(`${from} AND su.main_dept_id IN (:...scopeDepts)`);
    params.scopeDepts = scope.deptIds;
    if (scope.memberUserids === null) {
      parts.push(
        `${from} AND su.in_other_depts = :scopeFlag AND EXISTS (SELECT 1 FROM user_departments scope_ud WHERE scope_ud.corp_id = su.corp_id AND scope_ud.userid = su.userid AND scope_ud.dept_id IN (:...scopeDepts))`,
      );
      params.scopeFlag = true;
    } else if (scope.memberUserids.length > 0) {
      parts.push(`${from} AND su.userid IN (:...scopeMembers)`);
      params.scopeMembers = scope.memberUserids;
    }
  }
  return { sql: parts.join(' UNION ALL '), params };
}

/**
 * The userids of everyone in a list scope, for matching rows that were read without joining `users` (e.g. every
 * score of a month from its covering index) to the scope in memory: the reads of `scopeUseridsSql`, each by its own
 * index (as one OR, SQLite scanned every user of the corp through an unrelated index).
 */
export async function userIdsInScope(ds: DataSource, scope: PeopleScope): Promise<Set<string>> {
  if (scope.all) {
    // tenancy: whereInPeopleScope adds the corp.
    const qb = whereInPeopleScope(ds.getRepository(User).createQueryBuilder('u').select('u.userid', 'userid'), 'u', scope);
    return new Set((await qb.getRawMany<{ userid: string }>()).map((r) => r.userid));
  }
  // tenancy: scopeUseridsSql keeps to the corp's users.
  const inScope = scopeUseridsSql(scope);
  const [sql, params] = ds.driver.escapeQueryWithParameters(inScope.sql, inScope.params);
  return new Set(((await ds.query(sql, params)) as { userid: string }[]).map((r) => r.userid));
}

/**
 * Which of `userids` the actor may see: one query for the whole list, never a check per person. Unknown userids and
 * people of other corps are simply not in the answer.
 */
export async function visibleUserIds(ds: DataSource, actor: Actor, userids: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(userids)];
  if (wanted.length === 0) return new Set();
  const scope = await peopleScopeOf(ds, actor, { few: wanted.length <= FEW_PEOPLE });
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
