import { LegacyErr } from '../wireFacts';
import { dayWindow, legacyPost } from './attendanceTestClient';
import { startSandbox, type SandboxHandle } from './startSandbox';
import { getJson, legacyToken } from './testClient';

// The attendance, leave and dismission endpoints sit behind the same guard as the contacts ones.
const CORP = { corpId: 'dingdatafaults', appKey: 'df-key', appSecret: 'df-secret', agentId: 1, seed: 51, employees: 40 };
let handle: SandboxHandle;
let token: string;

beforeAll(async () => {
  handle = await startSandbox({ port: 0, corps: [CORP], faultSeed: 7 });
  token = await legacyToken(handle, CORP.corpId);
});
afterAll(() => handle.close());
beforeEach(() => {
  handle.setFaults({});
  handle.resetStats();
});

const userids = () => [...handle.corps.get(CORP.corpId)!.users.keys()].slice(0, 10);
const CALLS: [string, () => Record<string, unknown>][] = [
  ['/attendance/list', () => ({ ...dayWindow('2026-10-12', '2026-10-16'), userIdList: userids(), offset: 0, limit: 50 })],
  ['/attendance/listRecord', () => ({ userIds: userids(), checkDateFrom: '2026-10-12 00:00:00', checkDateTo: '2026-10-16 23:59:59' })],
  [
    '/topapi/attendance/getleavestatus',
    () => ({ userid_list: userids().join(','), start_time: 1_790_000_000_000, end_time: 1_791_000_000_000, offset: 0, size: 100 }),
  ],
  ['/topapi/smartwork/hrm/employee/querydimission', () => ({ offset: 0, size: 50 })],
  ['/topapi/smartwork/hrm/employee/listdimission', () => ({ userid_list: userids().join(',') })],
];

describe('attendance, leave and dismission endpoints behind the guard', () => {
  it('are counted by path in stats', async () => {
    for (const [path, body] of CALLS) expect((await legacyPost(handle, token, path, body())).errcode).toBe(0);
    await legacyPost(handle, token, '/attendance/list', CALLS[0]![1]());
    expect(handle.stats()).toEqual({
      total: 6,
      throttled: 0,
      failed: 0,
      calls: {
        '/attendance/list': 2,
        '/attendance/listRecord': 1,
        '/topapi/attendance/getleavestatus': 1,
        '/topapi/smartwork/hrm/employee/querydimission': 1,
        '/topapi/smartwork/hrm/employee/listdimission': 1,
      },
    });
    expect((await getJson(`${handle.url}/sandbox/stats`)).body).toMatchObject({ total: 6 });
  });

  it("fail with errcode -1 under failMode 'busy' and HTTP 502 under '5xx'", async () => {
    handle.setFaults({ failRate: 1, failMode: 'busy' });
    for (const [path, body] of CALLS) {
      expect(await legacyPost(handle, token, path, body())).toEqual({ errcode: LegacyErr.systemBusy, errmsg: '系统繁忙', request_id: expect.any(String) });
    }
    expect(handle.stats()).toMatchObject({ total: 5, failed: 5 });
    handle.setFaults({ failRate: 1, failMode: '5xx' });
    const res = await fetch(`${handle.url}/attendance/list?access_token=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(CALLS[0]![1]()),
    });
    expect(res.status).toBe(502);
  });

  it('are throttled per path with 90018 above throttleQps', async () => {
    handle.setFaults({ throttleQps: 2 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => legacyPost(handle, token, '/attendance/list', CALLS[0]![1]())));
    expect(answers.map((a) => a.errcode).sort()).toEqual([0, 0, LegacyErr.corpAppApiPerSecond, LegacyErr.corpAppApiPerSecond, LegacyErr.corpAppApiPerSecond]);
    expect(answers.find((a) => a.errcode !== 0)?.errmsg).toContain('/attendance/list');
    // Another path has its own budget.
    expect((await legacyPost(handle, token, '/topapi/smartwork/hrm/employee/querydimission', { offset: 0, size: 50 })).errcode).toBe(0);
    expect(handle.stats()).toMatchObject({ throttled: 3 });
  });

  it('answer 40014 to an invalid token', async () => {
    for (const [path, body] of CALLS) expect((await legacyPost(handle, 'not-a-token', path, body())).errcode).toBe(LegacyErr.invalidToken);
  });
});
