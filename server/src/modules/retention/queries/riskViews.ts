/**
 * Reads behind the risk API: the corp's current week, a page of the current risks within a risk scope (the scope's
 * people, then their risks by key), and one person's weekly history.
 */
import { In, type DataSource } from 'typeorm';
import { Department, RetentionReview, RetentionRisk, RetentionWeekSignal, User } from '../../../entities';
import { whereInRiskScope, type RiskScope } from '../policies/riskScope';
import { departmentRule, PERSON_CHECKS, scopeKey, scopeUseridsSql } from '../../people/policies/peopleScope';
import { keptRead } from '../../../db/keptReads';

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

type Band = '高' | '中' | '低' | 'none';
/** SQL's ascending order of a text column: NULL first, then by code point (SQLite's BINARY). */
const textOrder = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
const SLICE = 1000;

/**
 * The page's userids, people first: the scope's active people (userid, name, pinyin: from the users' indexes, e.g. a
 * supervisor's reports by `idx_users_supervisor`), then their week's bands: by primary key (corp, userid, week) for up
 * to `keyedUpTo` (1,000) people, else the week's (band, userid) from the covering week index; counts, order and the
 * page worked out here (only the bands the page reaches are sorted). For a supervisor's few reports.
 */
async function pagePeopleFirst(ds: DataSource, rs: RiskScope, weekStart: string, opts: PageOpts): Promise<PageIds> {
  const corpId = rs.scope.corpId;
  // tenancy: the risk scope adds u.corp_id.
  const people = await whereInRiskScope(
    ds.getRepository(User).createQueryBuilder('u').select(['u.userid AS userid', 'u.name AS name', 'u.name_pinyin AS pinyin']).where("u.status = 'active'"),
    'u',
    rs,
  ).getRawMany<{ userid: string; name: string; pinyin: string | null }>();
  const bands = new Map<string, string | null>();
  const byKey = (ids: string[]) =>
    // tenancy: corpId is the actor's; the people were read within its risk scope.
    ds
      .getRepository(RetentionRisk)
      .createQueryBuilder('r')
      .select(['r.userid AS userid', 'r.band AS band'])
      .where('r.corp_id = :corpId AND r.userid IN (:...ids) AND r.week_start = :weekStart', { corpId, ids, weekStart })
      .getRawMany<{ userid: string; band: string | null }>();
  // tenancy: corpId is the actor's; matched with the scope's people below.
  const wholeWeek = () =>
    ds
      .getRepository(RetentionRisk)
      .createQueryBuilder('r')
      .select(['r.userid AS userid', 'r.band AS band'])
      .where('r.corp_id = :corpId AND r.week_start = :weekStart', { corpId, weekStart })
      .getRawMany<{ userid: string; band: string | null }>();
  // A few people (a supervisor's reports): their risks by key. Many (HR's departments): the week's (band, userid)
  // from the covering week index, matched with the people here.
  if (people.length <= (opts.keyedUpTo ?? SLICE))
    for (const r of people.length > 0 ? await byKey(people.map((p) => p.userid)) : []) bands.set(r.userid, r.band);
  else for (const r of await wholeWeek()) bands.set(r.userid, r.band);
  const counts = { 高: 0, 中: 0, 低: 0, none: 0 };
  type Listed = { userid: string; name: string; pinyin: string | null };
  const buckets: Record<Band, Listed[]> = { 高: [], 中: [], 低: [], none: [] };
  for (const p of people) {
    if (!bands.has(p.userid)) continue;
    const key = (bands.get(p.userid) as Band | null) ?? 'none';
    counts[key] += 1;
    buckets[key].push(p);
  }
  // 高 first, then 中, 低, none; each band by name. Only the bands the page reaches are sorted.
  const order: Band[] = opts.band ? [opts.band] : ['高', '中', '低', 'none'];
  const from = (opts.page - 1) * opts.pageSize;
  const pageIds: string[] = [];
  let skipped = 0;
  for (const b of order) {
    const list = buckets[b];
    if (pageIds.length >= opts.pageSize) break;
    if (skipped + list.length <= from) {
      skipped += list.length;
      continue;
    }
    list.sort((x, y) => textOrder(x.pinyin, y.pinyin) || textOrder(x.name, y.name) || textOrder(x.userid, y.userid));
    const start = Math.max(0, from - skipped);
    pageIds.push(...list.slice(start, start + opts.pageSize - pageIds.length).map((p) => p.userid));
    skipped += start;
  }
  const total = order.reduce((n, b) => n + counts[b], 0);
  return { pageIds, total, counts };
}

/**
 * The page's userids in SQL, for HR's thousands: the counts from the covering week index alone (the scope's userids
 * and the people who are not active read from the users' indexes), then each band the page reaches in name order:
 * the scope's active people whose risk of the week has that band (the order, LIMIT and OFFSET of the single join this
 * replaced, one band at a time).
 */
