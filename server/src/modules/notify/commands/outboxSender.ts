/**
 * The send job: drains a corp's outbox in rounds (claimRound records each call before it is made), makes the calls
 * through the rate-limited client, and writes each outcome. Exactly once, also under kill -9: a call is recorded
 * `calling` with its exact message before DingTalk sees it; if the worker dies before writing DingTalk's answer, the
 * lease lapses and the next drain reconciles the call. The same day, it issues the very same message to the same
 * people again — DingTalk delivers the same content to a person only once a day (doc §6.1), so whoever already got
 * it gets nothing new, and the read-back shows them as 143106 on the re-issue, which means "the first one arrived".
 * On a later day that guarantee is gone, so the call is marked `unconfirmed` and never re-sent.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { In, LessThanOrEqual, type DataSource } from 'typeorm';
import { shanghaiTime } from '@liucai/shared';
import { Notification, NotificationSend } from '../../../entities';
import { DingTalkError } from '../../../dingtalk/errors';
import type { WorkNotificationPort } from '../../../dingtalk/workNotificationApi';
import type { Logger } from '../../../logger';
import type { NotifyConfig } from '../notifyConfig';
import { orphanedSends } from '../queries/outboxQueries';
import { claimRound, type ClaimedSend, type ClaimRound } from './outboxClaimer';
import { acquireDrainLock, releaseDrainLock } from './drainLock';
import type { LinkTarget } from './outboxMessage';
import { describeSendError, isDefinitelyNotSent, isQuotaExhausted } from './sendErrors';
import { recordFailed, recordSent, recordUnconfirmed } from './sendOutcome';

export interface OutboxDeps {
  ds: DataSource;
  messages: WorkNotificationPort;
  settings: NotifyConfig;
  link: LinkTarget;
  monthlyCallLimit: number;
  log: Logger;
  now?: () => Date;
}

export interface DrainOutcome {
  /** False when another drain of the corp holds the lease (it sends what this one would have). */
  ran: boolean;
  calls: number;
  reissued: number;
  deferred: number;
}

/** Calls in flight at once (the client's rate limiter still paces them). */
const CONCURRENCY = 6;
/** A drain gives up its lease after this long (the next tick's drain goes on), so one job never runs for hours. */
const MAX_DRAIN_MS = 8 * 60_000;

/** Drain the corp's outbox until nothing is due (or MAX_DRAIN_MS passed: the next tick's drain goes on). */
export async function drainOutbox(deps: OutboxDeps): Promise<DrainOutcome> {
  const now = deps.now ?? (() => new Date());
  const corpId = deps.link.corpId;
  const holder = randomUUID();
  const outcome: DrainOutcome = { ran: false, calls: 0, reissued: 0, deferred: 0 };
  if (!(await acquireDrainLock(deps.ds, corpId, holder, now(), deps.settings.sendLeaseMs))) return outcome;
  outcome.ran = true;
  const started = Date.now();
  try {
    // Rounds overlap: the next round is claimed while this round's calls are in flight, so DingTalk's rate, not the
    // database, sets the pace. Claims are serialised by the corp lock and count calls in flight (see claimRound).
    let next: Promise<ClaimRound> | null = null;
    for (;;) {
      const ours = await acquireDrainLock(deps.ds, corpId, holder, now(), deps.settings.sendLeaseMs);
      if (!ours || Date.now() - started > MAX_DRAIN_MS) {
        // Calls already recorded by a claim are made before leaving (their lease is ours either way).
        if (next) {
          const claimed = (await next).sends;
          await runCalls(deps, claimed);
          outcome.calls += claimed.length;
        }
        break;
      }
      if (!next) outcome.reissued += await reconcileOrphans(deps);
      const round: ClaimRound = await (next ?? claimRound(deps, now()));
      next = null;
      outcome.deferred += round.deferred;
      const calling = runCalls(deps, round.sends);
      if (round.sends.length > 0) {
        next = claimRound(deps, now());
        next.catch(() => undefined); // awaited below; this only keeps a failure from counting as unhandled meanwhile
      }
      await calling;
      outcome.calls += round.sends.length;
      if (round.sends.length === 0 && round.paced === 0) {
        // Calls that got no answer in this drain are reconciled before it ends.
        const reissued = await reconcileOrphans(deps);
        outcome.reissued += reissued;
        if (reissued === 0) break;
        continue;
      }
      if (round.sends.length === 0) await sleep(1000); // the minute's recipients are used up: wait for the window to move
    }
  } finally {
    await releaseDrainLock(deps.ds, corpId, holder).catch((err: unknown) => deps.log.warn({ err }, 'releasing the drain lock'));
  }
  return outcome;
}

