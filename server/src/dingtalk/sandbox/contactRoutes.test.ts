import { LegacyErr } from '../wireFacts';
import { startSandbox, type SandboxHandle } from './startSandbox';
import { legacyToken, postForm, topapi, walkDeptUsers, type WireLegacy, type WireUserListPage } from './testClient';

const CORP = 'dingcontacts';
let handle: SandboxHandle;
let token: string;

beforeAll(async () => {
  handle = await startSandbox({
    port: 0,
    corps: [{ corpId: CORP, appKey: 'contacts-key', appSecret: 'contacts-secret', agentId: 7, seed: 3, employees: 600 }],
  });
  token = await legacyToken(handle, CORP);
});
afterAll(() => handle.close());

const corp = () => handle.corps.get(CORP)!;
const REQUEST_ID = expect.stringMatching(/^[0-9a-f]{16}$/);

describe('department endpoints', () => {
  it('listsub returns the direct children with exactly the documented fields', async () => {
    const res = await topapi<Record<string, unknown>[]>(handle, token, '/topapi/v2/department/listsub', {});
    expect(res).toEqual({ errcode: 0, errmsg: 'ok', request_id: REQUEST_ID, result: expect.any(Array) });
    expect(res.result.map((d) => d.name)).toEqual(['总经办', '人力资源部', '财务部', '销售中心', '技术部', '客户成功部']);
    for (const d of res.result) {
      expect(Object.keys(d).sort()).toEqual(['auto_add_user', 'create_dept_group', 'dept_id', 'name', 'parent_id']);
      expect(d.parent_id).toBe(1);
    }
  });

  it('a BFS over listsub from the root reaches every department exactly once', async () => {
    const seen: number[] = [];
    const queue = [1];
    while (queue.length > 0) {
      const id = queue.shift()!;
      seen.push(id);
      const res = await topapi<{ dept_id: number; parent_id: number }[]>(handle, token, '/topapi/v2/department/listsub', { dept_id: id });
      expect(res.errcode).toBe(0);
      for (const child of res.result) expect(child.parent_id).toBe(id);
      queue.push(...res.result.map((d) => d.dept_id));
    }
    expect(seen.sort()).toEqual([...corp().departments.keys()].sort());
  });

  it('department/get returns the detail with dept_manager_userid_list; the root has no parent_id', async () => {
    const team = corp().getUser('demo-employee')!.dept_id_list[0]!;
    const res = await topapi<Record<string, unknown>>(handle, token, '/topapi/v2/department/get', { dept_id: team });
    expect(res).toEqual({ errcode: 0, errmsg: 'ok', request_id: REQUEST_ID, result: expect.any(Object) });
    expect(res.result).toMatchObject({
      dept_id: team,
      name: corp().getDept(team)!.name,
      parent_id: corp().getDept(team)!.parent_id,
      order: expect.any(Number),
      dept_manager_userid_list: ['demo-supervisor'],
      create_dept_group: expect.any(Boolean),
      auto_add_user: true,
      group_contain_sub_dept: false,
      outer_dept: false,
      hide_dept: false,
    });
    const root = await topapi<Record<string, unknown>>(handle, token, '/topapi/v2/department/get', { dept_id: 1 });
    const bossId = [...corp().users.values()].find((u) => u.boss)!.userid;
    expect(root.result).toMatchObject({ dept_id: 1, name: '留才示范科技有限公司', dept_manager_userid_list: [bossId] });
    expect(root.result).not.toHaveProperty('parent_id');
  });

  it('unknown departments answer 60003, a missing dept_id 400002', async () => {
    expect(await topapi(handle, token, '/topapi/v2/department/listsub', { dept_id: 424242 })).toEqual({
      errcode: LegacyErr.deptNotFound,
      errmsg: '部门不存在',
      request_id: REQUEST_ID,
    });
    expect((await topapi(handle, token, '/topapi/v2/department/get', { dept_id: 424242 })).errcode).toBe(LegacyErr.deptNotFound);
    expect((await topapi(handle, token, '/topapi/v2/department/get', {})).errcode).toBe(LegacyErr.invalidParam);
    expect((await topapi(handle, token, '/topapi/v2/department/get', { dept_id: 'abc' })).errcode).toBe(LegacyErr.invalidParam);
  });
});

