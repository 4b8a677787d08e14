import { Brackets, In, type DataSource, type EntityManager } from 'typeorm';
import { CollaborationEvent, Customer, Deal, Department, Departure, User } from '../../../entities';
import { segmentDeals } from '../queries/crmRecords';
import { upsertBySourceId } from './changedRows';
import type { OrgUnits } from './crmRows';
import { customerSegment, type SegmentThresholds } from './customerSegments';

/** The unit (department directly under the root) of each synced person's main department. */
export async function loadOrgUnits(ds: DataSource, corpId: string): Promise<OrgUnits> {
  const depts = new Map((await ds.getRepository(Department).findBy({ corpId })).map((d) => [Number(d.deptId), d]));
  const users = new Map(
    (await ds.getRepository(User).find({ where: { corpId }, select: { userid: true, mainDeptId: true } })).map((u) => [u.userid, u.mainDeptId]),
  );
  // People who left before any org sync saw them are placed by the main department DingTalk's dismission gave.
  for (const d of await ds.getRepository(Departure).find({ where: { corpId, source: 'dingtalk' }, select: { userid: true, mainDeptId: true } })) {
    if (!users.has(d.userid)) users.set(d.userid, d.mainDeptId);
  }
  const unitCache = new Map<number, { deptId: number; name: string } | undefined>();
  const unitOfDept = (deptId: number): { deptId: number; name: string } | undefined => {
    if (unitCache.has(deptId)) return unitCache.get(deptId);
    let dept = depts.get(deptId);
    for (let hops = 0; dept && hops < 50; hops++) {
      const parent = dept.parentId === null ? undefined : depts.get(Number(dept.parentId));
      if (!parent || parent.parentId === null) break;
      dept = parent;
    }
    // A person directly in the root has no unit of their own.
    const unit = dept && dept.parentId !== null ? { deptId: Number(dept.deptId), name: dept.name } : undefined;
    unitCache.set(deptId, unit);
    return unit;
  };
  return {
    unitOf: (userid) => {
      const main = users.get(userid);
      return main === null || main === undefined ? undefined : unitOfDept(Number(main));
    },
  };
}

/**
 * Collaborations a re-read follow-up no longer gives (a participant was removed, or moved to another department).
 * Events are keyed `crm:<follow-up>:<department>`, so a follow-up's events are found by prefix.
 */
export async function dropStaleCollaborations(
  em: EntityManager,
  corpId: string,
  followUps: { sourceId: string }[],
  events: CollaborationEvent[],
): Promise<number> {
  if (followUps.length === 0) return 0;
  if (followUps.length > 200) {
    // Keep each statement's LIKE list short (the follow-ups a full pass found removed can be many).
    let n = 0;
    for (let i = 0; i < followUps.length; i += 200) n += await dropStaleCollaborations(em, corpId, followUps.slice(i, i + 200), events);
    return n;
  }
  const keep = new Set(events.map((e) => e.sourceId));
  const stale = (await collaborationIdsOf(em, corpId, followUps)).filter((id) => !keep.has(id));
  if (stale.length > 0) await em.delete(CollaborationEvent, { corpId, source: 'dingtalk', sourceId: In(stale) });
  return stale.length;
}

/** The stored collaboration ids of these follow-ups (`crm:<follow-up>:…`), read by the key's prefix. */
async function collaborationIdsOf(em: EntityManager, corpId: string, followUps: { sourceId: string }[]): Promise<string[]> {
  if (em.connection.options.type === 'better-sqlite3') {
    // SQLite's LIKE is case-insensitive, so an OR of LIKEs scanned every collaboration of the corp (≈60,000 at 10,000
    // people, 150 to 200 ms a statement inside the CRM sync's write transaction, which the web thread's writes then
    // waited for): each prefix is a range of the key instead (':' + 1 is ';'), one indexed read each.
    const prefixes = [...new Set(followUps.map((f) => `crm:${f.sourceId}:`))];
    // tenancy: the corp's collaborations only.
    const one = "SELECT source_id AS sourceId FROM collaboration_events WHERE corp_id = ? AND source = 'dingtalk' AND source_id >= ? AND source_id < ?";
    const rows = (await em.query(
      prefixes.map(() => one).join(' UNION ALL '),
      prefixes.flatMap((p) => [corpId, p, `${p.slice(0, -1)};`]),
    )) as { sourceId: string }[];
    return rows.map((r) => r.sourceId);
  }
  const qb = em
    .getRepository(CollaborationEvent)
    .createQueryBuilder('e')
    .select('e.source_id', 'sourceId')
    .where("e.corp_id = :corpId AND e.source = 'dingtalk'", { corpId });
  qb.andWhere(
    new Brackets((or) => {
      // '!' escapes LIKE's wildcards the same way in MySQL and SQLite (a backslash would not).
      followUps.forEach((f, i) => or.orWhere(`e.source_id LIKE :p${i} ESCAPE '!'`, { [`p${i}`]: `crm:${f.sourceId.replace(/[!%_]/g, (c) => `!${c}`)}:%` }));
    }),
  );
  return (await qb.getRawMany<{ sourceId: string }>()).map((r) => r.sourceId);
}

/** Recompute every CRM customer's segment and first/last deal from its deals that count (queries/crmRecords). */
export async function deriveSegments(em: EntityManager, corpId: string, t: SegmentThresholds): Promise<number> {
  const deals = await em.find(Deal, {
    where: segmentDeals(corpId),
    select: { sourceId: true, customerSourceId: true, amountFen: true, signedOn: true },
  });
  const byCustomer = new Map<string, { amountFen: number; signedOn: string; sourceId: string }[]>();
  for (const d of deals) {
    const list = byCustomer.get(d.customerSourceId!) ?? [];
    list.push({ amountFen: Number(d.amountFen), signedOn: d.signedOn, sourceId: d.sourceId });
    byCustomer.set(d.customerSourceId!, list);
  }
  const customers = await em.find(Customer, { where: { corpId, source: 'dingtalk' } });
  const changed: Customer[] = [];
  for (const c of customers) {
    const list = (byCustomer.get(c.sourceId) ?? []).sort((a, b) => a.signedOn.localeCompare(b.signedOn) || a.sourceId.localeCompare(b.sourceId));
    const next = { segment: customerSegment(list, t), firstDealOn: list[0]?.signedOn ?? null, lastDealOn: list.at(-1)?.signedOn ?? null };
    if (c.segment !== next.segment || c.firstDealOn !== next.firstDealOn || c.lastDealOn !== next.lastDealOn) changed.push(Object.assign(c, next));
  }
  await upsertBySourceId(em, Customer, changed, ['segment', 'first_deal_on', 'last_deal_on']);
  return changed.length;
}
