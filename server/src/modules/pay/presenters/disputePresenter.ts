/** Disputes as they leave the server, with their line, run month and adjustment (a few queries for any number). */
import { In, type DataSource } from 'typeorm';
import { PAYOUT_DISPUTE_STATUSES, type PayoutDisputeView } from '@liucai/shared';
import { PayoutAdjustment, PayoutLine, PayoutRun, type PayoutDispute } from '../../../entities';
import { userRefs } from './userRefs';

export async function presentDisputes(ds: DataSource, corpId: string, disputes: PayoutDispute[]): Promise<PayoutDisputeView[]> {
  if (disputes.length === 0) return [];
  const lines = await ds.getRepository(PayoutLine).find({ where: { corpId, id: In(disputes.map((d) => d.lineId)) } });
  const runs = await ds
    .getRepository(PayoutRun)
    .find({ where: { corpId, id: In([...new Set(disputes.map((d) => d.runId))]) }, select: { id: true, period: true } });
  const adjIds = disputes.map((d) => d.adjustmentId).filter((x): x is number => x !== null);
  const adjs = adjIds.length ? await ds.getRepository(PayoutAdjustment).find({ where: { corpId, id: In(adjIds) } }) : [];
  const users = await userRefs(
    ds,
    corpId,
    disputes.flatMap((d) => [d.userid, d.resolvedBy]),
  );
  const lineOf = new Map(lines.map((l) => [l.id, l]));
  const periodOf = new Map(runs.map((r) => [r.id, r.period]));
  const adjOf = new Map(adjs.map((a) => [a.id, a]));
  return disputes.map((d) => {
    const l = lineOf.get(d.lineId);
    const a = d.adjustmentId !== null ? adjOf.get(d.adjustmentId) : undefined;
    return {
      id: d.id,
      status: d.status,
      statusLabel: PAYOUT_DISPUTE_STATUSES[d.status],
      person: users.get(d.userid) ?? { userid: d.userid, name: d.userid, title: null },
      runId: d.runId,
      period: periodOf.get(d.runId) ?? '',
      statementId: d.statementId,
      line: l ? { id: l.id, component: l.component, label: l.label, amountFen: Number(l.amountFen), explanation: l.explanation } : null,
      reason: d.reason,
      expectedFen: Number(d.expectedFen),
      actualFen: Number(d.actualFen),
      differenceFen: Number(d.expectedFen) - Number(d.actualFen),
      resolution: d.resolution,
      adjustment: a ? { id: a.id, amountFen: Number(a.amountFen), appliedRunId: a.appliedRunId } : null,
      createdAt: new Date(d.createdAt).toISOString(),
      resolvedBy: d.resolvedBy ? (users.get(d.resolvedBy) ?? { userid: d.resolvedBy, name: d.resolvedBy, title: null }) : null,
      resolvedAt: d.resolvedAt ? new Date(d.resolvedAt).toISOString() : null,
    };
  });
}
