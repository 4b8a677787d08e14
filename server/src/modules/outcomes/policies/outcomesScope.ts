/**
 * Who sees the 转型看板: HR, within its departments (the people scope's HR part: main department or a membership in
 * them, leavers included since they keep their main department). Not the reporting line, not admin alone (403): the
 * board shows risk counts, and a risk is seen only by HR covering the person (PIPL Art. 24), never the person.
 */
import type { DataSource } from 'typeorm';
import type { Actor } from '../../../appTypes';
import { forbidden } from '../../../errors';
import { visibleDepartmentIds } from '../../access/policies/scope';
import { rootsOf, type PeopleScope } from '../../people/policies/peopleScope';

export const OUTCOMES_REFUSED = '转型看板只对 HR 开放';

export interface OutcomesScope {
  scope: PeopleScope;
  /** HR's granted departments (the scope is them and everything below them). */
  grants: number[];
  /** Whose risk band the viewer may count or list: everyone in scope but the viewer. */
  riskVisible(userid: string): boolean;
}

/** An HR user's dashboard scope (also for a job acting for them: the monthly summary). */
export async function outcomesScopeOf(ds: DataSource, actor: Pick<Actor, 'corpId' | 'userid' | 'roles' | 'hrDeptIds'>): Promise<OutcomesScope> {
  if (!actor.roles.includes('hr')) throw forbidden(OUTCOMES_REFUSED);
  const deptIds = [...(await visibleDepartmentIds(ds, { ...actor, roles: ['hr'] }))];
  return {
    scope: { corpId: actor.corpId, all: false, self: actor.userid, reports: false, deptRoots: rootsOf(actor.hrDeptIds), deptIds },
    grants: [...new Set(actor.hrDeptIds.map(Number))],
    riskVisible: (userid) => userid !== actor.userid,
  };
}
