/**
 * What every request goes through, against the real server: the CSRF guard, body size and depth limits, errors in
 * the envelope in Chinese whatever produced them, security headers, and rate limits with a Chinese 429.
 */
import net from 'node:net';
import type { SyncRun as SyncRunDto } from '@liucai/shared';
import { Deal, ImportRun, SyncRun } from '../server/src/entities';
import { createSession } from '../server/src/modules/access/auth/sessions';
import { createTestWorld, syncWorld, type TestWorld } from './support/testServices';
import { TestClient } from './support/httpClient';
import { listen } from './support/testServer';

type Envelope = { ok: boolean; error: { id: string; message: string; details: unknown } };
const CJK = /[\u4e00-\u9fff]/;

describe('request guards', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let hr: TestClient;
  let admin: TestClient;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'guard', employees: 60, seed: 5, env: { PUBLIC_URL: 'https://liucai.example.com' } });
    await syncWorld(w);
    server = await listen(w);
    hr = new TestClient(server.url);
    await hr.signIn(w.sandbox!.demoUsers.hr, w.corpId);
    admin = new TestClient(server.url);
    await admin.signIn(w.sandbox!.demoUsers.admin, w.corpId);
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  const runs = () => w.ds.getRepository(SyncRun).countBy({ corpId: w.corpId });
  const post = (path: string, headers: Record<string, string>, body?: string, cookie = hr.cookie) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { cookie, ...headers }, body });

  describe('cross-site requests', () => {
    it('refuses a cross-site form post and a text/plain post from a foreign Origin; nothing starts', async () => {
      const before = await runs();
      const form = await post('/api/v1/sync/org', { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, 'x=1');
      expect(form.status).toBe(403);
      const body = (await form.json()) as Envelope;
      expect(body.error.id).toBe('cross_site_request');
      expect(body.error.message).toContain('https://evil.example');
      const text = await post('/api/v1/sync/org', { origin: 'https://evil.example', 'content-type': 'text/plain' }, '{}');
      expect(text.status).toBe(403);
      const json = await post('/api/v1/sync/org', { origin: 'https://evil.example', 'content-type': 'application/json' }, '{}');
      expect(json.status).toBe(403);
      expect(await runs()).toBe(before);
    });

    it('refuses a text/plain import commit from a foreign Origin, or without one; nothing is imported', async () => {
      const csv = `合同编号,客户名称,负责人,合同金额(元),签约日期\nCSRF-1,跨站客户,${w.sandbox!.demoUsers.employee},10000,2026-11-02\n`;
      const foreign = await post(
        '/api/v1/imports/deals?mode=commit',
        { origin: 'https://evil.example', 'content-type': 'text/plain', 'x-file-name': 'a.csv' },
        csv,
      );
      expect(foreign.status).toBe(403);
      const noOrigin = await post('/api/v1/imports/deals?mode=commit', { 'content-type': 'text/plain', 'x-file-name': 'a.csv' }, csv);
      expect(noOrigin.status).toBe(415);
      expect(((await noOrigin.json()) as Envelope).error.message).toContain('JSON');
      expect(await w.ds.getRepository(ImportRun).countBy({ corpId: w.corpId })).toBe(0);
      expect(await w.ds.getRepository(Deal).countBy({ corpId: w.corpId, customerName: '跨站客户' })).toBe(0);
    });

    it('refuses a browser request another site started without an Origin (Sec-Fetch-Site), and a cross-site DELETE', async () => {
      const res = await post('/api/v1/sync/org', { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, '{}');
      expect(res.status).toBe(403);
      const del = await fetch(`${server.url}/api/v1/admin/hr-scopes/${w.sandbox!.demoUsers.hr}`, {
        method: 'DELETE',
        headers: { cookie: admin.cookie, origin: 'https://evil.example' },
      });
      expect(del.status).toBe(403);
      expect((await hr.call('GET', '/api/v1/org/departments')).status).toBe(200);
    });

    it("accepts JSON from our own origin, from PUBLIC_URL's, and from non-browser clients", async () => {
      const own = await post('/api/v1/sync/departures', { origin: server.url, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }, '{}');
      expect(own.status).toBe(202);
      await waitIdle(w);
      const publicUrl = await post('/api/v1/sync/departures', { origin: 'https://liucai.example.com', 'content-type': 'application/json' }, '{}');
      expect(publicUrl.status).toBe(202);
      await waitIdle(w);
      expect((await hr.call<SyncRunDto>('POST', '/api/v1/sync/departures', {})).status).toBe(202);
      await waitIdle(w);
    });

    it('keeps DingTalk’s callback working whatever its Origin: it is signed, not cookie-borne', async () => {
      const sealed = w.callbackCrypto!.seal(JSON.stringify({ EventType: 'check_url' }));
      const res = await fetch(`${server.url}/dingtalk/callback?msg_signature=${sealed.msg_signature}&timestamp=${sealed.timeStamp}&nonce=${sealed.nonce}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://oapi.dingtalk.com' },
        body: JSON.stringify({ encrypt: sealed.encrypt }),
      });
      expect(res.status).toBe(200);
      const reply = (await res.json()) as { msg_signature: string; timeStamp: string; nonce: string; encrypt: string };
      expect(w.callbackCrypto!.open({ signature: reply.msg_signature, timestamp: reply.timeStamp, nonce: reply.nonce, encrypt: reply.encrypt })).toBe(
        'success',
      );
    });
  });

  describe('limits and errors, always in the envelope and in Chinese', () => {
    const expectChinese = async (res: Response, status: number, id: string) => {
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      const body = (await res.json()) as Envelope;
      expect(body).toMatchObject({ ok: false, error: { id } });
      expect(body.error.message).toMatch(CJK);
      return body.error;
    };

    it('413 for a JSON body over 256 KB', async () => {
      const big = JSON.stringify({ departmentIds: [1], pad: 'x'.repeat(300 * 1024) });
      const res = await fetch(`${server.url}/api/v1/admin/hr-scopes/nobody`, {
        method: 'PUT',
        headers: { cookie: admin.cookie, 'content-type': 'application/json' },
        body: big,
      });
      expect((await expectChinese(res, 413, 'payload_too_large')).message).toBe('请求内容太大：最多 256 KB');
    });

    it('400 for JSON nested deeper than 32 levels, and for JSON that does not parse', async () => {
      const deep = `${'['.repeat(40)}1${']'.repeat(40)}`;
      const res = await post('/api/v1/auth/dingtalk', { 'content-type': 'application/json' }, `{"code":${deep},"corpId":"x"}`);
      expect((await expectChinese(res, 400, 'validation_error')).message).toContain('嵌套太深');
      const broken = await post('/api/v1/auth/dingtalk', { 'content-type': 'application/json' }, '{"code":');
      expect((await expectChinese(broken, 400, 'bad_request')).message).toBe('请求内容不是有效的 JSON');
    });

    it('400 naming the field in Chinese when the body has the wrong shape (no zod English)', async () => {
      const arr = await admin.call('PUT', `/api/v1/admin/hr-scopes/${w.sandbox!.demoUsers.employee}`, [1, 2]);
      expect(arr.status).toBe(400);
      expect(arr.body.error.message).toBe('输入有误：(body) 应为对象，收到的是数组');
      const str = await admin.call('PUT', `/api/v1/admin/hr-scopes/${w.sandbox!.demoUsers.employee}`, { departmentIds: 'all' });
      expect(str.body.error.message).toMatch(CJK);
      expect(str.body.error.message).not.toMatch(/expected|received|Invalid/i);
    });

    it('405 for a method a route does not have, naming the allowed ones', async () => {
      const res = await fetch(`${server.url}/dingtalk/callback`, { method: 'GET' });
      expect(res.headers.get('allow')).toBe('POST');
      expect((await expectChinese(res, 405, 'method_not_allowed')).message).toBe('该接口不支持 GET 请求（支持 POST）');
      const me = await fetch(`${server.url}/api/v1/me`, { method: 'PUT', headers: { cookie: hr.cookie, 'content-type': 'application/json' }, body: '{}' });
      await expectChinese(me, 405, 'method_not_allowed');
    });

    it('431 for headers too large, answered in the envelope instead of an empty reply', async () => {
      const raw = await rawRequest(server.url, `GET /api/v1/me HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`);
      expect(raw).toMatch(/^HTTP\/1\.1 431 /);
      expect(raw).toMatch(/content-type: application\/json; charset=utf-8/i);
      const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as Envelope;
      expect(body).toMatchObject({ ok: false, error: { id: 'headers_too_large' } });
      expect(body.error.message).toMatch(CJK);
      const garbage = await rawRequest(server.url, 'NOT HTTP AT ALL\r\n\r\n');
      expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
      expect(garbage).toContain('"id":"bad_request"');
    });

    it('404 in the envelope for unknown paths outside the API too', async () => {
      await expectChinese(await fetch(`${server.url}/nothing-here`), 404, 'not_found');
    });
  });

  describe('security headers', () => {
    it('on the micro-app and on every API answer, errors included: nosniff, DingTalk-only framing, no HSTS over plain HTTP', async () => {
      for (const path of ['/app/', '/api/v1/auth/options', '/api/v1/me', '/nothing-here']) {
        const res = await fetch(`${server.url}${path}`);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("frame-ancestors 'self' *.dingtalk.com 7ding.ai *.7ding.ai");
        expect(csp).toContain("object-src 'none'");
        expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
        expect(res.headers.get('x-frame-options')).toBeNull();
        expect(res.headers.get('strict-transport-security')).toBeNull();
      }
    });
  });
});

describe('rate limits', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    w = await createTestWorld({
      label: 'rate',
      employees: 40,
      seed: 5,
      env: { RATE_LIMIT_LOGIN_PER_MINUTE: '6', RATE_LIMIT_LOGIN_FAILURES_PER_MINUTE: '3', RATE_LIMIT_SYNC_PER_MINUTE: '2', RATE_LIMIT_IMPORT_PER_MINUTE: '2' },
    });
    await syncWorld(w);
    server = await listen(w);
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  const expect429 = async (res: { status: number; body: Envelope }, what: string, limit: number) => {
    expect(res.status).toBe(429);
    expect(res.body.error.id).toBe('rate_limited');
    expect(res.body.error.message).toMatch(new RegExp(`^操作太频繁：${what}每分钟最多 ${limit} 次，请 \\d+ 秒后再试$`));
  };

  it('limits failed sign-ins per client address, then all sign-ins', async () => {
    const c = new TestClient(server.url);
    for (let i = 0; i < 3; i++) expect((await c.call('POST', '/api/v1/auth/dingtalk', { code: 'forged', corpId: w.corpId })).status).toBe(401);
    await expect429(await c.call('POST', '/api/v1/auth/dingtalk', { code: 'forged', corpId: w.corpId }), '登录失败', 3);
    // The sandbox-code and sign-in requests share the per-address budget of 6 a minute (3 spent on failures).
    const res = await fetch(`${server.url}/api/v1/auth/sandbox-code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userid: w.sandbox!.demoUsers.hr, corpId: w.corpId }),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits "sync now" and imports per person', async () => {
    const ds = w.ds;
    // Signed in without the HTTP sign-in route, whose per-address budget the test above spent.
    const hr = new TestClient(server.url);
    hr.cookie = `liucai_sid=${await createSession(ds, w.corpId, w.sandbox!.demoUsers.hr, 1)}`;
    for (let i = 0; i < 2; i++) {
      expect((await hr.call('POST', '/api/v1/sync/departures', {})).status).toBe(202);
      await waitIdle(w);
    }
    const before = await ds.getRepository(SyncRun).countBy({ corpId: w.corpId });
    await expect429(await hr.call('POST', '/api/v1/sync/departures', {}), '立即同步', 2);
    expect(await ds.getRepository(SyncRun).countBy({ corpId: w.corpId })).toBe(before);

    const upload = () =>
      fetch(`${server.url}/api/v1/imports/deals?mode=dry-run`, {
        method: 'POST',
        headers: { cookie: hr.cookie, 'content-type': 'text/csv', 'x-file-name': 'a.csv' },
        body: '合同编号,客户名称,负责人,合同金额(元),签约日期\n',
      });
    for (let i = 0; i < 2; i++) expect((await upload()).status).toBe(200);
    const limited = await upload();
    await expect429({ status: limited.status, body: (await limited.json()) as Envelope }, '导入', 2);
  });
});

async function waitIdle(w: TestWorld): Promise<void> {
  await (w.jobs as { idle?: () => Promise<void> }).idle?.();
}

/** Send raw bytes to the server and read whatever it answers until it closes the connection. */
function rawRequest(base: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(bytes));
    let out = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (out += d));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
}
