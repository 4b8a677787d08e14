/** The notification API's shapes (kept beside the rules rather than in api.ts, which every branch edits). */
import type { DeliveryState, NotificationStatus, WaitReason } from './labels';

/** One message in the person's own message centre (消息). */
export interface MyNotification {
  id: number;
  kind: string;
  kindLabel: string;
  title: string;
  body: string;
  /** Hash route to open, e.g. `/data` or `/data?x=1`; null: nothing to open. */
  route: string | null;
  createdAt: string;
  read: boolean;
  /** Withdrawn by HR: the text is hidden. */
  recalled: boolean;
}

export interface MyNotificationPage {
  items: MyNotification[];
  unread: number;
  /** Pass as `before` for the next page; null at the end. */
  nextBefore: number | null;
}

/** One row of 通知记录 (HR and admins). */
export interface NotificationLogEntry {
  id: number;
  recipient: { userid: string; name: string | null };
  kind: string;
  kindLabel: string;
  urgency: 'now' | 'digest';
  title: string;
  status: NotificationStatus;
  statusLabel: string;
  waitReason: WaitReason | null;
  /** Why it waits, why it failed, or what the read-back said, in words. */
  detail: string | null;
  notBefore: string;
  createdAt: string;
  sentAt: string | null;
  delivery: DeliveryState;
  deliveryCode: number | null;
  deliveryLabel: string;
  readInApp: boolean;
  /** The DingTalk call that carried it (recall works on a whole call). */
  sendId: number | null;
  recipientsInSend: number | null;
  canRecall: boolean;
}

export interface NotificationLogPage {
  items: NotificationLogEntry[];
  nextBefore: number | null;
  counts: Record<NotificationStatus, number>;
}

/** The notification settings as admins see them (from the server's NOTIFY_* configuration). */
export interface NotificationSettingsView {
  agentId: number | null;
  quietHours: string;
  quietWeekends: boolean;
  digestTime: string;
  dailyCap: number;
  recipientsPerMinute: number;
  linkForm: 'dingtalk' | 'https';
  linkExample: string;
  readback: boolean;
  readbackDelayMinutes: number;
  budget: { month: string; used: number; limit: number; left: number };
  waiting: { deferred: number; pending: number; failed: number; unconfirmed: number };
}
