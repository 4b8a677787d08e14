/** The lists people read: their own messages, and the corp's log within an actor's people scope. */
import { In, IsNull, type DataSource } from 'typeorm';
import type { NotificationStatus } from '@liucai/shared';
import { Notification, NotificationSend, User } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { keptCorpId, keptRead, type KeptCorp } from '../../../db/keptReads';
import { peopleScopeOf, scopeKey, scopeUseridsSql, whereInPeopleScope, type PeopleScope } from '../../people/policies/peopleScope';

/** Unread (recalled ones do not count). */
const UNREAD_STATUSES: NotificationStatus[] = ['pending', 'deferred', 'sending', 'sent', 'unconfirmed', 'failed'];

/**
 * A page of a person's own notifications, newest first (every status: the message centre never depends on DingTalk),
 * with how many of all of theirs are unread: one statement (the count a subquery on each row), a second only for an
 * empty page.
 */
export async function myNotifications(ds: DataSource, actor: Actor, before: number | null, limit: number): Promise<{ rows: Notification[]; unread: number }> {
  // tenancy: the corp's notifications of the actor, in the page and in the count.
  const qb = ds
    .getRepository(Notification)
    .createQueryBuilder('n')
    .addSelect(
      '(SELECT COUNT(*) FROM notifications x WHERE x.corp_id = :corpId AND x.recipient_userid = :userid AND x.read_at IS NULL AND x.status IN (:...unreadStatuses))',
      'unread',
    )
    .where('n.corp_id = :corpId AND n.recipient_userid = :userid', { corpId: actor.corpId, userid: actor.userid, unreadStatuses: UNREAD_STATUSES })
    .orderBy('n.id', 'DESC')
    .limit(limit);
  if (before !== null) qb.andWhere('n.id < :before', { before });
  const { entities, raw } = await qb.getRawAndEntities<{ unread: number | string }>();
  const unread = raw.length > 0 ? Number(raw[0]!.unread) : await myUnreadCount(ds, actor);
  return { rows: entities, unread };
}

/** Unread messages of a person (recalled ones do not count). */
export function myUnreadCount(ds: DataSource, actor: Actor): Promise<number> {
  return ds.getRepository(Notification).count({
    where: { corpId: actor.corpId, recipientUserid: actor.userid, readAt: IsNull(), status: In(UNREAD_STATUSES) },
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
