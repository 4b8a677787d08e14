/**
 * The talent review (人才盘点) of the people in the actor's scope for a month and job model (default: the newest
 * month with stored scores and its first job model): each person's stored score with HR's decision in force, and the
 * tier distribution. Shared by the review list, the 9-box and the Excel export, so they always agree.
 */
import type { DataSource } from 'typeorm';
import { TIER_LABELS, scaledText, tierDistribution, type DepartmentRef, type TalentReview, type TalentTier } from '@liucai/shared';
import type { Actor } from '../../../appTypes';
import { loadDepartmentIndex } from '../../people/queries/departmentIndex';
import { peopleScopeOf, type PeopleScope } from '../../people/policies/peopleScope';
import { presentDecision } from '../presenters/talentDecisionPresenter';
import { presentScore } from '../presenters/talentScorePresenter';
import { decisionsInForce, deciderNames } from './talentDecisions';
import { jobModelName, latestScored, leanScoresInScope, scoresInScope } from './talentScores';

/**
 * The rows a review reads (null: nothing scored): the month and job model, the scope's rows via `read`, the
 * departments, the model's name and the decisions in force.
 */
async function reviewRead<R>(
  ds: DataSource,
  actor: Actor,
  q: { period?: string; jobModelId?: number },
  read: (scope: PeopleScope, filter: { period: string; jobModelId: number }) => Promise<R[]>,
  useridOf: (row: R) => string,
) {
  const found = await latestScored(ds, actor.corpId, q.period);
  const jobModelId = q.jobModelId ?? found?.jobModelId;
  if (!found || jobModelId === undefined) return null;
  const [scope, depts, name] = await Promise.all([peopleScopeOf(ds, actor), loadDepartmentIndex(ds, actor.corpId), jobModelName(ds, actor.corpId, jobModelId)]);
  const rows = await read(scope, { period: found.period, jobModelId });
  const decided = await decisionsInForce(ds, actor.corpId, found.period, jobModelId, rows.map(useridOf));
  return { found, jobModelId, depts, name, rows, decided };
}

export async function talentReviewOf(ds: DataSource, actor: Actor, q: { period?: string; jobModelId?: number }): Promise<TalentReview> {
  const target = await reviewRead(
    ds,
    actor,
    q,
    (scope, f) => scoresInScope(ds, scope, f),
    (r) => r.score.userid,
  );
  if (!target) return { period: q.period ?? null, jobModel: null, distribution: tierDistribution([]), people: [] };
  const { found, jobModelId, depts, name, rows, decided } = target;
  const names = await deciderNames(ds, actor.corpId, [...decided.values()]);
  const people = rows.map((row) => {
    const d = decided.get(row.score.userid);
    return presentScore(row, depts, d ? presentDecision(d, names) : null);
  });
  return { period: found.period, jobModel: name === null ? null : { id: jobModelId, name }, distribution: tierDistribution(people), people };
}

/** One person of the review without the per-dimension detail (the 9-box's input). */
export interface LeanReviewPerson {
  userid: string;
  name: string;
  department: DepartmentRef | null;
  score: string | null;
  tier: TalentTier | null;
  decisionLabel: string | null;
}

/** The same people as talentReviewOf, read without their JSON detail (the 9-box needs score, tier and decision only). */
export async function leanTalentReviewOf(
  ds: DataSource,
  actor: Actor,
  q: { period?: string; jobModelId?: number },
): Promise<{ period: string | null; jobModel: { id: number; name: string } | null; people: LeanReviewPerson[] }> {
  const target = await reviewRead(
    ds,
    actor,
    q,
    (scope, f) => leanScoresInScope(ds, scope, f),
    (r) => r.userid,
  );
  if (!target) return { period: q.period ?? null, jobModel: null, people: [] };
  const { found, jobModelId, depts, name, rows, decided } = target;
  const people = rows.map((r): LeanReviewPerson => {
    const d = decided.get(r.userid);
    const tier = r.tier === 'move' || r.tier === 'train' || r.tier === 'reassign' ? r.tier : null;
    return {
      userid: r.userid,
      name: r.name,
      department: depts.ref(r.mainDeptId),
      score: r.scoreT === null ? null : scaledText(r.scoreT, 1),
      tier,
      decisionLabel: d ? TIER_LABELS[d.tier as TalentTier] : null,
    };
  });
  return { period: found.period, jobModel: name === null ? null : { id: jobModelId, name }, people };
}
