/**
 * Reads behind the 转型看板: the stored person-months of the people in an HR scope (one query for the window), and
 * the names and departments of the people listed behind a number (one query).
 */
import { In, type DataSource } from 'typeorm';
import type { NewHireVerdict, OutcomeFact, RiskBand, TalentTier } from '@liucai/shared';
import { Department, OutcomePersonMonth, User } from '../../../entities';
import { whereInPeopleScope, type PeopleScope } from '../../people/policies/peopleScope';
import { selectAs } from '../../people/queries/paging';

/** Stored months of the corp, ascending, and when they were computed. */
export async function storedMonths(ds: DataSource, corpId: string): Promise<{ months: string[]; computedAt: Date | null }> {
  // tenancy: the corp's rows.
  const rows = await ds
    .getRepository(OutcomePersonMonth)
    .createQueryBuilder('o')
    .select('o.month', 'month')
    .addSelect('MAX(o.computed_at)', 'at')
    .where('o.corp_id = :corpId', { corpId })
    .groupBy('o.month')
    .orderBy('o.month', 'ASC')
    .getRawMany<{ month: string; at: Date | string }>();
  const at = rows.map((r) => new Date(r.at).getTime()).filter(Number.isFinite);
  return { months: rows.map((r) => r.month), computedAt: at.length ? new Date(Math.max(...at)) : null };
}

/** The stored row's columns, as `OutcomeFact` names them. */
export const OUTCOME_FACT_COLUMNS = {
  month: 'o.month',
  userid: 'o.userid',
  deptId: 'o.dept_id',
  tier: 'o.tier',
  employedStart: 'o.employed_start',
  employedEnd: 'o.employed_end',
  leftMonth: 'o.left_in_month',
  hired: 'o.hired',
  revenueFen: 'o.revenue_fen',
  bigRevenueFen: 'o.big_revenue_fen',
  trainingTotal: 'o.training_total',
  trainingDone: 'o.training_done',
  band: 'o.band',
  newHire: 'o.new_hire',
};

const flag = (v: unknown) => v === true || Number(v) === 1;

/** A stored row read raw (OUTCOME_FACT_COLUMNS) as a fact. */
export function factOfRow(r: Record<string, unknown>): OutcomeFact {
  return {
    month: String(r.month),
    userid: String(r.userid),
    deptId: r.deptId === null ? null : Number(r.deptId),
    tier: (r.tier as TalentTier | null) ?? null,
    employedStart: flag(r.employedStart),
    employedEnd: flag(r.employedEnd),
    left: flag(r.leftMonth),
    hired: flag(r.hired),
    revenueFen: Number(r.revenueFen),
    bigRevenueFen: Number(r.bigRevenueFen),
    trainingTotal: Number(r.trainingTotal),
    trainingDone: Number(r.trainingDone),
    band: (r.band as RiskBand | null) ?? null,
    newHire: (r.newHire as NewHireVerdict | null) ?? null,
  };
}

/** The stored rows of `months` of the people in `scope` (raw columns: an HR of 10,000 people reads 130,000 rows). */
export async function outcomeFactsInScope(ds: DataSource, scope: PeopleScope, months: readonly string[]): Promise<OutcomeFact[]> {
  if (months.length === 0) return [];
  // tenancy: whereInPeopleScope adds u.corp_id; the rows join on the same corp.
  const qb = selectAs(ds.getRepository(OutcomePersonMonth).createQueryBuilder('o'), OUTCOME_FACT_COLUMNS)
    .innerJoin(User, 'u', 'u.corp_id = o.corp_id AND u.userid = o.userid')
    .where('o.corp_id = :corpId AND o.month IN (:...months)', { corpId: scope.corpId, months })
    .orderBy('o.month', 'ASC')
    .addOrderBy('o.userid', 'ASC');
  const rows = await whereInPeopleScope(qb, 'u', scope).getRawMany<Record<string, unknown>>();
  return rows.map(factOfRow);
}

/** Department names of the corp, by id (one query). */
export async function departmentNames(ds: DataSource, corpId: string, deptIds: readonly number[]): Promise<Map<number, string>> {
  if (deptIds.length === 0) return new Map();
  // tenancy: the corp's departments.
  const rows = await ds.getRepository(Department).find({ where: { corpId, deptId: In([...new Set(deptIds)]) }, select: { deptId: true, name: true } });
  return new Map(rows.map((d) => [Number(d.deptId), d.name]));
}

/** Names and main departments of people (one query; they were already read within scope). */
export async function peopleLines(ds: DataSource, corpId: string, userids: readonly string[]): Promise<Map<string, { name: string; deptId: number | null }>> {
  const out = new Map<string, { name: string; deptId: number | null }>();
  const ids = [...new Set(userids)];
  for (let i = 0; i < ids.length; i += 1000) {
    // tenancy: the corp's users.
    const rows = await ds
      .getRepository(User)
      .find({ where: { corpId, userid: In(ids.slice(i, i + 1000)) }, select: { userid: true, name: true, mainDeptId: true } });
    for (const u of rows) out.set(u.userid, { name: u.name, deptId: u.mainDeptId === null ? null : Number(u.mainDeptId) });
  }
  return out;
}
