import { In, type DataSource, type EntityManager } from 'typeorm';
import { isQuiet, nextAllowedAt, nextDigestAt, planSends, shanghaiInstant, shanghaiTime, shiftDay, type DeferReason, type SendUnit } from '@liucai/shared';
import { Corp, Notification, NotificationSend } from '../../../entities';
import { MESSAGE_MAX_USERIDS } from '../../../dingtalk/wireFacts';
import type { NotifyConfig } from '../notifyConfig';
import { chunks, departedAmong, dueDigests, dueNow, recipientsLastMinute, sentToday, WAITING } from '../queries/outboxQueries';
import { messageOfDigest, messageOfNotification, type LinkTarget, type OutgoingMessage } from './outboxMessage';
import { notifyCallsLeft } from './notifyBudget';

/** A call recorded as `calling`, ready to be made. */
export interface ClaimedSend {
  sendId: number;
  attempt: number;
  userids: string[];
  msgJson: string;
}

export interface ClaimDeps {
  ds: DataSource;
  settings: NotifyConfig;
  link: LinkTarget;
  monthlyCallLimit: number;
}

/** What one claim round did. */
export interface ClaimRound {
  sends: ClaimedSend[];
  /** Units that wait only for the per-minute recipient limit. */
  paced: number;
  deferred: number;
}

/** At most this many calls are claimed per round (about five seconds of calls at DingTalk's rate). */
export const CALLS_PER_ROUND = 100;
const NOW_ROWS_PER_ROUND = 400;
/** Digests of this many people are planned together, so identical digests across them share calls. */
const DIGEST_PEOPLE_PER_ROUND = 5000;

/** Serialise claim rounds of one corp (MySQL row lock; SQLite has one writer anyway). */
async function lockCorp(em: EntityManager, corpId: string): Promise<void> {
  if (em.connection.options.type === 'better-sqlite3') return;
  await em.getRepository(Corp).createQueryBuilder('c').setLock('pessimistic_write').where('c.corp_id = :corpId', { corpId }).getOne();
}

interface Unit extends SendUnit {
  rows: Notification[];
  out: OutgoingMessage;
}

/** When a deferral of `reason` made at `now` may try again. */
function retryAt(reason: DeferReason, now: number, s: NotifyConfig): number {
  const today = shanghaiTime(now).day;
  if (reason === 'budget') {
    const [y, m] = today.split('-').map(Number) as [number, number];
    const nextMonth = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    return nextAllowedAt(shanghaiInstant(nextMonth, 0), s.quietHours);
  }
  return nextAllowedAt(shanghaiInstant(shiftDay(today, 1), 0), s.quietHours);
}

/**
 * One claim round, in one transaction holding the corp's lock: read what is due, hold back what must wait (digest
 * time, quiet hours) or cannot go today (the same content twice, the daily cap, the month's budget) with the
 * reason, fail messages for people who left, and record up to CALLS_PER_ROUND calls as `calling` with the exact
 * message, claiming their rows. Nothing is sent here: the caller makes the calls after the commit.
 */
