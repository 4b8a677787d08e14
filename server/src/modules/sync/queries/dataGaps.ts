import { Between, In, type DataSource } from 'typeorm';
import { AttendanceResult, ClockRecord, Customer, Deal, LeaveRecord, User } from '../../../entities';
import { addDays, shanghaiDate, shanghaiMidnight } from '../../../util/dates';
import { neverFollowedUpPage, ownerlessDeals, type NeverFollowedUpPage } from './crmRecords';

/**
 * The rules behind the 数据 page's gaps, each written once. They run when the page's snapshot is refreshed (after a
 * sync or an import), never per page view, and each asks in small indexed steps (a day at a time, a batch of people
 * at a time) so a 10,000-person corp's refresh never holds the database, or SQLite's single thread, for long.
 */

/** One thing a named gap is about: what to show, and whose scope it belongs to (null: nobody's). */
export interface GapItem {
  label: string;
  subject: string | null;
}

/** The `days` days up to yesterday (Asia/Shanghai), oldest first. */
function lastDays(now: Date, days: number): string[] {
  const to = addDays(shanghaiDate(now), -1);
  return Array.from({ length: days }, (_, i) => addDays(to, i - (days - 1)));
}

const isWeekday = (day: string) => {
  const dow = new Date(shanghaiMidnight(day) + 8 * 3600 * 1000).getUTCDay();
  return dow !== 0 && dow !== 6;
};

/** Whether a query finds any row (LIMIT 1 on an index). */
const any = async (q: Promise<unknown>) => (await q) != null;

/** Working days (Mon–Fri) of the last `days` up to yesterday without a single attendance row: one index seek each. */
export async function daysWithoutAttendance(ds: DataSource, corpId: string, now: Date, days = 30): Promise<string[]> {
  const missing: string[] = [];
  for (const day of lastDays(now, days).filter(isWeekday)) {
    const found = await any(ds.getRepository(AttendanceResult).findOne({ where: { corpId, workDate: day }, select: { sourceId: true } }));
    if (!found) missing.push(day);
  }
  return missing;
}

/** Days of the last `days` where someone clocked (per the results, not by approval) but no raw clock record is held. */
export async function daysWithoutClockRecords(ds: DataSource, corpId: string, now: Date, days = 30): Promise<string[]> {
  const missing: string[] = [];
  for (const day of lastDays(now, days)) {
    const clocked = await ds
      .getRepository(AttendanceResult)
      .createQueryBuilder('a')
      .select('1', 'one')
      .where("a.corp_id = :corpId AND a.work_date = :day AND a.user_check_at IS NOT NULL AND a.approve_id IS NULL AND a.time_result <> 'NotSigned'", {
        corpId,
        day,
      })
      .limit(1)
      .getRawOne();
    if (!clocked) continue;
    const held = await any(ds.getRepository(ClockRecord).findOne({ where: { corpId, workDate: day }, select: { sourceId: true } }));
    if (!held) missing.push(day);
  }
  return missing;
}

/** Active people (the boss aside) without a supervisor, by name. */
export async function usersWithoutSupervisor(ds: DataSource, corpId: string): Promise<GapItem[]> {
  const rows = await ds
    .getRepository(User)
    .createQueryBuilder('u')
    .select(['u.userid', 'u.name'])
    .where("u.corp_id = :corpId AND u.status = 'active' AND u.supervisor_userid IS NULL AND u.is_boss = :boss", { corpId, boss: false })
    .orderBy('u.name')
    .addOrderBy('u.userid')
    .getMany();
  return rows.map((u) => ({ label: u.name, subject: u.userid }));
}

/**
 * Approved DingTalk leaves of the last `days` whose first day has attendance results for the person, none of them
 * settled by an approval: attendance and leave disagree (a leave approved after the attendance sync read the day,
 * or a leave type that does not count for attendance). Labelled "name yyyy-mm-dd", newest first.
 */
