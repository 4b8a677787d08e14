/**
 * Read-back (doc §6.2, 6.3): some time after a call, ask DingTalk what became of each recipient — read, unread,
 * failed, invalid, or forbidden with its flow-control code — within DingTalk's 24-hour window. getsendresult times
 * out above 100 recipients, so bigger calls get only getsendprogress. Each question is a metered call: a call is
 * read back at most twice (after NOTIFY_READBACK_DELAY_MINUTES, and once more near the end of the window while
 * anyone is still unread), and not at all when the month's budget is spent.
 */
import { In, IsNull, LessThanOrEqual, Not, type DataSource } from 'typeorm';
import type { DeliveryState } from '@liucai/shared';
import { Notification, NotificationSend } from '../../../entities';
import { DingTalkError } from '../../../dingtalk/errors';
import { FlowControl, MESSAGE_RESULT_MAX_RECIPIENTS, MESSAGE_TASK_QUERY_HOURS } from '../../../dingtalk/wireFacts';
import type { SendResult } from '../../../dingtalk/workNotificationApi';
import type { OutboxDeps } from './outboxSender';
import { notifyCallsLeft, spendNotifyCalls } from './notifyBudget';

const HOUR_MS = 3600 * 1000;
/** The second (last) read-back, this long after sending: inside DingTalk's 24-hour window. */
const FINAL_READBACK_HOURS = 20;

/** Per-recipient outcome of a getsendresult answer. `reissued`: the call re-sent an interrupted one. */
export function deliveriesOf(r: SendResult, reissued: boolean): Map<string, { state: DeliveryState; code: number | null }> {
  const out = new Map<string, { state: DeliveryState; code: number | null }>();
  for (const u of r.read_user_id_list) out.set(u, { state: 'read', code: null });
  for (const u of r.unread_user_id_list) out.set(u, { state: 'unread', code: null });
  for (const u of r.failed_user_id_list) out.set(u, { state: 'failed', code: null });
  for (const u of r.invalid_user_id_list) out.set(u, { state: 'invalid', code: null });
  for (const u of r.forbidden_user_id_list) if (!out.has(u)) out.set(u, { state: 'forbidden', code: null });
  for (const f of r.forbidden_list) {
    const code = Number(f.code);
    // A re-issue that DingTalk calls a duplicate means the interrupted first call reached the person.
    out.set(
      f.userid,
      reissued && code === FlowControl.duplicate ? { state: 'delivered', code } : { state: 'forbidden', code: Number.isFinite(code) ? code : null },
    );
  }
  return out;
}

/** Read back every call that is due; returns the metered calls made. */
export async function collectReadbacks(deps: OutboxDeps): Promise<{ calls: number; sends: number }> {
  const now = (deps.now ?? (() => new Date()))();
  const corpId = deps.link.corpId;
  const sends = deps.ds.getRepository(NotificationSend);
  // Calls past DingTalk's window can no longer be asked about.
  await sends.update(
    { corpId, readbackAt: LessThanOrEqual(now), sentAt: LessThanOrEqual(new Date(now.getTime() - MESSAGE_TASK_QUERY_HOURS * HOUR_MS)) },
    { readbackAt: null },
  );
  const due = await sends.find({
    where: { corpId, status: In(['sent', 'recalled']), readbackAt: LessThanOrEqual(now), taskId: Not(IsNull()) },
    order: { id: 'ASC' },
    take: 50,
  });
  let calls = 0;
  let left = await notifyCallsLeft(deps.ds, corpId, deps.monthlyCallLimit, now);
  for (const send of due) {
    if (left <= 0) break;
    try {
      if (send.recipientCount <= MESSAGE_RESULT_MAX_RECIPIENTS) await readResult(deps.ds, send, await deps.messages.result(send.taskId!), now);
      else {
        const p = await deps.messages.progress(send.taskId!);
        await writeProgress(deps.ds, send, p.progress_in_percent, now);
      }
    } catch (err) {
      if (!(err instanceof DingTalkError)) throw err;
      deps.log.warn({ sendId: send.id, code: err.code }, 'work notification read-back failed');
      await sends.update({ id: send.id }, { readbackAt: null, error: `读取钉钉回执失败（${err.code}）` });
    }
    calls += 1;
    left -= 1;
  }
  return { calls, sends: due.length };
}

// tenancy: a send's rows by the send's global id (the send row carries its corp).
async function readResult(ds: DataSource, send: NotificationSend, result: SendResult, now: Date): Promise<void> {
  const states = deliveriesOf(result, send.attempt > 1);
  await ds.transaction(async (em) => {
    const groups = new Map<string, string[]>();
    for (const [userid, d] of states) {
      const key = `${d.state}|${d.code ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), userid]);
    }
    for (const [key, userids] of groups) {
      const [state, code] = key.split('|') as [DeliveryState, string];
      await em
        .getRepository(Notification)
        .update({ sendId: send.id, recipientUserid: In(userids) }, { delivery: state, deliveryCode: code === '' ? null : Number(code) });
    }
    const count = send.readbackCount + 1;
    const anyUnread = [...states.values()].some((d) => d.state === 'unread');
    const finalAt = new Date((send.sentAt ?? now).getTime() + FINAL_READBACK_HOURS * HOUR_MS);
    await em
      .getRepository(NotificationSend)
      .update({ id: send.id }, { readbackCount: count, readbackAt: count === 1 && anyUnread && finalAt > now ? finalAt : null, progress: 100 });
    await spendNotifyCalls(em, send.corpId, 1, now);
  });
}

async function writeProgress(ds: DataSource, send: NotificationSend, percent: number, now: Date): Promise<void> {
  await ds.transaction(async (em) => {
    await em.getRepository(NotificationSend).update({ id: send.id }, { progress: percent, readbackCount: send.readbackCount + 1, readbackAt: null });
    await spendNotifyCalls(em, send.corpId, 1, now);
  });
}
