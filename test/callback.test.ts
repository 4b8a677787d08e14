import { createTestWorld, syncWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { DingTalkEvent, SyncRun, User } from '../server/src/entities';
import type { InProcessJobQueue } from '../server/src/jobs/inProcessJobQueue';
import type { CallbackCrypto } from '../server/src/dingtalk/callbackCrypto';
import { loadConfig } from '../server/src/config';
import { testDatabaseUrl } from './support/testEnv';

describe('DingTalk HTTP callback (event subscription)', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let crypto: CallbackCrypto;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'callback', employees: 40, seed: 21 });
    await syncWorld(w);
    server = await listen(w);
    crypto = w.callbackCrypto!;
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  /** Deliver an event the way DingTalk does: encrypted body, signature in the query (signed `ageMs` ago). */
  async function deliver(event: unknown, opts: { tamper?: boolean; ageMs?: number; to?: string } = {}) {
    const sealed = crypto.seal(JSON.stringify(event), String(Date.now() - (opts.ageMs ?? 0)), 'n0nce123');
    const signature = opts.tamper ? sealed.msg_signature.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) : sealed.msg_signature;
    const res = await fetch(`${opts.to ?? server.url}/dingtalk/callback?msg_signature=${signature}&timestamp=${sealed.timeStamp}&nonce=${sealed.nonce}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ encrypt: sealed.encrypt }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  function expectSuccessReply(body: Record<string, unknown>) {
    const reply = body as { msg_signature: string; timeStamp: string; nonce: string; encrypt: string };
    expect(crypto.open({ signature: reply.msg_signature, timestamp: reply.timeStamp, nonce: reply.nonce, encrypt: reply.encrypt })).toBe('success');
  }

  const events = () => w.ds.getRepository(DingTalkEvent).findBy({ corpId: w.corpId });

  it('answers the URL check with the encrypted "success" and records nothing', async () => {
    const res = await deliver({ EventType: 'check_url' });
    expect(res.status).toBe(200);
    expectSuccessReply(res.body);
    expect(await events()).toHaveLength(0);
  });

  it('re-reads a changed person after user_modify_org, once however often the event comes', async () => {
    const corp = w.sandboxHandle.corps.get(w.corpId)!;
    const target = w.sandbox!.demoUsers.employee;
    corp.setUserTitle(target, '大客户经理');
    const event = { EventType: 'user_modify_org', TimeStamp: '1764000000000', UserId: [target], CorpId: w.corpId };
    const first = await deliver(event);
    expect(first.status).toBe(200);
    expectSuccessReply(first.body);
    const again = await deliver(event);
    expectSuccessReply(again.body);
    await (w.jobs as InProcessJobQueue).idle();
    const row = await w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, userid: target });
    expect(row.title).toBe('大客户经理');
    expect(row.supervisorUserid).toBe(w.sandbox!.demoUsers.supervisor);
    expect((await events()).filter((e) => e.eventType === 'user_modify_org')).toHaveLength(1);
  });

  it('marks someone left after user_leave_org', async () => {
    const corp = w.sandboxHandle.corps.get(w.corpId)!;
    const leaver = [...corp.users.values()].find((u) => !corp.isManagerAnywhere(u.userid) && !Object.values(corp.demoUsers).includes(u.userid))!;
    corp.removeUser(leaver.userid);
    const res = await deliver({ EventType: 'user_leave_org', TimeStamp: '1764000000001', UserId: [leaver.userid], CorpId: w.corpId });
    expectSuccessReply(res.body);
    await (w.jobs as InProcessJobQueue).idle();
    const row = await w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, userid: leaver.userid });
    expect(row.status).toBe('left');
    expect(row.leftOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('runs an org sync (trigger "event") after a department event', async () => {
    const res = await deliver({ EventType: 'org_dept_modify', TimeStamp: '1764000000003', DeptId: [1], CorpId: w.corpId });
    expectSuccessReply(res.body);
    await (w.jobs as InProcessJobQueue).idle();
    const run = await w.ds.getRepository(SyncRun).findOneByOrFail({ corpId: w.corpId, trigger: 'event' });
    expect(run.status).toBe('succeeded');
  });

  it('keeps Chinese text intact through decryption', async () => {
    const event = { EventType: 'bpms_instance_change', processInstanceId: 'p-1', title: '张三提交的请假（100% 带薪）', type: 'finish', result: 'agree' };
    expectSuccessReply((await deliver(event)).body);
    const saved = (await events()).find((e) => e.eventType === 'bpms_instance_change');
    expect(saved?.payload).toEqual(event);
  });

  it('rejects a wrong signature and records nothing', async () => {
    const before = (await events()).length;
    const res = await deliver({ EventType: 'user_add_org', TimeStamp: '1764000000002', UserId: ['someone'] }, { tamper: true });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ ok: false, error: { id: 'callback_rejected', details: { reason: 'signature' } } });
    expect(await events()).toHaveLength(before);
  });

  it('refuses a callback signed more than 5 minutes ago or ahead (a captured one replayed later): 403, nothing recorded, no sync', async () => {
    const syncRuns = () => w.ds.getRepository(SyncRun).countBy({ corpId: w.corpId });
    const [eventsBefore, runsBefore] = [(await events()).length, await syncRuns()];
    const deptEvent = { EventType: 'org_dept_create', TimeStamp: '1764000000009', DeptId: [1], CorpId: w.corpId };
    for (const ageMs of [6 * 60_000, 24 * 3600_000, -6 * 60_000]) {
      const res = await deliver(deptEvent, { ageMs });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({
        ok: false,
        error: { id: 'callback_rejected', message: '钉钉回调已过期或时间戳无效（只接受前后 5 分钟内的回调）', details: { reason: 'timestamp' } },
      });
    }
    await (w.jobs as InProcessJobQueue).idle();
    expect(await events()).toHaveLength(eventsBefore);
    expect(await syncRuns()).toBe(runsBefore);
    // Four minutes late is within the window: taken in as usual.
    const late = await deliver(
      { EventType: 'user_modify_org', TimeStamp: '1764000000010', UserId: [w.sandbox!.demoUsers.employee], CorpId: w.corpId },
      { ageMs: 4 * 60_000 },
    );
    expect(late.status).toBe(200);
    expectSuccessReply(late.body);
    await (w.jobs as InProcessJobQueue).idle();
    expect(await events()).toHaveLength(eventsBefore + 1);
  });

  it('takes the window from DINGTALK_CALLBACK_WINDOW_SECONDS', async () => {
    const narrow = await listen({ ...w, config: loadConfig({ NODE_ENV: 'test', DATABASE_URL: testDatabaseUrl(), DINGTALK_CALLBACK_WINDOW_SECONDS: '60' }) });
    try {
      const res = await deliver({ EventType: 'user_modify_org', TimeStamp: '1764000000011', UserId: ['nobody'] }, { ageMs: 2 * 60_000, to: narrow.url });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: { message: '钉钉回调已过期或时间戳无效（只接受前后 1 分钟内的回调）' } });
      const fresh = await deliver({ EventType: 'check_url' }, { ageMs: 30_000, to: narrow.url });
      expect(fresh.status).toBe(200);
    } finally {
      await narrow.close();
    }
  });

  it('names the missing parameter on a malformed delivery', async () => {
    const res = await fetch(`${server.url}/dingtalk/callback?timestamp=1&nonce=x`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { id: string; details: { field: string }[] } };
    expect(body.error.id).toBe('validation_error');
    expect(body.error.details.map((d) => d.field)).toContain('encrypt');
  });
});