export async function leavesNotInAttendance(ds: DataSource, corpId: string, now: Date, days = 30): Promise<GapItem[]> {
  const range = lastDays(now, days);
  const from = range[0]!;
  const to = range.at(-1)!;
  const leaves = await ds.getRepository(LeaveRecord).find({
    where: { corpId, source: 'dingtalk', approvalState: 'approved', startAt: Between(new Date(shanghaiMidnight(from)), new Date(shanghaiMidnight(to))) },
    select: { userid: true, startAt: true },
  });
  const keys = [...new Map(leaves.map((l) => [`${l.userid} ${shanghaiDate(l.startAt)}`, { userid: l.userid, day: shanghaiDate(l.startAt) }])).values()];
  const settled = new Map<string, boolean>();
  // Day by day, the people with a leave starting that day, 200 at a time: exact seeks on the person-day index (an OR
  // of person-day pairs is not planned as seeks by SQLite, and a whole month per person reads 20 times the rows).
  const byDay = new Map<string, string[]>();
  for (const k of keys) byDay.set(k.day, [...(byDay.get(k.day) ?? []), k.userid]);
  for (const [day, people] of byDay) {
    for (let i = 0; i < people.length; i += 200) {
      const rows = await ds.getRepository(AttendanceResult).find({
        where: { corpId, userid: In(people.slice(i, i + 200)), workDate: day },
        select: { userid: true, workDate: true, approveId: true },
      });
      for (const r of rows) {
        const key = `${r.userid} ${r.workDate}`;
        settled.set(key, (settled.get(key) ?? false) || r.approveId !== null);
      }
    }
  }
  const open = keys.filter((k) => settled.get(`${k.userid} ${k.day}`) === false).sort((a, b) => b.day.localeCompare(a.day) || a.userid.localeCompare(b.userid));
  const names = await namesOf(
    ds,
    corpId,
    open.map((k) => k.userid),
  );
  return open.map((k) => ({ label: `${names.get(k.userid) ?? '（已不在通讯录）'} ${k.day}`, subject: k.userid }));
}

/** Names of people, a batch of 500 at a time. */
async function namesOf(ds: DataSource, corpId: string, userids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(userids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await ds
      .getRepository(User)
      .createQueryBuilder('u')
      .select(['u.userid', 'u.name'])
      .where('u.corp_id = :corpId AND u.userid IN (:...ids)', { corpId, ids: unique.slice(i, i + 500) })
      .getMany();
    for (const u of rows) out.set(u.userid, u.name);
  }
  return out;
}

/**
 * Contracts of `source` nobody owns, newest first, labelled "customer (signed on)"; each belongs to the scope of its
 * customer's owner when the customer is known and owned.
 */
export async function ownerlessContracts(ds: DataSource, corpId: string, source: Deal['source']): Promise<GapItem[]> {
  const deals = await ds.getRepository(Deal).find({
    where: ownerlessDeals(corpId, source),
    select: { sourceId: true, customerName: true, customerSourceId: true, signedOn: true },
    order: { signedOn: 'DESC', sourceId: 'ASC' },
  });
  const customerIds = [...new Set(deals.map((d) => d.customerSourceId).filter((id): id is string => id !== null))];
  const owners = new Map<string, string | null>();
  for (let i = 0; i < customerIds.length; i += 500) {
    const rows = await ds
      .getRepository(Customer)
      .createQueryBuilder('c')
      .select(['c.sourceId', 'c.ownerUserid'])
      .where("c.corp_id = :corpId AND c.source = 'dingtalk' AND c.source_id IN (:...ids)", { corpId, ids: customerIds.slice(i, i + 500) })
      .getMany();
    for (const c of rows) owners.set(c.sourceId, c.ownerUserid);
  }
  return deals.map((d) => ({ label: `${d.customerName}（${d.signedOn}）`, subject: d.customerSourceId ? (owners.get(d.customerSourceId) ?? null) : null }));
}

/** Owned DingTalk customers with no follow-up DingTalk still has, 2,000 customers read at a time (keyset pages). */
export async function customersWithoutFollowUp(ds: DataSource, corpId: string): Promise<GapItem[]> {
  const out: GapItem[] = [];
  for (let after: string | null = ''; after !== null;) {
    const page: NeverFollowedUpPage = await neverFollowedUpPage(ds, corpId, after, 2000);
    out.push(...page.customers.map((c) => ({ label: c.name, subject: c.ownerUserid })));
    after = page.after;
  }
  return out;
}
