/**
 * Benchmark: 10,000 personalised work notifications through the outbox, over real HTTP to a sandbox that enforces
 * DingTalk's 20 calls/s per API (and 5,000 recipients a minute), into MariaDB. Prints the calls, the time and the
 * ratio to the floor the limits set (calls / our rate of 18 per s, or recipients / 5,000 a minute, whichever is
 * longer). Then a day of digests for the same people — items counted per kind, as the composer words them — to
 * show how many metered calls notifications cost a month with daily digests.
 *
 *   npm run bench:notify -- [--employees 10000] [--rate 18] [--days 22] [--digests-only]
 */
import { MoreThanOrEqual } from 'typeorm';
import { numberArg } from './benchArgs';
import { openBenchWorld } from './benchWorld';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { recordNotification } from '../modules/notify/commands/notificationRecorder';
import { drainOutbox, type OutboxDeps } from '../modules/notify/commands/outboxSender';
import { collectReadbacks } from '../modules/notify/commands/readbackCollector';
import { NotificationSend } from '../entities';
import { PROGRESS_API, RESULT_API, SEND_API } from '../dingtalk/workNotificationApi';
import { createPrng } from '../dingtalk/sandbox/prng';

async function main(): Promise<void> {
  process.env.BENCH_DATABASE_URL ??= 'mysql://root@127.0.0.1:3306/liucai_bench_notify';
  const employees = numberArg('employees', 10000);
  const rate = numberArg('rate', 18);
  const days = numberArg('days', 22);
  const world = await openBenchWorld(employees, rate);
  const { ds, sandbox, corp, dingtalk } = world;
  const config = loadConfig({ NODE_ENV: 'test', NOTIFY_QUIET_HOURS: 'off' });
  // The real clock, moved forward for the digest day (the per-minute window needs time to pass).
  let offsetMs = 0;
  const nowMs = () => Date.now() + offsetMs;
  const deps: OutboxDeps = {
    ds,
    messages: dingtalk.messages,
    settings: config.notify,
    link: { corpId: corp.corpId, baseUrl: 'https://liucai.example.com', linkForm: 'dingtalk' },
    monthlyCallLimit: 10_000_000,
    log: createLogger('warn'),
    now: () => new Date(nowMs()),
  };
  const people = [...sandbox.corps.get(corp.corpId)!.users.values()].map((u) => ({ userid: u.userid, name: u.name }));

  const personal = !process.argv.includes('--digests-only');
  if (personal) await personalised(world, deps, people, employees, rate, nowMs);
  await digests(world, deps, people, days, (ms) => (offsetMs += ms), nowMs);
  await world.close();
}

type World = Awaited<ReturnType<typeof openBenchWorld>>;
type Person = { userid: string; name: string };

/** 1. 10,000 personalised notifications, each its own message (so each its own call). */
async function personalised(world: World, deps: OutboxDeps, people: Person[], employees: number, rate: number, nowMs: () => number): Promise<void> {
  const { ds, sandbox, corp, dingtalk } = world;
  const t0 = performance.now();
  await ds.transaction(async (em) => {
    for (const p of people) {
      await recordNotification(
        em,
        {
          corpId: corp.corpId,
          recipients: [p.userid],
          kind: 'system.test',
          dedupeKey: 'bench-personal',
          urgency: 'now',
          title: `${p.name}，你有一项测评待完成`,
          body: `${p.name}，请在月底前完成“大客户能力测评”。`,
          page: '/me',
        },
        new Date(nowMs()),
      );
    }
  });
  const recordSeconds = (performance.now() - t0) / 1000;
  sandbox.resetStats();
  const t1 = performance.now();
  // One drain job gives up after 8 minutes and the next tick takes over: drain until nothing is left, as the ticks would.
  const out = { calls: 0 };
  for (;;) {
    const round = await drainOutbox(deps);
    out.calls += round.calls;
    if (round.calls === 0) break;
  }
  const seconds = (performance.now() - t1) / 1000;
  const stats = sandbox.stats();
  const sendCalls = stats.calls[SEND_API] ?? 0;
  const delivered = people.filter((p) => sandbox.messages.inbox(corp.corpId, p.userid).length === 1).length;
  const floor = Math.max(sendCalls / rate, (employees / 5000) * 60);
  console.log(`recorded ${employees} notifications in ${recordSeconds.toFixed(1)} s (one transaction)`);
  console.log(`sent: ${out.calls} calls (sandbox counted ${sendCalls} asyncsend_v2), ${delivered} of ${employees} people got exactly one message`);
  console.log(`throttled by the sandbox ${stats.throttled}, failed ${stats.failed}, client retries ${dingtalk.client.stats().retries}`);
  console.log(
    `time ${seconds.toFixed(1)} s; floor ${floor.toFixed(1)} s (${sendCalls} calls / ${rate} per s; ${employees} recipients / 5,000 a minute = ${((employees / 5000) * 60).toFixed(0)} s); ratio ${(seconds / floor).toFixed(2)}x`,
  );
  console.log(
    `| ${employees} personalised | ${sendCalls} | ${seconds.toFixed(1)} s | ${floor.toFixed(1)} s | ${(seconds / floor).toFixed(2)}x | ${stats.throttled} |`,
  );
}

