import { Writable } from 'node:stream';
import pino from 'pino';
import { WebSocket } from 'ws';
import { createTestWorld, openTestDb, syncWorld, type TestWorld } from './support/testServices';
import { waitFor } from './support/waitFor';
import { DingTalkEvent, SyncRun, User } from '../server/src/entities';
import { InProcessJobQueue } from '../server/src/jobs/inProcessJobQueue';
import { createJobHandlers, handlerDepsFrom } from '../server/src/jobs/handlers';
import { StreamReceiver, type StreamIntakeDeps } from '../server/src/modules/sync/events/streamReceiver';
import { REDACT_PATHS } from '../server/src/logger';

jest.setTimeout(60000);

/** Open a raw WebSocket and report whether the gateway let it in (and, if not, the HTTP status). */
function tryConnect(url: string): Promise<{ open: true; ws: WebSocket } | { open: false; status: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve({ open: true, ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ open: false, status: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    ws.once('error', () => resolve({ open: false, status: 0 }));
  });
}

describe('DingTalk events in Stream mode (dingtalk-stream against the sandbox gateway)', () => {
  let w: TestWorld;
  let intake: StreamIntakeDeps;
  let receiver: StreamReceiver;
  let jobs: InProcessJobQueue;

  const secret = () => `secret-${w.corpId}`;
  const corp = () => w.sandboxHandle.corps.get(w.corpId)!;
  const gateway = () => w.sandboxHandle.stream;
  const recorded = (eventKey: string) => w.ds.getRepository(DingTalkEvent).findBy({ corpId: w.corpId, eventKey });
  const streamEvents = () => w.ds.getRepository(DingTalkEvent).findBy({ corpId: w.corpId, source: 'stream' });
  const userRow = (userid: string) => w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, userid });
  /** An active person who manages nobody and is none of the demo users. */
  const ordinaryPerson = (skip: string[] = []) =>
    [...corp().users.values()].find(
      (u) => !corp().isManagerAnywhere(u.userid) && !Object.values(corp().demoUsers).includes(u.userid) && !skip.includes(u.userid),
    )!;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'stream', employees: 40, seed: 23, stream: { redeliveryMs: 400 } });
    await syncWorld(w);
    jobs = w.jobs as InProcessJobQueue;
    intake = { ds: w.ds, jobs: w.jobs, log: w.log, corpId: w.corpId, config: w.config };
    receiver = new StreamReceiver(intake, {
      clientId: w.appKey,
      clientSecret: secret(),
      v1BaseUrl: w.sandboxHandle.url,
      timeoutMs: 5000,
      pingIntervalMs: 1000,
      initialBackoffMs: 100,
      maxBackoffMs: 1000,
    });
    receiver.start();
    await waitFor('the Stream connection', async () => receiver.status().state === 'connected');
  });
  afterAll(async () => {
    await receiver.close();
    await w.close();
  });

  it('hands out a single-use ticket: the first WebSocket with it opens, a second use is refused', async () => {
    const res = await fetch(`${w.sandboxHandle.url}/v1.0/gateway/connections/open`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ clientId: w.appKey, clientSecret: secret(), subscriptions: [{ type: 'EVENT', topic: '*' }], ua: 'test' }),
    });
    expect(res.status).toBe(200);
    const { endpoint, ticket } = (await res.json()) as { endpoint: string; ticket: string };
    expect(endpoint).toBe(`${w.sandboxHandle.url.replace('http://', 'ws://')}/connect`);
    expect(ticket).toMatch(/^[0-9a-f]{48}$/);
    const first = await tryConnect(`${endpoint}?ticket=${ticket}`);
    expect(first.open).toBe(true);
    const again = await tryConnect(`${endpoint}?ticket=${ticket}`);
    expect(again).toEqual({ open: false, status: 401 });
    if (first.open) first.ws.terminate();
    expect((await tryConnect(`${endpoint}?ticket=not-a-ticket`)).open).toBe(false);
  });

  it('refuses the gateway call with a wrong secret', async () => {
    const res = await fetch(`${w.sandboxHandle.url}/v1.0/gateway/connections/open`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: w.appKey, clientSecret: 'wrong', subscriptions: [{ type: 'EVENT', topic: '*' }] }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'invalidClientIdOrSecret' });
  });

  it('re-reads a person after an org change arrives as user_modify_org, recorded once under its eventId', async () => {
    const target = w.sandbox!.demoUsers.employee;
    corp().setUserTitle(target, '战略客户总监');
    await waitFor('the re-read title', async () => (await userRow(target)).title === '战略客户总监');
    const events = (await streamEvents()).filter((e) => e.eventType === 'user_modify_org');
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ eventType: 'user_modify_org', userId: [target] });
    expect(events[0]!.payload.timeStamp).toMatch(/^\d{13}$/);
    await waitFor('the SUCCESS answer', async () => gateway().status().pending.length === 0);
  });

  it('marks someone left after user_leave_org', async () => {
    const leaver = ordinaryPerson();
    corp().removeUser(leaver.userid);
    await waitFor('the leaver marked left', async () => (await userRow(leaver.userid)).status === 'left');
    expect((await streamEvents()).some((e) => e.eventType === 'user_leave_org' && (e.payload.userId as string[]).includes(leaver.userid))).toBe(true);
  });

  it('runs an org sync after a department event', async () => {
    corp().renameDept(1, corp().getDept(1)!.name);
    const run = await waitFor('an event-triggered org sync', () =>
      w.ds.getRepository(SyncRun).findOneBy({ corpId: w.corpId, trigger: 'event', status: 'succeeded' }),
    );
    expect(run.countUsers).toBeGreaterThan(0);
    expect((await streamEvents()).some((e) => e.eventType === 'org_dept_modify')).toBe(true);
  });

  it('records a repeated eventId once and acknowledges both deliveries', async () => {
    const acked = gateway().status().stats.acked;
    const data = { timeStamp: String(Date.now()), processInstanceId: 'p-stream-1' };
    gateway().publish(w.corpId, 'bpms_instance_change', data, 'evt-dup-1');
    await waitFor('the first ack', async () => gateway().status().stats.acked === acked + 1);
    gateway().publish(w.corpId, 'bpms_instance_change', data, 'evt-dup-1');
    await waitFor('the second ack', async () => gateway().status().stats.acked === acked + 2);
    expect(await recorded('evt-dup-1')).toHaveLength(1);
  });

  it('answers LATER when intake fails, and records the event when DingTalk delivers it again', async () => {
    const broken = await openTestDb();
    await broken.destroy();
    intake.ds = broken; // the database is gone: intake throws
    const later = gateway().status().stats.later;
    try {
      gateway().publish(w.corpId, 'attendance_check_record', { timeStamp: String(Date.now()), DataList: [] }, 'evt-later-1');
      await waitFor('a LATER answer', async () => gateway().status().stats.later > later);
      expect(await recorded('evt-later-1')).toHaveLength(0);
      await broken.initialize(); // back
      await waitFor('the redelivered event recorded', async () => (await recorded('evt-later-1')).length === 1);
      await waitFor('the final SUCCESS', async () => gateway().status().pending.length === 0);
    } finally {
      intake.ds = w.ds;
      if (broken.isInitialized) await broken.destroy();
    }
  });

  it('still re-syncs when the event was recorded but its job could not be enqueued', async () => {
    const person = ordinaryPerson();
    const closedQueue = new InProcessJobQueue(createJobHandlers(handlerDepsFrom(w.config, w.ds, w.dingtalk, w.log)), w.log);
    await closedQueue.close();
    intake.jobs = closedQueue; // recording works, enqueueing throws
    const later = gateway().status().stats.later;
    try {
      corp().setUserTitle(person.userid, '行业解决方案专家');
      await waitFor('a LATER answer', async () => gateway().status().stats.later > later);
      const rows = (await streamEvents()).filter((e) => e.eventType === 'user_modify_org' && (e.payload.userId as string[]).includes(person.userid));
      expect(rows).toHaveLength(1); // recorded before the enqueue failed
      expect((await userRow(person.userid)).title).not.toBe('行业解决方案专家');
    } finally {
      intake.jobs = w.jobs;
    }
    // The redelivery is a duplicate, yet it enqueues the same targeted job.
    await waitFor('the re-read title', async () => (await userRow(person.userid)).title === '行业解决方案专家');
    await jobs.idle();
  });

  it('answers SYSTEM pings by echoing their data', async () => {
    const answered = gateway().status().stats.pingsAnswered;
    expect(gateway().ping(w.corpId)).toBe(1);
    await waitFor('the ping answer', async () => gateway().status().stats.pingsAnswered === answered + 1);
  });

  it('reconnects at once after a SYSTEM disconnect, and with backoff after a dropped connection', async () => {
    const before = receiver.status().connections;
    expect(gateway().disconnect('rebalancing', w.corpId)).toBe(1);
    await waitFor('a new connection after disconnect', async () => receiver.status().connections === before + 1 && receiver.status().state === 'connected');
    expect(gateway().drop(w.corpId)).toBe(1);
    await waitFor('a new connection after the drop', async () => receiver.status().connections === before + 2 && receiver.status().state === 'connected');
    const person = ordinaryPerson();
    corp().setUserTitle(person.userid, '重连后的头衔');
    await waitFor('an event over the new connection', async () => (await userRow(person.userid)).title === '重连后的头衔');
  });

  it('notices a dead connection by its own pings and reconnects', async () => {
    const before = receiver.status().connections;
    expect(gateway().freeze(w.corpId)).toBe(1); // no frame, no pong any more; the socket stays open
    await waitFor('a reconnect after silence', async () => receiver.status().connections === before + 1 && receiver.status().state === 'connected', 10000);
    await waitFor('only the new connection left', async () => {
      const conns = gateway()
        .status()
        .connections.filter((c) => c.corpId === w.corpId);
      return conns.length === 1 && !conns[0]!.frozen;
    });
  });

  it('reports a wrong secret clearly, keeps retrying, and never logs the secret', async () => {
    let out = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        out += chunk.toString();
        cb();
      },
    });
    const log = pino({ level: 'debug', redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
    const wrong = new StreamReceiver(
      { ...intake, log },
      { clientId: w.appKey, clientSecret: 'wrong-secret-4711', v1BaseUrl: w.sandboxHandle.url, timeoutMs: 5000, initialBackoffMs: 50, maxBackoffMs: 200 },
    );
    wrong.start();
    try {
      await waitFor('two failed attempts', async () => (out.match(/dingtalk stream connect failed/g) ?? []).length >= 2);
      const status = wrong.status();
      expect(status.state).toBe('connecting');
      expect(status.connections).toBe(0);
      expect(status.lastError).toMatch(/HTTP 401 invalidClientIdOrSecret.*DINGTALK_APP_SECRET/);
      expect(status.lastError).not.toContain('wrong-secret-4711');
      expect(out).not.toContain('wrong-secret-4711');
    } finally {
      await wrong.close();
    }
    expect(wrong.status().state).toBe('off');
  });
});
