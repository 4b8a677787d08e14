/** Stored match scores as the API shows them (explicit fields). */
import { TIER_LABELS, type DimensionResult, type TalentDecisionView, type TalentScoreView, type TalentTier } from '@liucai/shared';
import type { DepartmentIndex } from '../../people/queries/departmentIndex';
import type { ScoreRow } from '../queries/talentScores';

const isTier = (t: string | null): t is TalentTier => t === 'move' || t === 'train' || t === 'reassign';

/** `decision`: HR's decision in force for the row's month and job model, or null. */
export function presentScore(row: ScoreRow, depts: DepartmentIndex, decision: TalentDecisionView | null = null): TalentScoreView {
  const s = row.score;
  const detail = JSON.parse(s.detail) as { score: string | null; dimensions: DimensionResult[]; explanation: string };
  const tier = isTier(s.tier) ? s.tier : null;
  return {
    userid: s.userid,
    name: row.name,
    title: row.title,
    jobNumber: row.jobNumber,
    department: depts.ref(row.mainDeptId),
    period: s.period,
    score: detail.score,
    tier,
    tierLabel: tier ? TIER_LABELS[tier] : null,
    jobModelId: s.jobModelId,
    versionId: s.versionId,
    version: row.version,
    dimensions: detail.dimensions,
    explanation: detail.explanation,
    computedAt: s.computedAt.toISOString(),
    decision,
  };
}
