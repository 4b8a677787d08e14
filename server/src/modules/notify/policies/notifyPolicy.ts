/** Who may do what with notifications. */
import type { DataSource } from 'typeorm';
import type { Actor } from '../../../appTypes';
import { Notification, type NotificationSend } from '../../../entities';
import { forbidden } from '../../../errors';
import { visibleUserIds } from '../../people/policies/peopleScope';
import { MESSAGE_RECALL_HOURS } from '../../../dingtalk/wireFacts';

/** 通知记录 and recall are for HR and admins; settings and test messages for admins. */
export function assertCanReadLog(actor: Actor): void {
  if (!actor.roles.includes('hr') && !actor.roles.includes('admin')) throw forbidden('只有 HR 和管理员可以查看通知记录');
}

export function assertCanManageSettings(actor: Actor): void {
  if (!actor.roles.includes('admin')) throw forbidden('只有管理员可以查看通知设置和发送测试通知');
}

/** A call DingTalk can still recall: sent, with a task id, within the recall window. */
export function isRecallable(send: Pick<NotificationSend, 'status' | 'taskId' | 'sentAt'>, now: Date): boolean {
  return send.status === 'sent' && send.taskId !== null && send.sentAt !== null && now.getTime() - send.sentAt.getTime() < MESSAGE_RECALL_HOURS * 3600 * 1000;
}

/** An actor may recall a call only when every recipient is in their people scope (one query for all of them). */
export async function canRecallSend(ds: DataSource, actor: Actor, send: NotificationSend): Promise<boolean> {
  if (!actor.roles.includes('hr') && !actor.roles.includes('admin')) return false;
  if (actor.roles.includes('admin')) return true;
  const rows = await ds.getRepository(Notification).find({ select: { recipientUserid: true }, where: { corpId: actor.corpId, sendId: send.id } });
  const recipients = [...new Set(rows.map((r) => r.recipientUserid))];
  const visible = await visibleUserIds(ds, actor, recipients);
  return recipients.every((r) => visible.has(r));
}
