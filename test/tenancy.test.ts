/**
 * Tenancy: two corps in one database, each served by its own installation (the product serves one corp per
 * installation, but every query must still carry corp_id). Corp B reuses corp A's userids and department ids on
 * purpose, so a query that forgets the corp finds the other corp's row. Through the API, no endpoint, export or error
 * file of one corp shows the other's rows; a job of one corp leaves the other's rows alone; and a static audit finds
 * no query in the server that does not name the corp.
 */
import path from 'node:path';
import { In } from 'typeorm';
import type { SyncRun as SyncRunDto } from '@liucai/shared';
import { Deal, Department, ImportRun, SyncRun, User } from '../server/src/entities';
import { createSession } from '../server/src/modules/access/auth/sessions';
import { createSyncRun } from '../server/src/modules/sync/commands/orgSyncRunCreator';
import type { InProcessJobQueue } from '../server/src/jobs/inProcessJobQueue';
import { createTestWorld, syncWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { TestClient } from './support/httpClient';
import { buildDeal, buildDepartment, buildUser, grantHrScope } from './support/factories';
import { auditSource, auditTenancy } from './support/tenancyAudit';

const MARK_B = '乙方';

describe('tenancy: two corps in one database', () => {
  let w: TestWorld;
  let a: { url: string; close(): Promise<void> };
  let b: { url: string; close(): Promise<void> };
  const corpB = `tenb${process.pid}${Date.now().toString(36)}`;
  let demo: { admin: string; hr: string; supervisor: string; employee: string };
  let aAdmin: TestClient;
  let aHr: TestClient;
  let bAdmin: TestClient;
  let bHr: TestClient;
  let aRun: number;
  let bRun: number;
  let aEmployeeName: string;

  /** What A's admin sees on every read route that lists or counts rows. */
  const aReads = (runId: number) => [
    '/api/v1/me',
    `/api/v1/users/${demo.employee}`,
    '/api/v1/org/departments',
    '/api/v1/org/departments?all=1',
    `/api/v1/org/departments?q=${encodeURIComponent('销售')}`,
    '/api/v1/sync/budget',
    '/api/v1/sync/quality',
    '/api/v1/sync/org',
    '/api/v1/sync/crm',
    '/api/v1/admin/hr-scopes',
    `/api/v1/admin/users?q=${encodeURIComponent(MARK_B)}`,
    `/api/v1/admin/users?q=${demo.employee}`,
    '/api/v1/imports/runs',
    `/api/v1/imports/runs/${runId}`,
    `/api/v1/imports/runs/${runId}/errors.csv`,
  ];
  const readAll = async (c: TestClient, paths: string[]) => {
    const out: Record<string, string> = {};
    for (const p of paths) {
      const res = await fetch(`${c.base}${p}`, { headers: { cookie: c.cookie } });
      expect({ p, status: res.status }).toEqual({ p, status: 200 });
      out[p] = (await res.text()).replace(/"requestId":"[^"]+"/g, '');
    }
    return out;
  };
  const commit = async (c: TestClient, fileName: string, csv: string) => {
    const res = await fetch(`${c.base}/api/v1/imports/deals?mode=commit`, {
      method: 'POST',
      headers: { cookie: c.cookie, 'content-type': 'text/csv', 'x-file-name': encodeURIComponent(fileName) },
      body: csv,
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { data: { id: number } }).data.id;
  };
  const dealsCsv = (owner: string, customer: string) =>
    `合同编号,客户名称,负责人,合同金额(元),签约日期\nT-1,${customer},${owner},20000,2026-11-02\nT-2,${customer}二,${owner},不是金额,2026-11-03\n`;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'tena', employees: 60, seed: 5 });
    await syncWorld(w);
    demo = w.sandbox!.demoUsers;
    a = await listen(w);
    aAdmin = new TestClient(a.url);
    await aAdmin.signIn(demo.admin, w.corpId);
    aHr = new TestClient(a.url);
    await aHr.signIn(demo.hr, w.corpId);
    aRun = await commit(aHr, '甲方合同.csv', dealsCsv(demo.employee, '甲方客户'));
    aEmployeeName = (await w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, userid: demo.employee })).name;
  });
  afterAll(async () => {
    await b?.close();
    await a.close();
    await w.close();
  });

  /** Corp B in the same database, with A's department ids and userids, its own installation and sessions. */
  async function buildCorpB(): Promise<void> {
    await w.ds.query('INSERT INTO corps (corp_id, name) VALUES (?, ?)', [corpB, `${MARK_B}公司`]);
    const aDepts = await w.ds.getRepository(Department).findBy({ corpId: w.corpId });
    const aSales = aDepts.find((d) => d.name === '销售中心')!;
    const aTeam = (await w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, userid: demo.employee })).mainDeptId!;
    const root = await buildDepartment(w.ds, corpB, { deptId: 1, name: `${MARK_B}公司` });
    const sales = await buildDepartment(w.ds, corpB, { deptId: aSales.deptId, parentId: root.deptId, name: `${MARK_B}销售部` });
    const team = await buildDepartment(w.ds, corpB, { deptId: aTeam, parentId: sales.deptId, name: `${MARK_B}一组` });
    await buildUser(w.ds, corpB, { userid: demo.admin, name: `${MARK_B}老板`, isAdmin: true, deptIds: [root.deptId] });
    await buildUser(w.ds, corpB, { userid: demo.hr, name: `${MARK_B}人事`, deptIds: [root.deptId] });
    await buildUser(w.ds, corpB, { userid: demo.supervisor, name: `${MARK_B}组长`, deptIds: [team.deptId] });
    await buildUser(w.ds, corpB, { userid: demo.employee, name: `${MARK_B}销售`, supervisorUserid: demo.supervisor, deptIds: [team.deptId] });
    await grantHrScope(w.ds, corpB, demo.hr, [sales.deptId]);
    await buildDeal(w.ds, corpB, { customerName: `${MARK_B}大客户`, ownerUserid: demo.employee, source: 'dingtalk' });
    await buildDeal(w.ds, corpB, { customerName: `${MARK_B}无主客户`, ownerUserid: null, source: 'import' });
    const run = (await createSyncRun(w.ds, corpB, 'org', 'manual', demo.hr))!;
    await w.ds
      .getRepository(SyncRun)
      .update({ id: run.id }, { status: 'succeeded', startedAt: new Date(), finishedAt: new Date(), note: `${MARK_B}备注`, countUsers: 4 });
    b = await listen({ ...w, corp: { corpId: corpB, name: `${MARK_B}公司` }, sandbox: null });
    bAdmin = new TestClient(b.url);
    bAdmin.cookie = `liucai_sid=${await createSession(w.ds, corpB, demo.admin, 1)}`;
    bHr = new TestClient(b.url);
    bHr.cookie = `liucai_sid=${await createSession(w.ds, corpB, demo.hr, 1)}`;
    bRun = await commit(bHr, `${MARK_B}合同.csv`, dealsCsv(demo.employee, `${MARK_B}导入客户`));
  }

  it("leaves every answer of corp A unchanged when corp B's rows arrive, and never shows them", async () => {
    const before = await readAll(aAdmin, aReads(aRun));
    await buildCorpB();
    const after = await readAll(aAdmin, aReads(aRun));
    expect(after).toEqual(before);
    for (const [p, body] of Object.entries(after)) expect({ p, leaked: body.includes(MARK_B) }).toEqual({ p, leaked: false });
    // A's HR, whose scope is A's 销售中心 (the same department id as B's 乙方销售部), sees A's people only.
    const hrView = await readAll(aHr, ['/api/v1/org/departments', '/api/v1/org/departments?all=1', `/api/v1/users/${demo.employee}`, '/api/v1/imports/runs']);
    for (const body of Object.values(hrView)) expect(body).not.toContain(MARK_B);
  });

  it("shows corp B's installation only B's rows: same userids, same department ids, other people", async () => {
    const seen = await readAll(
      bAdmin,
      aReads(bRun).filter((p) => !p.startsWith('/api/v1/sync/org')),
    );
    expect(JSON.parse(seen[`/api/v1/users/${demo.employee}`]!).data.name).toBe(`${MARK_B}销售`);
    expect(JSON.parse(seen['/api/v1/org/departments?all=1']!).data.departments.map((d: { name: string }) => d.name)).toEqual(
      expect.arrayContaining([`${MARK_B}公司`, `${MARK_B}销售部`, `${MARK_B}一组`]),
    );
    for (const [p, body] of Object.entries(seen)) {
      expect({ p, leaked: body.includes(aEmployeeName) || body.includes('甲方') || body.includes('销售中心') }).toEqual({ p, leaked: false });
    }
    const sync = await bAdmin.call<{ lastSucceeded: SyncRunDto }>('GET', '/api/v1/sync/org');
    expect(sync.body.data.lastSucceeded.note).toBe(`${MARK_B}备注`);
  });

  it("answers 404 for the other corp's import runs and error files, and 401 for its sessions", async () => {
    for (const [c, other] of [
      [aAdmin, bRun],
      [bAdmin, aRun],
    ] as const) {
      expect((await c.call('GET', `/api/v1/imports/runs/${other}`)).status).toBe(404);
      const file = await fetch(`${c.base}/api/v1/imports/runs/${other}/errors.csv`, { headers: { cookie: c.cookie } });
      expect(file.status).toBe(404);
      expect(await file.text()).not.toMatch(/甲方|乙方/);
    }
    expect((await fetch(`${a.url}/api/v1/me`, { headers: { cookie: bAdmin.cookie } })).status).toBe(401);
    expect((await fetch(`${b.url}/api/v1/me`, { headers: { cookie: aAdmin.cookie } })).status).toBe(401);
  });

  it("runs corp A's org and data syncs without touching corp B's rows", async () => {
    const snapshot = async () => ({
      users: await w.ds.getRepository(User).find({ where: { corpId: corpB }, order: { userid: 'ASC' } }),
      depts: await w.ds.getRepository(Department).find({ where: { corpId: corpB }, order: { deptId: 'ASC' } }),
      deals: await w.ds.getRepository(Deal).find({ where: { corpId: corpB }, order: { sourceId: 'ASC' } }),
      runs: await w.ds.getRepository(ImportRun).findBy({ corpId: corpB }),
      syncRuns: await w.ds.getRepository(SyncRun).findBy({ corpId: corpB }),
    });
    const before = await snapshot();
    // A's org sync marks people DingTalk no longer lists as left: B's people (not in A's DingTalk) must stay.
    w.sandboxHandle.corps.get(w.corpId)!.removeUser(demo.employee);
    for (const kind of ['org', 'departures', 'crm']) {
      expect((await aHr.call('POST', `/api/v1/sync/${kind}`, {})).status).toBe(202);
      await (w.jobs as InProcessJobQueue).idle();
    }
    const runs = await w.ds.getRepository(SyncRun).findBy({ corpId: w.corpId, kind: In(['org', 'departures', 'crm']), trigger: 'manual' });
    expect(runs.filter((r) => r.status !== 'succeeded')).toEqual([]);
    expect((await w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, userid: demo.employee })).status).toBe('left');
    expect(await snapshot()).toEqual(before);
  });

  it('finds no query in the server that does not name the corp (static audit), and the audit catches one that does not', () => {
    const { missing, explained } = auditTenancy(path.join(__dirname, '..', 'server', 'src'));
    expect(missing).toEqual([]);
    // Each exception says why; a reviewer reads them here.
    expect(explained.length).toBeGreaterThan(0);
    const planted = auditSource(
      'planted.ts',
      [
        "const a = await ds.getRepository(User).findBy({ status: 'active' });",
        'const repo = ds.getRepository(Deal);',
        "const b = await repo.countBy({ source: 'import' });",
        "const c = await ds.getRepository(User).findBy({ corpId, status: 'active' });",
        "const rows = await ds.query('SELECT * FROM users WHERE status = ?', ['active']);",
        "const q = ds.getRepository(User).createQueryBuilder('u').where('u.status = :s', { s: 'active' }).getMany();",
      ].join('\n'),
    );
    expect(planted.missing.map((f) => f.line)).toEqual([1, 3, 5, 6]);
  });
});
