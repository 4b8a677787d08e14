import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { DingTalkClient, type DingTalkClientConfig } from './dingTalkClient';
import { DingTalkError, TransportCode } from './errors';
import { signJsapi } from './jsapiSignature';
import type { LegacyResultResponse, UserDetail } from './legacyTypes';
import { startSandbox, type SandboxHandle } from './sandbox';
import { LegacyErr, TOKEN_REFRESH_MARGIN_SECONDS, TOKEN_TTL_SECONDS, V1Err } from './wireFacts';

const CORP = { corpId: 'dingclienttest', appKey: 'client-test-key', appSecret: 'client-test-secret', agentId: 4001, seed: 7, employees: 120 };

let sandbox: SandboxHandle;
const redis = new Redis({ host: '127.0.0.1', port: 6379 });
const prefixes: string[] = [];

function client(overrides: Partial<DingTalkClientConfig> = {}): DingTalkClient {
  return new DingTalkClient({
    corpId: CORP.corpId,
    appKey: CORP.appKey,
    appSecret: CORP.appSecret,
    agentId: CORP.agentId,
    legacyBaseUrl: sandbox.url,
    v1BaseUrl: sandbox.url,
    baseDelayMs: 5,
    ...overrides,
  });
}

function uniquePrefix(): string {
  const prefix = `test:${randomUUID()}:`;
  prefixes.push(prefix);
  return prefix;
}

function corp() {
  const c = sandbox.corps.get(CORP.corpId);
  if (!c) throw new Error('sandbox corp missing');
  return c;
}

beforeAll(async () => {
  sandbox = await startSandbox({ corps: [CORP] });
});

beforeEach(() => {
  sandbox.setFaults({});
  sandbox.resetStats();
});

afterAll(async () => {
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  await redis.quit();
  await sandbox.close();
});

