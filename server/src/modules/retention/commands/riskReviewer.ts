/**
 * HR reviews a person's current risk (已沟通 / 误报 with a note): only HR covering the person (a supervisor's view
 * of a report, or no HR role: 403; outside scope: 404), only a person with a current risk (409 otherwise), written
 * with its audit event in one transaction. Reviews are appended, never replaced.
 */
import type { DataSource } from 'typeorm';
import type { RetentionReviewOutcome } from '@liucai/shared';
import type { Actor } from '../../../appTypes';
import { AppError, forbidden, notFound } from '../../../errors';
import { RetentionReview, RetentionRisk } from '../../../entities';
import { recordAudit } from '../../audit/commands/auditRecorder';
import { riskScopeOf, seenAsHr } from '../policies/riskScope';
import { personInRiskScope } from '../queries/riskViews';

export const REVIEW_HR_ONLY = '只有负责此人的 HR 可以复核风险';

export async function reviewRisk(
  ds: DataSource,
  actor: Actor,
  userid: string,
  input: { outcome: RetentionReviewOutcome; note: string },
): Promise<RetentionReview> {
  if (!actor.roles.includes('hr')) throw forbidden(REVIEW_HR_ONLY);
  const rs = await riskScopeOf(ds, actor, userid);
  const person = await personInRiskScope(ds, rs, userid);
  if (!person) throw notFound('人员');
  if (!seenAsHr(rs, person)) throw forbidden(REVIEW_HR_ONLY);
  return ds.transaction(async (em) => {
    // tenancy: corpId is the actor's.
    const current = await em.getRepository(RetentionRisk).findOne({ where: { corpId: actor.corpId, userid }, order: { weekStart: 'DESC' } });
    if (!current) throw new AppError('no_current_risk', '此人还没有风险评估，无需复核', 409);
    const review = Object.assign(new RetentionReview(), {
      corpId: actor.corpId,
      userid,
      weekStart: current.weekStart,
      band: current.band,
      outcome: input.outcome,
      note: input.note,
      reviewerUserid: actor.userid,
      reviewedAt: new Date(),
    });
    await em.getRepository(RetentionReview).insert(review);
    await recordAudit(em, actor, {
      action: 'retention.review.create',
      targetKind: 'retention_review',
      targetId: review.id,
      subjectUserid: userid,
      detail: { weekStart: current.weekStart, band: current.band, outcome: input.outcome },
    });
    return review;
  });
}
