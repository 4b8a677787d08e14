/**
 * Reads behind the risk API: the corp's current week, a page of the current risks within a risk scope (one query
 * for the page, one grouped query for the counts), and one person's weekly history.
 */
import type { DataSource } from 'typeorm';
import { Department, RetentionReview, RetentionRisk, RetentionWeekSignal, User } from '../../../entities';
import { whereInRiskScope, type RiskScope } from '../policies/riskScope';

/** The latest week the corp has risks for (the current week of the radar), or null before the first run. */
export async function currentRiskWeek(ds: DataSource, corpId: string): Promise<string | null> {
  // tenancy: corpId is the actor's.
  const row = await ds
    .getRepository(RetentionRisk)
    .createQueryBuilder('r')
    .select('MAX(r.week_start)', 'week')
    .where('r.corp_id = :corpId', { corpId })
    .getRawOne<{ week: string | null }>();
  return row?.week ?? null;
}

export interface RiskRow {
  risk: RetentionRisk;
  userid: string;
  name: string;
  title: string | null;
  mainDeptId: number | null;
  deptName: string | null;
}

const BAND_ORDER = `CASE r.band WHEN '高' THEN 0 WHEN '中' THEN 1 WHEN '低' THEN 2 ELSE 3 END`;

function riskQuery(ds: DataSource, rs: RiskScope, weekStart: string) {
  // tenancy: the risk scope adds u.corp_id; risks and departments are joined on it.
  const qb = ds
    .getRepository(RetentionRisk)
    .createQueryBuilder('r')
    .innerJoin(User, 'u', 'u.corp_id = r.corp_id AND u.userid = r.userid')
    .where('r.corp_id = :corpId AND r.week_start = :weekStart', { corpId: rs.scope.corpId, weekStart })
    .andWhere("u.status = 'active'");
  return whereInRiskScope(qb, 'u', rs);
}

/** A page of the current week's risks in scope, 高 first, then by name (pinyin); `band: 'none'` = no band yet. */
export async function riskPage(
  ds: DataSource,
  rs: RiskScope,
  weekStart: string,
  opts: { band?: '高' | '中' | '低' | 'none' | undefined; page: number; pageSize: number },
): Promise<{ rows: RiskRow[]; total: number; counts: Record<'高' | '中' | '低' | 'none', number> }> {
  const grouped = await riskQuery(ds, rs, weekStart)
    .select('r.band', 'band')
    .addSelect('COUNT(*)', 'n')
    .groupBy('r.band')
    .getRawMany<{ band: string | null; n: string | number }>();
  const counts = { 高: 0, 中: 0, 低: 0, none: 0 };
  for (const g of grouped) counts[(g.band as '高' | '中' | '低' | null) ?? 'none'] += Number(g.n);
  const q = riskQuery(ds, rs, weekStart)
    .leftJoin(Department, 'd', 'd.corp_id = u.corp_id AND d.dept_id = u.main_dept_id')
    .select('r')
    .addSelect(['u.userid AS u_userid', 'u.name AS u_name', 'u.title AS u_title', 'u.main_dept_id AS u_main_dept_id', 'd.name AS d_name']);
  if (opts.band === 'none') q.andWhere('r.band IS NULL');
  else if (opts.band) q.andWhere('r.band = :band', { band: opts.band });
  const total = opts.band ? counts[opts.band] : counts.高 + counts.中 + counts.低 + counts.none;
  q.orderBy(BAND_ORDER, 'ASC')
    .addOrderBy('u.name_pinyin', 'ASC')
    .addOrderBy('u.name', 'ASC')
    .addOrderBy('u.userid', 'ASC')
    .offset((opts.page - 1) * opts.pageSize)
    .limit(opts.pageSize);
  const { entities, raw } = await q.getRawAndEntities<Record<string, unknown>>();
  const rows = entities.map((risk, i) => {
    const x = raw[i]!;
    return {
      risk,
      userid: String(x.u_userid),
      name: String(x.u_name),
      title: (x.u_title as string | null) ?? null,
      mainDeptId: x.u_main_dept_id === null || x.u_main_dept_id === undefined ? null : Number(x.u_main_dept_id),
      deptName: (x.d_name as string | null) ?? null,
    };
  });
  return { rows, total, counts };
}

/** One person in the risk scope (their profile line), or null: outside scope, unknown, or the viewer themself. */
export async function personInRiskScope(ds: DataSource, rs: RiskScope, userid: string): Promise<Omit<RiskRow, 'risk'> | null> {
  // tenancy: the risk scope adds u.corp_id.
  const qb = ds
    .getRepository(User)
    .createQueryBuilder('u')
    .leftJoin(Department, 'd', 'd.corp_id = u.corp_id AND d.dept_id = u.main_dept_id')
    .select(['u.userid AS userid', 'u.name AS name', 'u.title AS title', 'u.main_dept_id AS mainDeptId', 'd.name AS deptName'])
    .where('u.userid = :userid', { userid });
  const row = await whereInRiskScope(qb, 'u', rs).getRawOne<{
    userid: string;
    name: string;
    title: string | null;
    mainDeptId: unknown;
    deptName: string | null;
  }>();
  if (!row) return null;
  return { userid: row.userid, name: row.name, title: row.title, mainDeptId: row.mainDeptId === null ? null : Number(row.mainDeptId), deptName: row.deptName };
}

/** A person's stored weekly risks and signals, oldest first (the 16 weeks the run keeps, at most `weeks`). */
export async function personHistory(
  ds: DataSource,
  corpId: string,
  userid: string,
  weeks = 26,
): Promise<{ risks: RetentionRisk[]; signals: RetentionWeekSignal[] }> {
  // tenancy: corpId is the actor's and the person was checked in scope.
  const risks = await ds.getRepository(RetentionRisk).find({ where: { corpId, userid }, order: { weekStart: 'DESC' }, take: weeks });
  const signals = await ds.getRepository(RetentionWeekSignal).find({ where: { corpId, userid }, order: { weekStart: 'DESC' }, take: weeks });
  return { risks: risks.reverse(), signals: signals.reverse() };
}

/** Reviews of these people (newest first), for one week or all weeks; one query for the whole list. */
export async function reviewsOf(ds: DataSource, corpId: string, userids: string[], weekStart?: string): Promise<RetentionReview[]> {
  if (userids.length === 0) return [];
  // tenancy: corpId is the actor's.
  const qb = ds
    .getRepository(RetentionReview)
    .createQueryBuilder('rv')
    .where('rv.corp_id = :corpId AND rv.userid IN (:...userids)', { corpId, userids })
    .orderBy('rv.id', 'DESC');
  if (weekStart) qb.andWhere('rv.week_start = :weekStart', { weekStart });
  return qb.getMany();
}

/** Reviewers' names, one query. */
export async function namesOf(ds: DataSource, corpId: string, userids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(userids)];
  if (wanted.length === 0) return new Map();
  // tenancy: corpId is the actor's.
  const rows = await ds
    .getRepository(User)
    .createQueryBuilder('n')
    .select(['n.userid', 'n.name'])
    .where('n.corp_id = :corpId AND n.userid IN (:...wanted)', { corpId, wanted })
    .getMany();
  return new Map(rows.map((r) => [r.userid, r.name]));
}