async function runCalls(deps: OutboxDeps, calls: ClaimedSend[]): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < calls.length) await makeCall(deps, calls[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, calls.length) }, lane));
}

/** Make one recorded call and write what it came to. */
export async function makeCall(deps: OutboxDeps, call: ClaimedSend): Promise<void> {
  const now = deps.now ?? (() => new Date());
  let taskId: string;
  try {
    ({ taskId } = await deps.messages.send(call.userids, JSON.parse(call.msgJson)));
  } catch (err) {
    if (!(err instanceof DingTalkError)) throw err;
    await recordCallError(deps, call, err, now());
    return;
  }
  if (deps.settings.testPauseAfterSendMs > 0) await sleep(deps.settings.testPauseAfterSendMs);
  const at = now();
  const readbackAt = deps.settings.readback ? new Date(at.getTime() + deps.settings.readbackDelayMinutes * 60_000) : null;
  await recordSent(deps.ds, deps.link.corpId, call, taskId, at, readbackAt);
}

// tenancy: the call being made, by its global id (claimed within its corp).
async function recordCallError(deps: OutboxDeps, call: ClaimedSend, err: DingTalkError, at: Date): Promise<void> {
  const error = describeSendError(err);
  deps.log.warn({ sendId: call.sendId, code: err.code, api: err.api }, 'work notification call failed');
  if (typeof err.code === 'string' && !isDefinitelyNotSent(err)) {
    // No answer: DingTalk may have sent it. Let the lease lapse now; the next round reconciles it.
    await deps.ds.getRepository(NotificationSend).update({ id: call.sendId, status: 'calling', attempt: call.attempt }, { leaseUntil: at, error });
    return;
  }
  if (isQuotaExhausted(err)) return recordFailed(deps.ds, call, error, { notBefore: nextMonth(at) }, 'budget');
  if (err.retryable || isDefinitelyNotSent(err)) {
    const rows = await deps.ds.getRepository(Notification).find({ select: { attempts: true }, where: { sendId: call.sendId }, take: 1 });
    const backoffMin = 2 ** Math.min(6, rows[0]?.attempts ?? 0);
    return recordFailed(deps.ds, call, error, { notBefore: new Date(at.getTime() + backoffMin * 60_000) });
  }
  return recordFailed(deps.ds, call, error, null);
}

function nextMonth(at: Date): Date {
  const d = new Date(at.getTime() + 8 * 3600 * 1000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 8 * 3600 * 1000);
}

/** Re-issue (same day) or give up on (later day) every call whose worker never wrote DingTalk's answer. */
// tenancy: orphaned calls of any corp are each reconciled by their own id; nothing is shown to anyone.
async function reconcileOrphans(deps: OutboxDeps): Promise<number> {
  const now = (deps.now ?? (() => new Date()))();
  const today = shanghaiTime(now.getTime()).day;
  let reissued = 0;
  for (const send of await orphanedSends(deps.ds.manager, deps.link.corpId, now)) {
    if (send.sendDay !== today || send.attempt >= 3) {
      const why =
        send.sendDay !== today
          ? '发送时进程中断，且已跨日：钉钉可能已送达，为避免重复未再发送'
          : '多次发送均未得到钉钉应答：钉钉可能已送达，为避免重复未再发送';
      await recordUnconfirmed(deps.ds, send.id, why);
      deps.log.warn({ sendId: send.id }, 'interrupted work notification marked unconfirmed');
      continue;
    }
    const claimed = await deps.ds
      .getRepository(NotificationSend)
      .update(
        { id: send.id, status: 'calling', attempt: send.attempt, leaseUntil: LessThanOrEqual(now) },
        { attempt: send.attempt + 1, leaseUntil: new Date(now.getTime() + deps.settings.sendLeaseMs) },
      );
    if ((claimed.affected ?? 0) === 0) continue;
    const rows = await deps.ds.getRepository(Notification).find({ select: { recipientUserid: true }, where: { sendId: send.id, status: In(['sending']) } });
    const userids = [...new Set(rows.map((r) => r.recipientUserid))];
    deps.log.info({ sendId: send.id, attempt: send.attempt + 1, recipients: userids.length }, 're-issuing an interrupted work notification');
    await makeCall(deps, { sendId: send.id, attempt: send.attempt + 1, userids, msgJson: send.msg });
    reissued += 1;
  }
  return reissued;
}
