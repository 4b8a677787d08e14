import Router from '@koa/router';
import type { AppDeps, AppState } from '../../../appTypes';
import { validate } from '../../../middleware/validate';
import type { NotificationLogPage, NotificationStatus, MyNotificationPage } from '@liucai/shared';
import { myNotifications, myUnreadCount, notificationLog } from '../queries/notificationLists';
import { presentLogEntry, presentMyNotification } from '../presenters/notification';
import { presentNotifySettings } from '../presenters/settings';
import { markAllNotificationsRead, markNotificationRead } from '../commands/notificationReader';
import { recallSend } from '../commands/sendRecaller';
import { sendTestNotification } from '../commands/testNotificationSender';
import { assertCanManageSettings, assertCanReadLog, isRecallable } from '../policies/notifyPolicy';
import { BeforeQuery, IdParam, LogQuery, NOTIFY_FIELD_LABELS } from './schema';

const PAGE = 30;
const STATUSES: NotificationStatus[] = ['pending', 'deferred', 'sending', 'sent', 'unconfirmed', 'failed', 'recalled'];

/** The message centre (everyone), 通知记录 and recall (HR, admins), settings and 发送测试通知 (admins). */
export function notifyRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/notifications' });

  r.get('/mine', async (ctx) => {
    const { before } = validate(BeforeQuery, ctx.query, NOTIFY_FIELD_LABELS);
    const actor = ctx.state.actor!;
    const { rows, unread } = await myNotifications(deps.ds, actor, before ?? null, PAGE);
    const data: MyNotificationPage = {
      items: rows.map(presentMyNotification),
      unread,
      nextBefore: rows.length === PAGE ? rows.at(-1)!.id : null,
    };
    ctx.body = { ok: true, data };
  });

  r.get('/mine/unread', async (ctx) => {
    ctx.body = { ok: true, data: { unread: await myUnreadCount(deps.ds, ctx.state.actor!) } };
  });

  r.post('/mine/read-all', async (ctx) => {
    ctx.body = { ok: true, data: { changed: await markAllNotificationsRead(deps.ds, ctx.state.actor!) } };
  });

  r.post('/mine/:id/read', async (ctx) => {
    const { id } = validate(IdParam, ctx.params, NOTIFY_FIELD_LABELS);
    await markNotificationRead(deps.ds, ctx.state.actor!, id);
    ctx.body = { ok: true, data: { id } };
  });

  r.get('/log', async (ctx) => {
    const actor = ctx.state.actor!;
    assertCanReadLog(actor);
    const f = validate(LogQuery, ctx.query, NOTIFY_FIELD_LABELS);
    const { rows, names, sends, counts } = await notificationLog(deps.ds, actor, { status: f.status, before: f.before ?? null, limit: PAGE });
    const now = new Date();
    const data: NotificationLogPage = {
      items: rows.map((n) => {
        const send = n.sendId !== null ? sends.get(n.sendId) : undefined;
        return presentLogEntry(n, {
          name: names.get(n.recipientUserid) ?? null,
          recipientsInSend: send?.recipientCount ?? null,
          canRecall: !!send && isRecallable(send, now),
        });
      }),
      nextBefore: rows.length === PAGE ? rows.at(-1)!.id : null,
      counts: Object.fromEntries(STATUSES.map((s) => [s, counts.get(s) ?? 0])) as NotificationLogPage['counts'],
    };
    ctx.body = { ok: true, data };
  });

  r.post('/sends/:id/recall', async (ctx) => {
    const actor = ctx.state.actor!;
    assertCanReadLog(actor);
    const { id } = validate(IdParam, ctx.params, NOTIFY_FIELD_LABELS);
    ctx.body = { ok: true, data: await recallSend(deps.ds, deps.dingtalk.messages, actor, id) };
  });

  r.get('/settings', async (ctx) => {
    const actor = ctx.state.actor!;
    assertCanManageSettings(actor);
    ctx.body = { ok: true, data: await presentNotifySettings(deps, actor) };
  });

  r.post('/test', async (ctx) => {
    const actor = ctx.state.actor!;
    assertCanManageSettings(actor);
    await sendTestNotification(deps.ds, deps.jobs, actor);
    ctx.status = 202;
    ctx.body = { ok: true, data: { queued: true } };
  });
  return r;
}
