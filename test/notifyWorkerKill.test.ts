import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { waitFor } from './support/waitFor';
import { createTestWorld, type TestWorld } from './support/testServices';
import { TEST_REDIS_URL, testDatabaseUrl } from './support/testEnv';
import { inboxOf, outboxOf, sandboxPeople, TestClock } from './support/notifyWorld';
import { recordNotification } from '../server/src/modules/notify/commands/notificationRecorder';
import { kickOutbox } from '../server/src/modules/notify/commands/outboxKick';
import { collectReadbacks } from '../server/src/modules/notify/commands/readbackCollector';
import { Notification, NotificationSend } from '../server/src/entities';
import { repoRoot } from '../server/src/util/repoRoot';
import { movedClockEnv } from './support/laterClock';

jest.setTimeout(120000);

const WORKER = path.join(repoRoot(), 'server/dist/server/src/worker.js');

/** A real `npm run worker` process; `pauseMs` holds it between DingTalk's answer and the write of it. */
function startWorker(w: TestWorld, pauseMs: number): { child: ChildProcess; output: () => string; exit: Promise<NodeJS.Signals | number | null> } {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    ...movedClockEnv(),
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: testDatabaseUrl(),
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: w.config.queuePrefix,
    JOB_LOCK_MS: '2000',
    DINGTALK_CORP_ID: w.corpId,
    DINGTALK_APP_KEY: w.appKey,
    DINGTALK_APP_SECRET: `secret-${w.corpId}`,
    DINGTALK_AGENT_ID: '1000',
    DINGTALK_LEGACY_BASE_URL: w.sandbox!.url,
    DINGTALK_V1_BASE_URL: w.sandbox!.url,
    DINGTALK_CALLS_PER_SECOND: '200',
    DINGTALK_TIMEOUT_MS: '2000',
    NOTIFY_SEND_LEASE_MS: '3000',
    NOTIFY_TICK_CRON: '*/2 * * * * *',
    NOTIFY_QUIET_HOURS: 'off',
    NOTIFY_TEST_PAUSE_AFTER_SEND_MS: String(pauseMs),
  };
  const child = spawn(process.execPath, [WORKER], { env, cwd: repoRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  return { child, output: () => out, exit };
}

async function withOutput<T>(worker: { output: () => string }, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}\nworker output:\n${worker.output()}`, { cause: err });
  }
}

describe('a worker killed with SIGKILL between DingTalk’s answer and our write', () => {
  let w: TestWorld;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    w = await createTestWorld({ label: 'notifykill', employees: 40, seed: 19, jobs: 'bullmq', env: { NOTIFY_QUIET_HOURS: 'off' } });
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await w?.close();
  });

  it('leaves calls recorded as calling; the next worker reconciles them and nobody gets anything twice', async () => {
    const people = sandboxPeople(w, 20);
    const now = new Date();
    // 10 people get one shared message (one call), 10 get their own (10 calls).
    await w.ds.transaction(async (em) => {
      await recordNotification(
        em,
        {
          corpId: w.corpId,
          recipients: people.slice(0, 10),
          kind: 'system.test',
          dedupeKey: 'shared',
          urgency: 'now',
          title: '大家的通知',
          body: '同一内容',
          page: '/messages',
        },
        now,
      );
      for (const p of people.slice(10)) {
        await recordNotification(
          em,
          {
            corpId: w.corpId,
            recipients: [p],
            kind: 'system.test',
            dedupeKey: 'own',
            urgency: 'now',
            title: `给 ${p} 的通知`,
            body: '个人内容',
            page: '/messages',
          },
          now,
        );
      }
    });
    const first = startWorker(w, 60_000);
    children.push(first.child);
    await kickOutbox(w.jobs, w.corpId);
    // DingTalk has answered at least one call; the worker holds before writing any answer.
    await withOutput(first, () => waitFor('DingTalk to receive a send', async () => w.sandboxHandle.messages.taskCount() > 0, 60000, 20));
    await new Promise((r) => setTimeout(r, 300));
    first.child.kill('SIGKILL');
    expect(await first.exit).toBe('SIGKILL');

    const sends = w.ds.getRepository(NotificationSend);
    const atKill = await sends.findBy({ corpId: w.corpId });
    expect(atKill.length).toBe(11);
    expect(atKill.every((s) => s.status === 'calling' && s.taskId === null)).toBe(true);
    const tasksAtKill = w.sandboxHandle.messages.taskCount();
    expect(tasksAtKill).toBeGreaterThan(0);
    const deliveredAtKill = (await Promise.all(people.map((p) => inboxOf(w, p)))).filter((inbox) => inbox.length > 0).length;
    expect(deliveredAtKill).toBeGreaterThan(0);

    const second = startWorker(w, 0);
    children.push(second.child);
    await withOutput(second, () =>
      waitFor('every call to be reconciled', async () => (await sends.findBy({ corpId: w.corpId })).every((s) => s.status === 'sent'), 60000, 200),
    );
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);

    // Each person has exactly the one message meant for them.
    for (const p of people) {
      const inbox = await inboxOf(w, p);
      expect(inbox.map((m) => m.title)).toEqual([people.indexOf(p) < 10 ? '大家的通知' : `给 ${p} 的通知`]);
    }
    const rows = await w.ds.getRepository(Notification).findBy({ corpId: w.corpId });
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    const after = await sends.findBy({ corpId: w.corpId });
    expect(after.every((s) => s.attempt === 2)).toBe(true);
    // Every recorded call was issued again: DingTalk dropped the repeats of those that had already arrived.
    expect(w.sandboxHandle.messages.taskCount()).toBe(tasksAtKill + 11);

    // Read-back: a re-issue DingTalk calls a duplicate (143106) means the first call arrived.
    const clock = new TestClock(Date.now());
    clock.advance(61 * 60_000);
    await collectReadbacks(outboxOf(w, clock));
    const read = await w.ds.getRepository(Notification).findBy({ corpId: w.corpId });
    const delivered = read.filter((r) => r.delivery === 'delivered');
    expect(delivered.length).toBe(deliveredAtKill);
    expect(delivered.every((r) => r.deliveryCode === 143106)).toBe(true);
    expect(read.filter((r) => r.delivery === 'unread').length).toBe(20 - deliveredAtKill);
  });
});
