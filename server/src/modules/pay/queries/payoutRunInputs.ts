/**
 * Everything a payout run reads, in bulk (one query per kind per 1,000 people), with the named CRM rules:
 * - the people: everyone whose main department is the run's department or below it;
 * - contracts: deals they own signed in the period that count (`whereDealCounts`: present, not cancelled);
 * - satisfaction: for each contract, the latest score of the same owner and customer surveyed by the period's end;
 * - coordinations: their collaboration records in the period;
 * - clawbacks: lines of locked (or later) runs about contracts that no longer count (cancelled, or deleted in the
 *   CRM) and not yet taken back by a locked run. Such contracts are found through their owner today (a contract handed
 *   to someone outside the run before it was cancelled is not found here: a known limit).
 */
import { In, type DataSource } from 'typeorm';
import { CollaborationEvent, Deal, Department, PayoutLine, PayoutRun, SatisfactionScore, User } from '../../../entities';
import { descendantsOf } from '../../access/policies/scope';
import { whereDealCounts } from '../../sync/queries/crmRows';

export const contractRefOf = (d: Pick<Deal, 'source' | 'sourceId'>): string => `deal:${d.source}:${d.sourceId}`;

/** Runs whose lines are final: paid, or about to be. */
export const FINAL_RUN_STATUSES = ['locked', 'approved', 'published'] as const;

export interface PaidLineRow {
  line: PayoutLine;
  period: string;
  deal: Deal;
}

/** What people did in a period, by userid (each list oldest first). */
export interface PeriodRows {
  deals: Map<string, Deal[]>;
  satisfaction: Map<string, SatisfactionScore[]>;
  collaborations: Map<string, CollaborationEvent[]>;
}

export interface RunInputs extends PeriodRows {
  people: User[];
  clawbacks: Map<string, PaidLineRow[]>;
}

/** `xs` in lists of `n` (one query each: bounded parameters). */
export const chunks = <T>(xs: T[], n = 1000): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};
const push = <T>(m: Map<string, T[]>, k: string, v: T) => {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
};

/** The people of a department subtree, by userid. */
export async function runPeople(ds: DataSource, corpId: string, deptId: number): Promise<User[]> {
  const depts = await ds.getRepository(Department).find({ where: { corpId }, select: { deptId: true, parentId: true } });
  const tree = descendantsOf(
    depts.map((d) => ({ deptId: Number(d.deptId), parentId: d.parentId === null ? null : Number(d.parentId) })),
    [Number(deptId)],
  );
  const people: User[] = [];
  for (const ids of chunks([...tree])) people.push(...(await ds.getRepository(User).find({ where: { corpId, mainDeptId: In(ids) } })));
  return people.sort((a, b) => (a.userid < b.userid ? -1 : a.userid > b.userid ? 1 : 0));
}

const byKey = (a: { source: string; sourceId: string }, b: { source: string; sourceId: string }) =>
  a.source === b.source ? (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0) : a.source < b.source ? -1 : 1;

/** The contracts, satisfaction scores and coordinations of `userids` in the period [first, last] (the run's rules). */
export async function readPeriodRows(ds: DataSource, corpId: string, userids: string[], days: { first: string; last: string }): Promise<PeriodRows> {
  const out: PeriodRows = { deals: new Map(), satisfaction: new Map(), collaborations: new Map() };
  for (const ids of chunks(userids)) {
    // tenancy: d.corp_id = the corp.
    const deals = await whereDealCounts(
      ds
        .getRepository(Deal)
        .createQueryBuilder('d')
        .where('d.corp_id = :corpId AND d.owner_userid IN (:...ids) AND d.signed_on >= :first AND d.signed_on <= :last', { corpId, ids, ...days }),
      'd',
    ).getMany();
    deals.sort((a, b) => (a.signedOn === b.signedOn ? byKey(a, b) : a.signedOn < b.signedOn ? -1 : 1));
    for (const d of deals) push(out.deals, d.ownerUserid!, d);

    // tenancy: s.corp_id = the corp.
    const scores = await ds
      .getRepository(SatisfactionScore)
      .createQueryBuilder('s')
      .where('s.corp_id = :corpId AND s.owner_userid IN (:...ids) AND s.surveyed_on <= :last', { corpId, ids, last: days.last })
      .getMany();
    scores.sort((a, b) => (a.surveyedOn === b.surveyedOn ? byKey(a, b) : a.surveyedOn < b.surveyedOn ? -1 : 1));
    for (const s of scores) push(out.satisfaction, s.ownerUserid!, s);

    // tenancy: c.corp_id = the corp.
    const collabs = await ds
      .getRepository(CollaborationEvent)
      .createQueryBuilder('c')
      .where('c.corp_id = :corpId AND c.userid IN (:...ids) AND c.occurred_on >= :first AND c.occurred_on <= :last', { corpId, ids, ...days })
      .getMany();
    collabs.sort((a, b) => (a.occurredOn === b.occurredOn ? byKey(a, b) : a.occurredOn < b.occurredOn ? -1 : 1));
    for (const c of collabs) push(out.collaborations, c.userid, c);
  }
  return out;
}

/** Read every input of a run for `people` in the period [first, last]. */
export async function readRunInputs(ds: DataSource, run: PayoutRun, people: User[], days: { first: string; last: string }): Promise<RunInputs> {
  const corpId = run.corpId;
  const out: RunInputs = {
    people,
    ...(await readPeriodRows(
      ds,
      corpId,
      people.map((p) => p.userid),
      days,
    )),
    clawbacks: new Map(),
  };
  for (const ids of chunks(people.map((p) => p.userid))) {
    // Contracts of these people that no longer count: cancelled, or gone from the CRM.
    // tenancy: d.corp_id = the run's corp.
    const gone = await ds
      .getRepository(Deal)
      .createQueryBuilder('d')
      .where('d.corp_id = :corpId AND d.owner_userid IN (:...ids)', { corpId, ids })
      .andWhere("(d.status = 'cancelled' OR d.removed_at IS NOT NULL)")
      .getMany();
    const goneByRef = new Map(gone.map((d) => [contractRefOf(d), d]));
    for (const refs of chunks([...goneByRef.keys()], 500)) {
      // Lines about those contracts in final runs other than this one: the paid ones, and the clawbacks already made.
      // tenancy: l.corp_id and r.corp_id = the run's corp.
      const paid = await ds
        .getRepository(PayoutLine)
        .createQueryBuilder('l')
        .innerJoin(PayoutRun, 'r', 'r.id = l.run_id AND r.corp_id = l.corp_id')
        .addSelect('r.period', 'period')
        .where('l.corp_id = :corpId AND l.contract_ref IN (:...refs) AND l.run_id <> :runId', { corpId, refs, runId: run.id })
        .andWhere('r.status IN (:...final)', { final: [...FINAL_RUN_STATUSES] })
        .andWhere("l.origin IN ('plan', 'clawback')")
        .orderBy('l.id', 'ASC')
        .getRawAndEntities();
      const periods = new Map<number, string>();
      paid.raw.forEach((r: { l_id: number | string; period: string }) => periods.set(Number(r.l_id), r.period));
      const takenBack = new Set(paid.entities.filter((l) => l.origin === 'clawback' && l.originalLineId !== null).map((l) => l.originalLineId!));
      for (const l of paid.entities) {
        if (l.origin !== 'plan' || takenBack.has(l.id) || l.amountFen === 0) continue;
        push(out.clawbacks, l.userid, { line: l, period: periods.get(l.id) ?? '', deal: goneByRef.get(l.contractRef!)! });
      }
    }
  }
  return out;
}
