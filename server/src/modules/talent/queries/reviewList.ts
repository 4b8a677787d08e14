/**
 * The talent review's list in SQL: the stored scores of a month and job model for the people in scope, narrowed by
 * the 人才盘点 page's filters (tier, department with everything below it, name / 工号 / title / department name,
 * HR decided or not, leaving the caller out), ordered and paged in the database; the tier counts and the counts per
 * department are grouped there too, so no request reads every row to count them.
 */
import { Brackets, type DataSource, type SelectQueryBuilder } from 'typeorm';
import type { TalentDecisionStatus, TalentReviewSort, TalentTier } from '@liucai/shared';
import { TalentMatchScore, User } from '../../../entities';
import { scopeUseridsSql, whereInPeopleScope, type PeopleScope } from '../../people/policies/peopleScope';
import { likeEscaped } from '../../people/queries/paging';
import type { DepartmentIndex } from '../../people/queries/departmentIndex';
import { scoreRowsOf, type ScoreRow } from './talentScores';

/** The list's filters as the route validated them. */
export interface ReviewListFilter {
  tier?: TalentTier | 'insufficient';
  departmentId?: number;
  q?: string;
  decision?: TalentDecisionStatus;
  excludeSelf?: boolean;
}

/** A month and job model of stored scores. */
export interface ReviewTarget {
  period: string;
  jobModelId: number;
}

/**
 * Scores `s` joined to their people `u`, in scope and matching `filter` (without the tier when `withTier` is false:
 * the tier counts). Department filters are resolved to id lists with the request's department index.
 */
export function reviewListQuery(
  ds: DataSource,
  scope: PeopleScope,
  depts: DepartmentIndex,
  target: ReviewTarget,
  filter: ReviewListFilter,
  withTier = true,
): SelectQueryBuilder<TalentMatchScore> {
  // tenancy: whereInPeopleScope adds u.corp_id; the scores are the corp's and join its people.
  const qb = ds
    .getRepository(TalentMatchScore)
    .createQueryBuilder('s')
    .innerJoin(User, 'u', 'u.corp_id = s.corp_id AND u.userid = s.userid')
    .where('s.corp_id = :corpId AND s.period = :period AND s.job_model_id = :jobModelId', { corpId: scope.corpId, ...target });
  whereInPeopleScope(qb, 'u', scope);
  if (!scope.all && scope.deptRoots.length === 0) {
    // A supervisor's or an employee's scope is a handful of people, named on `u` by whereInPeopleScope; named on `s`
    // too, SQLite tests each score of the month against the short list before it meets the users table (0.6 ms instead
    // of 2.9 at 10,000 people).
    // tenancy: scopeUseridsSql keeps to the corp's people.
    const few = scopeUseridsSql(scope);
    qb.andWhere(`s.userid IN (${few.sql})`, few.params);
  }
  if (withTier && filter.tier) {
    if (filter.tier === 'insufficient') qb.andWhere('s.tier IS NULL');
    else qb.andWhere('s.tier = :tier', { tier: filter.tier });
  }
  if (filter.departmentId !== undefined) qb.andWhere('u.main_dept_id IN (:...inDepts)', { inDepts: [...depts.subtree([filter.departmentId])] });
  if (filter.excludeSelf) qb.andWhere('u.userid <> :self', { self: scope.self });
  if (filter.decision) {
    // tenancy: decisions of the same corp, month, job model and person.
    const decided =
      'EXISTS (SELECT 1 FROM talent_decisions d WHERE d.corp_id = s.corp_id AND d.period = s.period AND d.job_model_id = s.job_model_id AND d.userid = s.userid)';
    qb.andWhere(filter.decision === 'decided' ? decided : `NOT ${decided}`);
  }
  const q = filter.q?.trim();
  if (q) {
    const byDept = [...depts.subtree(depts.matching(q))];
    qb.andWhere(
      new Brackets((w) => {
        w.where("u.name LIKE :contains ESCAPE '!'", { contains: `%${likeEscaped(q)}%` })
          .orWhere("u.job_number LIKE :contains ESCAPE '!'")
          .orWhere("u.title LIKE :contains ESCAPE '!'");
        if (byDept.length > 0) w.orWhere('u.main_dept_id IN (:...qDepts)', { qDepts: byDept });
      }),
    );
  }
  return qb;
}

