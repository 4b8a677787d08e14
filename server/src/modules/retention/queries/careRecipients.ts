import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { HrScope, User } from '../../../entities';
import { visibleUserIds } from '../../people/policies/peopleScope';

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
  // tenancy: users and HR scopes of this corp only.
  const people = await em.getRepository(User).find({ where: { corpId, userid: In(ids) }, select: { userid: true, name: true, supervisorUserid: true } });
  const scopes = await em.getRepository(HrScope).find({ where: { corpId }, select: { userid: true, deptId: true } });
  const hrDepts = new Map<string, number[]>();
  for (const s of scopes) hrDepts.set(s.userid, [...(hrDepts.get(s.userid) ?? []), Number(s.deptId)]);
  const hrSees = new Map<string, Set<string>>();
  for (const [hr, deptIds] of hrDepts) hrSees.set(hr, await visibleUserIds(ds, { corpId, userid: hr, roles: ['hr'], hrDeptIds: deptIds }, ids));
  for (const person of people) {
    const recipients = new Set<string>();
    if (person.supervisorUserid) recipients.add(person.supervisorUserid);
    for (const [hr, seen] of hrSees) if (seen.has(person.userid)) recipients.add(hr);
    recipients.delete(person.userid);
    out.set(person.userid, { name: person.name, recipients: [...recipients] });
  }
  return out;
}
