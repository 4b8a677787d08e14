/** The lists people read: their own messages, and the corp's log within an actor's people scope. */
import { In, IsNull, LessThan, type DataSource } from 'typeorm';
import type { NotificationStatus } from '@liucai/shared';
import { Notification, NotificationSend, User } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { keptCorpId, keptRead, type KeptCorp } from '../../../db/keptReads';
import { peopleScopeOf, scopeKey, scopeUseridsSql, whereInPeopleScope, type PeopleScope } from '../../people/policies/peopleScope';

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

/** One page of 通知记录: the notifications, their recipients' names and the calls behind them. */
export interface LogPage {
  rows: Notification[];
  names: Map<string, string>;
  sends: Map<number, NotificationSend>;
}

/**
 * Notifications to people in the actor's scope, newest first, with recipients' names, the calls behind them and the
 * status counts over all of them (`logCounts`). The page is kept while no notification, person or department changed.
 */
export async function notificationLog(ds: DataSource, actor: Actor, f: LogFilter): Promise<LogPage & { counts: Map<string, number> }> {
  const scope = await peopleScopeOf(ds, actor);
  const key = ['notifyLogPage', scopeKey(scope), f];
  const [page, counts] = await Promise.all([
    keptRead(ds, actor, ['org', 'people', 'notify'], key, () => logPage(ds, actor.corpId, scope, f)),
    logCounts(ds, actor, scope),
  ]);
  return { ...page, counts };
}

async function logPage(ds: DataSource, corpId: string, scope: PeopleScope, f: LogFilter): Promise<LogPage> {
  // tenancy: the actor's corp; the people scope (which adds u.corp_id) unless they see everyone.
  const q = ds.getRepository(Notification).createQueryBuilder('n').where('n.corp_id = :corpId', { corpId });
  if (!scope.all) whereInPeopleScope(q.innerJoin(User, 'u', 'u.corp_id = n.corp_id AND u.userid = n.recipient_userid'), 'u', scope);
  if (f.status) q.andWhere('n.status = :status', { status: f.status });
  if (f.before !== null) q.andWhere('n.id < :before', { before: f.before });
  // LIMIT, not take(): take() with a join pages through a DISTINCT over the whole joined list first.
  const rows = await q.orderBy('n.id', 'DESC').limit(f.limit).getMany();
  const ids = [...new Set(rows.map((r) => r.recipientUserid))];
  const [users, sends] = await Promise.all([
    ids.length ? ds.getRepository(User).find({ select: { userid: true, name: true }, where: { corpId, userid: In(ids) } }) : [],
    sendsByIds(
      ds,
      corpId,
      rows.flatMap((n) => (n.sendId !== null ? [n.sendId] : [])),
    ),
  ]);
  return { rows, names: new Map(users.map((u) => [u.userid, u.name])), sends };
}

/**
 * 通知记录's counts by status of the notifications to people in `scope`, kept while no notification, person or
 * department changed (counting them is most of the page's work at 10,000 people).
 */
export function logCounts(ds: DataSource, corp: KeptCorp, scope: PeopleScope): Promise<Map<string, number>> {
  return keptRead(ds, corp, ['org', 'people', 'notify'], ['notifyLogCounts', scopeKey(scope)], () => countLog(ds, keptCorpId(corp), scope));
}

/**
 * One grouped query over the corp's notifications whose recipient is among the scope's userids (a subquery that
 * reads the users' indexes only).
 */
async function countLog(ds: DataSource, corpId: string, scope: PeopleScope): Promise<Map<string, number>> {
  // tenancy: the corp's notifications; scopeUseridsSql keeps to the corp's users.
  const q = ds
    .getRepository(Notification)
    .createQueryBuilder('n')
    .select('n.status', 'status')
    .addSelect('COUNT(*)', 'n')
    .where('n.corp_id = :corpId', { corpId })
    .groupBy('n.status');
  if (!scope.all) {
    const inScope = scopeUseridsSql(scope);
    q.andWhere(`n.recipient_userid IN (${inScope.sql})`, inScope.params);
  }
  const rows = await q.getRawMany<{ status: string; n: number | string }>();
  return new Map(rows.map((c) => [c.status, Number(c.n)]));
}

/** The calls behind some notifications, by id. */
export async function sendsByIds(ds: DataSource, corpId: string, ids: readonly number[]): Promise<Map<number, NotificationSend>> {
  if (ids.length === 0) return new Map();
  const rows = await ds.getRepository(NotificationSend).find({ where: { corpId, id: In([...new Set(ids)]) } });
  return new Map(rows.map((r) => [r.id, r]));
}
