/** The lists people read: their own messages, and the corp's log within an actor's people scope. */
import { In, IsNull, LessThan, type DataSource } from 'typeorm';
import type { NotificationStatus } from '@liucai/shared';
import { Notification, NotificationSend, User } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { peopleScopeOf, whereInPeopleScope, type PeopleScope } from '../../people/policies/peopleScope';

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

/**
 * Notifications to people in the actor's scope, newest first, with recipients' names and the status counts over all
 * of them. The counts read the (corp, recipient, status) index only: grouped by recipient and status first, so the
 * scope is checked once per recipient, not once per notification (an admin's need no user at all).
 */
export async function notificationLog(
  ds: DataSource,
  actor: Actor,
  f: LogFilter,
): Promise<{ rows: Notification[]; names: Map<string, string>; counts: Map<string, number> }> {
  const scope = await peopleScopeOf(ds, actor);
  // tenancy: the actor's corp; the people scope (which adds u.corp_id) unless they see everyone.
  const q = ds.getRepository(Notification).createQueryBuilder('n').where('n.corp_id = :corpId', { corpId: actor.corpId });
  if (!scope.all) whereInPeopleScope(q.innerJoin(User, 'u', 'u.corp_id = n.corp_id AND u.userid = n.recipient_userid'), 'u', scope);
  if (f.status) q.andWhere('n.status = :status', { status: f.status });
  if (f.before !== null) q.andWhere('n.id < :before', { before: f.before });
  // LIMIT, not take(): take() with a join pages through a DISTINCT over the whole joined list first.
  const rows = await q.orderBy('n.id', 'DESC').limit(f.limit).getMany();
  const ids = [...new Set(rows.map((r) => r.recipientUserid))];
  const users = ids.length ? await ds.getRepository(User).find({ select: { userid: true, name: true }, where: { corpId: actor.corpId, userid: In(ids) } }) : [];
  return { rows, names: new Map(users.map((u) => [u.userid, u.name])), counts: await logCounts(ds, actor.corpId, scope) };
}

/** 通知记录's counts by status of the notifications to people in `scope` (one grouped query). */
export async function logCounts(ds: DataSource, corpId: string, scope: PeopleScope): Promise<Map<string, number>> {
  // tenancy: the corp's notifications (grouped per recipient and status from the recipient index).
  const perRecipient = ds
    .getRepository(Notification)
    .createQueryBuilder('n')
    .select('n.recipient_userid', 'rid')
    .addSelect('n.status', 'status')
    .addSelect('COUNT(*)', 'n')
    .where('n.corp_id = :corpId', { corpId })
    .groupBy('n.recipient_userid')
    .addGroupBy('n.status');
  let rows: { status: string; n: number | string }[];
  if (scope.all) {
    // tenancy: the corp's notifications.
    rows = await ds
      .getRepository(Notification)
      .createQueryBuilder('n')
      .select('n.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('n.corp_id = :corpId', { corpId })
      .groupBy('n.status')
      .getRawMany();
  } else {
    // tenancy: whereInPeopleScope adds u.corp_id = the actor's corp.
    const q = ds
      .createQueryBuilder()
      .select('c.status', 'status')
      .addSelect('SUM(c.n)', 'n')
      .from(`(${perRecipient.getQuery()})`, 'c')
      .innerJoin(User, 'u', 'u.userid = c.rid')
      .setParameters(perRecipient.getParameters())
      .groupBy('c.status');
    rows = await whereInPeopleScope(q, 'u', scope).getRawMany();
  }
  return new Map(rows.map((c) => [c.status, Number(c.n)]));
}

/** The calls behind some notifications, by id. */
export async function sendsByIds(ds: DataSource, corpId: string, ids: readonly number[]): Promise<Map<number, NotificationSend>> {
  if (ids.length === 0) return new Map();
  const rows = await ds.getRepository(NotificationSend).find({ where: { corpId, id: In([...new Set(ids)]) } });
  return new Map(rows.map((r) => [r.id, r]));
}
