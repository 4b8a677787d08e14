/**
 * Plan assignments an actor may see, in bulk: a person's when the person is within the actor's pay scope, a job's
 * when its department is within the actor's departments (admins: all of the corp).
 */
import type { DataSource } from 'typeorm';
import { IncentivePlanAssignment } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { payVisibleDepartmentIds, payVisibleUserIds } from '../policies/payScope';

export async function visibleAssignments(ds: DataSource, actor: Actor, filter: { userid?: string; planId?: number }): Promise<IncentivePlanAssignment[]> {
  const rows = await ds.getRepository(IncentivePlanAssignment).find({
    where: { corpId: actor.corpId, ...(filter.planId ? { planId: filter.planId } : {}), ...(filter.userid ? { userid: filter.userid } : {}) },
    order: { effectiveFrom: 'DESC', id: 'DESC' },
  });
  const users = await payVisibleUserIds(
    ds,
    actor,
    rows.filter((a) => a.targetKind === 'user').map((a) => a.userid ?? ''),
  );
  const depts = rows.some((a) => a.targetKind === 'job') ? await payVisibleDepartmentIds(ds, actor) : new Set<number>();
  return rows.filter((a) => (a.targetKind === 'user' ? users.has(a.userid ?? '') : depts.has(Number(a.deptId))));
}
