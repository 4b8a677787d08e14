/**
 * Create a draft payout run for a month and a department subtree (HR within its departments, admins anywhere), then
 * queue its computation. Runs of the same month never cover the same people: a department inside (or above) the
 * department of another run of that month is refused. The run and its audit row are written in one transaction;
 * the job is queued after it commits.
 */
import { periodDays } from '@liucai/shared';
import { Corp, Department, PayoutRun } from '../../../entities';
import { notFound, validationError } from '../../../errors';
import type { Actor, AppDeps } from '../../../appTypes';
import { recordAudit } from '../../audit/commands/auditRecorder';
import { descendantsOf } from '../../access/policies/scope';
import { payVisibleDepartmentIds } from '../policies/payScope';
import { runOverlaps } from '../payoutRunErrors';
import { payTransaction } from './payTransaction';
import { enqueueRunComputation } from '../jobs/payoutRunJob';

export async function createPayoutRun(deps: Pick<AppDeps, 'ds' | 'jobs'>, actor: Actor, input: { period: string; deptId: number }): Promise<PayoutRun> {
  const { ds } = deps;
  if (!periodDays(input.period)) throw validationError([{ field: 'period', label: '发放月份', message: '应为 yyyy-mm，如 2026-11' }]);
  const dept = await ds.getRepository(Department).findOneBy({ corpId: actor.corpId, deptId: input.deptId });
  if (!dept || !(await payVisibleDepartmentIds(ds, actor)).has(Number(dept.deptId))) throw notFound('部门');

  const run = await payTransaction(ds, async (em) => {
    // Runs are rare: queue their creation per corp on the corp's row, so two overlapping runs cannot both pass the check.
    // tenancy: the corp's own row, by corp_id (a per-corp lock).
    await em
      .createQueryBuilder()
      .update(Corp)
      .set({ name: () => 'name' })
      .where('corp_id = :corpId', { corpId: actor.corpId })
      .execute();
    const others = await em.getRepository(PayoutRun).findBy({ corpId: actor.corpId, period: input.period });
    if (others.length > 0) {
      const all = await em.getRepository(Department).find({ where: { corpId: actor.corpId }, select: { deptId: true, parentId: true, name: true } });
      const tree = all.map((d) => ({ deptId: Number(d.deptId), parentId: d.parentId === null ? null : Number(d.parentId) }));
      const mine = descendantsOf(tree, [Number(dept.deptId)]);
      for (const o of others) {
        if (mine.has(Number(o.deptId)) || descendantsOf(tree, [Number(o.deptId)]).has(Number(dept.deptId))) {
          throw runOverlaps(input.period, dept.name, { id: o.id, dept: all.find((d) => Number(d.deptId) === Number(o.deptId))?.name ?? String(o.deptId) });
        }
      }
    }
    const row = Object.assign(new PayoutRun(), {
      corpId: actor.corpId,
      period: input.period,
      deptId: Number(dept.deptId),
      status: 'draft' as const,
      computeState: 'queued' as const,
      computeSeq: 1,
      computedAt: null,
      inputHash: null,
      totalFen: 0,
      people: 0,
      computeError: null,
      createdBy: actor.userid,
      createdAt: new Date(),
    });
    const saved = await em.getRepository(PayoutRun).save(row);
    await recordAudit(em, actor, {
      action: 'pay.run.create',
      targetKind: 'payout_run',
      targetId: saved.id,
      detail: { period: saved.period, deptId: saved.deptId },
    });
    return saved;
  });
  await enqueueRunComputation(deps, run);
  return run;
}
