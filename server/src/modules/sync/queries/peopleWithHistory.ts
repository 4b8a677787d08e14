import type { DataSource } from 'typeorm';
import { Departure, User } from '../../../entities';

/** A person whose attendance and leave DingTalk holds, and the day they left (null while employed). */
export interface PersonWithHistory {
  userid: string;
  leftOn: string | null;
  /** In the org (synced while employed), rather than known from the dismission APIs alone. */
  inOrg: boolean;
}

/**
 * Everyone whose attendance and leave a sync should read: the people of the org (active, and those marked left)
 * and the people DingTalk reports as departed through the hrm dismission APIs whom no org sync ever saw (they left
 * before Liucai was installed; DingTalk keeps their records). Sorted by userid; a person in both counts once, as
 * the org has them.
 */
export async function peopleWithHistory(ds: DataSource, corpId: string): Promise<PersonWithHistory[]> {
  const users = await ds.getRepository(User).find({ where: { corpId }, select: { userid: true, status: true, leftOn: true } });
  const byId = new Map<string, PersonWithHistory>(
    users.map((u) => [u.userid, { userid: u.userid, leftOn: u.status === 'active' ? null : (u.leftOn ?? '0000-00-00'), inOrg: true }]),
  );
  const departed = await ds.getRepository(Departure).find({ where: { corpId, source: 'dingtalk' }, select: { userid: true, lastDay: true } });
  for (const d of departed) {
    const known = byId.get(d.userid);
    if (!known) byId.set(d.userid, { userid: d.userid, leftOn: d.lastDay, inOrg: false });
  }
  return [...byId.values()].sort((a, b) => (a.userid < b.userid ? -1 : a.userid > b.userid ? 1 : 0));
}

/** True when the person was still employed on or after `day` (yyyy-mm-dd): they may have records from then on. */
export function employedOnOrAfter(person: PersonWithHistory, day: string): boolean {
  return person.leftOn === null || person.leftOn >= day;
}
