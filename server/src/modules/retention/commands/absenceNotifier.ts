import type { DataSource, EntityManager } from 'typeorm';
import { zh } from '@liucai/shared';
import { recordNotification } from '../../notify/commands/notificationRecorder';
import { careRecipientsOf } from '../queries/careRecipients';

/**
 * Tell each absent person's supervisor, and the HR users whose departments hold the person, in their daily digest
 * (never the person: the flag is for the people who can talk to them). One notification per recipient and day,
 * deduplicated by person and day so a re-run tells nobody twice (recipients: careRecipients.ts).
 */
export async function notifyAbsencesWithoutLeave(
  em: EntityManager,
  ds: DataSource,
  corpId: string,
  absences: readonly { userid: string; workDate: string }[],
  now: Date,
): Promise<number> {
  if (absences.length === 0) return 0;
  const told = await careRecipientsOf(
    em,
    ds,
    corpId,
    absences.map((a) => a.userid),
  );

  let added = 0;
  for (const a of absences) {
    const person = told.get(a.userid);
    if (!person || person.recipients.length === 0) continue;
    added += await recordNotification(
      em,
      {
        corpId,
        recipients: person.recipients,
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
