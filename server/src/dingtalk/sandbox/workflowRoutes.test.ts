import { WORKFLOW_LIST_MAX_DAYS, WORKFLOW_LIST_MAX_RESULTS } from '../wireFacts';
import { chinaMs, dayWindow, walkAttendance, walkLeaves } from './attendanceTestClient';
import { SANDBOX_LEAVE_PROCESS_CODE } from './leaveApprovals';
import { LEAVE_TYPES } from './leaveCatalogue';
import { sandboxForTests } from './sandboxTestCorp';
import { startSandbox } from './startSandbox';
import { getJson, legacyToken, postJson } from './testClient';

const CORP = { corpId: 'dingflow', appKey: 'flow-key', appSecret: 'flow-secret', agentId: 8, seed: 11, employees: 200 };
const sandbox = sandboxForTests(CORP);
const { corp } = sandbox;
const DAY_MS = 86_400_000;
const START = chinaMs('2026-07-05 00:00:00');
const END = chinaMs('2026-11-01 00:00:00');
const headers = () => ({ 'x-acs-dingtalk-access-token': sandbox.token });

interface ListAnswer {
  success: boolean;
  result: { list: string[]; nextToken?: string };
}
interface FormValue {
  id: string;
  name: string;
  value: string;
  extValue?: string;
  componentType: string;
}
interface Instance {
  title: string;
  createTime: string;
  finishTime?: string;
  originatorUserId: string;
  status: string;
  result: string;
  formComponentValues: FormValue[];
  operationRecords: { userId: string; type: string; result: string }[];
  tasks: { status: string; result: string; processInstanceId: string }[];
}

const listIds = (body: Record<string, unknown>) => postJson<ListAnswer>(`${sandbox.handle.url}/v1.0/workflow/processes/instanceIds/query`, body, headers());
const getInstance = (id: string) =>
  getJson<{ success: boolean; result: Instance }>(`${sandbox.handle.url}/v1.0/workflow/processInstances?processInstanceId=${encodeURIComponent(id)}`);
async function getInstanceWithToken(id: string) {
  const res = await fetch(`${sandbox.handle.url}/v1.0/workflow/processInstances?processInstanceId=${encodeURIComponent(id)}`, { headers: headers() });
  return { status: res.status, body: (await res.json()) as { success: boolean; result: Instance; code?: string; message?: string } };
}

async function allIds(startTime = START, endTime = END): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let next = 0;
  for (let pages = 1; ; pages++) {
    const { status, body } = await listIds({
      processCode: SANDBOX_LEAVE_PROCESS_CODE,
      startTime,
      endTime,
      nextToken: next,
      maxResults: WORKFLOW_LIST_MAX_RESULTS,
    });
    expect(status).toBe(200);
    ids.push(...body.result.list);
    if (body.result.nextToken === undefined) return { ids, pages };
    next = Number(body.result.nextToken);
  }
}

/** The holiday component's value: [start, end, duration, unit, leave name, "请假类型"]. */
const holiday = (i: Instance) => {
  const field = i.formComponentValues.find((f) => f.componentType === 'DDHolidayField')!;
  const [start, end, duration, unit, name] = JSON.parse(field.value) as [string, string, number, string, string];
  return { start, end, duration, unit, name, ext: JSON.parse(field.extValue!) as { leaveCode: string } };
};

