import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../server/src/db/dataSource';
import { startSandbox } from '../server/src/dingtalk/sandbox';
import { createDingTalkPort } from '../server/src/dingtalk/dingTalkPort';
import { loadConfig } from '../server/src/config';
import { createLogger } from '../server/src/logger';
import { Corp, Notification, NotificationSend } from '../server/src/entities';
import { recordNotification } from '../server/src/modules/notify/commands/notificationRecorder';
import { drainOutbox, type OutboxDeps } from '../server/src/modules/notify/commands/outboxSender';
import { collectReadbacks } from '../server/src/modules/notify/commands/readbackCollector';
import { daytimeClock } from './support/notifyWorld';

jest.setTimeout(60000);

describe('the notification outbox on the embedded SQLite database', () => {
  it('records, deduplicates, sends, defers, re-issues an interrupted call and reads back as on MariaDB', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liucai-notifylite-'));
    const corp = { corpId: 'dingnotifylite', corpName: '嵌入式', appKey: 'nl-key', appSecret: 'nl-secret', agentId: 1, seed: 5, employees: 30 };
    const sandbox = await startSandbox({ port: 0, corps: [corp] });
    const ds = await openDatabase({ kind: 'sqlite', path: path.join(dir, 'liucai.sqlite') }, { migrate: true });
    try {
      await ds.getRepository(Corp).insert({ corpId: corp.corpId, name: corp.corpName, agentId: 1 });
      const dingtalk = createDingTalkPort(
        { corpId: corp.corpId, appKey: corp.appKey, appSecret: corp.appSecret, agentId: 1, legacyBaseUrl: sandbox.url, v1BaseUrl: sandbox.url },
        { dingtalkCallsPerSecond: 200, dingtalkTimeoutMs: 10000, queuePrefix: 'nl' },
        null,
      );
      const clock = daytimeClock();
      const deps: OutboxDeps = {
        ds,
        messages: dingtalk.messages,
        settings: { ...loadConfig({}).notify, dailyCap: 2 },
        link: { corpId: corp.corpId, baseUrl: 'https://x.example.com', linkForm: 'https' },
        monthlyCallLimit: 10000,
        log: createLogger('silent'),
        now: clock.now,
      };
      const [a, b] = [...sandbox.corps.get(corp.corpId)!.users.keys()];
      const rec = (dedupeKey: string, recipients: string[], title: string) =>
        ds.transaction((em) =>
          recordNotification(
            em,
            { corpId: corp.corpId, recipients, kind: 'system.test', dedupeKey, urgency: 'now', title, body: '正文', page: '/me' },
            clock.now(),
          ),
        );
      expect(await rec('k1', [a!, b!], '第一条')).toBe(2);
      expect(await rec('k1', [a!, b!], '第一条')).toBe(0);
      await rec('k2', [a!], '第二条');
      await rec('k3', [a!], '第三条');
      const out = await drainOutbox(deps);
      expect(out.calls).toBe(2);
      const rows = await ds.getRepository(Notification).find({ where: { corpId: corp.corpId }, order: { id: 'ASC' } });
      expect(rows.map((r) => [r.title, r.status, r.waitReason])).toEqual([
        ['第一条', 'sent', null],
        ['第一条', 'sent', null],
        ['第二条', 'sent', null],
        ['第三条', 'deferred', 'daily_cap'],
      ]);

      // A call recorded but never answered (a killed worker) is re-issued once its lease lapses; DingTalk drops the repeat.
      await rec('k4', [b!], '第四条');
      const sends = ds.getRepository(NotificationSend);
      await drainOutbox(deps);
      const last = (await sends.find({ where: { corpId: corp.corpId }, order: { id: 'DESC' }, take: 1 }))[0]!;
      await sends.update({ id: last.id }, { status: 'calling', taskId: null, leaseUntil: clock.now() });
      await ds.getRepository(Notification).update({ sendId: last.id }, { status: 'sending' });
      clock.advance(1000);
      expect((await drainOutbox(deps)).reissued).toBe(1);
      expect(sandbox.messages.inbox(corp.corpId, b!).filter((m) => (m.msg as { action_card: { title: string } }).action_card.title === '第四条')).toHaveLength(
        1,
      );
      clock.advance(61 * 60_000);
      await collectReadbacks(deps);
      const fourth = await ds.getRepository(Notification).findOneByOrFail({ corpId: corp.corpId, dedupeKey: 'k4' });
      expect([fourth.status, fourth.delivery, fourth.deliveryCode]).toEqual(['sent', 'delivered', 143106]);
    } finally {
      await ds.destroy();
      await sandbox.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
