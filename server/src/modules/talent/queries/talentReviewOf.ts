/**
 * The talent review (人才盘点) of the people in the actor's scope for a month and job model (default: the newest
 * month with stored scores and its first job model): each person's stored score with HR's decision in force, and the
 * tier distribution. Shared by the review list, the 9-box (its month, job model and scope) and the Excel export, so
 * they always agree.
 */
import type { DataSource } from 'typeorm';
import { tierDistribution, tierRowsOf, type TalentReview, type TalentReviewDepartments, type TalentReviewSort, type TalentScoreView } from '@liucai/shared';
import type { Actor } from '../../../appTypes';
import { loadDepartmentIndex, type DepartmentIndex } from '../../people/queries/departmentIndex';
import { keptRead } from '../../../db/keptReads';
import { actorKey, peopleScopeFrom } from '../../people/policies/peopleScope';
import { presentDecision } from '../presenters/talentDecisionPresenter';
import { presentScore } from '../presenters/talentScorePresenter';
import { decisionsInForce, deciderNames } from './talentDecisions';
import { departmentTierCountsOf, reviewListQuery, reviewPageRows, tierCountsOf, type ReviewListFilter, type ReviewTarget } from './reviewList';
import { jobModelName, latestScored, type ScoreRow } from './talentScores';

/** The review's month and job model, the scope (from the request's one read of the departments) and the model's name. */
export async function reviewTarget(ds: DataSource, actor: Actor, q: { period?: string; jobModelId?: number }) {
  const found = await latestScored(ds, actor.corpId, q.period);
  const jobModelId = q.jobModelId ?? found?.jobModelId;
  if (!found || jobModelId === undefined) return null;
  const [depts, name] = await Promise.all([loadDepartmentIndex(ds, actor.corpId, actor.orgVersion), jobModelName(ds, actor.corpId, jobModelId)]);
  const scope = peopleScopeFrom(actor, depts.departments);
  return { period: found.period, jobModelId, jobModel: name === null ? null : { id: jobModelId, name }, depts, scope };
}

/** Each row as the API shows it, with HR's decision in force (one read of the decisions and their deciders' names). */
async function presentRows(ds: DataSource, actor: Actor, target: ReviewTarget, rows: ScoreRow[], depts: DepartmentIndex): Promise<TalentScoreView[]> {
  const decided = await decisionsInForce(
    ds,
    actor.corpId,
    target.period,
    target.jobModelId,
    rows.map((r) => r.score.userid),
  );
  const names = await deciderNames(ds, actor.corpId, [...decided.values()]);
  return rows.map((row) => {
    const d = decided.get(row.score.userid);
    return presentScore(row, depts, d ? presentDecision(d, names) : null);
  });
}

/** The review's query: month, job model, the list's filters, order and page. */
export type ReviewListRequest = { period?: string; jobModelId?: number; sort: TalentReviewSort; page: number; pageSize: number } & ReviewListFilter;

/**
 * One page of the review (people in scope matching the filters, with their dimensions) and its counts: the tier
 * distribution over every filter but the tier, and the total over all of them, grouped in SQL.
 */
export function talentReviewOf(ds: DataSource, actor: Actor, q: ReviewListRequest): Promise<TalentReview> {
  // Kept while no score, decision, job model, person or department changed (the counts in scope are most of the work).
  const key = ['talentReview', actorKey(actor), q];
  return keptRead(ds, actor, ['org', 'people', 'talent'], key, () => readTalentReview(ds, actor, q));
}

async function readTalentReview(ds: DataSource, actor: Actor, q: ReviewListRequest): Promise<TalentReview> {
  const { period, jobModelId, sort, page, pageSize, ...filter } = q;
  const target = await reviewTarget(ds, actor, { period, jobModelId });
  if (!target) return { period: period ?? null, jobModel: null, distribution: tierDistribution([]), total: 0, page, pageSize, people: [] };
  const { depts, scope } = target;
  const at = { period: target.period, jobModelId: target.jobModelId };
  const counts = await tierCountsOf(reviewListQuery(ds, scope, depts, at, filter, false));
  const distribution = tierDistribution([]);
  for (const c of counts) distribution[c.tier ?? 'insufficient'] += c.people;
  const total = filter.tier ? distribution[filter.tier] : counts.reduce((n, c) => n + c.people, 0);
  const offset = (page - 1) * pageSize;
  const rows = offset >= total ? [] : await reviewPageRows(ds, reviewListQuery(ds, scope, depts, at, filter), sort, offset, pageSize);
  const people = await presentRows(ds, actor, at, rows, depts);
  return { period: target.period, jobModel: target.jobModel, distribution, total, page, pageSize, people };
}

/** The tier counts per main department of the people in scope (the 按部门 view), grouped in SQL. */
export function talentReviewDepartments(ds: DataSource, actor: Actor, q: { period?: string; jobModelId?: number }): Promise<TalentReviewDepartments> {
  // Kept as the list is (see talentReviewOf).
  const key = ['talentReviewDepartments', actorKey(actor), q];
  return keptRead(ds, actor, ['org', 'people', 'talent'], key, () => readReviewDepartments(ds, actor, q));
}

async function readReviewDepartments(ds: DataSource, actor: Actor, q: { period?: string; jobModelId?: number }): Promise<TalentReviewDepartments> {
  const target = await reviewTarget(ds, actor, q);
  if (!target) return { period: q.period ?? null, jobModel: null, rows: [] };
  const groups = await departmentTierCountsOf(reviewListQuery(ds, target.scope, target.depts, { period: target.period, jobModelId: target.jobModelId }, {}));
  return {
    period: target.period,
    jobModel: target.jobModel,
    rows: tierRowsOf(groups.map((g) => ({ department: target.depts.ref(g.deptId), tier: g.tier, people: g.people }))),
  };
}

/**
 * Every person of the review in scope (the export), read `batch` rows at a time in the list's order, each batch
 * handed to `each` as the API shows it; answers the month and job model (null: nothing scored).
 */
export async function eachReviewBatch(
  ds: DataSource,
  actor: Actor,
  q: { period?: string; jobModelId?: number },
  each: (people: TalentScoreView[], jobModel: { id: number; name: string } | null) => void,
  batch = 1000,
): Promise<{ period: string | null; jobModel: { id: number; name: string } | null; people: number }> {
  const target = await reviewTarget(ds, actor, q);
  if (!target) return { period: q.period ?? null, jobModel: null, people: 0 };
  const at = { period: target.period, jobModelId: target.jobModelId };
  let offset = 0;
  for (;;) {
    const rows = await reviewPageRows(ds, reviewListQuery(ds, target.scope, target.depts, at, {}), 'score_desc', offset, batch);
    if (rows.length > 0) each(await presentRows(ds, actor, at, rows, target.depts), target.jobModel);
    offset += rows.length;
    if (rows.length < batch) break;
  }
  return { period: target.period, jobModel: target.jobModel, people: offset };
}
