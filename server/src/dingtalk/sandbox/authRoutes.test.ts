import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { AUTH_CODE_TTL_SECONDS, JSAPI_TICKET_TTL_SECONDS, LegacyErr, TOKEN_TTL_SECONDS, V1Err } from '../wireFacts';
import { V1_TOKEN_HEADER, v1Caller } from './callerAuth';
import { generateCorp } from './generateCorp';
import { SandboxState } from './sandboxState';
import { startSandbox, type SandboxHandle } from './startSandbox';
import { getJson, legacyToken, postForm, postJson, topapi } from './testClient';

const A = { corpId: 'dingauthA', appKey: 'key-a', appSecret: 'secret-a', agentId: 11, seed: 1, employees: 40 };
const B = { corpId: 'dingauthB', corpName: '第二家公司', appKey: 'key-b', appSecret: 'secret-b', agentId: 12, seed: 2, employees: 30 };
let handle: SandboxHandle;

beforeAll(async () => {
  handle = await startSandbox({ port: 0, corps: [A, B] });
});
afterAll(() => handle.close());

const REQUEST_ID = expect.stringMatching(/^[0-9a-f]{16}$/);

describe('legacy /gettoken and /get_jsapi_ticket', () => {
  it('returns the documented shape, and the same token while valid', async () => {
    const url = `${handle.url}/gettoken?appkey=${A.appKey}&appsecret=${A.appSecret}`;
    const first = await getJson(url);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ errcode: 0, errmsg: 'ok', access_token: expect.stringMatching(/^[0-9a-f]{32}$/), expires_in: TOKEN_TTL_SECONDS });
    expect((await getJson(url)).body.access_token).toBe(first.body.access_token);
    expect((await getJson(`${handle.url}/gettoken?appkey=${B.appKey}&appsecret=${B.appSecret}`)).body.access_token).not.toBe(first.body.access_token);
  });

  it('answers 40089 (HTTP 200) for a wrong secret, an unknown key or missing parameters', async () => {
    for (const query of [`appkey=${A.appKey}&appsecret=wrong`, 'appkey=nope&appsecret=secret-a', `appkey=${A.appKey}`, '']) {
      const res = await getJson(`${handle.url}/gettoken?${query}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ errcode: LegacyErr.invalidAppCredentials, errmsg: expect.any(String), request_id: REQUEST_ID });
    }
  });

  it('get_jsapi_ticket returns {ticket, expires_in}, the same while valid', async () => {
    const token = await legacyToken(handle, A.corpId);
    const first = await getJson(`${handle.url}/get_jsapi_ticket?access_token=${token}`);
    expect(first.body).toEqual({ errcode: 0, errmsg: 'ok', ticket: expect.any(String), expires_in: JSAPI_TICKET_TTL_SECONDS });
    const second = await getJson(`${handle.url}/get_jsapi_ticket?access_token=${token}`);
    expect(second.body.ticket).toBe(first.body.ticket);
  });

  it('answers 40014 for a missing or unknown access_token on every legacy API', async () => {
    const invalid = { errcode: LegacyErr.invalidToken, errmsg: '不合法的access_token', request_id: REQUEST_ID };
    expect((await getJson(`${handle.url}/get_jsapi_ticket`)).body).toEqual(invalid);
    for (const path of [
      '/topapi/v2/user/getuserinfo',
      '/topapi/v2/department/listsub',
      '/topapi/v2/department/get',
      '/topapi/v2/user/list',
      '/topapi/v2/user/get',
    ]) {
      const res = await postJson(`${handle.url}${path}?access_token=not-a-token`, { dept_id: 1, cursor: 0, size: 10, userid: 'demo-admin', code: 'x' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(invalid);
      expect((await postJson(`${handle.url}${path}`, {})).body).toEqual(invalid);
    }
  });
});

describe('免登: auth codes and /topapi/v2/user/getuserinfo', () => {
  it('exchanges a code for the user, exactly in the documented shape', async () => {
    const token = await legacyToken(handle, A.corpId);
    const code = handle.issueAuthCode(A.corpId, 'demo-hr');
    const res = await topapi(handle, token, '/topapi/v2/user/getuserinfo', { code });
    const hr = handle.corps.get(A.corpId)!.getUser('demo-hr')!;
    expect(res).toEqual({
      errcode: 0,
      errmsg: 'ok',
      request_id: REQUEST_ID,
      result: { userid: 'demo-hr', device_id: expect.any(String), sys: false, sys_level: 0, associated_unionid: '', unionid: hr.unionid, name: hr.name },
    });
    // The demo admin is a sub-admin (子管理员, sys_level 2); the boss is the main admin (sys_level 1).
    const admin = await topapi<{ sys: boolean; sys_level: number }>(handle, token, '/topapi/v2/user/getuserinfo', {
      code: handle.issueAuthCode(A.corpId, 'demo-admin'),
    });
    expect(admin.result).toMatchObject({ sys: true, sys_level: 2 });
    const bossId = [...handle.corps.get(A.corpId)!.users.values()].find((u) => u.boss)!.userid;
    const boss = await topapi<{ sys: boolean; sys_level: number }>(handle, token, '/topapi/v2/user/getuserinfo', {
      code: handle.issueAuthCode(A.corpId, bossId),
    });
    expect(boss.result).toMatchObject({ sys: true, sys_level: 1 });
  });

  it('a code works once; an unknown code answers 40078', async () => {
    const token = await legacyToken(handle, A.corpId);
    const code = handle.issueAuthCode(A.corpId, 'demo-employee');
    expect((await topapi(handle, token, '/topapi/v2/user/getuserinfo', { code })).errcode).toBe(0);
    expect(await topapi(handle, token, '/topapi/v2/user/getuserinfo', { code })).toEqual({
      errcode: LegacyErr.invalidAuthCode,
      errmsg: '不存在的临时授权码',
      request_id: REQUEST_ID,
    });
    expect((await topapi(handle, token, '/topapi/v2/user/getuserinfo', { code: 'made-up' })).errcode).toBe(LegacyErr.invalidAuthCode);
  });

  it('a code only works for the corp it was issued for (and is not used up by the wrong corp)', async () => {
    const tokenA = await legacyToken(handle, A.corpId);
    const tokenB = await legacyToken(handle, B.corpId);
    const code = handle.issueAuthCode(B.corpId, 'demo-employee');
    expect((await topapi(handle, tokenA, '/topapi/v2/user/getuserinfo', { code })).errcode).toBe(LegacyErr.invalidAuthCode);
    const res = await topapi<{ userid: string }>(handle, tokenB, '/topapi/v2/user/getuserinfo', { code });
    expect(res.errcode).toBe(0);
    expect(res.result.userid).toBe('demo-employee');
  });

  it('accepts a form body', async () => {
    const token = await legacyToken(handle, A.corpId);
    const code = handle.issueAuthCode(A.corpId, 'demo-supervisor');
    const res = await postForm<{ errcode: number; result: { userid: string } }>(`${handle.url}/topapi/v2/user/getuserinfo?access_token=${token}`, { code });
    expect(res.body.errcode).toBe(0);
    expect(res.body.result.userid).toBe('demo-supervisor');
  });

  it('POST /sandbox/authCode issues codes (default: first corp), 404 for unknown users, with CORS', async () => {
    const res = await postJson(`${handle.url}/sandbox/authCode`, { userid: 'demo-employee' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: expect.any(String), expiresIn: AUTH_CODE_TTL_SECONDS });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const token = await legacyToken(handle, A.corpId);
    expect((await topapi(handle, token, '/topapi/v2/user/getuserinfo', { code: res.body.code })).errcode).toBe(0);
    const forB = await postJson(`${handle.url}/sandbox/authCode`, { userid: 'demo-employee', corpId: B.corpId });
    expect((await topapi(handle, token, '/topapi/v2/user/getuserinfo', { code: forB.body.code })).errcode).toBe(LegacyErr.invalidAuthCode);
    const unknown = await postJson(`${handle.url}/sandbox/authCode`, { userid: 'nobody' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: 'not_found', message: expect.stringContaining('nobody') });
    expect((await postJson(`${handle.url}/sandbox/authCode`, {})).status).toBe(400);
    expect(() => handle.issueAuthCode(A.corpId, 'nobody')).toThrow(/nobody/);
    const preflight = await fetch(`${handle.url}/sandbox/authCode`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/content-type/);
  });

  it('GET /sandbox/corps lists corps and demo users but never the secret', async () => {
    const res = await getJson<{ corps: Record<string, unknown>[] }>(`${handle.url}/sandbox/corps`);
    expect(res.body.corps).toEqual([
      expect.objectContaining({
        corpId: A.corpId,
        corpName: '留才示范科技有限公司',
        agentId: 11,
        employees: 40,
        demoUsers: handle.corps.get(A.corpId)!.demoUsers,
      }),
      expect.objectContaining({ corpId: B.corpId, corpName: '第二家公司', agentId: 12, employees: 30 }),
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/secret-a|secret-b|appSecret/);
  });
});

describe('v1.0 POST /v1.0/oauth2/accessToken', () => {
  it('returns {accessToken, expireIn}, the same token as legacy gettoken', async () => {
    const res = await postJson(`${handle.url}/v1.0/oauth2/accessToken`, { appKey: A.appKey, appSecret: A.appSecret });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accessToken: await legacyToken(handle, A.corpId), expireIn: TOKEN_TTL_SECONDS });
  });

  it('answers HTTP 400 invalidClient for bad credentials, MissingappKey without one, Missingbody for a form body', async () => {
    const bad = await postJson(`${handle.url}/v1.0/oauth2/accessToken`, { appKey: A.appKey, appSecret: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ code: V1Err.invalidClient, message: expect.any(String), requestid: expect.any(String) });
    const missing = await postJson(`${handle.url}/v1.0/oauth2/accessToken`, { appSecret: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'MissingappKey', message: 'appKey is mandatory for this action.' });
    const form = await postForm(`${handle.url}/v1.0/oauth2/accessToken`, { appKey: A.appKey, appSecret: A.appSecret });
    expect(form.status).toBe(400);
    expect(form.body).toEqual({ code: 'Missingbody', message: 'body is mandatory for this action.', requestid: expect.any(String) });
  });
});

describe('v1Caller (the shared v1.0 token check)', () => {
  it('accepts a valid token header and answers HTTP 400 InvalidAuthentication otherwise', async () => {
    const state = new SandboxState(1);
    state.addCorp(generateCorp(A));
    const app = new Koa();
    app.use((ctx) => {
      const corp = v1Caller(ctx, state);
      if (corp) ctx.body = { corpId: corp.corpId };
    });
    const server = createServer(app.callback()).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { token } = state.tokens.issueToken(A.corpId);
      const ok = await fetch(`${base}/v1.0/x`, { headers: { [V1_TOKEN_HEADER]: token } });
      expect(await ok.json()).toEqual({ corpId: A.corpId });
      for (const headers of [{ [V1_TOKEN_HEADER]: 'bogus' }, {}] as Record<string, string>[]) {
        const res = await fetch(`${base}/v1.0/x`, { headers });
        expect(res.status).toBe(V1Err.invalidTokenStatus);
        expect(await res.json()).toEqual({ code: V1Err.invalidToken, message: '不合法的access_token', requestid: expect.any(String) });
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