describe('DingTalkClient against the sandbox', () => {
  it('fetches the token once and reuses it for many calls', async () => {
    const c = client();
    for (let i = 0; i < 5; i += 1) await c.getUser(corp().demoUsers.employee);
    await Promise.all([c.getDepartment(1), c.listSubDepartments(1), c.getUser(corp().demoUsers.hr)]);
    expect(sandbox.stats().calls['/gettoken']).toBe(1);
    expect(c.stats()).toEqual({
      calls: 9,
      byApi: { '/gettoken': 1, '/topapi/v2/user/get': 6, '/topapi/v2/department/get': 1, '/topapi/v2/department/listsub': 1 },
      retries: 0,
    });
    c.resetStats();
    expect(c.stats()).toEqual({ calls: 0, byApi: {}, retries: 0 });
  });

  it('single-flights the token for concurrent first calls', async () => {
    const c = client();
    const users = [...corp().users.keys()].slice(0, 15);
    const details = await Promise.all(users.map((u) => c.getUser(u)));
    expect(details.map((d) => d.userid)).toEqual(users);
    expect(sandbox.stats().calls['/gettoken']).toBe(1);
  });

  it('shares the token between two clients through Redis', async () => {
    const keyPrefix = uniquePrefix();
    const a = client({ redis, keyPrefix });
    const b = client({ redis, keyPrefix });
    const users = [...corp().users.keys()].slice(0, 10);
    await Promise.all(users.flatMap((u) => [a.getUser(u), b.getUser(u)]));
    expect(sandbox.stats().calls['/gettoken']).toBe(1);
    const key = `${keyPrefix}dingtalk:token:${CORP.appKey}`;
    expect(await redis.get(key)).toBe(await a.getAccessToken());
    expect(await redis.pttl(key)).toBeGreaterThan((TOKEN_TTL_SECONDS - TOKEN_REFRESH_MARGIN_SECONDS - 10) * 1000);
    // A third "process" started later finds the token in Redis too.
    await client({ redis, keyPrefix }).getDepartment(1);
    expect(sandbox.stats().calls['/gettoken']).toBe(1);
  });

  it('exchanges an auth code once; a bad or used code is 40078 and not retried', async () => {
    const c = client();
    const code = sandbox.issueAuthCode(CORP.corpId, corp().demoUsers.hr);
    const info = await c.getUserInfoByCode(code);
    expect(info.userid).toBe(corp().demoUsers.hr);
    expect(typeof info.sys_level).toBe('number');
    c.resetStats();
    sandbox.resetStats();
    for (const bad of [code, 'not-a-code']) {
      const err = await c.getUserInfoByCode(bad).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DingTalkError);
      expect(err).toMatchObject({ api: '/topapi/v2/user/getuserinfo', code: LegacyErr.invalidAuthCode, retryable: false });
    }
    expect(sandbox.stats().calls['/topapi/v2/user/getuserinfo']).toBe(2);
    expect(c.stats().retries).toBe(0);
  });

  it('answers 60121 for an unknown or departed user', async () => {
    const c = client();
    const leaver = [...corp().users.values()].find((u) => !corp().isManagerAnywhere(u.userid) && !Object.values(corp().demoUsers).includes(u.userid));
    if (!leaver) throw new Error('no plain employee');
    expect((await c.getUser(leaver.userid)).userid).toBe(leaver.userid);
    corp().removeUser(leaver.userid);
    for (const userid of [leaver.userid, 'nobody-here']) {
      const err = await c.getUser(userid).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: LegacyErr.notFound, retryable: false, invalidToken: false });
      expect((err as DingTalkError).message).toMatch(/^DingTalk \/topapi\/v2\/user\/get failed: 60121 /);
    }
    expect(c.stats().retries).toBe(0);
  });

  it('walks departments and every cursor page of a department', async () => {
    const c = client();
    const children = await c.listSubDepartments(1);
    expect(children.map((d) => d.dept_id).sort()).toEqual(
      corp()
        .childDepts(1)
        .map((d) => d.dept_id)
        .sort(),
    );
    const big = [...corp().departments.values()].map((d) => ({ d, n: corp().deptMembers(d.dept_id).length })).sort((x, y) => y.n - x.n)[0];
    if (!big || big.n < 6) throw new Error('expected a department with several members');
    const detail = await c.getDepartment(big.d.dept_id);
    expect(detail.dept_manager_userid_list).toEqual(big.d.dept_manager_userid_list);
    c.resetStats();
    const seen: string[] = [];
    for await (const user of c.iterateDepartmentUsers(big.d.dept_id, 5)) seen.push(user.userid);
    expect(seen.sort()).toEqual(
      corp()
        .deptMembers(big.d.dept_id)
        .map((u) => u.userid)
        .sort(),
    );
    expect(c.stats().byApi['/topapi/v2/user/list']).toBe(Math.ceil(big.n / 5));
    const page = await c.listUsers(big.d.dept_id, 0, 5);
    expect(page).toMatchObject({ has_more: true });
    expect(page.list).toHaveLength(5);
    await expect(c.getDepartment(987654)).rejects.toMatchObject({ code: LegacyErr.deptNotFound, retryable: false });
  });

  it('reaches any legacy endpoint through callLegacy', async () => {
    const c = client();
    const res = await c.callLegacy<LegacyResultResponse<UserDetail>>('/topapi/v2/user/get', { userid: corp().demoUsers.supervisor });
    expect(res.errcode).toBe(0);
    expect(res.result.userid).toBe(corp().demoUsers.supervisor);
    await expect(c.callLegacy('/topapi/v2/user/get', {})).rejects.toMatchObject({ code: LegacyErr.invalidParam, retryable: false });
    // An endpoint the server does not have: a plain 404, not worth retrying.
    await expect(c.callLegacy('/topapi/no/such/api')).rejects.toMatchObject({ httpStatus: 404, retryable: false });
    expect(c.stats().retries).toBe(0);
  });

  it('gets a jsapi ticket once, caches it, and signs a dd.config with it', async () => {
    const keyPrefix = uniquePrefix();
    const c = client({ redis, keyPrefix });
    const ticket = await c.getJsapiTicket();
    expect(ticket.length).toBeGreaterThan(10);
    expect(await client({ redis, keyPrefix }).getJsapiTicket()).toBe(ticket);
    expect(sandbox.stats().calls['/get_jsapi_ticket']).toBe(1);
    expect(await redis.get(`${keyPrefix}dingtalk:jsapi_ticket:${CORP.appKey}`)).toBe(ticket);
    const raw = await c.legacy.getJsapiTicket();
    expect(raw).toEqual({ ticket, expiresIn: expect.any(Number) });
    expect(signJsapi({ ticket, nonceStr: 'n', timeStamp: 1, url: 'https://h5.example/#/x' })).toMatch(/^[0-9a-f]{40}$/);
  });

  it('gets a v1.0 token through the SDK', async () => {
    const c = client();
    const { accessToken, expireIn } = await c.getAccessTokenV1();
    expect(accessToken.length).toBeGreaterThan(10);
    expect(expireIn).toBe(TOKEN_TTL_SECONDS);
    expect(sandbox.stats().calls['/v1.0/oauth2/accessToken']).toBe(1);
    // The same app token serves legacy APIs.
    expect(await c.getAccessToken()).toBe(accessToken);
  });

  it('does not retry bad app credentials on either token endpoint', async () => {
    const c = client({ appSecret: 'wrong' });
    await expect(c.getUser(corp().demoUsers.hr)).rejects.toMatchObject({ api: '/gettoken', code: LegacyErr.invalidAppCredentials, retryable: false });
    await expect(c.getAccessTokenV1()).rejects.toMatchObject({ api: '/v1.0/oauth2/accessToken', code: V1Err.invalidClient, httpStatus: 400, retryable: false });
    expect(c.stats()).toEqual({ calls: 2, byApi: { '/gettoken': 1, '/v1.0/oauth2/accessToken': 1 }, retries: 0 });
  });

  it('times out slow answers, retries, then reports TIMEOUT', async () => {
    const c = client({ timeoutMs: 100, maxAttempts: 2 });
    await c.getAccessToken();
    sandbox.setFaults({ latencyMs: 400 });
    const err = await c.getDepartment(1).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: TransportCode.timeout, retryable: true });
    expect(c.stats().retries).toBe(1);
    sandbox.setFaults({});
    await new Promise((r) => setTimeout(r, 400)); // let the abandoned requests finish before close
  });
});
