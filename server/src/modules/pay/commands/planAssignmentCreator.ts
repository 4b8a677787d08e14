/**
 * Assign a plan to a person or to a job within a department, effective-dated. HR only within its departments
 * (anything else answers 404, as if it did not exist); nobody but an admin assigns their own plan. Assignments of
 * one target never overlap: a new one may take over from the open-ended one that began earlier, which then ends the
 * day before.
 */
import type { DataSource } from 'typeorm';
import { placeRange, rangeProblems } from '@liucai/shared';
import { Corp, Department, IncentivePlan, IncentivePlanAssignment, User } from '../../../entities';
import { forbidden, notFound, validationError } from '../../../errors';
import { payTransaction } from './payTransaction';
import type { Actor } from '../../../appTypes';
import { payVisibleDepartmentIds, payVisibleUserIds } from '../policies/payScope';
import { assignmentOverlap } from '../payErrors';
import { recordAudit } from '../../audit/commands/auditRecorder';

export type AssignmentInput =
  | { planId: number; userid: string; effectiveFrom: string; effectiveTo?: string | null }
  | { planId: number; jobTitle: string; deptId: number; effectiveFrom: string; effectiveTo?: string | null };

const DATE_LABELS = { effectiveFrom: '生效日期', effectiveTo: '截止日期' } as const;

export async function createPlanAssignment(ds: DataSource, actor: Actor, input: AssignmentInput): Promise<IncentivePlanAssignment> {
  const dates = rangeProblems(input.effectiveFrom, input.effectiveTo ?? null);
  if (dates.length > 0) throw validationError(dates.map((d) => ({ field: d.field, label: DATE_LABELS[d.field], message: d.message })));
  if (!(await ds.getRepository(IncentivePlan).existsBy({ corpId: actor.corpId, id: input.planId }))) throw notFound('激励方案');

  let who: string;
  let target: Pick<IncentivePlanAssignment, 'targetKind' | 'userid' | 'jobTitle' | 'deptId'>;
  if ('userid' in input) {
    const user = await ds.getRepository(User).findOneBy({ corpId: actor.corpId, userid: input.userid });
    if (!user || !(await payVisibleUserIds(ds, actor, [user.userid])).has(user.userid)) throw notFound('员工');
    if (user.userid === actor.userid && !actor.roles.includes('admin')) throw forbidden('不能给自己分配激励方案，请由其他 HR 或管理员操作');
    who = `员工“${user.name}”`;
    target = { targetKind: 'user', userid: user.userid, jobTitle: null, deptId: null };
  } else {
    const dept = await ds.getRepository(Department).findOneBy({ corpId: actor.corpId, deptId: input.deptId });
    if (!dept || !(await payVisibleDepartmentIds(ds, actor)).has(Number(dept.deptId))) throw notFound('部门');
    who = `“${dept.name}”的职位“${input.jobTitle}”`;
    target = { targetKind: 'job', userid: null, jobTitle: input.jobTitle, deptId: Number(dept.deptId) };
  }

  return payTransaction(ds, async (em) => {
    // Assignments are rare admin writes: queue them per corp on the corp's row (an UPDATE holds its lock until commit).
    // tenancy: the corp's own row, by corp_id (a per-corp lock).
    await em
      .createQueryBuilder()
      .update(Corp)
      .set({ name: () => 'name' })
      .where('corp_id = :corpId', { corpId: actor.corpId })
      .execute();
    const same = await em.getRepository(IncentivePlanAssignment).findBy({
      corpId: actor.corpId,
      targetKind: target.targetKind,
      ...(target.targetKind === 'user' ? { userid: target.userid! } : { jobTitle: target.jobTitle!, deptId: target.deptId! }),
    });
    const range = { from: input.effectiveFrom, to: input.effectiveTo ?? null };
    const placed = placeRange(
      same.map((a) => ({ ...a, from: a.effectiveFrom, to: a.effectiveTo })),
      range,
    );
    if (!placed.ok) throw assignmentOverlap(range, placed.conflict, who);
    if (placed.supersede)
      await em.getRepository(IncentivePlanAssignment).update({ id: placed.supersede.item.id, corpId: actor.corpId }, { effectiveTo: placed.supersede.newTo });
    const row = Object.assign(new IncentivePlanAssignment(), {
      corpId: actor.corpId,
      planId: input.planId,
      ...target,
      effectiveFrom: range.from,
      effectiveTo: range.to,
      createdBy: actor.userid,
      createdAt: new Date(),
    });
    const saved = await em.getRepository(IncentivePlanAssignment).save(row);
    await recordAudit(em, actor, {
      action: 'pay.assignment.create',
      targetKind: 'incentive_plan_assignment',
      targetId: saved.id,
      subjectUserid: saved.userid,
      detail: {
        planId: saved.planId,
        jobTitle: saved.jobTitle,
        deptId: saved.deptId,
        effectiveFrom: saved.effectiveFrom,
        effectiveTo: saved.effectiveTo,
        supersededId: placed.supersede?.item.id ?? null,
      },
    });
    return saved;
  });
}
