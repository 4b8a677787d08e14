/**
 * The 转型看板's stored sums: every stored person-month of the corp (all months, as the page reads them) added up per
 * month, grouping, group and department subtree (`personSums`; a person counts in their main department now and in
 * every department above it), so the page adds the few subtrees HR is granted instead of reading 130,000 rows at
 * 10,000 people. Rebuilt whole: read and added up outside any transaction (about 9 s of the jobs' CPU at 10,000
 * people, which must not hold the database's write lock: on SQLite the web process's writes would wait behind it),
 * then written in one short transaction that replaces the corp's rows, never adds to them. Callers run it after the
 * transaction that changed its inputs has committed.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { OUTCOME_SUM_FIELDS, addSums, emptySums, personSums, type OutcomeFact, type OutcomeSums } from '@liucai/shared';
import { Department, OutcomeGroupMonth, OutcomePersonMonth, User } from '../../../entities';
import { isoOf, selectAs } from '../../people/queries/paging';
import { OUTCOME_FACT_COLUMNS, factOfRow } from '../queries/outcomeFacts';

export async function rebuildOutcomeGroups(ds: DataSource, corpId: string): Promise<number> {
  const em = ds.manager;
  // tenancy: the corp's rows of the corp's people (the page joins the same way: rows without a person never count).
  const raw = await selectAs(em.getRepository(OutcomePersonMonth).createQueryBuilder('o'), { ...OUTCOME_FACT_COLUMNS, scopeDeptId: 'u.main_dept_id' })
    .innerJoin(User, 'u', 'u.corp_id = o.corp_id AND u.userid = o.userid')
    .where('o.corp_id = :corpId', { corpId })
    .getRawMany<Record<string, unknown>>();
  // tenancy: the corp's rows.
  const latest = await em
    .getRepository(OutcomePersonMonth)
    .createQueryBuilder('o')
    .select('MAX(o.computed_at)', 'at')
    .where('o.corp_id = :corpId', { corpId })
    .getRawOne<{ at: Date | string | null }>();
  // tenancy: the corp's departments (inactive ones too: HR scopes expand over every one).
  const tree = await em
    .getRepository(Department)
    .createQueryBuilder('d')
    .select(['d.dept_id AS deptId', 'd.parent_id AS parentId'])
    .where('d.corp_id = :corpId', { corpId })
    .getRawMany<{ deptId: number | string; parentId: number | string | null }>();
  const parentOf = new Map(tree.map((d) => [Number(d.deptId), d.parentId === null ? null : Number(d.parentId)]));
  /** The main department and every one above it (each once, whatever the data's parent cycles). */
  const subtreesOf = (deptId: number | null): (number | null)[] => {
    if (deptId === null) return [null];
    const out: number[] = [];
    for (let d: number | null | undefined = deptId; d !== null && d !== undefined && !out.includes(d); d = parentOf.get(d)) out.push(d);
    return out;
  };
  const people = new Map<string, { scopeDeptId: number | null; facts: OutcomeFact[] }>();
  for (const r of raw) {
    const fact = factOfRow(r);
    const p = people.get(fact.userid);
    if (p) p.facts.push(fact);
    else people.set(fact.userid, { scopeDeptId: r.scopeDeptId === null ? null : Number(r.scopeDeptId), facts: [fact] });
  }
  const sums = new Map<string, { month: string; grouping: string; groupKey: string; scopeDeptId: number | null; sums: OutcomeSums }>();
  for (const { scopeDeptId: main, facts } of people.values()) {
    const added = personSums(facts, true);
    for (const scopeDeptId of subtreesOf(main)) {
      for (const { key, sums: s } of added) {
        const id = `${key.grouping}|${key.group}|${key.month}|${scopeDeptId ?? ''}`;
        const at = sums.get(id);
        if (at) addSums(at.sums, s);
        else sums.set(id, { month: key.month, grouping: key.grouping, groupKey: key.group, scopeDeptId, sums: addSums(emptySums(), s) });
      }
    }
  }
  const computedAt = latest?.at ? new Date(isoOf(latest.at)) : new Date();
  const rows = [...sums.values()].map((g) =>
    Object.assign(new OutcomeGroupMonth(), {
      corpId,
      month: g.month,
      grouping: g.grouping,
      groupKey: g.groupKey,
      scopeDeptId: g.scopeDeptId,
      ...Object.fromEntries(OUTCOME_SUM_FIELDS.map((f) => [f, g.sums[f]])),
      computedAt,
    }),
  );
  await ds.transaction(async (tx: EntityManager) => {
    // tenancy: the corp's sums only.
    await tx.getRepository(OutcomeGroupMonth).delete({ corpId });
    for (let i = 0; i < rows.length; i += 500) await tx.getRepository(OutcomeGroupMonth).insert(rows.slice(i, i + 500));
  });
  return rows.length;
}
