/** Named rules over the outbox, written once: what is due, what a person got today, what was sent this minute. */
import { In, LessThanOrEqual, MoreThan, Not, type EntityManager } from 'typeorm';
import type { PersonToday } from '@liucai/shared';
import { Notification, NotificationSend, User } from '../../../entities';

/** Statuses of rows that wait to be sent. */
export const WAITING = ['pending', 'deferred'] as const;
/** Statuses of rows a call has carried (or may have): they count towards today's limits. */
export const CARRIED = ['sending', 'sent', 'unconfirmed', 'recalled'] as const;

/** `now` notifications due at `now`, oldest first. */
export function dueNow(em: EntityManager, corpId: string, now: Date, limit: number): Promise<Notification[]> {
  return em.getRepository(Notification).find({
    where: { corpId, urgency: 'now', status: In([...WAITING]), notBefore: LessThanOrEqual(now) },
    order: { id: 'ASC' },
    take: limit,
  });
}

/** Every due digest item of up to `limit` people (all of a person's items together, so a digest is never split). */
export async function dueDigests(em: EntityManager, corpId: string, now: Date, limit: number): Promise<Notification[]> {
  const people = await em
    .getRepository(Notification)
    .createQueryBuilder('n')
    .select('n.recipient_userid', 'userid')
    .addSelect('MIN(n.id)', 'first')
    .where('n.corp_id = :corpId AND n.urgency = :digest AND n.status IN (:...waiting) AND n.not_before <= :now', {
      corpId,
      digest: 'digest',
      waiting: WAITING,
      now,
    })
    .groupBy('n.recipient_userid')
    .orderBy('first', 'ASC')
    .limit(limit)
    .getRawMany<{ userid: string }>();
  const out: Notification[] = [];
  for (const ids of chunks(people.map((p) => p.userid))) {
    out.push(
      ...(await em.getRepository(Notification).find({
        where: { corpId, urgency: 'digest', status: In([...WAITING]), notBefore: LessThanOrEqual(now), recipientUserid: In(ids) },
      })),
    );
  }
  return out.sort((a, b) => a.id - b.id);
}

/** IN lists of at most 500 (TypeORM's parameter expansion grows quadratically with longer lists). */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** What each of `userids` got today (messages and their content hashes). */
export async function sentToday(em: EntityManager, corpId: string, day: string, userids: readonly string[]): Promise<Map<string, PersonToday>> {
  const out = new Map<string, { sends: Set<number>; contentHashes: Set<string> }>();
  for (const ids of chunks(userids)) {
    const rows = await em.getRepository(Notification).find({
      select: { recipientUserid: true, sendId: true, contentHash: true },
      where: { corpId, sendDay: day, status: In([...CARRIED]), recipientUserid: In(ids) },
    });
    for (const r of rows) {
      const t = out.get(r.recipientUserid) ?? { sends: new Set<number>(), contentHashes: new Set<string>() };
      if (r.sendId !== null) t.sends.add(r.sendId);
      if (r.contentHash) t.contentHashes.add(r.contentHash);
      out.set(r.recipientUserid, t);
    }
  }
  return new Map([...out].map(([u, t]) => [u, { sent: t.sends.size, contentHashes: t.contentHashes }]));
}

/** Recipients of calls made in the minute before `now`. */
export async function recipientsLastMinute(em: EntityManager, corpId: string, now: Date): Promise<{ count: number; oldest: Date | null }> {
  const row = await em
    .getRepository(NotificationSend)
    .createQueryBuilder('s')
    .select('COALESCE(SUM(s.recipient_count), 0)', 'n')
    .addSelect('MIN(s.created_at)', 'oldest')
    .where({ corpId, status: Not('failed'), createdAt: MoreThan(new Date(now.getTime() - 60_000)) })
    .getRawOne<{ n: number | string; oldest: Date | string | null }>();
  return { count: Number(row?.n ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null };
}

/** Of `userids`, those DingTalk no longer has (left the company). */
export async function departedAmong(em: EntityManager, corpId: string, userids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const ids of chunks(userids)) {
    const rows = await em.getRepository(User).find({ select: { userid: true }, where: { corpId, status: 'left', userid: In(ids) } });
    for (const r of rows) out.add(r.userid);
  }
  return out;
}

/** Calls recorded but never completed whose lease ran out (a worker died or lost DingTalk's answer). */
export function orphanedSends(em: EntityManager, corpId: string, now: Date): Promise<NotificationSend[]> {
  return em.getRepository(NotificationSend).find({ where: { corpId, status: 'calling', leaseUntil: LessThanOrEqual(now) }, order: { id: 'ASC' }, take: 100 });
}
