/**
 * Who sees whose attrition risk (PIPL Art. 24: automated assessment of people, shown to as few as need it):
 *
 * - HR: the people of its departments (the people scope's HR part), everything: band, probability, rule, drivers;
 * - a supervisor: their direct reports, band and drivers only;
 * - nobody sees their own risk, whatever their roles; a plain employee, and an admin by being admin alone, may not use
 *   the radar at all (403).
 *
 * One scope, applied in SQL by `whereInPeopleScope` (a few ids, one query for a whole list), never a check per person.
 */
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../../appTypes';
import { forbidden } from '../../../errors';
import { visibleDepartmentIds } from '../../access/policies/scope';
import { membersBeyondMain, rootsOf, whereInPeopleScope, type PeopleScope } from '../../people/policies/peopleScope';

export const RADAR_REFUSED = '留才雷达只对 HR 和直属主管开放';

export interface RiskScope {
  /** Whose scope it is (their session's versions check the person lookups kept for them). */
  actor: Actor;
  scope: PeopleScope;
  /** HR's departments (expanded): whose main department makes them seen as HR. */
  hrDepts: Set<number>;
  /**
   * Of the people asked about so far (`about`, `learnHrMembers`), those in HR's departments through a membership
   * beyond their main department: seen as HR too.
   */
  hrMembers: Set<string>;
}

/**
 * The actor's risk scope; 403 when their roles give them no radar at all. With `about`, the scope for that one person
 * (a person's page): `personInRiskScope` reads them, looks up their memberships for them alone in the same statement
 * and so knows whether they are seen as HR. For a list, `learnHrMembers` asks about the page's people once they are known.
 */
export async function riskScopeOf(ds: DataSource, actor: Actor, about?: string): Promise<RiskScope> {
  const isHr = actor.roles.includes('hr');
  const isSupervisor = actor.roles.includes('supervisor');
  if (!isHr && !isSupervisor) throw forbidden(RADAR_REFUSED);
  const deptIds = isHr ? [...(await visibleDepartmentIds(ds, actor))] : [];
  const deptRoots = isHr ? rootsOf(actor.hrDeptIds) : [];
  const rs: RiskScope = {
    actor,
    scope: { corpId: actor.corpId, all: false, self: actor.userid, reports: isSupervisor, deptRoots, deptIds, few: about !== undefined },
    hrDepts: new Set(deptIds.map(Number)),
    hrMembers: new Set(),
  };
  return rs;
}

/** Learn which of `userids` are in HR's departments through a membership beyond their main department (one query). */
export async function learnHrMembers(ds: DataSource, rs: RiskScope, userids: readonly string[]): Promise<void> {
  for (const u of await membersBeyondMain(ds, rs.scope.corpId, rs.scope.deptRoots, userids)) rs.hrMembers.add(u);
}

/** Restrict a query over `users` (alias) to the risk scope: the people scope without the viewer themself. */
export function whereInRiskScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, rs: RiskScope): SelectQueryBuilder<T> {
  whereInPeopleScope(qb, alias, rs.scope);
  // The person a risk is about never sees it: not in a list, not on its own.
  return qb.andWhere(`${alias}.userid <> :riskViewer`, { riskViewer: rs.scope.self });
}

/** Whether a person in scope is seen as HR (full view) or only as their supervisor (members: only of those asked about). */
export const seenAsHr = (rs: RiskScope, person: { userid: string; mainDeptId: number | string | null }): boolean =>
  (person.mainDeptId !== null && rs.hrDepts.has(Number(person.mainDeptId))) || rs.hrMembers.has(person.userid);
