/**
 * Stored match scores joined to the people they belong to, restricted to the caller's people scope in SQL (the bulk
 * rule of peopleScope.ts: one query for the whole list, never a check per person).
 */
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { JobModel, JobModelVersion, TalentMatchScore, User } from '../../../entities';
import { PERIOD_LIKE, monthRange } from './periodKinds';
import { keptCorpId, keptRead, type KeptCorp } from '../../../db/keptReads';

export interface ScoreRow {
  score: TalentMatchScore;
  name: string;
  title: string | null;
  jobNumber: string | null;
  mainDeptId: number | null;
  version: number;
}

/**
 * The newest month (never a quarter) with stored scores in the corp, and the first job model scored then: the month
 * from the end of idx_talent_match_scores_latest (one step back per quarter row passed), then its first job model
 * by key, instead of grouping every score of the corp.
 */
export async function latestScored(ds: DataSource, corpId: string, period?: string): Promise<{ period: string; jobModelId: number } | null> {
  // tenancy: the corp's scores.
  const newest =
    period ??
    (
      await ds
        .getRepository(TalentMatchScore)
        .createQueryBuilder('s')
        .select('s.period', 'period')
        .where('s.corp_id = :corpId AND s.period LIKE :months', { corpId, months: PERIOD_LIKE.month })
        .orderBy('s.period', 'DESC')
        .limit(1)
        .getRawOne<{ period: string }>()
    )?.period;
  if (newest === undefined || !/^\d{4}-\d{2}$/.test(newest)) return null;
  // tenancy: the corp's scores of the month.
  const row = await ds
    .getRepository(TalentMatchScore)
    .createQueryBuilder('s')
    .select('MIN(s.job_model_id)', 'jobModelId')
    .where('s.corp_id = :corpId AND s.period = :period', { corpId, period: newest })
    .getRawOne<{ jobModelId: number | string | null }>();
  return row?.jobModelId == null ? null : { period: newest, jobModelId: Number(row.jobModelId) };
}

/**
 * One person's scores, every month and quarter, newest first. The caller has found the person in its scope
 * (`findPersonInScope`): the scores are theirs whoever asks, so no scope is applied again.
 */
export async function scoresOfPerson(ds: DataSource, corpId: string, userid: string): Promise<ScoreRow[]> {
  // tenancy: the corp's scores and the person in the same corp.
  const qb = ds
    .getRepository(TalentMatchScore)
    .createQueryBuilder('s')
    .innerJoin(User, 'u', 'u.corp_id = s.corp_id AND u.userid = s.userid')
    .where('s.corp_id = :corpId AND s.userid = :userid', { corpId, userid })
    .orderBy('s.period', 'DESC')
    .addOrderBy('s.job_model_id', 'ASC');
  return scoreRowsOf(qb);
}

/**
 * The rows of a query over scores `s` joined to their people `u` (filtered and ordered by the caller), with each
 * person's name, title, 工号, main department and the version's number.
 */
export async function scoreRowsOf(qb: SelectQueryBuilder<TalentMatchScore>): Promise<ScoreRow[]> {
  // tenancy: the version of the score's own corp.
  qb.innerJoin(JobModelVersion, 'v', 'v.corp_id = s.corp_id AND v.id = s.version_id')
    .select('s')
    .addSelect('u.name', 'u_name')
    .addSelect('u.title', 'u_title')
    .addSelect('u.job_number', 'u_job_number')
    .addSelect('u.main_dept_id', 'u_dept')
    .addSelect('v.version', 'v_version');
  const { entities, raw } = await qb.getRawAndEntities<{
    u_name: string;
    u_title: string | null;
    u_job_number: string | null;
    u_dept: number | string | null;
    v_version: number | string;
  }>();
  return entities.map((score, i) => {
    const r = raw[i]!;
    return {
      score,
      name: r.u_name,
      title: r.u_title,
      jobNumber: r.u_job_number,
      mainDeptId: r.u_dept === null ? null : Number(r.u_dept),
      version: Number(r.v_version),
    };
  });
}

/** Job models' names by id, in the corp, in id order: from the corp's models kept while no talent table changed (a handful). */
export async function jobModelNames(ds: DataSource, corp: KeptCorp, ids: readonly number[]): Promise<{ id: number; name: string }[]> {
  if (ids.length === 0) return [];
  const corpId = keptCorpId(corp);
  const all = await keptRead(ds, corp, ['talent'], ['jobModelNames'], async () =>
    // tenancy: the corp's models.
    (await ds.getRepository(JobModel).find({ where: { corpId }, select: { id: true, name: true }, order: { id: 'ASC' } })).map((m) => ({
      id: m.id,
      name: m.name,
    })),
  );
  const wanted = new Set(ids);
  return all.filter((m) => wanted.has(m.id));
}

/** A job model's name by id, in the corp. */
export const jobModelName = async (ds: DataSource, corpId: string, id: number): Promise<string | null> =>
  // tenancy: by id and corp.
  (await ds.getRepository(JobModel).findOne({ where: { corpId, id }, select: { name: true } }))?.name ?? null;

/**
 * Each person's match score per month between two periods, against the first job model scoring them that month
 * (the lowest job model id, the 人才盘点 default); months whose score is 数据不足 are left out. One query for the
 * corp (the retention radar's 岗位匹配分 signal).
 */
export async function matchScoreHistory(
  ds: DataSource,
  corpId: string,
  fromPeriod: string,
  toPeriod: string,
): Promise<Map<string, { period: string; value: number }[]>> {
  const months = monthRange('s', fromPeriod, toPeriod);
  // tenancy: the corp's scores.
  const rows = await ds
    .getRepository(TalentMatchScore)
    .createQueryBuilder('s')
    .select(['s.userid', 's.period', 's.jobModelId', 's.scoreT'])
    .where(`s.corp_id = :corpId AND ${months.sql}`, { corpId, ...months.params })
    .orderBy('s.job_model_id', 'DESC')
    .getMany();
  const first = new Map<string, TalentMatchScore>();
  for (const s of rows) first.set(`${s.userid}|${s.period}`, s); // the lowest job model id comes last
  const out = new Map<string, { period: string; value: number }[]>();
  for (const s of first.values()) {
    if (s.scoreT === null) continue;
    const list = out.get(s.userid) ?? [];
    list.push({ period: s.period, value: Number(s.scoreT) });
    out.set(s.userid, list);
  }
  return out;
}