/**
 * ORDER BY of each sort; 数据不足 (no score) last when ordering by score, then by userid so pages never overlap. Highest
 * first (the default) needs no CASE: NULL sorts lowest in SQLite and MySQL alike, so descending puts it last, and the
 * plain order lets the database walk idx_talent_match_scores_rank and stop after the page.
 */
export function orderReviewList<T extends SelectQueryBuilder<TalentMatchScore>>(qb: T, sort: TalentReviewSort): T {
  if (sort === 'name') return qb.orderBy('u.name', 'ASC').addOrderBy('s.userid', 'ASC') as T;
  if (sort === 'score_desc') return qb.orderBy('s.score_t', 'DESC').addOrderBy('s.userid', 'ASC') as T;
  return qb
    .orderBy('CASE WHEN s.score_t IS NULL THEN 1 ELSE 0 END', 'ASC')
    .addOrderBy('s.score_t', sort === 'score_asc' ? 'ASC' : 'DESC')
    .addOrderBy('s.userid', 'ASC') as T;
}

/**
 * One page of the list: the page's ids first (ordered from the covering index and the people's columns, never
 * sorting the scores' JSON detail), then those scores with their people, in the same order.
 */
export async function reviewPageRows(
  ds: DataSource,
  list: SelectQueryBuilder<TalentMatchScore>,
  sort: TalentReviewSort,
  offset: number,
  limit: number,
): Promise<ScoreRow[]> {
  const ids = (await orderReviewList(list, sort).select('s.id', 'id').offset(offset).limit(limit).getRawMany<{ id: number | string }>()).map((r) =>
    Number(r.id),
  );
  if (ids.length === 0) return [];
  // tenancy: scores by id, already chosen within the corp and scope above; the people of the same corp.
  const rows = await scoreRowsOf(
    ds
      .getRepository(TalentMatchScore)
      .createQueryBuilder('s')
      .innerJoin(User, 'u', 'u.corp_id = s.corp_id AND u.userid = s.userid')
      .where('s.id IN (:...ids)', { ids }),
  );
  const at = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => at.get(a.score.id)! - at.get(b.score.id)!);
}

const TIERS = new Set<string>(['move', 'train', 'reassign']);
const tierOf = (t: string | null): TalentTier | null => (t !== null && TIERS.has(t) ? (t as TalentTier) : null);

/** How many people of the query per tier (null: 数据不足): one grouped read. */
export async function tierCountsOf(qb: SelectQueryBuilder<TalentMatchScore>): Promise<{ tier: TalentTier | null; people: number }[]> {
  const rows = await qb.select('s.tier', 'tier').addSelect('COUNT(*)', 'n').groupBy('s.tier').getRawMany<{ tier: string | null; n: number | string }>();
  return rows.map((r) => ({ tier: tierOf(r.tier), people: Number(r.n) }));
}

/** How many people of the query per main department and tier: one grouped read. */
export async function departmentTierCountsOf(
  qb: SelectQueryBuilder<TalentMatchScore>,
): Promise<{ deptId: number | null; tier: TalentTier | null; people: number }[]> {
  const rows = await qb
    .select('u.main_dept_id', 'dept')
    .addSelect('s.tier', 'tier')
    .addSelect('COUNT(*)', 'n')
    .groupBy('u.main_dept_id')
    .addGroupBy('s.tier')
    .getRawMany<{ dept: number | string | null; tier: string | null; n: number | string }>();
  return rows.map((r) => ({ deptId: r.dept === null ? null : Number(r.dept), tier: tierOf(r.tier), people: Number(r.n) }));
}