describe('POST /v1.0/workflow/processes/instanceIds/query', () => {
  it('pages the leave form’s instance ids by nextToken: ≤20 a page, a string token while more remain, none at the end', async () => {
    const first = await listIds({ processCode: SANDBOX_LEAVE_PROCESS_CODE, startTime: START, endTime: END, nextToken: 0, maxResults: 20 });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ success: true, result: { list: expect.any(Array), nextToken: '20' } });
    expect(first.body.result.list).toHaveLength(20);
    const { ids, pages } = await allIds();
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages).toBe(Math.ceil(ids.length / 20));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    // A narrower window is a subset; another form has no instances.
    const half = await allIds(START, START + 30 * DAY_MS);
    expect(half.ids.every((id) => ids.includes(id))).toBe(true);
    expect(half.ids.length).toBeLessThan(ids.length);
    const other = await listIds({ processCode: 'PROC-EXPENSE-0001', startTime: START, endTime: END, nextToken: 0, maxResults: 20 });
    expect(other.body).toEqual({ success: true, result: { list: [] } });
  });

  it('filters by userIds and statuses', async () => {
    const { ids } = await allIds();
    const details = await Promise.all(ids.slice(0, 40).map(async (id) => (await getInstanceWithToken(id)).body.result));
    const who = details[0]!.originatorUserId;
    const mine = await listIds({ processCode: SANDBOX_LEAVE_PROCESS_CODE, startTime: START, endTime: END, nextToken: 0, maxResults: 20, userIds: [who] });
    expect(mine.body.result.list.length).toBeGreaterThan(0);
    for (const id of mine.body.result.list) expect((await getInstanceWithToken(id)).body.result.originatorUserId).toBe(who);
    const terminated = await listIds({
      processCode: SANDBOX_LEAVE_PROCESS_CODE,
      startTime: START,
      endTime: END,
      nextToken: 0,
      maxResults: 20,
      statuses: ['TERMINATED'],
    });
    expect(terminated.body.result.list.length).toBeGreaterThan(0);
    for (const id of terminated.body.result.list) expect((await getInstanceWithToken(id)).body.result.status).toBe('TERMINATED');
  });

  it('refuses broken limits and missing parameters with HTTP 400 naming them, and a bad token with InvalidAuthentication', async () => {
    const ok = { processCode: SANDBOX_LEAVE_PROCESS_CODE, startTime: START, endTime: START + WORKFLOW_LIST_MAX_DAYS * DAY_MS, nextToken: 0, maxResults: 20 };
    expect((await listIds(ok)).status).toBe(200);
    const tooMany = await listIds({ ...ok, maxResults: WORKFLOW_LIST_MAX_RESULTS + 1 });
    expect(tooMany).toMatchObject({ status: 400, body: { code: 'InvalidParameter', message: expect.stringContaining('maxResults') } });
    const tooLong = await listIds({ ...ok, endTime: ok.endTime + DAY_MS });
    expect(tooLong).toMatchObject({ status: 400, body: { code: 'InvalidParameter', message: expect.stringContaining(`${WORKFLOW_LIST_MAX_DAYS} days`) } });
    const badStatus = await listIds({ ...ok, statuses: ['DONE'] });
    expect(badStatus).toMatchObject({ status: 400, body: { message: expect.stringContaining('statuses') } });
    const { processCode: _p, ...noCode } = ok;
    expect(await listIds(noCode)).toMatchObject({ status: 400, body: { code: 'MissingprocessCode' } });
    const anonymous = await postJson(`${sandbox.handle.url}/v1.0/workflow/processes/instanceIds/query`, ok);
    expect(anonymous).toMatchObject({ status: 400, body: { code: 'InvalidAuthentication' } });
  });
});

