import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router } from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import { V1Err } from '../wireFacts';
import { V1_TOKEN_HEADER, v1Caller } from './callerAuth';
import { dingtalkRoute } from './dingtalkGuard';
import { generateCorp } from './generateCorp';
import { SandboxState } from './sandboxState';

// A v1.0 endpoint the way later features will add one: dingtalkRoute + v1Caller.
const state = new SandboxState(1);
state.addCorp(generateCorp({ corpId: 'dingguard', appKey: 'gk', appSecret: 'gs', agentId: 1, seed: 1, employees: 20 }));
let server: Server;
let base: string;
let token: string;

beforeAll(async () => {
  const router = new Router();
  dingtalkRoute(router, state, 'post', '/v1.0/contact/example', (ctx) => {
    const corp = v1Caller(ctx, state);
    if (corp) ctx.body = { corpId: corp.corpId, employees: corp.employeeCount };
  });
  const app = new Koa();
  app.use(bodyParser());
  app.use(router.routes());
  server = createServer(app.callback()).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  token = state.tokens.issueToken('dingguard').token;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  state.setFaults({});
  state.faults.resetStats();
});

const call = async (headers: Record<string, string> = { [V1_TOKEN_HEADER]: token }) => {
  const res = await fetch(`${base}/v1.0/contact/example`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('a v1.0 endpoint behind dingtalkRoute', () => {
  it('serves a valid token and answers HTTP 400 InvalidAuthentication otherwise', async () => {
    expect(await call()).toEqual({ status: 200, body: { corpId: 'dingguard', employees: 20 } });
    expect(await call({})).toEqual({ status: 400, body: { code: V1Err.invalidToken, message: '不合法的access_token', requestid: expect.any(String) } });
  });

  it('throttles with HTTP 403 qpsLimit', async () => {
    state.setFaults({ throttleQps: 1 });
    expect((await call()).status).toBe(200);
    expect(await call()).toEqual({ status: V1Err.qpsLimitStatus, body: { code: V1Err.qpsLimit, message: expect.any(String), requestid: expect.any(String) } });
  });

  it("fails with HTTP 500 systemError ('busy') or HTTP 502 ('5xx')", async () => {
    state.setFaults({ failRate: 1, failMode: 'busy' });
    expect(await call()).toEqual({ status: 500, body: { code: V1Err.systemError, message: expect.any(String), requestid: expect.any(String) } });
    state.setFaults({ failRate: 1, failMode: '5xx' });
    expect(await call()).toEqual({ status: 502, body: { code: 'BadGateway', message: expect.any(String), requestid: expect.any(String) } });
    expect(state.faults.stats()).toMatchObject({ calls: { '/v1.0/contact/example': 2 }, failed: 2 });
  });
});