describe('user/list', () => {
  const LIST_FIELDS = [
    'active',
    'admin',
    'boss',
    'dept_id_list',
    'dept_order',
    'exclusive_account',
    'hide_mobile',
    'hired_date',
    'job_number',
    'leader',
    'mobile',
    'name',
    'state_code',
    'title',
    'unionid',
    'userid',
  ];

  it('returns a cursor page with the documented item fields and no manager_userid', async () => {
    const team = corp().getUser('demo-employee')!.dept_id_list[0]!;
    const res = await topapi<WireUserListPage>(handle, token, '/topapi/v2/user/list', { dept_id: team, cursor: 0, size: 5 });
    expect(res).toEqual({ errcode: 0, errmsg: 'ok', request_id: REQUEST_ID, result: { has_more: true, next_cursor: 5, list: expect.any(Array) } });
    expect(res.result.list).toHaveLength(5);
    const [supervisor, employee] = res.result.list;
    expect(supervisor).toMatchObject({ userid: 'demo-supervisor', leader: true, dept_order: 1 });
    expect(employee).toMatchObject({
      userid: 'demo-employee',
      leader: false,
      title: '销售代表',
      dept_id_list: [team],
      active: true,
      admin: false,
      boss: false,
    });
    for (const item of res.result.list) {
      for (const field of LIST_FIELDS) expect(item).toHaveProperty(field);
      expect(item).not.toHaveProperty('manager_userid');
      expect(typeof item.hired_date).toBe('number');
    }
  });

  it('walks every user of a department exactly once, whatever the page size', async () => {
    const deptId = [...corp().departments.values()].map((d) => d.dept_id).find((id) => corp().deptMembers(id).length > 20)!;
    const expected = corp()
      .deptMembers(deptId)
      .map((u) => u.userid);
    for (const size of [1, 7, 100]) {
      const { users, pages } = await walkDeptUsers(handle, token, deptId, size);
      expect(users.map((u) => u.userid)).toEqual(expected);
      expect(pages).toBe(Math.ceil(expected.length / size));
    }
  });

  it('lists only direct members, and a person in two departments appears in both', async () => {
    const twoDepts = [...corp().users.values()].find((u) => u.dept_id_list.length === 2 && !u.boss)!;
    for (const deptId of twoDepts.dept_id_list) {
      const { users } = await walkDeptUsers(handle, token, deptId, 100);
      const item = users.find((u) => u.userid === twoDepts.userid);
      expect(item?.dept_id_list).toEqual(twoDepts.dept_id_list);
    }
    const { users: rootUsers } = await walkDeptUsers(handle, token, 1, 100);
    expect(rootUsers.map((u) => u.userid)).toEqual([[...corp().users.values()].find((u) => u.boss)!.userid]);
  });

  it('orders by order_field', async () => {
    const deptId = corp().getUser('demo-employee')!.dept_id_list[0]!;
    const res = await topapi<WireUserListPage>(handle, token, '/topapi/v2/user/list', { dept_id: deptId, cursor: 0, size: 100, order_field: 'entry_asc' });
    const hired = res.result.list.map((u) => u.hired_date as number);
    expect(hired).toEqual([...hired].sort((a, b) => a - b));
  });

  it('answers 400002 for size over the max, missing cursor or size, or a bad order_field; 60003 for an unknown dept', async () => {
    const list = (body: Record<string, unknown>) => topapi(handle, token, '/topapi/v2/user/list', body);
    expect(await list({ dept_id: 1, cursor: 0, size: 101 })).toEqual({
      errcode: LegacyErr.invalidParam,
      errmsg: expect.stringMatching(/^无效的参数/),
      request_id: REQUEST_ID,
    });
    expect((await list({ dept_id: 1, size: 10 })).errcode).toBe(LegacyErr.invalidParam);
    expect((await list({ dept_id: 1, cursor: 0 })).errcode).toBe(LegacyErr.invalidParam);
    expect((await list({ dept_id: 1, cursor: 0, size: 0 })).errcode).toBe(LegacyErr.invalidParam);
    expect((await list({ dept_id: 1, cursor: 0, size: 10, order_field: 'name' })).errcode).toBe(LegacyErr.invalidParam);
    expect((await list({ dept_id: 424242, cursor: 0, size: 10 })).errcode).toBe(LegacyErr.deptNotFound);
  });

  it('answers 400002 (HTTP 200) to a malformed JSON body', async () => {
    const res = await fetch(`${handle.url}/topapi/v2/user/list?access_token=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"dept_id":',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ errcode: LegacyErr.invalidParam });
  });

  it('accepts form-urlencoded bodies like the official curl samples', async () => {
    const deptId = corp().getUser('demo-employee')!.dept_id_list[0]!;
    const { status, body } = await postForm<WireLegacy<WireUserListPage>>(`${handle.url}/topapi/v2/user/list?access_token=${token}`, {
      dept_id: String(deptId),
      cursor: '0',
      size: '2',
      contain_access_limit: 'false',
    });
    expect(status).toBe(200);
    expect(body.errcode).toBe(0);
    expect(body.result.list.map((u) => u.userid)).toEqual(['demo-supervisor', 'demo-employee']);
  });
});

describe('user/get', () => {
  it('returns the full detail including manager_userid only when set', async () => {
    const withManager = [...corp().users.values()].find((u) => u.manager_userid !== undefined)!;
    const res = await topapi<Record<string, unknown>>(handle, token, '/topapi/v2/user/get', { userid: withManager.userid });
    expect(res).toEqual({ errcode: 0, errmsg: 'ok', request_id: REQUEST_ID, result: expect.any(Object) });
    expect(res.result).toMatchObject({ userid: withManager.userid, manager_userid: withManager.manager_userid, name: withManager.name });
    const employee = await topapi<Record<string, unknown>>(handle, token, '/topapi/v2/user/get', { userid: 'demo-employee' });
    const team = corp().getUser('demo-employee')!.dept_id_list[0]!;
    expect(employee.result).not.toHaveProperty('manager_userid');
    expect(employee.result).toMatchObject({
      userid: 'demo-employee',
      unionid: expect.any(String),
      title: '销售代表',
      dept_id_list: [team],
      dept_order_list: [{ dept_id: team, order: 2 }],
      leader_in_dept: [{ dept_id: team, leader: false }],
      role_list: [],
      hired_date: expect.any(Number),
      active: true,
      admin: false,
      boss: false,
      real_authed: true,
    });
    const bossId = [...corp().users.values()].find((u) => u.boss)!.userid;
    const boss = await topapi<Record<string, unknown>>(handle, token, '/topapi/v2/user/get', { userid: bossId });
    expect(boss.result).toMatchObject({
      boss: true,
      admin: true,
      leader_in_dept: [
        { dept_id: expect.any(Number), leader: true },
        { dept_id: 1, leader: true },
      ],
    });
    expect(boss.result.role_list).toContainEqual({ id: 1001, name: '主管理员', group_name: '默认' });
  });

  it('answers 60121 for an unknown user and 400002 without userid', async () => {
    expect(await topapi(handle, token, '/topapi/v2/user/get', { userid: 'nobody' })).toEqual({
      errcode: LegacyErr.notFound,
      errmsg: '找不到该用户',
      request_id: REQUEST_ID,
    });
    expect((await topapi(handle, token, '/topapi/v2/user/get', {})).errcode).toBe(LegacyErr.invalidParam);
  });
});

describe('people leaving', () => {
  it('removeUser: user/get answers 60121 and the user is gone from user/list', async () => {
    const leaver = [...corp().users.values()].find((u) => u.dept_id_list.length === 2 && !u.boss)!;
    corp().removeUser(leaver.userid);
    expect((await topapi(handle, token, '/topapi/v2/user/get', { userid: leaver.userid })).errcode).toBe(LegacyErr.notFound);
    for (const deptId of leaver.dept_id_list) {
      const { users } = await walkDeptUsers(handle, token, deptId, 100);
      expect(users.map((u) => u.userid)).not.toContain(leaver.userid);
    }
  });

  it('POST /sandbox/corps/:corpId/users/:userid/leave does the same over HTTP', async () => {
    const leaver = corp().deptMembers(corp().getUser('demo-employee')!.dept_id_list[0]!)[2]!;
    const res = await fetch(`${handle.url}/sandbox/corps/${CORP}/users/${leaver.userid}/leave`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ userid: leaver.userid, last_work_day: corp().asOfMs, employees: corp().employeeCount });
    expect((await topapi(handle, token, '/topapi/v2/user/get', { userid: leaver.userid })).errcode).toBe(LegacyErr.notFound);
    expect(corp().departures.at(-1)?.userid).toBe(leaver.userid);
    const again = await fetch(`${handle.url}/sandbox/corps/${CORP}/users/${leaver.userid}/leave`, { method: 'POST' });
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ error: 'not_found' });
  });
});
