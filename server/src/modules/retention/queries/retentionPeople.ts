import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { AttendanceResult, Departure, User } from '../../../entities';

/** A person the radar reads: when they started and, for leavers, their last day. */
export interface RadarPerson {
  userid: string;
  /**
   * DingTalk's hire date; when DingTalk has none (a leaver the org sync never saw: DingTalk's departure records carry
   * no hire date), the person's first day in the synced attendance, so a short stay is not read against months of
   * zeros from before they came.
   */
  hiredOn: string | null;
  /** Null while employed. */
  lastDay: string | null;
  /** The main department (the team of the team comparison); null for leavers the org sync never saw. */
  mainDeptId: number | null;
}

/**
 * Active people and people who left (users marked left, and departures the org never saw), each once. Leavers are
 * read for history (training and backtests), never given a current risk.
 */
export async function radarPeople(ds: DataSource, corpId: string): Promise<RadarPerson[]> {
  // tenancy: users and departures of this corp only.
  const users = await ds.getRepository(User).find({ where: { corpId }, select: { userid: true, status: true, leftOn: true, hiredOn: true, mainDeptId: true } });
  const departures = await ds.getRepository(Departure).find({ where: { corpId }, select: { userid: true, lastDay: true } });
  const lastDayOf = new Map<string, string>();
  for (const d of departures) if ((lastDayOf.get(d.userid) ?? '') < d.lastDay) lastDayOf.set(d.userid, d.lastDay);
  const people = new Map<string, RadarPerson>();
  for (const u of users) {
    const lastDay = u.status === 'active' ? null : (lastDayOf.get(u.userid) ?? u.leftOn ?? null);
    if (u.status !== 'active' && !lastDay) continue; // left on an unknown day: cannot place their weeks
    people.set(u.userid, { userid: u.userid, hiredOn: u.hiredOn, lastDay, mainDeptId: u.mainDeptId === null ? null : Number(u.mainDeptId) });
  }
  for (const [userid, lastDay] of lastDayOf) if (!people.has(userid)) people.set(userid, { userid, hiredOn: null, lastDay, mainDeptId: null });
  const firstSeen = await firstAttendanceDays(
    ds,
    corpId,
    [...people.values()].filter((p) => !p.hiredOn).map((p) => p.userid),
  );
  for (const [userid, day] of firstSeen) people.get(userid)!.hiredOn = day;
  return [...people.values()].sort((a, b) => (a.userid < b.userid ? -1 : 1));
}

/** Each person's first day in the synced attendance (people without any row are left out), in chunks of 500. */
async function firstAttendanceDays(ds: DataSource, corpId: string, userids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < userids.length; i += 500) {
    // tenancy: attendance rows of this corp only.
    const rows = await ds
      .getRepository(AttendanceResult)
      .createQueryBuilder('a')
      .select('a.userid', 'userid')
      .addSelect('MIN(a.work_date)', 'first')
      .where({ corpId, userid: In(userids.slice(i, i + 500)) })
      .groupBy('a.userid')
      .getRawMany<{ userid: string; first: string }>();
    for (const r of rows) out.set(r.userid, r.first);
  }
  return out;
}
