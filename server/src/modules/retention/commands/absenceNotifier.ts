import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { zh } from '@liucai/shared';
import { User } from '../../../entities';
import { recordNotification } from '../../notify/commands/notificationRecorder';
import { hrUsersSeeing } from '../../notify/queries/hrRecipients';

/**
 * Tell each absent person's supervisor, and the HR users whose departments hold the person, in their daily digest
 * (never the person: the flag is for the people who can talk to them). One notification per recipient and day,
 * deduplicated by person and day so a re-run tells nobody twice. HR scope is checked in bulk per HR user.
 */
export async function notifyAbsencesWithoutLeave(
  em: EntityManager,
  ds: DataSource,
  corpId: string,
  absences: readonly { userid: string; workDate: string }[],
  now: Date,
): Promise<number> {
  if (absences.length === 0) return 0;
  const ids = [...new Set(absences.map((a) => a.userid))];
  // tenancy: users of this corp only.
  const people = await em.getRepository(User).find({ where: { corpId, userid: In(ids) }, select: { userid: true, name: true, supervisorUserid: true } });
  const byId = new Map(people.map((p) => [p.userid, p]));
  const hrSees = await hrUsersSeeing(em, ds, corpId, ids);

  let added = 0;
  for (const a of absences) {
    const person = byId.get(a.userid);
    if (!person) continue;
    const recipients = new Set<string>();
    if (person.supervisorUserid) recipients.add(person.supervisorUserid);
    for (const [hr, seen] of hrSees) if (seen.has(a.userid)) recipients.add(hr);
    recipients.delete(a.userid);
    if (recipients.size === 0) continue;
    added += await recordNotification(
      em,
      {
        corpId,
        recipients: [...recipients],
        kind: 'retention.absenceWithoutLeave',
        dedupeKey: `absence:${a.userid}:${a.workDate}`,
        urgency: 'digest',
        title: zh`${person.name} ${a.workDate} 未打卡且没有请假`,
        body: zh`${person.name}在 ${a.workDate} 没有打卡，也没有已通过的请假或出差审批。建议先关心了解情况；如已补请假，同步后会自动撤销。`,
        page: null,
      },
      now,
    );
  }
  return added;
}
