/**
 * Record HR's decision on a person's suggested tier for a month and job model (人才盘点): agree, or override with
 * a tier and a reason (shared decideTier). The suggestion it answers (score, tier, version) is kept with it; a new
 * decision is a new row, so the history of scores and decisions stays. The caller has checked role and scope.
 */
import { decideTier, zh, type TalentDecisionInput, type TalentTier } from '@liucai/shared';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../../appTypes';
import { TalentDecision, TalentMatchScore } from '../../../entities';
import { validationError } from '../../../errors';
import { recordAudit } from '../../audit/commands/auditRecorder';

export async function recordTalentDecision(
  ds: DataSource,
  actor: Actor,
  userid: string,
  at: { period: string; jobModelId: number },
  input: TalentDecisionInput,
  now = new Date(),
): Promise<TalentDecision> {
  // tenancy: the actor's corp.
  const score = await ds.getRepository(TalentMatchScore).findOne({ where: { corpId: actor.corpId, userid, period: at.period, jobModelId: at.jobModelId } });
  if (!score) throw validationError([{ field: 'period', label: '月份', message: zh`月份 ${at.period} 没有该员工这个岗位模型的匹配度结果，无法做决定` }]);
  const suggestion = (score.tier as TalentTier | null) ?? null;
  const decided = decideTier(suggestion, input);
  if (!decided.ok) {
    throw validationError(decided.problems);
  }
  // The decision and its audit event commit together.
  return ds.transaction(async (em) => {
    const decision = await em.getRepository(TalentDecision).save(
      Object.assign(new TalentDecision(), {
        corpId: actor.corpId,
        userid,
        period: at.period,
        jobModelId: at.jobModelId,
        versionId: score.versionId,
        suggestedScoreT: score.scoreT,
        suggestedTier: suggestion,
        kind: input.kind,
        tier: decided.tier,
        reason: decided.reason,
        decidedBy: actor.userid,
        decidedAt: now,
      }),
    );
    await recordAudit(em, actor, {
      action: 'talent.decision.create',
      targetKind: 'talent_decision',
      targetId: decision.id,
      subjectUserid: userid,
      detail: { period: at.period, jobModelId: at.jobModelId, suggestedTier: suggestion, kind: input.kind, tier: decided.tier },
    });
    return decision;
  });
}
