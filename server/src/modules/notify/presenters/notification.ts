/** The only way notifications leave the server: explicit field lists for the message centre and 通知记录. */
import { NOTIFICATION_STATUS_LABELS, WAIT_REASON_LABELS, deliveryLabel, notifyKindLabel, type MyNotification, type NotificationLogEntry } from '@liucai/shared';
import type { Notification } from '../../../entities';

/** The micro-app hash route a notification opens. */
export function routeOf(n: Pick<Notification, 'page' | 'pageQuery'>): string | null {
  if (n.page === null) return null;
  return n.pageQuery ? `${n.page}?${n.pageQuery}` : n.page;
}

/** A notification in its recipient's message centre. */
export function presentMyNotification(n: Notification): MyNotification {
  const recalled = n.status === 'recalled';
  return {
    id: n.id,
    kind: n.kind,
    kindLabel: notifyKindLabel(n.kind),
    title: recalled ? '此通知已被撤回' : n.title,
    body: recalled ? '' : n.body,
    route: recalled ? null : routeOf(n),
    createdAt: n.createdAt.toISOString(),
    read: n.readAt !== null,
    recalled,
  };
}

/** What 通知记录 says about a row beyond its status. */
function detailOf(n: Notification): string | null {
  if ((n.status === 'pending' || n.status === 'deferred') && n.waitReason) return WAIT_REASON_LABELS[n.waitReason];
  if (n.status === 'failed' || n.status === 'unconfirmed') return n.error;
  if (n.status === 'sent' && n.delivery !== 'unknown') return deliveryLabel(n.delivery, n.deliveryCode);
  return null;
}

/** A row of 通知记录. */
export function presentLogEntry(n: Notification, extra: { name: string | null; recipientsInSend: number | null; canRecall: boolean }): NotificationLogEntry {
  return {
    id: n.id,
    recipient: { userid: n.recipientUserid, name: extra.name },
    kind: n.kind,
    kindLabel: notifyKindLabel(n.kind),
    urgency: n.urgency,
    title: n.title,
    status: n.status,
    statusLabel: NOTIFICATION_STATUS_LABELS[n.status],
    waitReason: n.waitReason,
    detail: detailOf(n),
    notBefore: n.notBefore.toISOString(),
    createdAt: n.createdAt.toISOString(),
    sentAt: n.sentAt ? n.sentAt.toISOString() : null,
    delivery: n.delivery,
    deliveryCode: n.deliveryCode,
    deliveryLabel: deliveryLabel(n.delivery, n.deliveryCode),
    readInApp: n.readAt !== null,
    sendId: n.sendId,
    recipientsInSend: extra.recipientsInSend,
    canRecall: extra.canRecall,
  };
}