// tenancy: the corp is locked and its rows read by corp first; updates address those rows by their ids.
export async function claimRound(deps: ClaimDeps, now: Date): Promise<ClaimRound> {
  const s = deps.settings;
  const nowMs = now.getTime();
  const today = shanghaiTime(nowMs).day;
  // Calls in flight are not counted in the budget yet: count them here, so overlapping rounds never overspend.
  const inFlight = await deps.ds.getRepository(NotificationSend).countBy({ corpId: deps.link.corpId, status: 'calling' });
  const callsLeft = Math.max(0, (await notifyCallsLeft(deps.ds, deps.link.corpId, deps.monthlyCallLimit, now)) - inFlight);
  return deps.ds.transaction(async (em) => {
    const corpId = deps.link.corpId;
    await lockCorp(em, corpId);
    const due = [...(await dueNow(em, corpId, now, NOW_ROWS_PER_ROUND)), ...(await dueDigests(em, corpId, now, DIGEST_PEOPLE_PER_ROUND))];
    if (due.length === 0) return { sends: [], paced: 0, deferred: 0 };
    const repo = em.getRepository(Notification);
    const waits = new Map<string, { rows: number[]; status: 'pending' | 'deferred'; reason: Notification['waitReason']; notBefore: number }>();
    const wait = (n: Notification, status: 'pending' | 'deferred', reason: Notification['waitReason'], notBefore: number) => {
      const key = `${status}|${reason}|${notBefore}`;
      const w = waits.get(key) ?? { rows: [], status, reason, notBefore };
      w.rows.push(n.id);
      waits.set(key, w);
    };
    const ready: Notification[] = [];
    for (const n of due) {
      const digestAt = n.urgency === 'digest' ? nextDigestAt(n.createdAt.getTime(), s.digestMinute, s.quietHours) : nowMs;
      if (digestAt > nowMs) wait(n, 'pending', 'digest', digestAt);
      else if (!n.ignoreQuietHours && isQuiet(nowMs, s.quietHours)) wait(n, 'deferred', 'quiet_hours', nextAllowedAt(nowMs, s.quietHours));
      else ready.push(n);
    }
    const departed = await departedAmong(em, corpId, [...new Set(ready.map((n) => n.recipientUserid))]);
    const gone = ready.filter((n) => departed.has(n.recipientUserid));
    for (const ids of chunks(gone.map((n) => n.id))) await repo.update({ id: In(ids) }, { status: 'failed', waitReason: null, error: '此人已离职，未发送' });

    // One unit per `now` notification; one per person for their digest items.
    const units: Unit[] = [];
    const digests = new Map<string, Notification[]>();
    for (const n of ready) {
      if (departed.has(n.recipientUserid)) continue;
      if (n.urgency === 'now') {
        const out = messageOfNotification(deps.link, n);
        units.push({ id: String(n.id), userid: n.recipientUserid, contentHash: out.hash, rows: [n], out });
      } else digests.set(n.recipientUserid, [...(digests.get(n.recipientUserid) ?? []), n]);
    }
    for (const [userid, rows] of digests) {
      const out = messageOfDigest(deps.link, rows);
      units.push({ id: String(rows[0]!.id), userid, contentHash: out.hash, rows, out });
    }
    const minute = await recipientsLastMinute(em, corpId, now);
    const plan = planSends(units, await sentToday(em, corpId, today, [...new Set(units.map((u) => u.userid))]), {
      perPersonDaily: s.dailyCap,
      recipientsPerCall: MESSAGE_MAX_USERIDS,
      recipientsLeftThisMinute: Math.max(0, s.recipientsPerMinute - minute.count),
      callsLeftThisMonth: Math.min(callsLeft, CALLS_PER_ROUND),
    });
    let deferred = 0;
    for (const d of plan.deferred) {
      // The round's own call cap is not a deferral: those units simply wait for the next round.
      if (d.reason === 'budget' && callsLeft > CALLS_PER_ROUND) continue;
      for (const n of (d.unit as Unit).rows) wait(n, 'deferred', d.reason, retryAt(d.reason, nowMs, s));
      deferred += (d.unit as Unit).rows.length;
    }
    for (const w of waits.values()) {
      for (const ids of chunks(w.rows))
        await repo.update({ id: In(ids), status: In([...WAITING]) }, { status: w.status, waitReason: w.reason, notBefore: new Date(w.notBefore) });
    }
    const sends: ClaimedSend[] = [];
    const lease = new Date(nowMs + s.sendLeaseMs);
    for (const call of plan.calls) {
      const units = call.units as Unit[];
      const first = units[0]!;
      const send = await em.getRepository(NotificationSend).save(
        Object.assign(new NotificationSend(), {
          corpId,
          status: 'calling' as const,
          attempt: 1,
          leaseUntil: lease,
          msg: first.out.json,
          contentHash: call.contentHash,
          recipientCount: units.length,
          sendDay: today,
          taskId: null,
          error: null,
          readbackAt: null,
          readbackCount: 0,
          progress: null,
          createdAt: now,
          sentAt: null,
          recalledAt: null,
          recalledBy: null,
        }),
      );
      for (const ids of chunks(units.flatMap((u) => u.rows.map((r) => r.id)))) {
        await repo.update(
          { id: In(ids), status: In([...WAITING]) },
          { status: 'sending', sendId: send.id, sendDay: today, contentHash: call.contentHash, waitReason: null },
        );
      }
      sends.push({ sendId: send.id, attempt: 1, userids: units.map((u) => u.userid), msgJson: first.out.json });
    }
    return { sends, paced: plan.paced.length, deferred };
  });
}
