/**
 * Writing what a call came to: sent (task id, rows sent, one metered call), a failure that can be retried later
 * (rows back to waiting with backoff), a failure that cannot (rows failed with the reason), or an outcome that can no
 * longer be known (rows `unconfirmed`, never re-sent). Every write is conditional on the call still being the one
 * recorded, so a drain that lost its lease cannot overwrite the drain that took over.
 */
import { In, type DataSource } from 'typeorm';
import { Notification, NotificationSend } from '../../../entities';
import { spendNotifyCalls } from './notifyBudget';

/** Failed attempts after which a notification is given up. */
export const MAX_SEND_ATTEMPTS = 5;

function stillOurs(sendId: number, attempt: number) {
  return { id: sendId, status: 'calling' as const, attempt };
}

/** DingTalk accepted the call: record its task id, mark the rows sent and count the metered call. */
// tenancy: a claimed call's rows, addressed by the call's own id (send ids are global keys; the claim named the corp).
export async function recordSent(
  ds: DataSource,
  corpId: string,
  call: { sendId: number; attempt: number },
  taskId: string,
  now: Date,
  readbackAt: Date | null,
): Promise<boolean> {
  return ds.transaction(async (em) => {
    const res = await em
      .getRepository(NotificationSend)
      .update(stillOurs(call.sendId, call.attempt), { status: 'sent', taskId, sentAt: now, leaseUntil: now, readbackAt });
    if ((res.affected ?? 0) === 0) return false;
    await em.getRepository(Notification).update({ sendId: call.sendId, status: 'sending' }, { status: 'sent', sentAt: now });
    await spendNotifyCalls(em, corpId, 1, now);
    return true;
  });
}

/** The call failed for sure (DingTalk answered with an error): retry the rows later, or give them up. */
// tenancy: a claimed call's rows, addressed by the call's own id (send ids are global keys; the claim named the corp).
export async function recordFailed(
  ds: DataSource,
  call: { sendId: number; attempt: number },
  error: string,
  retry: { notBefore: Date } | null,
  wait: Notification['waitReason'] = 'retry',
): Promise<void> {
  await ds.transaction(async (em) => {
    const res = await em.getRepository(NotificationSend).update(stillOurs(call.sendId, call.attempt), { status: 'failed', error });
    if ((res.affected ?? 0) === 0) return;
    const rows = await em.getRepository(Notification).find({ select: { id: true, attempts: true }, where: { sendId: call.sendId, status: 'sending' } });
    const giveUp = rows.filter((r) => retry === null || (wait === 'retry' && r.attempts + 1 >= MAX_SEND_ATTEMPTS)).map((r) => r.id);
    const again = rows.filter((r) => !giveUp.includes(r.id)).map((r) => r.id);
    if (giveUp.length > 0) await em.getRepository(Notification).update({ id: In(giveUp) }, { status: 'failed', error, waitReason: null });
    if (again.length > 0 && retry) {
      await em
        .getRepository(Notification)
        .createQueryBuilder()
        .update()
        .set({
          status: 'deferred',
          sendId: null,
          sendDay: null,
          contentHash: null,
          waitReason: wait,
          notBefore: retry.notBefore,
          error,
          attempts: () => 'attempts + 1',
        })
        .where({ id: In(again) })
        .execute();
    }
  });
}

/** An interrupted call that may have reached DingTalk and can no longer be re-issued safely: say so, never resend. */
// tenancy: the call's own rows by its global id, found by a corp-scoped claim.
export async function recordUnconfirmed(ds: DataSource, sendId: number, error: string): Promise<void> {
  await ds.transaction(async (em) => {
    const res = await em.getRepository(NotificationSend).update({ id: sendId, status: 'calling' }, { status: 'unconfirmed', error });
    if ((res.affected ?? 0) === 0) return;
    await em.getRepository(Notification).update({ sendId, status: 'sending' }, { status: 'unconfirmed', error });
  });
}
