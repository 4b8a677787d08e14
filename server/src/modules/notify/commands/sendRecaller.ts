import type { DataSource } from 'typeorm';
import { Notification, NotificationSend } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { DingTalkError } from '../../../dingtalk/errors';
import type { WorkNotificationPort } from '../../../dingtalk/workNotificationApi';
import { conflict, dingtalkUnavailable, notFound } from '../../../errors';
import { canRecallSend, isRecallable } from '../policies/notifyPolicy';
import { spendNotifyCalls } from './notifyBudget';
import { describeSendError } from './sendErrors';

/**
 * Recall a message sent by mistake (doc §6.4): DingTalk withdraws the whole call (every recipient of that
 * message), so the recall is of a call, within DingTalk's window, by HR whose scope covers every recipient (or an
 * admin). The rows become `recalled`; the message centre hides their text.
 */
export async function recallSend(
  ds: DataSource,
  messages: WorkNotificationPort,
  actor: Actor,
  sendId: number,
  now: Date = new Date(),
): Promise<{ recalled: number }> {
  const send = await ds.getRepository(NotificationSend).findOneBy({ id: sendId, corpId: actor.corpId });
  if (!send || !(await canRecallSend(ds, actor, send))) throw notFound('通知');
  if (send.status === 'recalled') return { recalled: 0 };
  if (!isRecallable(send, now)) throw conflict('not_recallable', '这条通知已无法撤回：只能撤回 24 小时内已发出的通知');
  try {
    await messages.recall(send.taskId!);
  } catch (err) {
    if (err instanceof DingTalkError) throw dingtalkUnavailable(`钉钉撤回失败：${describeSendError(err)}`, { code: err.code });
    throw err;
  }
  return ds.transaction(async (em) => {
    await em.getRepository(NotificationSend).update({ id: send.id }, { status: 'recalled', recalledAt: now, recalledBy: actor.userid });
    const res = await em.getRepository(Notification).update({ sendId: send.id, status: 'sent' }, { status: 'recalled' });
    await spendNotifyCalls(em, actor.corpId, 1, now);
    return { recalled: res.affected ?? 0 };
  });
}
