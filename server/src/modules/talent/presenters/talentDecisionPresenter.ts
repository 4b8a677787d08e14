/** HR decisions as the API shows them. */
import { TIER_LABELS, type TalentDecisionKind, type TalentDecisionView, type TalentTier } from '@liucai/shared';
import type { TalentDecision } from '../../../entities';

const scoreText = (t: number | null) => (t === null ? null : (t / 10).toFixed(1));

export function presentDecision(d: TalentDecision, names: ReadonlyMap<string, string>): TalentDecisionView {
  const tier = d.tier as TalentTier;
  return {
    id: d.id,
    period: d.period,
    jobModelId: d.jobModelId,
    versionId: d.versionId,
    suggestedScore: scoreText(d.suggestedScoreT),
    suggestedTier: (d.suggestedTier as TalentTier | null) ?? null,
    kind: d.kind as TalentDecisionKind,
    tier,
    tierLabel: TIER_LABELS[tier],
    reason: d.reason,
    decidedBy: { userid: d.decidedBy, name: names.get(d.decidedBy) ?? null },
    decidedAt: d.decidedAt.toISOString(),
  };
}
