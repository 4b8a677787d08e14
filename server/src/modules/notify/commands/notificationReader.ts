import { In, IsNull, type DataSource } from 'typeorm';
import { Notification } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { notFound } from '../../../errors';

/** Mark one of the actor's own messages read in the message centre (someone else's answers 404). */
// tenancy: the row is first read with the actor's corp and userid; then updated by its id.
export async function markNotificationRead(ds: DataSource, actor: Actor, id: number, now: Date = new Date()): Promise<void> {
  const row = await ds.getRepository(Notification).findOneBy({ id, corpId: actor.corpId, recipientUserid: actor.userid });
  if (!row) throw notFound('消息');
  if (row.readAt === null) await ds.getRepository(Notification).update({ id }, { readAt: now });
}

/** Mark all the actor's messages read; returns how many changed. */
export async function markAllNotificationsRead(ds: DataSource, actor: Actor, now: Date = new Date()): Promise<number> {
  const res = await ds.getRepository(Notification).update(
    {
      corpId: actor.corpId,
      recipientUserid: actor.userid,
      readAt: IsNull(),
      status: In(['pending', 'deferred', 'sending', 'sent', 'unconfirmed', 'failed', 'recalled']),
    },
    { readAt: now },
  );
  return res.affected ?? 0;
}
