/**
 * The talent review (人才盘点) of the people in the actor's scope for a month and job model (default: the newest
 * month with stored scores and its first job model): each person's stored score with HR's decision in force, and the
 * tier distribution. Shared by the review list, the 9-box and the Excel export, so they always agree.
 */
import type { DataSource } from 'typeorm';
import { tierDistribution, type TalentReview } from '@liucai/shared';
import type { Actor } from '../../../appTypes';
import { loadDepartmentIndex } from '../../people/queries/departmentIndex';
import { peopleScopeOf } from '../../people/policies/peopleScope';
import { presentDecision } from '../presenters/talentDecisionPresenter';
import { presentScore } from '../presenters/talentScorePresenter';
import { decisionsInForce, deciderNames } from './talentDecisions';
import { jobModelName, latestScored, scoresInScope } from './talentScores';

export async function talentReviewOf(ds: DataSource, actor: Actor, q: { period?: string; jobModelId?: number }): Promise<TalentReview> {
  const found = await latestScored(ds, actor.corpId, q.period);
  const jobModelId = q.jobModelId ?? found?.jobModelId;
  if (!found || jobModelId === undefined) return { period: q.period ?? null, jobModel: null, distribution: tierDistribution([]), people: [] };
  const [scope, depts, name] = await Promise.all([peopleScopeOf(ds, actor), loadDepartmentIndex(ds, actor.corpId), jobModelName(ds, actor.corpId, jobModelId)]);
  const rows = await scoresInScope(ds, scope, { period: found.period, jobModelId });
  const decided = await decisionsInForce(
    ds,
    actor.corpId,
    found.period,
    jobModelId,
    rows.map((r) => r.score.userid),
  );
  const names = await deciderNames(ds, actor.corpId, [...decided.values()]);
  const people = rows.map((row) => {
    const d = decided.get(row.score.userid);
    return presentScore(row, depts, d ? presentDecision(d, names) : null);
  });
  return { period: found.period, jobModel: name === null ? null : { id: jobModelId, name }, distribution: tierDistribution(people), people };
}
