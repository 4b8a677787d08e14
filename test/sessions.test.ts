/**
 * Sessions against the real server: expiry, idle timeout, logout, rotation on sign-in, revocation the request after a
 * person leaves or loses a role, cookie flags per mode, and HTTPS checked before DingTalk's one-time code is spent.
 */
import { createHash } from 'node:crypto';
import { Not } from 'typeorm';
import type { Me } from '@liucai/shared';
import { HrScope, Session, User } from '../server/src/entities';
import { createOrgSyncRun } from '../server/src/modules/sync/commands/orgSyncRunCreator';
import { runOrgSync } from '../server/src/modules/sync/commands/orgSyncer';
import { createTestWorld, syncWorld, type TestWorld } from './support/testServices';
import { TestClient } from './support/httpClient';
import { listen } from './support/testServer';
import { waitFor } from './support/waitFor';

const sessionRow = (w: TestWorld, cookie: string) =>
  w.ds.getRepository(Session).findOneBy({
    idHash: createHash('sha256')
      .update(cookie.replace(/^liucai_sid=/, ''))
      .digest('hex'),
  });

describe('sessions', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let demo: { admin: string; hr: string; supervisor: string; employee: string };

  beforeAll(async () => {
    w = await createTestWorld({ label: 'sess', employees: 80, seed: 5, env: { SESSION_IDLE_MINUTES: '30' } });
    await syncWorld(w);
    demo = w.sandbox!.demoUsers;
    server = await listen(w);
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  const signedIn = async (userid: string) => {
    const c = new TestClient(server.url);
    expect((await c.signIn(userid, w.corpId)).status).toBe(200);
    return c;
  };

  it('ends a session at its expiry', async () => {
    const c = await signedIn(demo.employee);
    expect((await c.call('GET', '/api/v1/me')).status).toBe(200);
    const row = await sessionRow(w, c.cookie);
    await w.ds.getRepository(Session).update({ idHash: row!.idHash }, { expiresAt: new Date(Date.now() - 1000) });
    const res = await c.call('GET', '/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ id: 'unauthenticated', message: '登录已过期，请重新登录' });
    expect(await sessionRow(w, c.cookie)).toBeNull();
  });

  it('ends a session left unused for SESSION_IDLE_MINUTES, and keeps one in use alive', async () => {
    const idle = await signedIn(demo.employee);
    const busy = await signedIn(demo.employee);
    const rows = w.ds.getRepository(Session);
    await rows.update({ idHash: (await sessionRow(w, idle.cookie))!.idHash }, { lastSeenAt: new Date(Date.now() - 31 * 60_000) });
    await rows.update({ idHash: (await sessionRow(w, busy.cookie))!.idHash }, { lastSeenAt: new Date(Date.now() - 29 * 60_000) });
    const res = await idle.call('GET', '/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('长时间未操作，已自动退出，请重新登录');
    // A request in time is served and counts as activity: the idle clock starts again.
    expect((await busy.call('GET', '/api/v1/me')).status).toBe(200);
    await waitFor('the session’s last use recorded', async () => Date.now() - (await sessionRow(w, busy.cookie))!.lastSeenAt!.getTime() < 60_000);
  });

  it('answers without waiting for the session’s last-use write, and writes it once for requests arriving together', async () => {
    const c = await signedIn(demo.employee);
    const { idHash } = (await sessionRow(w, c.cookie))!;
    const longAgo = new Date(Date.now() - 5 * 60_000);
    await w.ds.getRepository(Session).update({ idHash }, { lastSeenAt: longAgo });
    // Another transaction holds the session's row (as a long write would): a request that waited for its write would hang.
    const holder = w.ds.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query('SELECT id_hash FROM sessions WHERE id_hash = ? FOR UPDATE', [idHash]);
      const answers = await Promise.all([1, 2, 3, 4].map(() => c.call('GET', '/api/v1/me')));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      // Still held: nothing written yet, and one write waits (not one per request).
      const waiting = async () =>
        Number(
          (
            (await w.ds.query("SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE INFO LIKE 'UPDATE `sessions`%' AND DB = DATABASE()")) as {
              n: number | string;
            }[]
          )[0]!.n,
        );
      await waitFor('the last-use write waiting for the row', async () => (await waiting()) > 0);
      expect(await waiting()).toBe(1);
    } finally {
      await holder.commitTransaction();
      await holder.release();
    }
    await waitFor('the last use recorded once the row is free', async () => Date.now() - (await sessionRow(w, c.cookie))!.lastSeenAt!.getTime() < 60_000);
  });

  it('ends the session at logout: the old cookie value is refused afterwards', async () => {
    const c = await signedIn(demo.employee);
    const stolen = c.cookie;
    expect((await c.call('POST', '/api/v1/auth/logout', {})).status).toBe(200);
    expect(await sessionRow(w, stolen)).toBeNull();
    const replay = await fetch(`${server.url}/api/v1/me`, { headers: { cookie: stolen } });
    expect(replay.status).toBe(401);
  });

  it('starts a new session at every sign-in and ends the one the browser had', async () => {
    const c = await signedIn(demo.employee);
    const first = c.cookie;
    expect((await c.signIn(demo.employee, w.corpId)).status).toBe(200);
    expect(c.cookie).not.toBe(first);
    expect((await fetch(`${server.url}/api/v1/me`, { headers: { cookie: first } })).status).toBe(401);
    expect((await c.call('GET', '/api/v1/me')).status).toBe(200);
    // Someone else signing in on the same browser ends the previous person's session too.
    const before = c.cookie;
    await c.signIn(demo.supervisor, w.corpId);
    expect((await fetch(`${server.url}/api/v1/me`, { headers: { cookie: before } })).status).toBe(401);
    expect((await c.call<Me>('GET', '/api/v1/me')).body.data.userid).toBe(demo.supervisor);
  });

  it('refuses a person from the request after the org sync marks them left, and drops their sessions', async () => {
    const teammate = await w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, supervisorUserid: demo.supervisor, userid: Not(demo.employee) });
    const c = await signedIn(teammate.userid);
    expect((await c.call('GET', '/api/v1/me')).status).toBe(200);
    w.sandboxHandle.corps.get(w.corpId)!.removeUser(teammate.userid);
    const run = await createOrgSyncRun(w.ds, w.corpId, 'manual', null);
    await runOrgSync({ ds: w.ds, source: w.dingtalk, apiCalls: () => w.dingtalk.callCount(), concurrency: 4 }, run!.id, { finalAttempt: true });
    expect((await w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, userid: teammate.userid })).status).toBe('left');
    const res = await c.call('GET', '/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.body.error.message).toContain('离职');
    expect(await w.ds.getRepository(Session).countBy({ corpId: w.corpId, userid: teammate.userid })).toBe(0);
  });

  it('takes a lost role away on the next request: HR scope removed, reports moved, admin revoked', async () => {
    const admin = await signedIn(demo.admin);
    const hr = await signedIn(demo.hr);
    expect((await hr.call('GET', '/api/v1/org/departments')).status).toBe(200);
    const scopes = await w.ds.getRepository(HrScope).findBy({ corpId: w.corpId, userid: demo.hr });
    expect((await admin.call('DELETE', `/api/v1/admin/hr-scopes/${demo.hr}`)).status).toBe(200);
    expect((await hr.call('GET', '/api/v1/org/departments')).status).toBe(403);
    expect((await hr.call<Me>('GET', '/api/v1/me')).body.data.roles).toEqual(['employee']);
    await w.ds.getRepository(HrScope).insert(scopes);

    const sup = await signedIn(demo.supervisor);
    expect((await sup.call('GET', `/api/v1/users/${demo.employee}`)).status).toBe(200);
    const users = w.ds.getRepository(User);
    const reports = await users.findBy({ corpId: w.corpId, supervisorUserid: demo.supervisor });
    await users.update({ corpId: w.corpId, supervisorUserid: demo.supervisor }, { supervisorUserid: demo.admin });
    expect((await sup.call('GET', `/api/v1/users/${demo.employee}`)).status).toBe(404);
    expect((await sup.call<Me>('GET', '/api/v1/me')).body.data.roles).toEqual(['employee']);
    for (const r of reports) await users.update({ corpId: w.corpId, userid: r.userid }, { supervisorUserid: demo.supervisor });

    expect((await admin.call('GET', '/api/v1/admin/hr-scopes')).status).toBe(200);
    await users.update({ corpId: w.corpId, userid: demo.admin }, { isAdmin: false });
    expect((await admin.call('GET', '/api/v1/admin/hr-scopes')).status).toBe(403);
    await users.update({ corpId: w.corpId, userid: demo.admin }, { isAdmin: true });
  });

  it('sets an HttpOnly, SameSite=Lax session cookie without Secure outside production', async () => {
    const c = new TestClient(server.url);
    const { body } = await c.call<{ code: string }>('POST', '/api/v1/auth/sandbox-code', { userid: demo.employee, corpId: w.corpId });
    const res = await fetch(`${server.url}/api/v1/auth/dingtalk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: body.data.code, corpId: w.corpId }),
    });
    const cookie = res.headers.getSetCookie().find((s) => s.startsWith('liucai_sid='))!;
    expect(cookie).toMatch(/; path=\//i);
    expect(cookie).toMatch(/; httponly/i);
    expect(cookie).toMatch(/; samesite=lax/i);
    // SESSION_TTL_HOURS (12) from now.
    const expires = Date.parse(/; expires=([^;]+)/i.exec(cookie)![1]!);
    expect(Math.abs(expires - (Date.now() + 12 * 3600_000))).toBeLessThan(60_000);
    expect(cookie).not.toMatch(/; secure/i);
  });
});

describe('sessions behind a TLS proxy (COOKIE_SECURE=true)', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    w = await createTestWorld({ label: 'sesstls', employees: 40, seed: 5, env: { COOKIE_SECURE: 'true' } });
    await syncWorld(w);
    server = await listen(w);
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  const login = (code: string, headers: Record<string, string>) =>
    fetch(`${server.url}/api/v1/auth/dingtalk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ code, corpId: w.corpId }),
    });

  it('answers a clear error, before spending the auth code, when the proxy does not say HTTPS; then signs in with Secure', async () => {
    const c = new TestClient(server.url);
    const { body } = await c.call<{ code: string }>('POST', '/api/v1/auth/sandbox-code', { userid: w.sandbox!.demoUsers.employee, corpId: w.corpId });
    // As the browser sends it: from our https page, through a proxy that does not forward the scheme.
    const plain = await login(body.data.code, { origin: `https://${new URL(server.url).host}` });
    expect(plain.status).toBe(400);
    const err = ((await plain.json()) as { error: { id: string; message: string } }).error;
    expect(err.id).toBe('https_required');
    expect(err.message).toContain('X-Forwarded-Proto');
    // The same one-time code still works once the proxy forwards the scheme: it was never exchanged.
    const tls = await login(body.data.code, { 'x-forwarded-proto': 'https' });
    expect(tls.status).toBe(200);
    const cookie = tls.headers.getSetCookie().find((s) => s.startsWith('liucai_sid='))!;
    expect(cookie).toMatch(/; secure/i);
    expect(cookie).toMatch(/; httponly/i);
    expect(tls.headers.get('strict-transport-security')).toBe('max-age=15552000');
  });
});