async function pageInSql(ds: DataSource, rs: RiskScope, weekStart: string, opts: PageOpts): Promise<PageIds> {
  const corpId = rs.scope.corpId;
  const inScope = scopeUseridsSql(rs.scope);
  // tenancy: corpId is the actor's; scopeUseridsSql keeps to the corp's users in the actor's scope.
  const risks = () =>
    ds
      .getRepository(RetentionRisk)
      .createQueryBuilder('r')
      .where('r.corp_id = :corpId AND r.week_start = :weekStart', { corpId, weekStart })
      .andWhere(`r.userid IN (${inScope.sql})`, inScope.params)
      .andWhere('r.userid <> :riskViewer', { riskViewer: rs.scope.self });
  const grouped = await risks()
    .andWhere("r.userid NOT IN (SELECT x.userid FROM users x WHERE x.corp_id = :corpId AND x.status <> 'active')")
    .select('r.band', 'band')
    .addSelect('COUNT(*)', 'n')
    .groupBy('r.band')
    .getRawMany<{ band: string | null; n: string | number }>();
  const counts = { 高: 0, 中: 0, 低: 0, none: 0 };
  for (const g of grouped) counts[(g.band as '高' | '中' | '低' | null) ?? 'none'] += Number(g.n);
  const order: Band[] = opts.band ? [opts.band] : ['高', '中', '低', 'none'];
  const total = order.reduce((n, b) => n + counts[b], 0);
  const everyone = counts.高 + counts.中 + counts.低 + counts.none;
  const pageIds: string[] = [];
  let offset = (opts.page - 1) * opts.pageSize;
  for (const b of order) {
    if (pageIds.length >= opts.pageSize) break;
    if (offset >= counts[b]) {
      offset -= counts[b];
      continue;
    }
    const bandSql = b === 'none' ? 'r.band IS NULL' : 'r.band = :band';
    const need = opts.pageSize - pageIds.length;
    // A band that holds most people (every band still empty, or a deep page of a large one): walk the active people
    // in name order on the directory index (the scope tested on each entry, constants as whereInRiskScope has them),
    // each one's risk looked up by key, stopping at the page — about (offset + page) × everyone / band entries. A small
    // band (高 among thousands): from the users, the scope and the band each read once from the indexes
    // (scopeUseridsSql and the covering week index), then ordered. The same people in the same order either way.
    const walk = (opts.walk ?? 'auto') === 'auto' ? (offset + need) * everyone <= WALK_ENTRIES * counts[b] : opts.walk === 'index';
    // tenancy: corpId is the actor's; whereInRiskScope and scopeUseridsSql keep to its scope.
    const q = ds.getRepository(User).createQueryBuilder('u').select('u.userid', 'userid');
    if (walk)
      whereInRiskScope(q.where("u.status = 'active'"), 'u', rs).andWhere(
        `EXISTS (SELECT 1 FROM retention_risks r WHERE r.corp_id = u.corp_id AND r.userid = u.userid AND r.week_start = :weekStart AND ${bandSql})`,
        { weekStart, band: b },
      );
    else
      q.where("u.corp_id = :corpId AND u.status = 'active'", { corpId })
        .andWhere(`u.userid IN (${inScope.sql})`, inScope.params)
        .andWhere('u.userid <> :riskViewer', { riskViewer: rs.scope.self })
        .andWhere(`u.userid IN (SELECT r.userid FROM retention_risks r WHERE r.corp_id = :corpId AND r.week_start = :weekStart AND ${bandSql})`, {
          weekStart,
          band: b,
        });
    const rows = await q
      .orderBy('u.name_pinyin', 'ASC')
      .addOrderBy('u.name', 'ASC')
      .addOrderBy('u.userid', 'ASC')
      .offset(offset)
      .limit(need)
      .getRawMany<{ userid: string }>();
    pageIds.push(...rows.map((r) => r.userid));
    offset = 0;
  }
  return { pageIds, total, counts };
}

type PageOpts = { band?: Band | undefined; page: number; pageSize: number; keyedUpTo?: number; walk?: 'auto' | 'index' | 'sets' };
/** Index entries a name-ordered walk of the people may read before reading the band's people as sets is cheaper. */
const WALK_ENTRIES = 1500;
type PageIds = { pageIds: string[]; total: number; counts: Record<Band, number> };

/**
 * A page of the current week's risks in scope, 高 first, then by name (pinyin, name, userid); `band: 'none'` = no band
 * yet. The page's userids in SQL for a scope with departments (HR), people first otherwise (a supervisor's reports;
 * `via` picks one, for tests); then only the page's rows are read in full (risk, title, department).
 */
