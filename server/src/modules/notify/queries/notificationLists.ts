/** The lists people read: their own messages, and the corp's log within an actor's people scope. */
import { In, IsNull, LessThan, type DataSource } from 'typeorm';
import type { NotificationStatus } from '@liucai/shared';
import { Notification, NotificationSend, User } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { peopleScopeOf, whereInPeopleScope } from '../../people/policies/peopleScope';

/** A person's own notifications, newest first (every status: the message centre never depends on DingTalk). */
export function myNotifications(ds: DataSource, actor: Actor, before: number | null, limit: number): Promise<Notification[]> {
  return ds.getRepository(Notification).find({
    where: { corpId: actor.corpId, recipientUserid: actor.userid, ...(before !== null ? { id: LessThan(before) } : {}) },
    order: { id: 'DESC' },
    take: limit,
  });
}

/** Unread messages of a person (recalled ones do not count). */
export function myUnreadCount(ds: DataSource, actor: Actor): Promise<number> {
  return ds.getRepository(Notification).count({
    where: {
      corpId: actor.corpId,
      recipientUserid: actor.userid,
      readAt: IsNull(),
      status: In(['pending', 'deferred', 'sending', 'sent', 'unconfirmed', 'failed']),
    },
  });
}

/** Filters of 通知记录. */
export interface LogFilter {
  status?: NotificationStatus;
  before: number | null;
  limit: number;
}

/** Notifications to people in the actor's scope, newest first, with recipients' names. */
export async function notificationLog(
  ds: DataSource,
  actor: Actor,
  f: LogFilter,
): Promise<{ rows: Notification[]; names: Map<string, string>; counts: Map<string, number> }> {
  const scope = await peopleScopeOf(ds, actor);
  const base = () => {
    const qb = ds
      .getRepository(Notification)
      .createQueryBuilder('n')
      .leftJoin(User, 'u', 'u.corp_id = n.corp_id AND u.userid = n.recipient_userid')
      .where('n.corp_id = :corpId', { corpId: actor.corpId });
    return scope.all ? qb : whereInPeopleScope(qb, 'u', scope);
  };
  const q = base();
  if (f.status) q.andWhere('n.status = :status', { status: f.status });
  if (f.before !== null) q.andWhere('n.id < :before', { before: f.before });
  const rows = await q.orderBy('n.id', 'DESC').take(f.limit).getMany();
  const countRows = await base()
    .select('n.status', 'status')
    .addSelect('COUNT(*)', 'n')
    .groupBy('n.status')
    .getRawMany<{ status: string; n: number | string }>();
  const ids = [...new Set(rows.map((r) => r.recipientUserid))];
  const users = ids.length ? await ds.getRepository(User).find({ select: { userid: true, name: true }, where: { corpId: actor.corpId, userid: In(ids) } }) : [];
  return { rows, names: new Map(users.map((u) => [u.userid, u.name])), counts: new Map(countRows.map((c) => [c.status, Number(c.n)])) };
}

/** The calls behind some notifications, by id. */
export async function sendsByIds(ds: DataSource, corpId: string, ids: readonly number[]): Promise<Map<number, NotificationSend>> {
  if (ids.length === 0) return new Map();
  const rows = await ds.getRepository(NotificationSend).find({ where: { corpId, id: In([...new Set(ids)]) } });
  return new Map(rows.map((r) => [r.id, r]));
}
