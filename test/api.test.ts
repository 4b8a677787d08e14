import { createTestWorld, syncWorld, type TestWorld } from './support/testServices';
import { TestClient } from './support/httpClient';
import { listen } from './support/testServer';
import { Not } from 'typeorm';
import { AuditEvent, Corp, Department, HrScope, SyncRun as SyncRunRow, User, UserDepartment } from '../server/src/entities';
import { createSyncRun } from '../server/src/modules/sync/commands/orgSyncRunCreator';
import type { InProcessJobQueue } from '../server/src/jobs/inProcessJobQueue';
import type { Me, OrgTree, SyncOverview, SyncRun } from '@liucai/shared';

describe('HTTP API: 免登 login, roles, scopes and org sync', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let demo: { admin: string; hr: string; supervisor: string; employee: string };

  beforeAll(async () => {
    w = await createTestWorld({ label: 'api', employees: 80, seed: 5 });
    await syncWorld(w);
    demo = w.sandbox!.demoUsers;
    server = await listen(w);
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  it('answers /healthz and names each dependency in /readyz', async () => {
    const c = new TestClient(server.url);
    expect((await c.call('GET', '/healthz')).status).toBe(200);
    const ready = await c.call<Record<string, { ok: boolean }>>('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(Object.keys(ready.body.data).sort()).toEqual(['database', 'dingtalk', 'events', 'redis', 'schedulers']);
    // In-process jobs: schedules are timers in this process, so they cannot go missing.
    expect(ready.body.data.schedulers).toEqual({ ok: true, mode: 'in-process' });
    expect(ready.body.data.database?.ok).toBe(true);
    // How events come in is reported, not required: this world has HTTP callbacks and no Stream receiver.
    expect(ready.body.data.events).toEqual({ mode: 'both', http: true, stream: { state: 'off' } });
  });

  it('reports DingTalk unreachable in /readyz when the sandbox is down', async () => {
    const dead = await createTestWorld({ label: 'apidead', employees: 20 });
    const s = await listen(dead);
    await dead.sandboxHandle.close();
    try {
      const res = await new TestClient(s.url).call('GET', '/readyz');
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ message: '未就绪：钉钉不可用', details: { down: ['dingtalk'], dingtalk: { ok: false }, database: { ok: true } } });
    } finally {
      await s.close();
      await dead.jobs.close();
      await dead.ds.destroy();
    }
  });

  it('lists the demo users of each role on the sign-in options', async () => {
    const res = await new TestClient(server.url).call<{ mode: string; demoUsers: { userid: string; role: string }[] }>('GET', '/api/v1/auth/options');
    expect(res.body.data.mode).toBe('sandbox');
    expect(res.body.data.demoUsers.map((u) => u.role)).toEqual(['employee', 'supervisor', 'hr', 'admin']);
  });

  it('signs in with a one-time auth code and answers /me with profile, supervisor and roles', async () => {
    const c = new TestClient(server.url);
    expect((await c.call('GET', '/api/v1/me')).status).toBe(401);
    const login = await c.signIn(demo.employee, w.corpId);
    expect(login.status).toBe(200);
    const me = await c.call<Me>('GET', '/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.data.userid).toBe(demo.employee);
    expect(me.body.data.roles).toEqual(['employee']);
    expect(me.body.data.supervisor?.userid).toBe(demo.supervisor);
    expect(me.body.data.department?.name).toBeTruthy();
  });

  it('gives each demo user the right roles', async () => {
    const roles: Record<string, string[]> = {};
    for (const [who, userid] of Object.entries(demo)) {
      const c = new TestClient(server.url);
      await c.signIn(userid, w.corpId);
      roles[who] = (await c.call<Me>('GET', '/api/v1/me')).body.data.roles;
    }
    expect(roles.employee).toEqual(['employee']);
    expect(roles.supervisor).toContain('supervisor');
    expect(roles.hr).toContain('hr');
    expect(roles.admin).toContain('admin');
    expect(roles.hr).not.toContain('admin');
  });

  it('rejects a used, unknown or malformed auth code with a clear error', async () => {
    const c = new TestClient(server.url);
    const { body } = await c.call<{ code: string }>('POST', '/api/v1/auth/sandbox-code', { userid: demo.employee, corpId: w.corpId });
    expect((await c.call('POST', '/api/v1/auth/dingtalk', { code: body.data.code, corpId: w.corpId })).status).toBe(200);
    const reused = await c.call('POST', '/api/v1/auth/dingtalk', { code: body.data.code, corpId: w.corpId });
    expect(reused.status).toBe(401);
    expect(reused.body.error.id).toBe('dingtalk_auth_code_invalid');
    const missing = await c.call('POST', '/api/v1/auth/dingtalk', { corpId: w.corpId });
    expect(missing.status).toBe(400);
    expect(missing.body.error.id).toBe('validation_error');
    expect(missing.body.error.details).toEqual([expect.objectContaining({ field: 'code' })]);
    const badJson = await c.call('POST', '/api/v1/auth/dingtalk', '{"code":');
    expect(badJson.status).toBe(400);
    const otherCorp = await c.call('POST', '/api/v1/auth/dingtalk', { code: 'x', corpId: 'dingsomeoneelse' });
    expect(otherCorp.body.error.id).toBe('unknown_corp');
  });

  it('reads people DingTalk knows but Liucai has not synced when they sign in, and refuses people who left', async () => {
    const corp = w.sandboxHandle.corps.get(w.corpId)!;
    // Before issue 12 §5 a hire not yet synced was refused (403 unknown_user); now user/get reads them on the fly.
    const fresh = corp.addUser({ name: '刚入职' });
    const c = new TestClient(server.url);
    const res = await c.signIn(fresh.userid, w.corpId);
    expect(res.status).toBe(200);
    expect(await w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, userid: fresh.userid })).toMatchObject({ name: '刚入职', status: 'active' });

    const leaver = await w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, supervisorUserid: demo.supervisor, userid: Not(demo.employee) });
    await w.ds.getRepository(User).update({ corpId: w.corpId, userid: leaver.userid }, { status: 'left', leftOn: '2026-11-20' });
    const gone = await new TestClient(server.url).signIn(leaver.userid, w.corpId);
    expect(gone.status).toBe(403);
    expect(gone.body.error.message).toContain('离职');
    await w.ds.getRepository(User).update({ corpId: w.corpId, userid: leaver.userid }, { status: 'active', leftOn: null });
  });

  it('keeps HR inside its granted departments and answers 404 outside scope', async () => {
    const hr = new TestClient(server.url);
    await hr.signIn(demo.hr, w.corpId);
    const tree = await hr.call<OrgTree>('GET', '/api/v1/org/departments');
    expect(tree.status).toBe(200);
    const names = tree.body.data.departments.map((d) => d.name);
    expect(names).toContain('销售中心');
    expect(names).not.toContain('技术部');
    const sales = tree.body.data.departments.find((d) => d.name === '销售中心')!;
    expect(sales.parentId).toBeNull();
    expect(sales.totalHeadcount).toBeGreaterThanOrEqual(sales.headcount);

    // The employee is in sales: HR may see them. An engineer is outside HR's scope: 404, not 403.
    expect((await hr.call('GET', `/api/v1/users/${demo.employee}`)).status).toBe(200);
    const tech = await w.ds.getRepository(Department).findOneByOrFail({ corpId: w.corpId, name: '技术部' });
    const engineer = await w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, mainDeptId: tech.deptId, status: 'active' });
    const outside = await hr.call('GET', `/api/v1/users/${engineer.userid}`);
    expect(outside.status).toBe(404);
    expect(outside.body.error.id).toBe('not_found');

    const employee = new TestClient(server.url);
    await employee.signIn(demo.employee, w.corpId);
    expect((await employee.call('GET', '/api/v1/org/departments')).status).toBe(403);
    expect((await employee.call('GET', `/api/v1/users/${demo.supervisor}`)).status).toBe(404);
    const supervisor = new TestClient(server.url);
    await supervisor.signIn(demo.supervisor, w.corpId);
    expect((await supervisor.call('GET', `/api/v1/users/${demo.employee}`)).status).toBe(200);
  });

  it('lets only an admin set HR scopes, validating department ids', async () => {
    const admin = new TestClient(server.url);
    await admin.signIn(demo.admin, w.corpId);
    const hr = new TestClient(server.url);
    await hr.signIn(demo.hr, w.corpId);
    expect((await hr.call('GET', '/api/v1/admin/hr-scopes')).status).toBe(403);

    const tech = await w.ds.getRepository(Department).findOneByOrFail({ corpId: w.corpId, name: '技术部' });
    const bad = await admin.call('PUT', `/api/v1/admin/hr-scopes/${demo.supervisor}`, { departmentIds: [tech.deptId, 999999] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('999999');
    const empty = await admin.call('PUT', `/api/v1/admin/hr-scopes/${demo.supervisor}`, { departmentIds: [] });
    expect(empty.status).toBe(400);

    const ok = await admin.call<{ departments: { id: number }[] }>('PUT', `/api/v1/admin/hr-scopes/${demo.supervisor}`, { departmentIds: [tech.deptId] });
    expect(ok.status).toBe(200);
    expect(ok.body.data.departments.map((d) => d.id)).toEqual([tech.deptId]);
    const sup = new TestClient(server.url);
    await sup.signIn(demo.supervisor, w.corpId);
    expect((await sup.call<Me>('GET', '/api/v1/me')).body.data.roles).toContain('hr');
    const list = await admin.call<{ user: { userid: string } }[]>('GET', '/api/v1/admin/hr-scopes');
    expect(list.body.data.map((e) => e.user.userid).sort()).toEqual([demo.hr, demo.supervisor].sort());
    expect((await admin.call('DELETE', `/api/v1/admin/hr-scopes/${demo.supervisor}`)).status).toBe(200);
    expect((await sup.call<Me>('GET', '/api/v1/me')).body.data.roles).not.toContain('hr');
    // Removing a role nobody holds: 404, and nothing recorded.
    expect((await admin.call('DELETE', `/api/v1/admin/hr-scopes/${demo.supervisor}`)).status).toBe(404);
    // Who may see whose data changed: each grant and removal is in the audit log (refused ones are not).
    const audited = await w.ds.getRepository(AuditEvent).find({ where: { corpId: w.corpId, targetKind: 'hr_scope' }, order: { id: 'ASC' } });
    expect(audited.map((e) => [e.action, e.actorUserid, e.subjectUserid, e.detail ? JSON.parse(e.detail) : null])).toEqual([
      ['access.hrScope.set', demo.admin, demo.supervisor, { departmentIds: [tech.deptId] }],
      ['access.hrScope.remove', demo.admin, demo.supervisor, null],
    ]);
    const log = await admin.call<{ events: { actionLabel: string; subject: { userid: string } | null }[] }>('GET', '/api/v1/audit-log?targetKind=hr_scope');
    expect(log.body.data.events.map((e) => [e.actionLabel, e.subject?.userid])).toEqual([
      ['移除 HR 角色', demo.supervisor],
      ['设置 HR 管理范围', demo.supervisor],
    ]);
    const search = await admin.call<{ userid: string }[]>('GET', `/api/v1/admin/users?q=${encodeURIComponent(demo.employee)}`);
    expect(search.body.data.map((u) => u.userid)).toEqual([demo.employee]);
  });

  it('refuses an HR scope for a person who has left, and grants nothing', async () => {
    const admin = new TestClient(server.url);
    await admin.signIn(demo.admin, w.corpId);
    const sales = await w.ds.getRepository(Department).findOneByOrFail({ corpId: w.corpId, name: '销售中心' });
    const users = w.ds.getRepository(User);
    const leaver = await users.findOneByOrFail({ corpId: w.corpId, supervisorUserid: demo.supervisor, userid: Not(demo.employee) });
    await users.update({ corpId: w.corpId, userid: leaver.userid }, { status: 'left', leftOn: '2026-11-20' });
    try {
      const res = await admin.call('PUT', `/api/v1/admin/hr-scopes/${leaver.userid}`, { departmentIds: [sales.deptId] });
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ id: 'not_found', message: '在职员工不存在或无权查看' });
      expect(await w.ds.getRepository(HrScope).countBy({ corpId: w.corpId, userid: leaver.userid })).toBe(0);
    } finally {
      await users.update({ corpId: w.corpId, userid: leaver.userid }, { status: 'active', leftOn: null });
    }
  });

  it('answers /me with exactly its fields, HR scopes named', async () => {
    const hr = new TestClient(server.url);
    await hr.signIn(demo.hr, w.corpId);
    const me = (await hr.call<Me>('GET', '/api/v1/me')).body.data;
    expect(Object.keys(me).sort()).toEqual(
      [
        'avatar',
        'corpId',
        'corpName',
        'department',
        'departments',
        'hiredOn',
        'hrScopes',
        'jobNumber',
        'name',
        'roles',
        'supervisor',
        'title',
        'userid',
      ].sort(),
    );
    const sales = await w.ds.getRepository(Department).findOneByOrFail({ corpId: w.corpId, name: '销售中心' });
    expect(me.hrScopes).toEqual([{ id: sales.deptId, name: '销售中心', path: '销售中心' }]);
    const employee = new TestClient(server.url);
    await employee.signIn(demo.employee, w.corpId);
    const mine = (await employee.call<Me>('GET', '/api/v1/me')).body.data;
    expect(mine.hrScopes).toEqual([]);
    // Every field as the tables hold it: the person, their corp's name, their supervisor, main department first.
    const row = await w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, userid: demo.employee });
    const boss = await w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, userid: row.supervisorUserid! });
    const corp = await w.ds.getRepository(Corp).findOneByOrFail({ corpId: w.corpId });
    const memberships = await w.ds.getRepository(UserDepartment).find({ where: { corpId: w.corpId, userid: demo.employee }, order: { deptId: 'ASC' } });
    expect(mine).toMatchObject({
      userid: row.userid,
      name: row.name,
      title: row.title,
      avatar: row.avatar,
      jobNumber: row.jobNumber,
      hiredOn: row.hiredOn,
      corpName: corp.name,
      roles: ['employee'],
      supervisor: { userid: boss.userid, name: boss.name, title: boss.title },
    });
    expect(mine.department?.id).toBe(Number(row.mainDeptId));
    expect(mine.departments.map((d) => d.id)).toEqual([...new Set([Number(row.mainDeptId), ...memberships.map((m) => Number(m.deptId))])]);
    expect(memberships.length).toBeGreaterThan(0);
  });

  it("shows a sync run's note and every field of the run to HR", async () => {
    const run = (await createSyncRun(w.ds, w.corpId, 'crm', 'manual', demo.hr))!;
    const note = '本月钉钉调用额度已用完：CRM 同步停在第 3 页，下月继续';
    const finishedAt = new Date();
    await w.ds
      .getRepository(SyncRunRow)
      .update({ id: run.id }, { status: 'succeeded', startedAt: new Date(finishedAt.getTime() - 1500), finishedAt, note, countRows: 7 });
    const hr = new TestClient(server.url);
    await hr.signIn(demo.hr, w.corpId);
    const last = (await hr.call<SyncOverview>('GET', '/api/v1/sync/crm')).body.data.lastSucceeded!;
    expect(Object.keys(last).sort()).toEqual(
      [
        'apiCalls',
        'counts',
        'durationMs',
        'error',
        'finishedAt',
        'id',
        'kind',
        'note',
        'phase',
        'progressDone',
        'progressTotal',
        'startedAt',
        'status',
        'trigger',
      ].sort(),
    );
    expect(last).toMatchObject({ id: run.id, kind: 'crm', status: 'succeeded', trigger: 'manual', note, durationMs: 1500, counts: { rows: 7 } });
  });

  it('runs "sync now" as a job, shows progress and refuses a second one while it runs', async () => {
    const hr = new TestClient(server.url);
    await hr.signIn(demo.hr, w.corpId);
    const started = await hr.call<SyncRun>('POST', '/api/v1/sync/org');
    expect(started.status).toBe(202);
    expect(started.body.data.status).toBe('queued');
    const again = await hr.call('POST', '/api/v1/sync/org');
    expect(again.status).toBe(409);
    expect(again.body.error.id).toBe('sync_already_running');
    await (w.jobs as InProcessJobQueue).idle();
    const overview = await hr.call<SyncOverview>('GET', '/api/v1/sync/org');
    expect(overview.body.data.current).toBeNull();
    expect(overview.body.data.lastSucceeded).toMatchObject({ id: started.body.data.id, status: 'succeeded', trigger: 'manual' });
    expect(overview.body.data.lastSucceeded!.counts.users).toBeGreaterThan(0);
    expect(overview.body.data.lastSucceeded!.apiCalls).toBeGreaterThan(0);
    expect(overview.body.data.lastSucceeded!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('answers unknown API paths with the error envelope', async () => {
    const c = new TestClient(server.url);
    expect((await c.call('GET', '/api/v1/nothing-here')).status).toBe(401);
    await c.signIn(demo.employee, w.corpId);
    const res = await c.call('GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ ok: false, error: { id: 'not_found' } });
  });
});
