import { WebSocket } from 'ws';
import { startSandbox, type SandboxHandle } from './index';
import type { StreamFrame } from './streamHub';

const CORP = { corpId: 'dingstreamgw', corpName: '流式网关测试', appKey: 'gw-key', appSecret: 'gw-secret', agentId: 42, seed: 5, employees: 30 };

interface Client {
  ws: WebSocket;
  frames: StreamFrame[];
  next(pred: (f: StreamFrame) => boolean, ms?: number): Promise<StreamFrame>;
  send(frame: unknown): void;
}

async function openTicket(h: SandboxHandle, body: Record<string, unknown> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${h.url}/v1.0/gateway/connections/open`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ clientId: CORP.appKey, clientSecret: CORP.appSecret, subscriptions: [{ type: 'EVENT', topic: '*' }], ua: 'gw-test', ...body }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function connect(h: SandboxHandle, body: Record<string, unknown> = {}): Promise<Client> {
  const { json } = await openTicket(h, body);
  const ws = new WebSocket(`${String(json.endpoint)}?ticket=${String(json.ticket)}`);
  const frames: StreamFrame[] = [];
  const waiters: { pred: (f: StreamFrame) => boolean; resolve: (f: StreamFrame) => void }[] = [];
  ws.on('message', (raw: Buffer) => {
    const frame = JSON.parse(raw.toString()) as StreamFrame;
    frames.push(frame);
    for (const w of [...waiters]) {
      if (!w.pred(frame)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(frame);
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    frames,
    next: (pred, ms = 3000) =>
      new Promise((resolve, reject) => {
        const seen = frames.find(pred);
        if (seen) return resolve(seen);
        const timer = setTimeout(() => reject(new Error('no matching frame')), ms);
        waiters.push({ pred, resolve: (f) => (clearTimeout(timer), resolve(f)) });
      }),
    send: (frame) => ws.send(JSON.stringify(frame)),
  };
}

const isEvent = (eventId?: string) => (f: StreamFrame) => f.type === 'EVENT' && (eventId === undefined || f.headers.eventId === eventId);
const ack = (c: Client, f: StreamFrame, status: 'SUCCESS' | 'LATER') =>
  c.send({
    code: 200,
    headers: { contentType: 'application/json', messageId: f.headers.messageId },
    message: 'OK',
    data: JSON.stringify({ status, message: 'x' }),
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Poll until `ok()` holds (a busy CI machine may take a while to process a frame); fail after 5 s. */
async function until(what: string, ok: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !ok(); i++) await sleep(20);
  if (!ok()) throw new Error(`timed out waiting for ${what}`);
}

describe('sandbox Stream gateway (doc 7.1 frames)', () => {
  let h: SandboxHandle;
  const clients: Client[] = [];
  const track = (c: Client) => (clients.push(c), c);

  beforeAll(async () => {
    h = await startSandbox({ corps: [CORP], stream: { redeliveryMs: 500, ticketTtlMs: 300, disconnectGraceMs: 100 } });
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.ws.terminate();
  });
  afterAll(() => h.close());

  it('answers the gateway call with a ws endpoint and ticket, and names a missing parameter', async () => {
    const ok = await openTicket(h);
    expect(ok.status).toBe(200);
    expect(Object.keys(ok.json).sort()).toEqual(['endpoint', 'ticket']);
    expect(ok.json.endpoint).toBe(`${h.url.replace('http:', 'ws:')}/connect`);
    const missing = await openTicket(h, { clientSecret: undefined });
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ code: 'InvalidParameter', message: 'clientSecret is mandatory for this action.' });
    const wrong = await openTicket(h, { clientSecret: 'nope' });
    expect(wrong).toMatchObject({ status: 401, json: { code: 'invalidClientIdOrSecret' } });
  });

  it('refuses an expired ticket', async () => {
    const { json } = await openTicket(h);
    await sleep(350);
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${String(json.endpoint)}?ticket=${String(json.ticket)}`);
      ws.on('error', () => undefined); // terminate() after a refused upgrade reports "closed before established"
      ws.once('unexpected-response', (_req, res) => (resolve(res.statusCode ?? 0), ws.terminate()));
      ws.once('open', () => (resolve(101), ws.terminate()));
    });
    expect(status).toBe(401);
    expect(h.stream.status().stats.ticketsRejected).toBeGreaterThan(0);
  });

  it('pushes an org change as an EVENT frame with every header of doc 7.1 and the Stream payload', async () => {
    const c = track(await connect(h));
    const corp = h.corps.get(CORP.corpId)!;
    const person = [...corp.users.values()][3]!;
    corp.setUserTitle(person.userid, '架构师');
    const f = await c.next(isEvent());
    expect(Object.keys(f).sort()).toEqual(['data', 'headers', 'specVersion', 'type']);
    expect(f.specVersion).toBe('1.0');
    expect(Object.keys(f.headers).sort()).toEqual(
      [
        'appId',
        'connectionId',
        'contentType',
        'eventBornTime',
        'eventCorpId',
        'eventId',
        'eventType',
        'eventUnifiedAppId',
        'messageId',
        'time',
        'topic',
      ].sort(),
    );
    expect(f.headers).toMatchObject({ topic: '*', contentType: 'application/json', eventType: 'user_modify_org', eventCorpId: CORP.corpId });
    expect(f.headers.time).toMatch(/^\d{13}$/);
    expect(f.headers.eventBornTime).toMatch(/^\d{13}$/);
    expect(typeof f.data).toBe('string');
    expect(JSON.parse(f.data)).toEqual({ timeStamp: f.headers.eventBornTime, userId: [person.userid] });
    ack(c, f, 'SUCCESS');
    await sleep(800); // longer than redeliveryMs: an unacknowledged frame would have come again
    expect(c.frames.filter(isEvent(f.headers.eventId))).toHaveLength(1); // acknowledged: never again
  });

  it('sends department events with deptId, hires as user_add_org and leaves as user_leave_org', async () => {
    const c = track(await connect(h));
    const corp = h.corps.get(CORP.corpId)!;
    corp.renameDept(1, '新名字');
    const dept = await c.next((f) => f.headers.eventType === 'org_dept_modify');
    expect(JSON.parse(dept.data)).toMatchObject({ deptId: [1] });
    const hired = corp.addUser();
    const add = await c.next((f) => f.headers.eventType === 'user_add_org');
    expect(JSON.parse(add.data)).toMatchObject({ userId: [hired.userid] });
    corp.removeUser(hired.userid);
    const leave = await c.next((f) => f.headers.eventType === 'user_leave_org');
    expect(JSON.parse(leave.data)).toMatchObject({ userId: [hired.userid] });
    for (const f of [dept, add, leave]) ack(c, f, 'SUCCESS');
  });

  it('pushes an unacknowledged event again with a new messageId and the same eventId; LATER too', async () => {
    const c = track(await connect(h));
    h.stream.publish(CORP.corpId, 'custom_event', { a: 1 }, 'evt-redeliver');
    const first = await c.next(isEvent('evt-redeliver'));
    const second = await c.next((f) => isEvent('evt-redeliver')(f) && f !== first);
    expect(second.headers.messageId).not.toBe(first.headers.messageId);
    expect(second.data).toBe(first.data);
    ack(c, second, 'LATER');
    const third = await c.next((f) => isEvent('evt-redeliver')(f) && f !== first && f !== second);
    ack(c, third, 'SUCCESS');
    await sleep(800); // longer than redeliveryMs: an unacknowledged frame would have come again
    expect(c.frames.filter(isEvent('evt-redeliver'))).toHaveLength(3);
    expect(h.stream.status().pending.find((p) => p.eventId === 'evt-redeliver')).toBeUndefined();
  });

  it('holds events while no client is connected and pushes them to the next one', async () => {
    await until('earlier clients to be gone', () => h.stream.status().connections.length === 0);
    h.stream.publish(CORP.corpId, 'custom_event', { held: true }, 'evt-held');
    expect(h.stream.status().pending.find((p) => p.eventId === 'evt-held')).toMatchObject({ waiting: true, pushes: 0 });
    const c = track(await connect(h));
    const f = await c.next(isEvent('evt-held'));
    ack(c, f, 'SUCCESS');
  });

  it('sends SYSTEM ping with opaque data and counts only a reply echoing it', async () => {
    const c = track(await connect(h));
    const answered = h.stream.status().stats.pingsAnswered;
    h.stream.ping();
    const ping = await c.next((f) => f.type === 'SYSTEM' && f.headers.topic === 'ping');
    expect(Object.keys(JSON.parse(ping.data) as object)).toEqual(['opaque']);
    expect(ping.headers).toMatchObject({ contentType: 'application/json' });
    c.send({ code: 200, headers: ping.headers, message: 'OK', data: '{"opaque":"wrong"}' });
    await sleep(100);
    expect(h.stream.status().stats.pingsAnswered).toBe(answered);
    h.stream.ping();
    const ping2 = await c.next((f) => f.type === 'SYSTEM' && f.headers.topic === 'ping' && f !== ping);
    c.send({ code: 200, headers: ping2.headers, message: 'OK', data: ping2.data });
    await until('the echoed ping to count', () => h.stream.status().stats.pingsAnswered > answered);
    expect(h.stream.status().stats.pingsAnswered).toBe(answered + 1);
  });

  it('sends SYSTEM disconnect with a reason, then closes the socket after the grace period', async () => {
    const c = track(await connect(h));
    const closed = new Promise<number>((resolve) => c.ws.once('close', (code) => resolve(code)));
    h.stream.disconnect('upgrade');
    const f = await c.next((fr) => fr.type === 'SYSTEM' && fr.headers.topic === 'disconnect');
    expect(JSON.parse(f.data)).toEqual({ reason: 'upgrade' });
    expect(await closed).toBe(1000);
  });

  it('exposes the controls over HTTP: push an arbitrary event, rename a department', async () => {
    const c = track(await connect(h));
    const res = await fetch(`${h.url}/sandbox/stream/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ corpId: CORP.corpId, eventType: 'bpms_instance_change', data: { processInstanceId: 'p1' } }),
    });
    expect(res.status).toBe(200);
    const { eventId } = (await res.json()) as { eventId: string };
    const f = await c.next(isEvent(eventId));
    expect(f.headers.eventType).toBe('bpms_instance_change');
    ack(c, f, 'SUCCESS');
    const bad = await fetch(`${h.url}/sandbox/stream/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"data":[1]}' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'validation_error', message: 'eventType is mandatory for this action.' });
    const rename = await fetch(`${h.url}/sandbox/corps/${CORP.corpId}/departments/1/rename`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"总部"}',
    });
    expect(await rename.json()).toEqual({ dept_id: 1, name: '总部' });
    ack(c, await c.next((fr) => fr.headers.eventType === 'org_dept_modify'), 'SUCCESS');
    const status = (await (await fetch(`${h.url}/sandbox/stream`)).json()) as { connections: unknown[] };
    expect(status.connections).toHaveLength(1);
    expect(JSON.stringify(status)).not.toContain(CORP.appSecret);
  });
});
