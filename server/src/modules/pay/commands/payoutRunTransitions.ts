/**
 * A draft run's next steps: recompute (draft only: a new compute request, queued), lock (a computed draft becomes an
 * immutable snapshot), approve (locked → approved), publish (approved → published: employees see their statements).
 * Each step re-reads the run under its row lock, checks the state, writes and records its audit row in one
 * transaction. A locked run refuses every change with a Chinese 409.
 */
import type { EntityManager } from 'typeorm';
import { PayoutRun } from '../../../entities';
import type { Actor, AppDeps } from '../../../appTypes';
import { recordAudit } from '../../audit/commands/auditRecorder';
import { runLocked, runNotComputed, runNotFound, runWrongState } from '../payoutRunErrors';
import { payTransaction } from './payTransaction';
import { enqueueRunComputation } from '../jobs/payoutRunJob';
import { markAdjustmentsApplied } from './adjustmentApplier';

/** The run, locked for this transaction (an UPDATE that changes nothing holds the row lock until commit). */
async function lockedRun(em: EntityManager, actor: Actor, runId: number): Promise<PayoutRun> {
  // tenancy: the run's own row, by corp_id and id.
  await em
    .createQueryBuilder()
    .update(PayoutRun)
    .set({ computeSeq: () => 'compute_seq' })
    .where('corp_id = :corpId AND id = :id', { corpId: actor.corpId, id: runId })
    .execute();
  const run = await em.getRepository(PayoutRun).findOneBy({ corpId: actor.corpId, id: runId });
  if (!run) throw runNotFound();
  return run;
}

/** Queue a new computation of a draft (its inputs may have changed). */
export async function recomputePayoutRun(deps: Pick<AppDeps, 'ds' | 'jobs'>, actor: Actor, runId: number): Promise<PayoutRun> {
  const run = await payTransaction(deps.ds, async (em) => {
    const r = await lockedRun(em, actor, runId);
    if (r.status !== 'draft') throw runLocked(r);
    r.computeSeq += 1;
    r.computeState = 'queued';
    r.computeError = null;
    await em.getRepository(PayoutRun).update({ id: r.id, corpId: actor.corpId }, { computeSeq: r.computeSeq, computeState: 'queued', computeError: null });
    await recordAudit(em, actor, { action: 'pay.run.recompute', targetKind: 'payout_run', targetId: r.id, detail: { seq: r.computeSeq } });
    return r;
  });
  await enqueueRunComputation(deps, run);
  return run;
}

type Step = 'lock' | 'approve' | 'publish';
const STEPS: Record<
  Step,
  {
    from: PayoutRun['status'];
    to: PayoutRun['status'];
    wanted: string;
    by: 'lockedBy' | 'approvedBy' | 'publishedBy';
    at: 'lockedAt' | 'approvedAt' | 'publishedAt';
  }
> = {
  lock: { from: 'draft', to: 'locked', wanted: '锁定', by: 'lockedBy', at: 'lockedAt' },
  approve: { from: 'locked', to: 'approved', wanted: '审批', by: 'approvedBy', at: 'approvedAt' },
  publish: { from: 'approved', to: 'published', wanted: '发布', by: 'publishedBy', at: 'publishedAt' },
};

/** Move a run one step on: lock, approve or publish. */
export async function advancePayoutRun(deps: Pick<AppDeps, 'ds'>, actor: Actor, runId: number, step: Step): Promise<PayoutRun> {
  const s = STEPS[step];
  return payTransaction(deps.ds, async (em) => {
    const run = await lockedRun(em, actor, runId);
    if (run.status !== s.from) throw step === 'lock' ? runLocked(run) : runWrongState(run, s.wanted, s.from);
    if (step === 'lock' && (run.computeState !== 'done' || !run.computedAt)) throw runNotComputed(run);
    const at = new Date();
    await em.getRepository(PayoutRun).update({ id: run.id, corpId: actor.corpId, status: s.from }, { status: s.to, [s.by]: actor.userid, [s.at]: at });
    // Adjustments this run pays are settled once it is locked: the next run does not pay them again.
    if (step === 'lock') await markAdjustmentsApplied(em, run);
    await recordAudit(em, actor, {
      action: `pay.run.${step}`,
      targetKind: 'payout_run',
      targetId: run.id,
      detail: { from: s.from, to: s.to, totalFen: Number(run.totalFen), inputHash: run.inputHash },
    });
    return Object.assign(run, { status: s.to, [s.by]: actor.userid, [s.at]: at });
  });
}