export async function riskPage(
  ds: DataSource,
  rs: RiskScope,
  weekStart: string,
  opts: PageOpts & { via?: 'sql' | 'people' },
): Promise<{ rows: RiskRow[]; total: number; counts: Record<Band, number> }> {
  const corpId = rs.scope.corpId;
  const via = opts.via ?? (rs.scope.deptIds.length > 0 ? 'sql' : 'people');
  const { pageIds, total, counts } = await (via === 'sql' ? pageInSql : pagePeopleFirst)(ds, rs, weekStart, opts);
  if (pageIds.length === 0) return { rows: [], total, counts };
  // tenancy: corpId is the actor's; the page's people were read within its risk scope.
  const risks = new Map((await ds.getRepository(RetentionRisk).findBy({ corpId, weekStart, userid: In(pageIds) })).map((r) => [r.userid, r]));
  const profiles = await ds
    .getRepository(User)
    .createQueryBuilder('u')
    .leftJoin(Department, 'd', 'd.corp_id = u.corp_id AND d.dept_id = u.main_dept_id')
    .select(['u.userid AS userid', 'u.name AS name', 'u.title AS title', 'u.main_dept_id AS mainDeptId', 'd.name AS deptName'])
    .where('u.corp_id = :corpId AND u.userid IN (:...pageIds)', { corpId, pageIds })
    .getRawMany<{ userid: string; name: string; title: string | null; mainDeptId: unknown; deptName: string | null }>();
  const byId = new Map(profiles.map((u) => [u.userid, u]));
  const rows = pageIds.flatMap((userid): RiskRow[] => {
    const risk = risks.get(userid);
    const u = byId.get(userid);
    if (!risk || !u) return [];
    const mainDeptId = u.mainDeptId === null || u.mainDeptId === undefined ? null : Number(u.mainDeptId);
    return [{ risk, userid, name: u.name, title: u.title ?? null, mainDeptId, deptName: u.deptName ?? null }];
  });
  return { rows, total, counts };
}

/**
 * One person in the risk scope (their profile line), or null: outside scope, unknown, or the viewer themself. Kept
 * while the org and the people are unchanged (员工档案's 风险 tab and 留才雷达's person view check the same person).
 */
export async function personInRiskScope(ds: DataSource, rs: RiskScope, userid: string): Promise<Omit<RiskRow, 'risk'> | null> {
  const key = ['personInRiskScope', scopeKey(rs.scope), userid];
  const row = await keptRead(ds, rs.actor, ['org', 'people'], key, () => readPersonInRiskScope(ds, rs, userid), PERSON_CHECKS);
  if (!row) return null;
  if (row.hrMember) rs.hrMembers.add(row.userid);
  return { userid: row.userid, name: row.name, title: row.title, mainDeptId: row.mainDeptId, deptName: row.deptName };
}

/** The person's line and whether HR sees them through a membership beyond their main department, in one statement. */
async function readPersonInRiskScope(ds: DataSource, rs: RiskScope, userid: string): Promise<(Omit<RiskRow, 'risk'> & { hrMember: boolean }) | null> {
  // tenancy: the risk scope adds u.corp_id.
  const qb = ds
    .getRepository(User)
    .createQueryBuilder('u')
    .leftJoin(Department, 'd', 'd.corp_id = u.corp_id AND d.dept_id = u.main_dept_id')
    .select(['u.userid AS userid', 'u.name AS name', 'u.title AS title', 'u.main_dept_id AS mainDeptId', 'd.name AS deptName'])
    .where('u.userid = :userid', { userid });
  // HR: whether they belong to HR's departments beyond their main one (seen as HR), in the same statement.
  const roots = rs.scope.deptRoots;
  if (roots.length > 0) {
    const rule = departmentRule('hm', rs.scope.corpId, roots);
    qb.addSelect(`CASE WHEN ${rule.member('u', true)} THEN 1 ELSE 0 END`, 'hrMember').setParameters(rule.params);
  }
  const row = await whereInRiskScope(qb, 'u', rs).getRawOne<{
    userid: string;
    name: string;
    title: string | null;
    mainDeptId: unknown;
    deptName: string | null;
    hrMember?: number | string | boolean;
  }>();
  if (!row) return null;
  return {
    userid: row.userid,
    name: row.name,
    title: row.title,
    mainDeptId: row.mainDeptId === null ? null : Number(row.mainDeptId),
    deptName: row.deptName,
    hrMember: Number(row.hrMember ?? 0) === 1,
  };
}

/** A person's stored weekly risks and signals, oldest first (the 16 weeks the run keeps, at most `weeks`). */
export async function personHistory(
  ds: DataSource,
  corpId: string,
  userid: string,
  weeks = 26,
): Promise<{ risks: RetentionRisk[]; signals: RetentionWeekSignal[] }> {
  // tenancy: corpId is the actor's and the person was checked in scope.
  const [risks, signals] = await Promise.all([
    ds.getRepository(RetentionRisk).find({ where: { corpId, userid }, order: { weekStart: 'DESC' }, take: weeks }),
    ds.getRepository(RetentionWeekSignal).find({ where: { corpId, userid }, order: { weekStart: 'DESC' }, take: weeks }),
  ]);
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
