/**
 * HR records its decision on a promotion eligibility (promote / notYet, with a note), once: a decided eligibility
 * answers a clear error. The caller has checked that the person is within the actor's departments (404 otherwise).
 */
import { IsNull, type DataSource } from 'typeorm';
import { zh } from '@liucai/shared';
import type { Actor } from '../../../appTypes';
import { KpiPromotion } from '../../../entities';
import { conflict, notFound } from '../../../errors';
import { recordAudit } from '../../audit/commands/auditRecorder';

export async function decideKpiPromotion(
  ds: DataSource,
  actor: Actor,
  id: number,
  input: { decision: 'promote' | 'notYet'; note: string | null },
  now = new Date(),
): Promise<KpiPromotion> {
  return ds.transaction(async (em) => {
    // tenancy: the actor's corp.
    const promo = await em.getRepository(KpiPromotion).findOneBy({ corpId: actor.corpId, id });
    if (!promo) throw notFound('晋升资格');
    if (promo.decision) throw conflict('already_decided', zh`该晋升资格已于 ${new Date(promo.decidedAt!).toISOString().slice(0, 10)} 记录决定，不能再改`);
    // Only an undecided row changes (two HR users deciding at once: one wins).
    const done = await em
      .getRepository(KpiPromotion)
      .update(
        { corpId: actor.corpId, id, decision: IsNull() },
        { decision: input.decision, decisionNote: input.note, decidedBy: actor.userid, decidedAt: now },
      );
    if (!done.affected) throw conflict('already_decided', '该晋升资格刚刚已记录决定，不能再改');
    await recordAudit(em, actor, {
      action: 'pay.kpiPromotion.decide',
      targetKind: 'kpi_promotion',
      targetId: id,
      subjectUserid: promo.userid,
      detail: { decision: input.decision, streakFrom: promo.streakFrom, period: promo.period },
    });
    return { ...promo, decision: input.decision, decisionNote: input.note, decidedBy: actor.userid, decidedAt: now };
  });
}
