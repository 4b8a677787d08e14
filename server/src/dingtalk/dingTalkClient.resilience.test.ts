import { setTimeout as sleep } from 'node:timers/promises';
import { DingTalkClient, type DingTalkClientConfig } from './dingTalkClient';
import { startSandbox, type SandboxHandle } from './sandbox';

/** Faults in the sandbox (throttling, short-lived tokens, random failures) that the client must absorb. */
const CORP = { corpId: 'dingresiliencetest', appKey: 'resilience-key', appSecret: 'resilience-secret', agentId: 4002, seed: 11, employees: 60 };

let sandbox: SandboxHandle;

function client(overrides: Partial<DingTalkClientConfig> = {}): DingTalkClient {
  return new DingTalkClient({
    corpId: CORP.corpId,
    appKey: CORP.appKey,
    appSecret: CORP.appSecret,
    agentId: CORP.agentId,
    legacyBaseUrl: sandbox.url,
    v1BaseUrl: sandbox.url,
    baseDelayMs: 20,
    ...overrides,
  });
}

function userids(n: number): string[] {
  const ids = [...(sandbox.corps.get(CORP.corpId)?.users.keys() ?? [])];
  return Array.from({ length: n }, (_, i) => ids[i % ids.length] ?? '');
}

beforeAll(async () => {
  sandbox = await startSandbox({ corps: [CORP], faultSeed: 3 });
});

beforeEach(() => {
  sandbox.setFaults({});
  sandbox.resetStats();
});

afterAll(async () => {
  await sandbox.close();
});

describe('DingTalkClient under sandbox faults', () => {
  it('refreshes a token that expired early and retries once', async () => {
    sandbox.setFaults({ tokenTtlSeconds: 1 });
    const c = client();
    await c.getDepartment(1);
    // Counted from here: on a loaded machine the first call may itself outlive its 1 s token and refresh once.
    const before = { server: sandbox.stats().calls['/gettoken'] ?? 0, client: c.stats() };
    await sleep(1200);
    const dept = await c.getDepartment(1);
    expect(dept.dept_id).toBe(1);
    const after = c.stats();
    expect((sandbox.stats().calls['/gettoken'] ?? 0) - before.server).toBe(1);
    expect(after.retries - before.client.retries).toBe(1);
    expect((after.byApi['/gettoken'] ?? 0) - (before.client.byApi['/gettoken'] ?? 0)).toBe(1);
    expect((after.byApi['/topapi/v2/department/get'] ?? 0) - (before.client.byApi['/topapi/v2/department/get'] ?? 0)).toBe(2);
  });

  it('keeps each API at or below the configured rate, so a server limit just above it never throttles', async () => {
    // Like production (18/s against DingTalk's 20/s): the margin absorbs arrival jitter on a busy machine. With the
    // limits equal, one request delayed by a few ms on the way in would meet the next second's calls at the server.
    sandbox.setFaults({ throttleQps: 10 });
    const c = client({ callsPerSecond: 9 });
    await c.getAccessToken();
    const start = performance.now();
    await Promise.all(userids(30).map((u) => c.getUser(u)));
    const elapsed = performance.now() - start;
    expect(elapsed).toBeGreaterThanOrEqual(3000); // 30 calls spaced 111 ms apart
    expect(sandbox.stats()).toMatchObject({ throttled: 0, calls: { '/topapi/v2/user/get': 30 } });
    expect(c.stats().retries).toBe(0);
  });

  it('backs off when DingTalk throttles harder than our limiter, and every call succeeds', async () => {
    sandbox.setFaults({ throttleQps: 5 });
    const c = client({ callsPerSecond: 18, maxAttempts: 8, baseDelayMs: 200 });
    const ids = userids(12);
    const users = await Promise.all(ids.map((u) => c.getUser(u)));
    expect(users.map((u) => u.userid)).toEqual(ids);
    const seen = sandbox.stats();
    expect(seen.throttled).toBeGreaterThan(0);
    expect(c.stats().retries).toBe(seen.throttled);
    expect(c.stats().calls).toBe(seen.total);
  });

  it('retries throttled v1.0 calls (HTTP 403) through the SDK path', async () => {
    sandbox.setFaults({ throttleQps: 3 });
    const c = client({ maxAttempts: 8, baseDelayMs: 200 });
    const tokens = await Promise.all(Array.from({ length: 6 }, () => c.getAccessTokenV1()));
    expect(new Set(tokens.map((t) => t.accessToken)).size).toBe(1);
    expect(sandbox.stats().throttled).toBeGreaterThan(0);
    expect(c.stats().retries).toBe(sandbox.stats().throttled);
  });

  it.each(['busy', '5xx'] as const)('absorbs a 30%% %s failure rate through retries', async (failMode) => {
    const c = client({ maxAttempts: 8, baseDelayMs: 5 });
    await c.getAccessToken();
    sandbox.setFaults({ failRate: 0.3, failMode });
    const ids = userids(24);
    const users = await Promise.all(ids.map((u) => c.getUser(u)));
    expect(users.map((u) => u.userid)).toEqual(ids);
    const seen = sandbox.stats();
    expect(seen.failed).toBeGreaterThan(0);
    expect(c.stats().retries).toBe(seen.failed);
  });
});
