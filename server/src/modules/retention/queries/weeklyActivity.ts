import type { DataSource } from 'typeorm';
import { emptyCounts, type WeekActivity } from '@liucai/shared';
import { AbsenceWithoutLeave, AttendanceResult, CollaborationEvent, Deal, FollowUp, LeaveRecord } from '../../../entities';
import { whereCrmRowPresent, whereDealCounts } from '../../sync/queries/crmRows';
import { weekBuckets } from './weekBuckets';

/** What counts, written once (README “Retention radar”). */
const LATE = "('Late', 'SeriousLate')";
const ABSENT = "('Absenteeism', 'NotSigned')";

type Activity = Omit<WeekActivity, 'weekStart'>;
const empty = (): Activity => emptyCounts();

/** Person → week → activity, for every person with any activity in the weeks (people with none are absent). */
export type ActivityByPerson = Map<string, Map<string, Activity>>;

const num = (v: unknown): number => Number(v ?? 0);

/**
 * Weekly activity of a whole corp over `mondays` (consecutive weeks), in six grouped queries (one per source),
 * never one per person. Rules reused: CRM rows DingTalk deleted never count; deals count when not cancelled.
 */
export async function weeklyActivity(ds: DataSource, corpId: string, mondays: readonly string[]): Promise<ActivityByPerson> {
  const out: ActivityByPerson = new Map();
  const add = (userid: unknown, week: unknown, patch: Partial<Activity>) => {
    if (typeof userid !== 'string' || typeof week !== 'string') return;
    let weeks = out.get(userid);
    if (!weeks) out.set(userid, (weeks = new Map()));
    const a = weeks.get(week) ?? empty();
    for (const [k, v] of Object.entries(patch) as [keyof Activity, number][]) a[k] += v;
    weeks.set(week, a);
  };

  // tenancy: every query below filters corp_id = :corpId (the corp the job runs for).
  const att = weekBuckets('a.work_date', mondays, 'day', 'att');
  const attendance = await ds
    .getRepository(AttendanceResult)
    .createQueryBuilder('a')
    .select('a.userid', 'userid')
    .addSelect(att.sql, 'week')
    .addSelect(`SUM(CASE WHEN a.check_type = 'OnDuty' AND a.time_result IN ${LATE} THEN 1 ELSE 0 END)`, 'late')
    .addSelect(`SUM(CASE WHEN a.check_type = 'OnDuty' AND a.time_result IN ${ABSENT} AND a.approve_id IS NULL THEN 1 ELSE 0 END)`, 'absent')
    .where('a.corp_id = :corpId', { corpId })
    .andWhere(`a.work_date >= ${att.from} AND a.work_date < ${att.until}`)
    .setParameters(att.params)
    .groupBy('a.userid')
    .addGroupBy('week')
    .getRawMany<{ userid: string; week: string; late: unknown; absent: unknown }>();
  for (const r of attendance) add(r.userid, r.week, { lateCount: num(r.late), absenceCount: num(r.absent) });

  const lv = weekBuckets('l.start_at', mondays, 'datetime', 'lv');
  const leaves = await ds
    .getRepository(LeaveRecord)
    .createQueryBuilder('l')
    .select('l.userid', 'userid')
    .addSelect(lv.sql, 'week')
    .addSelect('COUNT(*)', 'n')
    .addSelect(`SUM(CASE WHEN l.duration_unit = 'hour' THEN 0 ELSE l.duration_hundredths END)`, 'dayHundredths')
    .addSelect(`SUM(CASE WHEN l.duration_unit = 'hour' THEN l.duration_hundredths ELSE 0 END)`, 'hourHundredths')
    .where('l.corp_id = :corpId', { corpId })
    .andWhere("l.approval_state = 'approved'")
    .andWhere(`l.start_at >= ${lv.from} AND l.start_at < ${lv.until}`)
    .setParameters(lv.params)
    .groupBy('l.userid')
    .addGroupBy('week')
    .getRawMany<{ userid: string; week: string; n: unknown; dayHundredths: unknown; hourHundredths: unknown }>();
  for (const r of leaves) {
    add(r.userid, r.week, { leaveCount: num(r.n), leaveDayHundredths: num(r.dayHundredths) + Math.round(num(r.hourHundredths) / 8) });
  }

  // Helping: a follow-up on a customer someone else owns (the customer as DingTalk still has it).
  const fu = weekBuckets('f.followed_at', mondays, 'datetime', 'fu');
  const followQb = ds
    .getRepository(FollowUp)
    .createQueryBuilder('f')
    .leftJoin('customers', 'c', 'c.corp_id = f.corp_id AND c.source = f.source AND c.source_id = f.customer_source_id AND c.removed_at IS NULL')
    .select('f.owner_userid', 'userid')
    .addSelect(fu.sql, 'week')
    .addSelect('COUNT(*)', 'n')
    .addSelect('SUM(CASE WHEN c.owner_userid IS NOT NULL AND c.owner_userid <> f.owner_userid THEN 1 ELSE 0 END)', 'helping')
    .where('f.corp_id = :corpId', { corpId })
    .andWhere('f.owner_userid IS NOT NULL')
    .andWhere(`f.followed_at >= ${fu.from} AND f.followed_at < ${fu.until}`)
    .setParameters(fu.params);
  const follows = await whereCrmRowPresent(followQb, 'f')
    .groupBy('f.owner_userid')
    .addGroupBy('week')
    .getRawMany<{ userid: string; week: string; n: unknown; helping: unknown }>();
  for (const r of follows) add(r.userid, r.week, { followUps: num(r.n), helping: num(r.helping) });

  const co = weekBuckets('e.occurred_on', mondays, 'day', 'co');
  const collabs = await ds
    .getRepository(CollaborationEvent)
    .createQueryBuilder('e')
    .select('e.userid', 'userid')
    .addSelect(co.sql, 'week')
    .addSelect('COUNT(*)', 'n')
    .where('e.corp_id = :corpId', { corpId })
    .andWhere(`e.occurred_on >= ${co.from} AND e.occurred_on < ${co.until}`)
    .setParameters(co.params)
    .groupBy('e.userid')
    .addGroupBy('week')
    .getRawMany<{ userid: string; week: string; n: unknown }>();
  for (const r of collabs) add(r.userid, r.week, { collaborations: num(r.n) });

  const de = weekBuckets('d.signed_on', mondays, 'day', 'de');
  const dealQb = ds
    .getRepository(Deal)
    .createQueryBuilder('d')
    .select('d.owner_userid', 'userid')
    .addSelect(de.sql, 'week')
    .addSelect('COUNT(*)', 'n')
    .where('d.corp_id = :corpId', { corpId })
    .andWhere('d.owner_userid IS NOT NULL')
    .andWhere(`d.signed_on >= ${de.from} AND d.signed_on < ${de.until}`)
    .setParameters(de.params);
  const deals = await whereDealCounts(dealQb, 'd').groupBy('d.owner_userid').addGroupBy('week').getRawMany<{ userid: string; week: string; n: unknown }>();
  for (const r of deals) add(r.userid, r.week, { deals: num(r.n) });

  const ab = weekBuckets('w.work_date', mondays, 'day', 'ab');
  const absences = await ds
    .getRepository(AbsenceWithoutLeave)
    .createQueryBuilder('w')
    .select('w.userid', 'userid')
    .addSelect(ab.sql, 'week')
    .addSelect('COUNT(*)', 'n')
    .where('w.corp_id = :corpId', { corpId })
    .andWhere('w.cleared_at IS NULL')
    .andWhere(`w.work_date >= ${ab.from} AND w.work_date < ${ab.until}`)
    .setParameters(ab.params)
    .groupBy('w.userid')
    .addGroupBy('week')
    .getRawMany<{ userid: string; week: string; n: unknown }>();
  for (const r of absences) add(r.userid, r.week, { unexcusedAbsenceCount: num(r.n) });

  return out;
}
