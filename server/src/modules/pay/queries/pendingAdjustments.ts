/** Adjustments waiting for a person's next run (resolved disputes): not yet settled by a locked run. */
import { In, IsNull, type DataSource } from 'typeorm';
import { adjustmentLine, type ExtraLine } from '@liucai/shared';
import { PayoutAdjustment } from '../../../entities';

export interface PendingAdjustment {
  adjustment: PayoutAdjustment;
  line: ExtraLine;
}
export type PendingAdjustments = Map<string, PendingAdjustment[]>;

/** Adjustments not yet paid by a locked run, per person, oldest first. */
export async function pendingAdjustments(ds: DataSource, corpId: string, userids: string[]): Promise<PendingAdjustments> {
  const out: PendingAdjustments = new Map();
  for (let i = 0; i < userids.length; i += 1000) {
    const rows = await ds.getRepository(PayoutAdjustment).find({
      where: { corpId, appliedRunId: IsNull(), userid: In(userids.slice(i, i + 1000)) },
      order: { id: 'ASC' },
    });
    for (const a of rows) {
      const list = out.get(a.userid) ?? [];
      list.push({ adjustment: a, line: adjustmentLine({ id: a.id, amountFen: Number(a.amountFen), reason: a.reason, disputeId: a.disputeId }) });
      out.set(a.userid, list);
    }
  }
  return out;
}
