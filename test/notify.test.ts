import type { FindOptionsWhere } from 'typeorm';
import { createTestWorld, type TestWorld } from './support/testServices';
import { daytimeClock, inboxOf, outboxOf, sandboxPeople } from './support/notifyWorld';
import { drainOutbox } from '../server/src/modules/notify/commands/outboxSender';
import { recordNotification, type NotificationInput } from '../server/src/modules/notify/commands/notificationRecorder';
import { collectReadbacks } from '../server/src/modules/notify/commands/readbackCollector';
import { messageOfNotification } from '../server/src/modules/notify/commands/outboxMessage';
import { Notification, NotificationSend } from '../server/src/entities';
import { addMeteredCalls } from '../server/src/modules/sync/commands/callBudget';
import { SEND_API } from '../server/src/dingtalk/workNotificationApi';

jest.setTimeout(60000);

describe('the notification outbox against the DingTalk sandbox over real HTTP', () => {
  let w: TestWorld;
  let seq = 0;
  const input = (over: Partial<NotificationInput> & { recipients: string[] }): NotificationInput => ({
    corpId: w.corpId,
    kind: 'system.test',
    dedupeKey: `k${++seq}`,
    urgency: 'now',
    title: `通知 ${seq}`,
    body: `第 ${seq} 条通知的正文`,
    page: '/data',
    ...over,
  });
  const rows = (where: FindOptionsWhere<Notification> = {}) =>
    w.ds.getRepository(Notification).find({ where: { corpId: w.corpId, ...where }, order: { id: 'ASC' } });
  const sendCalls = () => w.sandboxHandle.stats().calls[SEND_API] ?? 0;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'notify', employees: 60, seed: 11 });
  });
  afterAll(async () => {
    await w.close();
  });

  it('never sends a notification recorded in a transaction that rolled back', async () => {
    const clock = daytimeClock();
    const [a] = sandboxPeople(w, 1);
    await expect(
      w.ds.transaction(async (em) => {
        await recordNotification(em, input({ recipients: [a!], dedupeKey: 'rolled-back' }), clock.now());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const out = await drainOutbox(outboxOf(w, clock));
    expect(out.calls).toBe(0);
    expect(await rows({ dedupeKey: 'rolled-back' })).toHaveLength(0);
    expect(await inboxOf(w, a!)).toHaveLength(0);
  });

  it('sends the same dedupe key to a person once, as an action card that opens the page with the corpId', async () => {
    const clock = daytimeClock();
    const [a] = sandboxPeople(w, 2).slice(1);
    for (let i = 0; i < 2; i++) {
      const added = await w.ds.transaction((em) =>
        recordNotification(em, input({ recipients: [a!], dedupeKey: 'once', title: '只发一次', body: '同一个去重键' }), clock.now()),
      );
      expect(added).toBe(i === 0 ? 1 : 0);
    }
    await drainOutbox(outboxOf(w, clock));
    await drainOutbox(outboxOf(w, clock));
    const inbox = await inboxOf(w, a!);
    expect(inbox.map((m) => m.title)).toEqual(['只发一次']);
    expect(inbox[0]!.link).toBe(
      `dingtalk://dingtalkclient/page/link?url=${encodeURIComponent(`https://liucai.example.com/app/?corpId=${w.corpId}#/data`)}&pc_slide=true`,
    );
    expect((await rows({ dedupeKey: 'once' })).map((r) => r.status)).toEqual(['sent']);
  });

  it('carries identical content to many people in one call', async () => {
    const clock = daytimeClock();
    const people = sandboxPeople(w, 12).slice(2);
    const before = sendCalls();
    await w.ds.transaction((em) =>
      recordNotification(em, input({ recipients: people, dedupeKey: 'many', title: '全员同一内容', body: '一次调用' }), clock.now()),
    );
    const out = await drainOutbox(outboxOf(w, clock));
    expect(out.calls).toBe(1);
    expect(sendCalls() - before).toBe(1);
    for (const p of people) expect((await inboxOf(w, p)).map((m) => m.title)).toContain('全员同一内容');
    const sends = await w.ds.getRepository(NotificationSend).findBy({ corpId: w.corpId, contentHash: (await rows({ dedupeKey: 'many' }))[0]!.contentHash! });
    expect(sends.map((s) => [s.status, s.recipientCount])).toEqual([['sent', 10]]);
  });

  it('holds messages in quiet hours until the morning, then sends them', async () => {
    const clock = daytimeClock();
    const [a] = sandboxPeople(w, 13).slice(12);
    clock.at('22:30');
    await w.ds.transaction((em) => recordNotification(em, input({ recipients: [a!], dedupeKey: 'night', title: '夜里记录的通知' }), clock.now()));
    await drainOutbox(outboxOf(w, clock));
    const [held] = await rows({ dedupeKey: 'night' });
    expect(held).toMatchObject({ status: 'deferred', waitReason: 'quiet_hours' });
    expect(held!.notBefore.getTime()).toBe(clock.at('08:30', 1).getTime());
    expect(await inboxOf(w, a!)).toHaveLength(0);
    clock.at('08:20');
    await drainOutbox(outboxOf(w, clock));
    expect((await rows({ dedupeKey: 'night' }))[0]!.status).toBe('deferred');
    clock.at('08:31');
    await drainOutbox(outboxOf(w, clock));
    expect((await rows({ dedupeKey: 'night' }))[0]!.status).toBe('sent');
    expect((await inboxOf(w, a!)).map((m) => m.title)).toEqual(['夜里记录的通知']);
  });

  it('combines a person’s digest items into one message at the digest time', async () => {
    const clock = daytimeClock();
    const [sup, other] = sandboxPeople(w, 15).slice(13);
    // A supervisor with 30 items behind, and an HR user with two kinds.
    await w.ds.transaction(async (em) => {
      for (let i = 0; i < 30; i++) {
        await recordNotification(
          em,
          input({ recipients: [sup!], kind: 'sync.failed', urgency: 'digest', dedupeKey: `d-sup-${i}`, title: `第 ${i} 项`, page: '/data' }),
          clock.now(),
        );
      }
      await recordNotification(em, input({ recipients: [other!], kind: 'sync.failed', urgency: 'digest', dedupeKey: 'd-o-1', page: '/data' }), clock.now());
      await recordNotification(em, input({ recipients: [other!], kind: 'sync.failed', urgency: 'digest', dedupeKey: 'd-o-2', page: '/data' }), clock.now());
      await recordNotification(
        em,
        input({ recipients: [other!], kind: 'sync.budgetStopped', urgency: 'digest', dedupeKey: 'd-o-3', page: '/org' }),
        clock.now(),
      );
    });
    await drainOutbox(outboxOf(w, clock));
    const waiting = await rows({ recipientUserid: sup! });
    expect(waiting.every((r) => r.status === 'pending' && r.waitReason === 'digest')).toBe(true);
    expect(waiting[0]!.notBefore.getTime()).toBe(clock.at('09:00', 1).getTime());
    clock.at('09:01');
    const before = sendCalls();
    await drainOutbox(outboxOf(w, clock));
    expect(sendCalls() - before).toBe(2);
    const supInbox = await inboxOf(w, sup!);
    expect(supInbox.map((m) => m.title)).toEqual(['今日待办：30 项数据同步失败']);
    expect(supInbox[0]!.link).toContain(encodeURIComponent('#/data'));
    const otherInbox = await inboxOf(w, other!);
    expect(otherInbox.map((m) => m.title)).toEqual(['今日待办：2 项数据同步失败，1 项同步因本月钉钉调用额度不足暂停']);
    // Items for different pages: the digest opens the message centre, which lists each one.
    expect(otherInbox[0]!.link).toContain(encodeURIComponent('#/messages'));
    expect((await rows({ recipientUserid: sup! })).every((r) => r.status === 'sent')).toBe(true);
  });

  it('keeps to the per-person daily cap and defers the rest with the reason, never dropping them', async () => {
    const clock = daytimeClock();
    const [a] = sandboxPeople(w, 16).slice(15);
    await w.ds.transaction(async (em) => {
      for (let i = 0; i < 5; i++) await recordNotification(em, input({ recipients: [a!], dedupeKey: `cap-${i}`, title: `上限 ${i}` }), clock.now());
    });
    await drainOutbox(outboxOf(w, clock, { dailyCap: 3 }));
    const r = await rows({ recipientUserid: a! });
    expect(r.map((x) => x.status)).toEqual(['sent', 'sent', 'sent', 'deferred', 'deferred']);
    const tomorrow = clock.at('08:30', 1).getTime();
    expect(r.slice(3).every((x) => x.waitReason === 'daily_cap' && x.notBefore.getTime() === tomorrow)).toBe(true);
    expect(await inboxOf(w, a!)).toHaveLength(3);
    // The next morning the rest go out.
    await drainOutbox(outboxOf(w, clock, { dailyCap: 3 }));
    expect((await rows({ recipientUserid: a! })).map((x) => x.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
  });

  it('defers the same content to the same person on the same day (DingTalk would drop it silently)', async () => {
    const clock = daytimeClock();
    const [a] = sandboxPeople(w, 17).slice(16);
    await w.ds.transaction(async (em) => {
      await recordNotification(em, input({ recipients: [a!], dedupeKey: 'same-1', title: '一样的内容', body: '一样' }), clock.now());
      await recordNotification(em, input({ recipients: [a!], dedupeKey: 'same-2', title: '一样的内容', body: '一样' }), clock.now());
    });
    await drainOutbox(outboxOf(w, clock));
    expect((await rows({ recipientUserid: a! })).map((x) => [x.status, x.waitReason])).toEqual([
      ['sent', null],
      ['deferred', 'same_content_today'],
    ]);
  });

  it('defers with the budget reason when the month’s metered calls are spent', async () => {
    const clock = daytimeClock();
    const [a] = sandboxPeople(w, 18).slice(17);
    const budgetCorp = await createTestWorld({ label: 'notifybudget', employees: 20 });
    try {
      const [b] = sandboxPeople(budgetCorp, 1);
      await budgetCorp.ds.transaction((em) => addMeteredCalls(em, budgetCorp.corpId, 100, clock.now()));
      await budgetCorp.ds.transaction((em) =>
        recordNotification(em, { ...input({ recipients: [b!] }), corpId: budgetCorp.corpId, dedupeKey: 'budget' }, clock.now()),
      );
      await drainOutbox(outboxOf(budgetCorp, clock, {}, 100));
      const [row] = await budgetCorp.ds.getRepository(Notification).findBy({ corpId: budgetCorp.corpId });
      expect(row).toMatchObject({ status: 'deferred', waitReason: 'budget' });
      expect(await inboxOf(budgetCorp, b!)).toHaveLength(0);
    } finally {
      await budgetCorp.close();
    }
    expect(a).toBeDefined();
  });

  it('reads back read, unread and DingTalk’s silent 143106 duplicate block', async () => {
    const clock = daytimeClock();
    const [reader, idle, dup] = sandboxPeople(w, 21).slice(18);
    const deps = outboxOf(w, clock);
    // Someone else already sent `dup` this exact message today: DingTalk answers success and drops ours.
    const content = { title: '重复的消息', body: '钉钉会拦截', page: '/data', pageQuery: null };
    await w.dingtalk.messages.send([dup!], messageOfNotification(deps.link, content).msg);
    await w.ds.transaction((em) =>
      recordNotification(em, input({ recipients: [reader!, idle!, dup!], dedupeKey: 'rb', title: content.title, body: content.body }), clock.now()),
    );
    await drainOutbox(deps);
    expect((await rows({ dedupeKey: 'rb' })).every((r) => r.status === 'sent' && r.delivery === 'unknown')).toBe(true);
    await fetch(`${w.sandbox!.url}/sandbox/corps/${w.corpId}/inbox/${reader!}/read`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    // Not yet due: nothing is asked.
    expect((await collectReadbacks(deps)).calls).toBe(0);
    clock.advance(61 * 60_000);
    // Other tests' calls of this corp are due too: each call is asked about once.
    const asked = await collectReadbacks(deps);
    expect(asked.calls).toBe(asked.sends);
    expect(asked.calls).toBeGreaterThanOrEqual(1);
    const by = new Map((await rows({ dedupeKey: 'rb' })).map((r) => [r.recipientUserid, [r.delivery, r.deliveryCode]]));
    expect(by.get(reader!)).toEqual(['read', null]);
    expect(by.get(idle!)).toEqual(['unread', null]);
    expect(by.get(dup!)).toEqual(['forbidden', 143106]);
    expect(await inboxOf(w, dup!)).toHaveLength(1);
  });

  it('fails messages to people who left, with the reason', async () => {
    const clock = daytimeClock();
    await w.ds.query('INSERT INTO users (corp_id, userid, name, status, is_admin, is_boss) VALUES (?, ?, ?, ?, 0, 0)', [
      w.corpId,
      'gone-user',
      '离职员工',
      'left',
    ]);
    await w.ds.transaction((em) => recordNotification(em, input({ recipients: ['gone-user'], dedupeKey: 'gone' }), clock.now()));
    await drainOutbox(outboxOf(w, clock));
    expect((await rows({ dedupeKey: 'gone' }))[0]).toMatchObject({ status: 'failed', error: '此人已离职，未发送' });
  });

  it('refuses unregistered kinds and bad pages with a Chinese error naming the field', async () => {
    await expect(
      w.ds.transaction((em) => recordNotification(em, { ...input({ recipients: ['x'] }), kind: 'no.such' as never, page: 'data' })),
    ).rejects.toMatchObject({ id: 'validation_error', details: [{ field: 'kind' }, { field: 'page' }] });
  });
});
