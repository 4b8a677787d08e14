import { browserWorldForDescribe, signInAs } from './support/browserWorld';
import { keepScreenshot } from './support/browser';
import { daytimeClock, outboxOf } from './support/notifyWorld';
import { waitFor } from './support/waitFor';
import { recordNotification } from '../server/src/modules/notify/commands/notificationRecorder';
import { drainOutbox } from '../server/src/modules/notify/commands/outboxSender';
import { IsNull, Not } from 'typeorm';
import { Notification } from '../server/src/entities';
import { movePageClock } from './support/laterClock';

jest.setTimeout(90000);

describe('notifications in the micro-app (Chromium)', () => {
  const ui = browserWorldForDescribe({ label: 'notifyui', employees: 60, seed: 9, env: { NOTIFY_QUIET_HOURS: 'off' } });

  beforeAll(async () => {
    const clock = daytimeClock();
    const { w, demo } = ui;
    await w.ds.transaction(async (em) => {
      const base = { corpId: w.corpId, kind: 'sync.failed' as const, urgency: 'now' as const };
      await recordNotification(
        em,
        {
          ...base,
          recipients: [demo.employee, demo.admin],
          dedupeKey: 'ui-1',
          title: '考勤同步失败',
          body: '原因：钉钉暂时不可用。可在“数据”页重新同步。',
          page: '/me',
        },
        clock.now(),
      );
      await recordNotification(
        em,
        {
          ...base,
          recipients: [demo.employee, demo.admin],
          kind: 'system.test',
          dedupeKey: 'ui-2',
          title: '留才测试通知',
          body: '这是一条测试通知。',
          page: '/messages',
        },
        clock.now(),
      );
      await recordNotification(
        em,
        {
          ...base,
          recipients: [demo.employee, demo.admin],
          kind: 'sync.budgetStopped',
          urgency: 'digest',
          dedupeKey: 'ui-3',
          title: 'CRM 同步因本月钉钉调用额度不足暂停',
          body: '预算恢复后从这里继续',
          page: '/me',
        },
        clock.now(),
      );
    });
    await drainOutbox(outboxOf(w, clock));
  });

  it('employee on a 375 px phone: badge in the navigation, opens a message’s page, marks all read', async () => {
    const { context, page, errors } = await signInAs(ui, ui.demo.employee, { viewport: { width: 375, height: 812 }, timezoneId: 'Asia/Shanghai' });
    const nav = page.getByTestId('nav-messages');
    await waitFor('the unread badge', async () => ((await nav.textContent()) ?? '').includes('3'));
    await nav.click();
    await page.getByTestId('messages-page').waitFor();
    // The list loads after the page frame: wait for its rows before counting them.
    await page.getByTestId('message-item').first().waitFor();
    expect(await page.getByTestId('message-item').count()).toBe(3);
    await expect(page.getByTestId('unread-count').textContent()).resolves.toContain('3 条未读');
    await keepScreenshot(page, 'phone-employee-messages');
    // Fits the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // The first (newest) message opens its page and counts as read.
    await page.getByTestId('message-item').first().click();
    await page.getByTestId('me-name').waitFor();
    await waitFor('the badge to drop', async () => ((await nav.textContent()) ?? '').includes('2'));
    await nav.click();
    await page.getByTestId('read-all').click();
    await waitFor('no unread badge', async () => !/\d/.test((await nav.textContent()) ?? ''));
    const read = await ui.w.ds.getRepository(Notification).countBy({ corpId: ui.w.corpId, recipientUserid: ui.demo.employee, readAt: Not(IsNull()) });
    expect(read).toBe(3);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('admin at 1440 px: 消息, 通知记录 with read-back and deferral reasons, 通知设置 with 发送测试通知', async () => {
    const { context, page, errors } = await signInAs(ui, ui.demo.admin, { viewport: { width: 1440, height: 900 }, timezoneId: 'Asia/Shanghai' });
    await page.getByTestId('nav-messages').click();
    await page.getByTestId('messages-page').waitFor();
    await keepScreenshot(page, 'desktop-admin-messages');
    await page.getByTestId('open-notify-log').click();
    await page.getByTestId('notify-log-page').waitFor();
    await page.getByTestId('log-item').first().waitFor();
    const log = (await page.getByTestId('log-list').textContent()) ?? '';
    expect(log).toContain('合并到每日摘要');
    expect(log).toContain('已发送');
    await keepScreenshot(page, 'desktop-admin-notify-log');
    await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/notify-settings`);
    await page.getByTestId('notify-settings').waitFor();
    await expect(page.getByTestId('notify-settings').textContent()).resolves.toContain('每天 09:00 合并发送');
    await keepScreenshot(page, 'desktop-admin-notify-settings');
    await page.getByTestId('send-test').click();
    await page.getByText('测试通知已发出').waitFor();
    await waitFor('the test message in the sandbox inbox', async () => {
      const res = await fetch(`${ui.w.sandbox!.url}/sandbox/corps/${ui.w.corpId}/inbox/${ui.demo.admin}`);
      const body = (await res.json()) as { messages: { title: string }[] };
      return body.messages.filter((m) => m.title === '留才测试通知').length >= 2;
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the sandbox’s demo inbox page shows what “DingTalk” delivered', async () => {
    const context = await ui.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
    await movePageClock(context);
    const page = await context.newPage();
    await page.goto(`${ui.w.sandbox!.url}/sandbox/inbox`);
    await page.locator('#custom').fill(`${ui.w.corpId}|${ui.demo.employee}`);
    await page.locator('#load').click();
    await page.locator('.msg').first().waitFor();
    expect(await page.locator('.msg').count()).toBe(2);
    await keepScreenshot(page, 'phone-sandbox-inbox');
    await page.locator('button[data-read]').first().click();
    await waitFor('one message read', async () => (await page.locator('button[data-read]').count()) === 1);
    await context.close();
  });
});