/**
 * 2. A day of digests: each person 0–4 items of two kinds (as a day of assessments and training reminders would
 * give), drained at the digest time, then read back an hour later.
 */
async function digests(world: World, deps: OutboxDeps, people: Person[], days: number, advance: (ms: number) => void, nowMs: () => number): Promise<void> {
  const { ds, sandbox, corp } = world;
  const prng = createPrng(7);
  let items = 0;
  advance(24 * 3600 * 1000);
  const dayStart = new Date(nowMs());
  await ds.transaction(async (em) => {
    for (const p of people) {
      const r = prng.next();
      const n = r < 0.4 ? 0 : r < 0.7 ? 1 : r < 0.9 ? 2 : r < 0.97 ? 3 : 4;
      for (let i = 0; i < n; i++) {
        const kind = prng.next() < 0.6 ? 'sync.failed' : 'sync.budgetStopped';
        await recordNotification(
          em,
          {
            corpId: corp.corpId,
            recipients: [p.userid],
            kind,
            dedupeKey: `bench-digest-${i}`,
            urgency: 'digest',
            title: `${p.name} 的待办 ${i + 1}`,
            body: '…',
            page: '/me',
          },
          dayStart,
        );
        items++;
      }
    }
  });
  advance(25 * 3600 * 1000); // past the next digest time
  const digestFrom = new Date(nowMs());
  sandbox.resetStats();
  const t2 = performance.now();
  const digestRun = await drainOutbox(deps);
  const digestSeconds = (performance.now() - t2) / 1000;
  const digestSends = await ds.getRepository(NotificationSend).countBy({ corpId: corp.corpId, createdAt: MoreThanOrEqual(digestFrom) });
  advance(61 * 60 * 1000);
  const read = await collectReadbacks(deps);
  let readCalls = read.calls;
  for (let more = read; more.sends === 50;) {
    more = await collectReadbacks(deps);
    readCalls += more.calls;
  }
  const s2 = sandbox.stats();
  const perDay = (s2.calls[SEND_API] ?? 0) + (s2.calls[RESULT_API] ?? 0) + (s2.calls[PROGRESS_API] ?? 0);
  const recipients = people.length;
  console.log(
    `digests: ${items} items for ${recipients} people -> ${digestRun.calls} calls (${digestSends} sends recorded) in ${digestSeconds.toFixed(1)} s; read-back ${readCalls} calls (getsendresult ${s2.calls[RESULT_API] ?? 0}, getsendprogress ${s2.calls[PROGRESS_API] ?? 0})`,
  );
  console.log(`metered calls a day with digests: ${perDay}; a month of ${days} working days: ${perDay * days}`);
  console.log(`| ${people.length} daily digests | ${items} items | ${digestRun.calls} | ${readCalls} | ${perDay} | ${perDay * days} |`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
