/**
 * When a run is locked, what it settles is settled once: the adjustments its lines pay are marked paid by it, and
 * no paid line may be taken back twice. If another run was locked first with the same adjustment or clawback (two
 * drafts computed side by side), this lock is refused: recompute the draft, which then leaves them out.
 */
import { In, IsNull, Not, type EntityManager } from 'typeorm';
import { PayoutAdjustment, PayoutLine, PayoutRun } from '../../../entities';
import { zh } from '@liucai/shared';
import { conflict } from '../../../errors';
import { FINAL_RUN_STATUSES } from '../queries/payoutRunInputs';

const settledElsewhere = (run: PayoutRun, what: string) =>
  conflict('payout_run_stale', zh`发放批次 #${run.id} 中的${what}已在另一个已锁定的批次中处理：请重新计算本批次后再锁定`, { runId: run.id });

export async function markAdjustmentsApplied(em: EntityManager, run: PayoutRun): Promise<void> {
  const lines = await em.getRepository(PayoutLine).find({
    where: [
      { corpId: run.corpId, runId: run.id, adjustmentId: Not(IsNull()) },
      { corpId: run.corpId, runId: run.id, originalLineId: Not(IsNull()) },
    ],
    select: { id: true, adjustmentId: true, originalLineId: true },
  });
  const adjustmentIds = lines.map((l) => l.adjustmentId).filter((x): x is number => x !== null);
  const originals = lines.map((l) => l.originalLineId).filter((x): x is number => x !== null);
  if (adjustmentIds.length > 0) {
    const settled = await em
      .getRepository(PayoutAdjustment)
      .update({ corpId: run.corpId, id: In(adjustmentIds), appliedRunId: IsNull() }, { appliedRunId: run.id });
    if (settled.affected !== adjustmentIds.length) throw settledElsewhere(run, '调整项');
  }
  if (originals.length > 0) {
    // tenancy: l.corp_id and r.corp_id = the run's corp.
    const twice = await em
      .getRepository(PayoutLine)
      .createQueryBuilder('l')
      .innerJoin(PayoutRun, 'r', 'r.id = l.run_id AND r.corp_id = l.corp_id')
      .where('l.corp_id = :corpId AND l.run_id <> :runId AND l.original_line_id IN (:...originals)', { corpId: run.corpId, runId: run.id, originals })
      .andWhere('r.status IN (:...final)', { final: [...FINAL_RUN_STATUSES] })
      .getCount();
    if (twice > 0) throw settledElsewhere(run, '追回项');
  }
}