describe('GET /v1.0/workflow/processInstances', () => {
  it('agrees with getleavestatus and /attendance/list: every approved leave is a COMPLETED/agree instance with its procInstId and form values', async () => {
    const { ids } = await allIds();
    const instances = new Map<string, Instance>();
    for (const id of ids) {
      const res = await getInstanceWithToken(id);
      expect(res.status).toBe(200);
      instances.set(id, res.body.result);
    }
    const states = new Set([...instances.values()].map((i) => `${i.status}/${i.result}`));
    expect(states).toEqual(new Set(['COMPLETED/agree', 'COMPLETED/refuse', 'TERMINATED/', 'RUNNING/']));
    const people = [...corp().users.keys()].sort();
    // Leaves starting from 07-11 were filed inside the window (at most 5 days ahead).
    const from = chinaMs('2026-07-11 00:00:00');
    const approved = [];
    for (let i = 0; i < people.length; i += 100) approved.push(...(await walkLeaves(sandbox.handle, sandbox.token, people.slice(i, i + 100), from, END - 1)));
    const starting = approved.filter((l) => l.start_time >= from);
    expect(starting.length).toBeGreaterThan(20);
    const names = new Map(LEAVE_TYPES.map((t) => [t.leave_code, t.leave_name]));
    const agreed = [...instances.entries()].filter(([, i]) => i.result === 'agree');
    for (const leave of starting) {
      const match = agreed.find(([, i]) => i.originatorUserId === leave.userid && chinaMs(`${holiday(i).start}:00`) === leave.start_time);
      expect(match).toBeDefined();
      const h = holiday(match![1]);
      expect(chinaMs(`${h.end}:00`)).toBe(leave.end_time);
      expect(h.ext.leaveCode).toBe(leave.leave_code);
      expect(h.name).toBe(names.get(leave.leave_code));
      expect(Math.round(h.duration * 100)).toBe(leave.duration_percent);
      expect(h.unit).toBe(leave.duration_unit === 'percent_hour' ? 'hour' : 'day');
    }
    // Refused and withdrawn requests never became leaves: only agreed ones settle attendance.
    const week = dayWindow('2026-10-12', '2026-10-18');
    const rows = [];
    for (let i = 0; i < people.length; i += 50) rows.push(...(await walkAttendance(sandbox.handle, sandbox.token, people.slice(i, i + 50), week)).rows);
    const settled = rows.filter((r) => r.sourceType === 'APPROVE');
    expect(settled.length).toBeGreaterThan(0);
    for (const r of settled) expect(instances.get(r.procInstId!)?.result).toBe('agree');
  });

  it('answers the documented fields, decision records and tasks', async () => {
    const { ids } = await allIds();
    const res = await getInstanceWithToken(ids[0]!);
    expect(res.body).toEqual({ success: true, result: expect.any(Object) });
    const i = res.body.result;
    expect(i).toMatchObject({
      title: expect.stringMatching(/提交的请假$/),
      createTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/),
      originatorUserId: expect.any(String),
      approverUserIds: [expect.any(String)],
      formComponentValues: [expect.objectContaining({ componentType: 'DDHolidayField' }), expect.objectContaining({ name: '请假事由' })],
    });
    expect(i.operationRecords[0]).toMatchObject({ userId: i.originatorUserId, type: 'START_PROCESS_INSTANCE' });
    expect(i.tasks[0]).toMatchObject({ processInstanceId: ids[0] });
    if (i.status !== 'RUNNING') expect(i.finishTime).toMatch(/Z$/);
  });

  it('has requests still RUNNING near today that end refused or withdrawn once time passes', async () => {
    const { ids } = await allIds(END - 10 * DAY_MS, END);
    const running: string[] = [];
    for (const id of ids) if ((await getInstanceWithToken(id)).body.result.status === 'RUNNING') running.push(id);
    expect(running.length).toBeGreaterThan(0);
    const other = await startSandbox({ port: 0, corps: [{ ...CORP, corpId: 'dingflow2' }] });
    try {
      // Same seed, a month later: those ids exist with a decision.
      other.corps.get('dingflow2')!.advanceMonths(1);
      const t = await legacyToken(other, 'dingflow2');
      for (const id of running) {
        const res = await fetch(`${other.url}/v1.0/workflow/processInstances?processInstanceId=${id}`, { headers: { 'x-acs-dingtalk-access-token': t } });
        const body = (await res.json()) as { result: Instance };
        expect(['COMPLETED/refuse', 'TERMINATED/']).toContain(`${body.result.status}/${body.result.result}`);
      }
    } finally {
      await other.close();
    }
  });

  it('answers 400 for an unknown or made-up id, a missing id, and a call without token', async () => {
    const { ids } = await allIds();
    const broken = ids[0]!.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect(await getInstanceWithToken(broken)).toMatchObject({ status: 400, body: { code: 'InvalidProcessInstanceId' } });
    expect(await getInstanceWithToken('not-an-id')).toMatchObject({ status: 400, body: { code: 'InvalidProcessInstanceId' } });
    const missing = await fetch(`${sandbox.handle.url}/v1.0/workflow/processInstances`, { headers: headers() });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { code: string }).code).toBe('MissingprocessInstanceId');
    expect((await getInstance(ids[0]!)).body).toMatchObject({ code: 'InvalidAuthentication' });
  });
});
