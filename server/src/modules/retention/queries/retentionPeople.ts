import type { DataSource } from 'typeorm';
import { Departure, User } from '../../../entities';

/** A person the radar reads: when they started and, for leavers, their last day. */
export interface RadarPerson {
  userid: string;
  hiredOn: string | null;
  /** Null while employed. */
  lastDay: string | null;
}

/**
 * Active people and people who left (users marked left, and departures the org never saw), each once. Leavers are
 * read for history (training and backtests), never given a current risk.
 */
export async function radarPeople(ds: DataSource, corpId: string): Promise<RadarPerson[]> {
  // tenancy: users and departures of this corp only.
  const users = await ds.getRepository(User).find({ where: { corpId }, select: { userid: true, status: true, leftOn: true, hiredOn: true } });
  const departures = await ds.getRepository(Departure).find({ where: { corpId }, select: { userid: true, lastDay: true } });
  const lastDayOf = new Map<string, string>();
  for (const d of departures) if ((lastDayOf.get(d.userid) ?? '') < d.lastDay) lastDayOf.set(d.userid, d.lastDay);
  const people = new Map<string, RadarPerson>();
  for (const u of users) {
    const lastDay = u.status === 'active' ? null : (lastDayOf.get(u.userid) ?? u.leftOn ?? null);
    if (u.status !== 'active' && !lastDay) continue; // left on an unknown day: cannot place their weeks
    people.set(u.userid, { userid: u.userid, hiredOn: u.hiredOn, lastDay });
  }
  for (const [userid, lastDay] of lastDayOf) if (!people.has(userid)) people.set(userid, { userid, hiredOn: null, lastDay });
  return [...people.values()].sort((a, b) => (a.userid < b.userid ? -1 : 1));
}
