import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { User } from '../../../entities';
import { hrUsersSeeing } from '../../notify/queries/hrRecipients';

export interface CareRecipients {
  /** The person's name (for the message). */
  name: string;
  /** Their supervisor and the HR users whose departments hold them; never the person themself. */
  recipients: string[];
}

/**
 * Who is told about a person's flag (absence without leave, a risk turned 高): the person's supervisor and every HR
 * user whose departments hold them, never the person. HR scope is checked in bulk per HR user, not per person.
 */
export async function careRecipientsOf(em: EntityManager, ds: DataSource, corpId: string, userids: readonly string[]): Promise<Map<string, CareRecipients>> {
  const out = new Map<string, CareRecipients>();
  const ids = [...new Set(userids)];
  if (ids.length === 0) return out;
  // tenancy: users of this corp only (hrUsersSeeing reads the corp's HR scopes).
  const people = await em.getRepository(User).find({ where: { corpId, userid: In(ids) }, select: { userid: true, name: true, supervisorUserid: true } });
  const hrSees = await hrUsersSeeing(em, ds, corpId, ids);
  for (const person of people) {
    const recipients = new Set<string>();
    if (person.supervisorUserid) recipients.add(person.supervisorUserid);
    for (const [hr, seen] of hrSees) if (seen.has(person.userid)) recipients.add(hr);
    recipients.delete(person.userid);
    out.set(person.userid, { name: person.name, recipients: [...recipients] });
  }
  return out;
}
