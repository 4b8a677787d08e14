/**
 * An employee disputes one line of their own published statement: why, and the amount they expected. The run is
 * locked (published runs are): the dispute is recorded, the run never changes; HR answers with an adjustment in
 * the next run. One open dispute per line.
 */
import type { DataSource } from 'typeorm';
import { yuanToFen } from '@liucai/shared';
import { Corp, PayoutDispute, PayoutLine, PayoutRun, PayoutStatement } from '../../../entities';
import { conflict, notFound, validationError } from '../../../errors';
import type { Actor } from '../../../appTypes';
import { recordAudit } from '../../audit/commands/auditRecorder';
import { payTransaction } from './payTransaction';

export interface DisputeInput {
  lineId: number;
  reason: string;
  /** The amount the employee expected, in yuan ("1,600", 1600.5). */
  expectedAmountCny: string | number;
}

export async function createDispute(ds: DataSource, actor: Actor, statementId: number, input: DisputeInput): Promise<PayoutDispute> {
  const statement = await ds.getRepository(PayoutStatement).findOneBy({ corpId: actor.corpId, id: statementId, userid: actor.userid });
  const run = statement ? await ds.getRepository(PayoutRun).findOneBy({ corpId: actor.corpId, id: statement.runId, status: 'published' }) : null;
  if (!statement || !run) throw notFound('激励明细');
  const line = await ds.getRepository(PayoutLine).findOneBy({ corpId: actor.corpId, id: input.lineId, statementId: statement.id });
  if (!line) throw validationError([{ field: 'lineId', label: '申诉的明细行', message: '不在这份激励明细中' }]);
  const actualFen = Number(line.amountFen);
  // A line that takes money back (a clawback) may be expected to take back less: a negative expectation is fine there.
  const expected = yuanToFen(input.expectedAmountCny, { allowNegative: actualFen < 0 });
  if (!expected.ok) throw validationError([{ field: 'expectedAmountCny', label: '期望金额', message: expected.message.replace(/^金额/, '') }]);
  if (expected.fen === actualFen) throw validationError([{ field: 'expectedAmountCny', label: '期望金额', message: '与这一行的实发金额相同，无需申诉' }]);

  return payTransaction(ds, async (em) => {
    // Disputes are rare: queue them per corp on the corp's row, so two of the same line cannot both pass the check.
    // tenancy: the corp's own row, by corp_id (a per-corp lock).
    await em
      .createQueryBuilder()
      .update(Corp)
      .set({ name: () => 'name' })
      .where('corp_id = :corpId', { corpId: actor.corpId })
      .execute();
    const open = await em.getRepository(PayoutDispute).findOneBy({ corpId: actor.corpId, lineId: line.id, status: 'open' });
    if (open) throw conflict('dispute_open', `这一行已有待处理的申诉 #${open.id}，请等待 HR 处理`, { disputeId: open.id });
    const saved = await em.getRepository(PayoutDispute).save(
      Object.assign(new PayoutDispute(), {
        corpId: actor.corpId,
        userid: actor.userid,
        runId: run.id,
        statementId: statement.id,
        lineId: line.id,
        reason: input.reason,
        expectedFen: expected.fen,
        actualFen,
        status: 'open' as const,
        resolution: null,
        adjustmentId: null,
        createdAt: new Date(),
        resolvedBy: null,
        resolvedAt: null,
      }),
    );
    await recordAudit(em, actor, {
      action: 'pay.dispute.create',
      targetKind: 'payout_dispute',
      targetId: saved.id,
      subjectUserid: actor.userid,
      detail: { runId: run.id, lineId: line.id, expectedFen: expected.fen, actualFen },
    });
    return saved;
  });
}
