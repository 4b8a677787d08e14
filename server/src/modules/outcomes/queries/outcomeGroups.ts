/**
 * Reads of the 转型看板's stored sums (outcome_group_months): the months stored, and one HR scope's sums by month
 * and group — the sums of HR's granted subtrees (the topmost ones: a grant below another is inside it) added in SQL,
 * plus the people in scope through a membership (or themselves) whose main department is outside them, added from
 * their own rows; the viewer's own band left out.
 */
import { In, type DataSource } from 'typeorm';
import { OUTCOME_SUM_FIELDS, addToSumTable, emptySums, personSums, type OutcomeFact, type OutcomeGrouping, type OutcomeSumTable } from '@liucai/shared';
import { Department, OutcomeGroupMonth, OutcomePersonMonth, User } from '../../../entities';
import { selectAs } from '../../people/queries/paging';
import { membersBeyondMain } from '../../people/policies/peopleScope';
import type { OutcomesScope } from '../policies/outcomesScope';
import { OUTCOME_FACT_COLUMNS, factOfRow } from './outcomeFacts';

const snake = (f: string) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Months with stored sums, ascending, and when their rows were computed (empty: the job has not built them). */
export async function storedSumMonths(ds: DataSource, corpId: string): Promise<{ months: string[]; computedAt: Date | null }> {
  // tenancy: the corp's sums.
  const rows = await ds
    .getRepository(OutcomeGroupMonth)
    .createQueryBuilder('g')
    .select('g.month', 'month')
    .addSelect('MAX(g.computed_at)', 'at')
    .where('g.corp_id = :corpId AND g.grouping_kind = :all', { corpId, all: 'all' })
    .groupBy('g.month')
    .orderBy('g.month', 'ASC')
    .getRawMany<{ month: string; at: Date | string }>();
  const at = rows.map((r) => new Date(r.at).getTime()).filter(Number.isFinite);
  return { months: rows.map((r) => r.month), computedAt: at.length ? new Date(Math.max(...at)) : null };
}

/** The scope's sums by month and group (`all` and the groups of `by`), every stored month. */
export async function scopeSumTable(ds: DataSource, os: OutcomesScope, months: readonly string[], by: OutcomeGrouping): Promise<OutcomeSumTable> {
  const { corpId, deptIds, self } = os.scope;
  const table: OutcomeSumTable = new Map();
  const groupings = by === 'all' ? ['all'] : ['all', by];
  const roots = await topmostGrants(ds, corpId, os.grants, new Set(deptIds.map(Number)));
  if (roots.length > 0) {
    // tenancy: the corp's sums of the subtrees granted.
    const qb = ds
      .getRepository(OutcomeGroupMonth)
      .createQueryBuilder('g')
      .select('g.month', 'month')
      .addSelect('g.group_key', 'groupKey')
      .where('g.corp_id = :corpId AND g.grouping_kind IN (:...groupings) AND g.scope_dept_id IN (:...roots)', { corpId, groupings, roots })
      .groupBy('g.month')
      .addGroupBy('g.group_key');
    for (const f of OUTCOME_SUM_FIELDS) qb.addSelect(`SUM(g.${snake(f)})`, f);
    for (const r of await qb.getRawMany<Record<string, unknown>>()) {
      const s = emptySums();
      for (const f of OUTCOME_SUM_FIELDS) s[f] = Number(r[f] ?? 0);
      addToSumTable(table, String(r.month), String(r.groupKey), s);
    }
  }
  // People in scope beyond its departments' sums: members whose main department lies outside, and the viewer, who is
  // always in the people scope and whose own band never counts.
  const wanted = [...new Set([self, ...(await membersBeyondMain(ds, corpId, os.scope.deptRoots))])];
  // tenancy: the corp's people; only those outside the granted subtrees come back (usually the viewer at most).
  const outside = ds
    .getRepository(User)
    .createQueryBuilder('u')
    .select('u.userid', 'userid')
    .where('u.corp_id = :corpId AND u.userid IN (:...wanted)', { corpId, wanted });
  if (deptIds.length > 0) outside.andWhere('(u.main_dept_id IS NULL OR u.main_dept_id NOT IN (:...deptIds))', { deptIds });
  const added = new Set((await outside.getRawMany<{ userid: string }>()).map((u) => String(u.userid)));
  // The viewer is in the subtrees' sums unless outside them (or unknown: then nowhere, as the rows join users).
  const viewerKnown = added.has(self) || (await ds.getRepository(User).existsBy({ corpId, userid: self }));
  const summed = new Set(viewerKnown && !added.has(self) ? [self] : []);
  const extra = [...added, ...summed];
  if (extra.length === 0 || months.length === 0) return table;
  // tenancy: the corp's rows of those people.
  const raw = await selectAs(ds.getRepository(OutcomePersonMonth).createQueryBuilder('o'), OUTCOME_FACT_COLUMNS)
    .where('o.corp_id = :corpId AND o.month IN (:...months) AND o.userid IN (:...extra)', { corpId, months, extra })
    .getRawMany<Record<string, unknown>>();
  const factsOf = new Map<string, OutcomeFact[]>();
  for (const r of raw) {
    const f = factOfRow(r);
    factsOf.set(f.userid, [...(factsOf.get(f.userid) ?? []), f]);
  }
  const pick = (grouping: string) => groupings.includes(grouping);
  for (const [userid, facts] of factsOf) {
    // In the departments' sums already: only the viewer's own band comes out. Otherwise: added, without the viewer's band.
    if (summed.has(userid)) {
      const withRisk = personSums(facts, true);
      const without = personSums(facts, false);
      for (const [i, { key, sums }] of withRisk.entries()) {
        if (!pick(key.grouping)) continue;
        addToSumTable(table, key.month, key.group, sums, -1);
        addToSumTable(table, key.month, key.group, without[i]!.sums);
      }
    } else {
      for (const { key, sums } of personSums(facts, userid !== self)) if (pick(key.grouping)) addToSumTable(table, key.month, key.group, sums);
    }
  }
  return table;
}

/** The grants not inside another one: a grant whose parent is in the scope lies below some grant (the scope is their subtrees). */
async function topmostGrants(ds: DataSource, corpId: string, grants: readonly number[], scope: ReadonlySet<number>): Promise<number[]> {
  if (grants.length === 0) return [];
  // tenancy: the corp's departments.
  const rows = await ds.getRepository(Department).find({ where: { corpId, deptId: In([...grants]) }, select: { deptId: true, parentId: true } });
  const parentOf = new Map(rows.map((d) => [Number(d.deptId), d.parentId === null ? null : Number(d.parentId)]));
  return grants.filter((g) => {
    const parent = parentOf.get(g);
    return parent === undefined || parent === null || parent === g || !scope.has(parent);
  });
}
