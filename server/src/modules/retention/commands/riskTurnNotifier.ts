import { In, type DataSource } from 'typeorm';
import { addDays, zh } from '@liucai/shared';
import { RetentionRisk, User } from '../../../entities';
import { recordNotification } from '../../notify/commands/notificationRecorder';
import { careRecipientsOf } from '../queries/careRecipients';

/**
 * After a retention run: tell HR covering the person and their supervisor (never the person) when someone's band
 * turned 高 in `weekStart`, i.e. it is 高 this week and was not 高 the week before (or there was no week before).
 * Once per turn: the key names the person and the week of the turn, so the nightly re-run of the same week tells
 * nobody again, and a person still 高 the next week is no new turn. Returns the notifications added.
 */
export async function notifyRiskTurnsHigh(ds: DataSource, corpId: string, weekStart: string, now: Date): Promise<number> {
  // tenancy: risks and users of this corp only.
  const high = await ds
    .getRepository(RetentionRisk)
    .createQueryBuilder('r')
    .innerJoin(User, 'u', 'u.corp_id = r.corp_id AND u.userid = r.userid')
    .select('r.userid', 'userid')
    .where("r.corp_id = :corpId AND r.week_start = :weekStart AND r.band = '高' AND u.status = 'active'", { corpId, weekStart })
    .getRawMany<{ userid: string }>();
  if (high.length === 0) return 0;
  const ids = high.map((h) => h.userid);
  const before = await ds.getRepository(RetentionRisk).find({
    where: { corpId, weekStart: addDays(weekStart, -7), userid: In(ids) },
    select: { userid: true, band: true },
  });
  const wasHigh = new Set(before.filter((b) => b.band === '高').map((b) => b.userid));
  const turned = ids.filter((u) => !wasHigh.has(u));
  if (turned.length === 0) return 0;
  return ds.transaction(async (em) => {
    const told = await careRecipientsOf(em, ds, corpId, turned);
    let added = 0;
    for (const userid of turned) {
      const person = told.get(userid);
      if (!person || person.recipients.length === 0) continue;
      added += await recordNotification(
        em,
        {
          corpId,
          recipients: person.recipients,
          kind: 'retention.riskHigh',
          dedupeKey: `risk.high:${userid}:${weekStart}`,
          urgency: 'now',
          title: zh`${person.name}的离职风险转为高`,
          body: zh`${person.name}在 ${weekStart} 这一周的离职风险转为高。风险只是提醒你们找时间聊聊，不是结论；打开可以看到原因。`,
          page: '/retention-person',
          pageQuery: { u: userid },
        },
        now,
      );
    }
    return added;
  });
}
