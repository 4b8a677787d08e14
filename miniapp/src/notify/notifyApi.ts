/** Typed calls to the notification API (kept apart from api/endpoints.ts, which every feature edits). */
import type { MyNotificationPage, NotificationLogPage, NotificationSettingsView, NotificationStatus } from '@liucai/shared';
import { apiGet, apiPost } from '../api/client';

const BASE = '/api/v1/notifications';

/** The signed-in person's messages, newest first. */
export const getMyNotifications = (before?: number): Promise<MyNotificationPage> => apiGet(`${BASE}/mine${before ? `?before=${before}` : ''}`);
/** How many of their messages are unread (the navigation badge). */
export const getUnreadCount = (): Promise<{ unread: number }> => apiGet(`${BASE}/mine/unread`);
export const markRead = (id: number): Promise<unknown> => apiPost(`${BASE}/mine/${id}/read`);
export const markAllRead = (): Promise<{ changed: number }> => apiPost(`${BASE}/mine/read-all`);
/** 通知记录 (HR, admins). */
export const getNotificationLog = (status?: NotificationStatus, before?: number): Promise<NotificationLogPage> => {
  const q = new URLSearchParams();
  if (status) q.set('status', status);
  if (before) q.set('before', String(before));
  const s = q.toString();
  return apiGet(`${BASE}/log${s ? `?${s}` : ''}`);
};
export const recallSend = (sendId: number): Promise<{ recalled: number }> => apiPost(`${BASE}/sends/${sendId}/recall`);
export const getNotifySettings = (): Promise<NotificationSettingsView> => apiGet(`${BASE}/settings`);
export const sendTestNotification = (): Promise<unknown> => apiPost(`${BASE}/test`);
