import { LegacyErr, V1Err } from '../wireFacts';
import { startSandbox, type SandboxHandle } from './startSandbox';
import { getJson, legacyToken, postJson, topapi } from './testClient';

const CORP = { corpId: 'dingfaults', appKey: 'faults-key', appSecret: 'faults-secret', agentId: 5, seed: 5, employees: 60 };
const OTHER = { corpId: 'dingfaults2', appKey: 'faults-key2', appSecret: 'faults-secret2', agentId: 6, seed: 6, employees: 20 };
let handle: SandboxHandle;

beforeAll(async () => {
  handle = await startSandbox({ port: 0, corps: [CORP, OTHER], faultSeed: 99 });
});
afterAll(() => handle.close());
beforeEach(() => {
  handle.setFaults({});
  handle.resetStats();
});

const userGet = (token: string) => topapi(handle, token, '/topapi/v2/user/get', { userid: 'demo-employee' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('token expiry fault', () => {
  it('tokens issued under tokenTtlSeconds expire: 40014 on legacy APIs, then gettoken issues a new token', async () => {
    // 2 s: long enough that the first call lands before expiry on a loaded machine.
    handle.setFaults({ tokenTtlSeconds: 2 });
    const res = await getJson<{ access_token: string; expires_in: number }>(`${handle.url}/gettoken?appkey=${CORP.appKey}&appsecret=${CORP.appSecret}`);
    // DingTalk still announces 7200: the token dies early, as after a revocation.
    expect(res.body.expires_in).toBe(7200);
    const token = res.body.access_token;
    expect((await userGet(token)).errcode).toBe(0);
    await sleep(2100);
    expect(await userGet(token)).toMatchObject({ errcode: LegacyErr.invalidToken, errmsg: '不合法的access_token' });
    const fresh = await legacyToken(handle, CORP.corpId);
    expect(fresh).not.toBe(token);
    expect((await userGet(fresh)).errcode).toBe(0);
  });
});

describe('throttling fault', () => {
  it('answers 90018 above throttleQps per API per corp per second, and lets calls through again a second later', async () => {
    const token = await legacyToken(handle, CORP.corpId);
    const otherToken = await legacyToken(handle, OTHER.corpId);
    handle.setFaults({ throttleQps: 5 });
    const answers = await Promise.all(Array.from({ length: 12 }, () => userGet(token)));
    const codes = answers.map((a) => a.errcode);
    expect(codes.filter((c) => c === 0)).toHaveLength(5);
    expect(codes.filter((c) => c === LegacyErr.corpAppApiPerSecond)).toHaveLength(7);
    expect(answers.find((a) => a.errcode === LegacyErr.corpAppApiPerSecond)).toEqual({
      errcode: LegacyErr.corpAppApiPerSecond,
      errmsg: expect.stringContaining('/topapi/v2/user/get'),
      request_id: expect.any(String),
    });
    // Another API, and another corp, have their own budget.
    expect((await topapi(handle, token, '/topapi/v2/department/listsub', {})).errcode).toBe(0);
    expect((await userGet(otherToken)).errcode).toBe(0);
    expect(handle.stats()).toEqual({
      throttled: 7,
      failed: 0,
      total: 16,
      calls: { '/gettoken': 2, '/topapi/v2/user/get': 13, '/topapi/v2/department/listsub': 1 },
    });
    await sleep(1050);
    expect((await userGet(token)).errcode).toBe(0);
  });

  it('throttles the token endpoints too (v1.0: HTTP 403 with a JSON body), but never /sandbox/*', async () => {
    handle.setFaults({ throttleQps: 2 });
    const v1 = await Promise.all(
      Array.from({ length: 4 }, () => postJson(`${handle.url}/v1.0/oauth2/accessToken`, { appKey: CORP.appKey, appSecret: CORP.appSecret })),
    );
    expect(v1.map((r) => r.status).sort()).toEqual([200, 200, 403, 403]);
    expect(v1.find((r) => r.status === 403)?.body).toEqual({ code: V1Err.qpsLimit, message: expect.any(String), requestid: expect.any(String) });
    const legacy = await Promise.all(Array.from({ length: 3 }, () => getJson(`${handle.url}/gettoken?appkey=${CORP.appKey}&appsecret=${CORP.appSecret}`)));
    expect(legacy.map((r) => r.body.errcode).sort()).toEqual([0, 0, LegacyErr.corpAppApiPerSecond]);
    const helpers = await Promise.all(Array.from({ length: 6 }, () => getJson(`${handle.url}/sandbox/stats`)));
    expect(helpers.every((r) => r.status === 200)).toBe(true);
  });
});

describe('failure injection', () => {
  it("failMode 'busy': legacy errcode -1 系统繁忙 (HTTP 200); token endpoints are never failed", async () => {
    const token = await legacyToken(handle, CORP.corpId);
    handle.setFaults({ failRate: 1, failMode: 'busy' });
    const res = await postJson(`${handle.url}/topapi/v2/user/get?access_token=${token}`, { userid: 'demo-employee' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ errcode: LegacyErr.systemBusy, errmsg: '系统繁忙', request_id: expect.any(String) });
    expect((await getJson(`${handle.url}/gettoken?appkey=${CORP.appKey}&appsecret=${CORP.appSecret}`)).body.errcode).toBe(0);
    expect((await postJson(`${handle.url}/v1.0/oauth2/accessToken`, { appKey: CORP.appKey, appSecret: CORP.appSecret })).status).toBe(200);
    expect(handle.stats()).toEqual({ failed: 1, throttled: 0, total: 4, calls: { '/gettoken': 2, '/topapi/v2/user/get': 1, '/v1.0/oauth2/accessToken': 1 } });
  });

  it("failMode '5xx': HTTP 502 with a JSON body", async () => {
    const token = await legacyToken(handle, CORP.corpId);
    handle.setFaults({ failRate: 1, failMode: '5xx' });
    const res = await postJson(`${handle.url}/topapi/v2/department/listsub?access_token=${token}`, {});
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.body).toEqual({ code: 'BadGateway', message: expect.any(String), requestid: expect.any(String) });
  });

  it('below failRate 1 the same request fails at most 3 times in a row, so a client retrying 4 times gets through', async () => {
    const token = await legacyToken(handle, CORP.corpId);
    handle.setFaults({ failRate: 0.95 });
    for (const userid of ['demo-employee', 'demo-hr', 'demo-admin']) {
      const codes: number[] = [];
      do codes.push((await topapi(handle, token, '/topapi/v2/user/get', { userid })).errcode);
      while (codes.at(-1) !== 0 && codes.length < 10);
      expect(codes.at(-1)).toBe(0);
      expect(codes.length).toBeLessThanOrEqual(4);
    }
    handle.setFaults({ failRate: 1 });
    for (let i = 0; i < 6; i++) expect((await userGet(token)).errcode).toBe(LegacyErr.systemBusy);
  });

  it('a failRate fails about that share of calls, reproducibly for the same faultSeed whatever ran before', async () => {
    const pattern = async (h: SandboxHandle): Promise<number[]> => {
      const token = await legacyToken(h, CORP.corpId);
      h.setFaults({ failRate: 0.3 });
      const codes: number[] = [];
      for (let i = 0; i < 60; i++) codes.push((await topapi(h, token, '/topapi/v2/user/get', { userid: 'demo-employee' })).errcode);
      return codes;
    };
    const first = await pattern(handle);
    const failed = first.filter((c) => c === LegacyErr.systemBusy).length;
    expect(failed).toBeGreaterThan(8);
    expect(failed).toBeLessThan(30);
    expect(first.every((c) => c === 0 || c === LegacyErr.systemBusy)).toBe(true);
    const twin = await startSandbox({ port: 0, corps: [CORP], faultSeed: 99 });
    try {
      expect(await pattern(twin)).toEqual(first);
    } finally {
      await twin.close();
    }
  });
});

describe('latency, stats and the faults endpoint', () => {
  it('latencyMs delays DingTalk answers but not /sandbox/*', async () => {
    const token = await legacyToken(handle, CORP.corpId);
    handle.setFaults({ latencyMs: 600 });
    const t0 = performance.now();
    let dingTalkAnswered = false;
    const slow = userGet(token).then(() => (dingTalkAnswered = true));
    await getJson(`${handle.url}/sandbox/stats`);
    // /sandbox/stats answered while the delayed DingTalk call was still held back.
    expect(dingTalkAnswered).toBe(false);
    await slow;
    expect(performance.now() - t0).toBeGreaterThanOrEqual(590);
  });

  it('POST /sandbox/faults replaces the faults (validated); GET /sandbox/stats reports calls by path', async () => {
    const set = await postJson(`${handle.url}/sandbox/faults`, { throttleQps: 3, failRate: 0 });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ faults: { throttleQps: 3, failRate: 0 } });
    const bad = await postJson(`${handle.url}/sandbox/faults`, { failRate: 2, failMode: 'boom', nope: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'validation_error', message: expect.stringMatching(/failRate.*failMode.*nope/) });
    expect((await getJson(`${handle.url}/sandbox/faults`)).body).toEqual({ faults: { throttleQps: 3, failRate: 0 } });
    const token = await legacyToken(handle, CORP.corpId);
    await userGet(token);
    const stats = await getJson(`${handle.url}/sandbox/stats`);
    expect(stats.body).toEqual({ calls: { '/gettoken': 1, '/topapi/v2/user/get': 1 }, total: 2, throttled: 0, failed: 0 });
    expect(() => handle.setFaults({ failRate: -1 })).toThrow(/failRate/);
  });
});
