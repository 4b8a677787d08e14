/**
 * Who sees whose attrition risk (PIPL Art. 24: automated assessment of people, shown to as few as need it):
 *
 * - HR: the people of its departments (the people scope's HR part), everything: band, probability, rule, drivers;
 * - a supervisor: their direct reports, band and drivers only;
 * - nobody sees their own risk, whatever their roles; a plain employee, and an admin by being admin alone, may not use
 *   the radar at all (403).
 *
 * One scope, applied in SQL by `whereInPeopleScope` (constants, one query for a whole list), never a check per person.
 */
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../../appTypes';
import { forbidden } from '../../../errors';
import { visibleDepartmentIds } from '../../access/policies/scope';
import { memberBeyondMain, membersBeyondMain, whereInPeopleScope, type PeopleScope } from '../../people/policies/peopleScope';

export const RADAR_REFUSED = '留才雷达只对 HR 和直属主管开放';

export interface RiskScope {
  scope: PeopleScope;
  /** HR's departments (expanded) and members beyond their main department: who is seen as HR. */
  hrDepts: Set<number>;
  hrMembers: Set<string>;
}

/**
 * The actor's risk scope; 403 when their roles give them no radar at all. With `about`, the scope for that one person
 * (a person's page): whether they are in HR's departments beyond their main one is asked for them alone, instead of
 * reading everyone's memberships beyond the main department.
 */
export async function riskScopeOf(ds: DataSource, actor: Actor, about?: string): Promise<RiskScope> {
  const isHr = actor.roles.includes('hr');
  const isSupervisor = actor.roles.includes('supervisor');
  if (!isHr && !isSupervisor) throw forbidden(RADAR_REFUSED);
  const deptIds = isHr ? [...(await visibleDepartmentIds(ds, actor))] : [];
  const members = about === undefined ? await membersBeyondMain(ds, actor.corpId, deptIds) : await memberBeyondMain(ds, actor.corpId, about, deptIds);
  return {
    scope: { corpId: actor.corpId, all: false, self: actor.userid, reports: isSupervisor, deptIds, memberUserids: members },
    hrDepts: new Set(deptIds.map(Number)),
    hrMembers: new Set(members),
  };
}

/** Restrict a query over `users` (alias) to the risk scope: the people scope without the viewer themself. */
export function whereInRiskScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, rs: RiskScope): SelectQueryBuilder<T> {
  whereInPeopleScope(qb, alias, rs.scope);
  // The person a risk is about never sees it: not in a list, not on its own.
  return qb.andWhere(`${alias}.userid <> :riskViewer`, { riskViewer: rs.scope.self });
}

/** Whether a person in scope is seen as HR (full view) or only as their supervisor. */
export const seenAsHr = (rs: RiskScope, person: { userid: string; mainDeptId: number | string | null }): boolean =>
  (person.mainDeptId !== null && rs.hrDepts.has(Number(person.mainDeptId))) || rs.hrMembers.has(person.userid);
