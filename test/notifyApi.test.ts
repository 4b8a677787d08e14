import { createTestWorld, syncWorld, type TestWorld } from './support/testServices';
import { TestClient } from './support/httpClient';
import { listen } from './support/testServer';
import { waitFor } from './support/waitFor';
import { daytimeClock, inboxOf, outboxOf } from './support/notifyWorld';
import { drainOutbox } from '../server/src/modules/notify/commands/outboxSender';
import { recordNotification } from '../server/src/modules/notify/commands/notificationRecorder';
import { collectReadbacks } from '../server/src/modules/notify/commands/readbackCollector';
import { messageOfNotification } from '../server/src/modules/notify/commands/outboxMessage';
import { createSyncRun } from '../server/src/modules/sync/commands/orgSyncRunCreator';
import { runDataSync } from '../server/src/modules/sync/commands/dataSyncRunner';
import { Notification, User } from '../server/src/entities';
import type { MyNotificationPage, NotificationLogPage, NotificationSettingsView } from '@liucai/shared';

jest.setTimeout(90000);

describe('notifications over the HTTP API: message centre, 通知记录, recall, settings, test message, first senders', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let demo: { admin: string; hr: string; supervisor: string; employee: string };
  const as = async (userid: string) => {
    const c = new TestClient(server.url);
    await c.signIn(userid, w.corpId);
    return c;
  };

  beforeAll(async () => {
    w = await createTestWorld({ label: 'notifyapi', employees: 60, seed: 5 });
    await syncWorld(w);
    demo = w.sandbox!.demoUsers;
    server = await listen(w);
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  it('sends an admin’s test message now, to them, and shows it in their message centre with an unread badge count', async () => {
    const admin = await as(demo.admin);
    const res = await admin.call('POST', '/api/v1/notifications/test');
    expect(res.status).toBe(202);
    const inbox = await waitFor('the test message in the sandbox inbox', async () => {
      const m = await inboxOf(w, demo.admin);
      return m.length > 0 ? m : null;
    });
    expect(inbox[0]!.title).toBe('留才测试通知');
    const mine = await admin.call<MyNotificationPage>('GET', '/api/v1/notifications/mine');
    expect(mine.body.data.unread).toBe(1);
    expect(mine.body.data.items[0]).toMatchObject({ kindLabel: '测试通知', title: '留才测试通知', route: '/messages', read: false });
    const id = mine.body.data.items[0]!.id;
    // Someone else's message is not there for them.
    const employee = await as(demo.employee);
    expect((await employee.call('POST', `/api/v1/notifications/mine/${id}/read`)).status).toBe(404);
    expect((await admin.call('POST', `/api/v1/notifications/mine/${id}/read`)).status).toBe(200);
    expect((await admin.call<{ unread: number }>('GET', '/api/v1/notifications/mine/unread')).body.data.unread).toBe(0);
    expect((await admin.call('GET', '/api/v1/notifications/mine?before=abc')).body.error).toMatchObject({
      id: 'validation_error',
      details: [{ field: 'before' }],
    });
  });

  it('shows a 143106 read-back in 通知记录 as “重复消息被钉钉拦截”, and lets HR recall a message', async () => {
    const clock = daytimeClock();
    const deps = outboxOf(w, clock);
    const content = { title: '请完成本月测评', body: '测评将于月底截止', page: '/me', pageQuery: null };
    await w.dingtalk.messages.send([demo.supervisor], messageOfNotification(deps.link, content).msg);
    await w.ds.transaction((em) =>
      recordNotification(
        em,
        {
          corpId: w.corpId,
          recipients: [demo.supervisor, demo.employee],
          kind: 'system.test',
          dedupeKey: 'assess',
          urgency: 'now',
          title: content.title,
          body: content.body,
          page: '/me',
        },
        clock.now(),
      ),
    );
    await drainOutbox(deps);
    clock.advance(61 * 60_000);
    await collectReadbacks(deps);

    const admin = await as(demo.admin);
    const log = await admin.call<NotificationLogPage>('GET', '/api/v1/notifications/log');
    expect(log.status).toBe(200);
    const sup = log.body.data.items.find((i) => i.recipient.userid === demo.supervisor && i.title === content.title)!;
    expect(sup).toMatchObject({
      status: 'sent',
      statusLabel: '已发送',
      delivery: 'forbidden',
      deliveryCode: 143106,
      deliveryLabel: '重复消息被钉钉拦截',
      detail: '重复消息被钉钉拦截',
    });
    const emp = log.body.data.items.find((i) => i.recipient.userid === demo.employee && i.title === content.title)!;
    expect(emp).toMatchObject({ delivery: 'unread', deliveryLabel: '未读', canRecall: true, recipientsInSend: 2 });
    expect(emp.recipient.name).toBeTruthy();

    // HR whose scope does not cover both recipients cannot recall the call; an admin can.
    const hr = await as(demo.hr);
    const recall = await admin.call<{ recalled: number }>('POST', `/api/v1/notifications/sends/${emp.sendId}/recall`);
    expect(recall.status).toBe(200);
    expect(recall.body.data.recalled).toBe(2);
    expect((await inboxOf(w, demo.employee)).find((m) => m.title === content.title)?.recalled).toBe(true);
    const employee = await as(demo.employee);
    const mine = await employee.call<MyNotificationPage>('GET', '/api/v1/notifications/mine');
    expect(mine.body.data.items[0]).toMatchObject({ title: '此通知已被撤回', body: '', route: null, recalled: true });
    // Recalled once: a second recall changes nothing; an id outside the corp answers 404.
    expect((await admin.call<{ recalled: number }>('POST', `/api/v1/notifications/sends/${emp.sendId}/recall`)).body.data.recalled).toBe(0);
    expect((await hr.call('POST', '/api/v1/notifications/sends/99999999/recall')).status).toBe(404);
    expect((await employee.call('GET', '/api/v1/notifications/log')).status).toBe(403);
  });

  it('shows HR only the notifications of people in their scope', async () => {
    const clock = daytimeClock();
    const outside = await w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, userid: demo.admin });
    await w.ds.transaction((em) =>
      recordNotification(
        em,
        { corpId: w.corpId, recipients: [outside.userid], kind: 'system.test', dedupeKey: 'scope', urgency: 'digest', title: '范围外', body: '…', page: null },
        clock.now(),
      ),
    );
    const hr = await as(demo.hr);
    const log = await hr.call<NotificationLogPage>('GET', '/api/v1/notifications/log');
    expect(log.status).toBe(200);
    expect(log.body.data.items.some((i) => i.title === '范围外')).toBe(false);
    const admin = await as(demo.admin);
    const all = await admin.call<NotificationLogPage>('GET', '/api/v1/notifications/log?status=pending');
    expect(all.body.data.items.some((i) => i.title === '范围外')).toBe(true);
    expect((await admin.call('GET', '/api/v1/notifications/log?status=nope')).body.error.details).toEqual([
      { field: 'status', label: '状态', message: expect.stringContaining('应为') },
    ]);
  });

  it('shows admins the settings, and nobody else', async () => {
    const admin = await as(demo.admin);
    const s = await admin.call<NotificationSettingsView>('GET', '/api/v1/notifications/settings');
    expect(s.body.data).toMatchObject({ quietHours: '21:00–08:30', digestTime: '09:00', dailyCap: 20, linkForm: 'dingtalk' });
    expect(s.body.data.linkExample).toContain(encodeURIComponent(`corpId=${w.corpId}`));
    expect(s.body.data.budget.limit).toBe(w.config.monthlyCallLimit);
    expect((await (await as(demo.hr)).call('GET', '/api/v1/notifications/settings')).status).toBe(403);
  });

  it('counts what waits to be sent as the table holds it, a new failure at the next read', async () => {
    const admin = await as(demo.admin);
    const direct = async () => {
      const rows = await w.ds.getRepository(Notification).findBy({ corpId: w.corpId });
      const n = (status: string) => rows.filter((r) => r.status === status).length;
      return { deferred: n('deferred'), pending: n('pending'), failed: n('failed'), unconfirmed: n('unconfirmed') };
    };
    const waiting = async () => (await admin.call<NotificationSettingsView>('GET', '/api/v1/notifications/settings')).body.data.waiting;
    const before = await waiting();
    // Failures change only by this test's write (the outbox may send pending ones meanwhile).
    expect(before.failed).toBe((await direct()).failed);
    await w.ds.getRepository(Notification).insert({
      corpId: w.corpId,
      recipientUserid: demo.employee,
      kind: 'test.failed',
      dedupeKey: `waiting-${Date.now()}`,
      urgency: 'now',
      title: '测试',
      body: '测试',
      status: 'failed',
      notBefore: new Date(),
      error: 'test',
      createdAt: new Date(),
    });
    const after = await waiting();
    expect(after.failed).toBe(before.failed + 1);
    expect(after.failed).toBe((await direct()).failed);
  });

  it('tells them too when a sync stops for the month’s metered-call budget', async () => {
    const run = (await createSyncRun(w.ds, w.corpId, 'attendance', 'manual', demo.hr))!;
    const outcome = await runDataSync({ ds: w.ds, source: w.dingtalk.data, apiCalls: () => 0, concurrency: 2, monthlyCallLimit: 0, lookbackDays: 31 }, run.id, {
      finalAttempt: true,
    });
    expect(outcome?.note).toContain('本月计量调用');
    const rows = await w.ds.getRepository(Notification).findBy({ corpId: w.corpId, dedupeKey: `sync:${run.id}` });
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.kind === 'sync.budgetStopped' && r.title === '考勤同步因本月钉钉调用额度不足暂停' && r.urgency === 'digest')).toBe(true);
  });

  it('tells the HR users and admins in their digest when a data sync fails', async () => {
    w.sandboxHandle.setFaults({ failRate: 1, failMode: 'busy' });
    try {
      const run = (await createSyncRun(w.ds, w.corpId, 'departures', 'manual', demo.hr))!;
      await expect(
        runDataSync({ ds: w.ds, source: w.dingtalk.data, apiCalls: () => 0, concurrency: 2, monthlyCallLimit: 10000, lookbackDays: 31 }, run.id, {
          finalAttempt: true,
        }),
      ).rejects.toThrow();
      const rows = await w.ds.getRepository(Notification).findBy({ corpId: w.corpId, dedupeKey: `sync:${run.id}` });
      // Every admin (DingTalk sys: the demo admin and the generated company's own) and every HR user.
      const admins = (await w.ds.getRepository(User).findBy({ corpId: w.corpId, isAdmin: true, status: 'active' })).map((u) => u.userid);
      expect(admins).toContain(demo.admin);
      expect(rows.map((r) => r.recipientUserid).sort()).toEqual([...new Set([...admins, demo.hr])].sort());
      expect(rows.every((r) => r.kind === 'sync.failed' && r.urgency === 'digest' && r.title === '离职同步失败' && r.page === '/data')).toBe(true);
    } finally {
      w.sandboxHandle.setFaults({});
    }
  });
});
