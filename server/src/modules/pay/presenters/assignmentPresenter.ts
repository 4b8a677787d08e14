/** Plan assignments as the API shows them: the plan, who (a person or a job on a department) and the dates. */
import { In, type DataSource } from 'typeorm';
import type { PlanAssignment } from '@liucai/shared';
import { IncentivePlan, type IncentivePlanAssignment } from '../../../entities';
import { loadDepartmentIndex } from '../../people/queries/departmentIndex';
import { planRef } from './planPresenter';
import { userRefs } from './userRefs';

export async function presentAssignments(ds: DataSource, corpId: string, rows: IncentivePlanAssignment[]): Promise<PlanAssignment[]> {
  if (rows.length === 0) return [];
  const users = await userRefs(ds, corpId, [...rows.map((a) => a.userid), ...rows.map((a) => a.createdBy)]);
  const plans = new Map((await ds.getRepository(IncentivePlan).findBy({ corpId, id: In([...new Set(rows.map((a) => a.planId))]) })).map((p) => [p.id, p]));
  // Departments are named by their path (three 一组 are told apart), read once for the corp.
  const depts = rows.some((a) => a.deptId !== null) ? await loadDepartmentIndex(ds, corpId) : null;
  return rows.map((a) => {
    const plan = plans.get(a.planId);
    return {
      id: a.id,
      plan: plan ? planRef(plan) : { id: a.planId, code: '', name: `#${a.planId}` },
      target:
        a.targetKind === 'user'
          ? { kind: 'user', user: users.get(a.userid ?? '') ?? { userid: a.userid ?? '', name: a.userid ?? '', title: null } }
          : {
              kind: 'job',
              jobTitle: a.jobTitle ?? '',
              department: depts?.ref(Number(a.deptId)) ?? { id: Number(a.deptId), name: `#${a.deptId}`, path: `#${a.deptId}` },
            },
      effectiveFrom: a.effectiveFrom,
      effectiveTo: a.effectiveTo,
      createdBy: users.get(a.createdBy) ?? null,
      createdAt: a.createdAt.toISOString(),
    };
  });
}
