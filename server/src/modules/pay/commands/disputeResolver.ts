/**
 * HR (within its departments) resolves an open dispute: `adjust` records an adjustment (by default the difference
 * the employee asked for, expected − actual) that the person's next run pays as a line of its own, with the reason;
 * `reject` closes it with the reason. The disputed run is never edited.
 */
import type { DataSource } from 'typeorm';
import { yuanToFen } from '@liucai/shared';
import { PayoutAdjustment, PayoutDispute } from '../../../entities';
import { conflict, forbidden, notFound, validationError } from '../../../errors';
import type { Actor } from '../../../appTypes';
import { recordAudit } from '../../audit/commands/auditRecorder';
import { payVisibleUserIds } from '../policies/payScope';
import { payTransaction } from './payTransaction';

export interface ResolveInput {
  decision: 'adjust' | 'reject';
  note: string;
  /** The adjustment in yuan (either sign); default: expected − actual. */
  amountCny?: string | number | undefined;
}

export async function resolveDispute(ds: DataSource, actor: Actor, disputeId: number, input: ResolveInput): Promise<PayoutDispute> {
  const found = await ds.getRepository(PayoutDispute).findOneBy({ corpId: actor.corpId, id: disputeId });
  if (!found || !(await payVisibleUserIds(ds, actor, [found.userid])).has(found.userid)) throw notFound('申诉');
  if (found.userid === actor.userid) throw forbidden('不能处理自己的申诉，请由其他 HR 或管理员处理');
  let amountFen = 0;
  if (input.decision === 'adjust') {
    if (input.amountCny === undefined) amountFen = Number(found.expectedFen) - Number(found.actualFen);
    else {
      const read = yuanToFen(input.amountCny, { allowNegative: true });
      if (!read.ok) throw validationError([{ field: 'amountCny', label: '调整金额', message: read.message.replace(/^金额/, '') }]);
      amountFen = read.fen;
    }
    if (amountFen === 0) throw validationError([{ field: 'amountCny', label: '调整金额', message: '不能为 0；不需调整时请选择驳回' }]);
  }

  return payTransaction(ds, async (em) => {
    const d = await em.getRepository(PayoutDispute).findOneByOrFail({ corpId: actor.corpId, id: disputeId });
    if (d.status !== 'open') throw conflict('dispute_closed', `申诉 #${d.id} 已处理过了`, { disputeId: d.id, status: d.status });
    let adjustmentId: number | null = null;
    if (input.decision === 'adjust') {
      const adj = await em.getRepository(PayoutAdjustment).save(
        Object.assign(new PayoutAdjustment(), {
          corpId: actor.corpId,
          userid: d.userid,
          amountFen,
          reason: input.note,
          disputeId: d.id,
          createdBy: actor.userid,
          createdAt: new Date(),
          appliedRunId: null,
        }),
      );
      adjustmentId = adj.id;
      await recordAudit(em, actor, {
        action: 'pay.adjustment.create',
        targetKind: 'payout_adjustment',
        targetId: adj.id,
        subjectUserid: d.userid,
        detail: { disputeId: d.id, amountFen },
      });
    }
    const status = input.decision === 'adjust' ? ('adjusted' as const) : ('rejected' as const);
    const resolvedAt = new Date();
    // tenancy: the dispute's own row, by corp_id and id; only while still open.
    const done = await em
      .getRepository(PayoutDispute)
      .update({ corpId: actor.corpId, id: d.id, status: 'open' }, { status, resolution: input.note, adjustmentId, resolvedBy: actor.userid, resolvedAt });
    if (!done.affected) throw conflict('dispute_closed', `申诉 #${d.id} 已处理过了`, { disputeId: d.id });
    await recordAudit(em, actor, {
      action: 'pay.dispute.resolve',
      targetKind: 'payout_dispute',
      targetId: d.id,
      subjectUserid: d.userid,
      detail: { decision: input.decision, amountFen, adjustmentId },
    });
    return Object.assign(d, { status, resolution: input.note, adjustmentId, resolvedBy: actor.userid, resolvedAt });
  });
}
