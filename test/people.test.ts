/**
 * The people directory API (GET /api/v1/people): search by name, pinyin initials, job number, department and title;
 * filters, paging and sorting; and who sees whom (HR in scope, supervisor, employee, admin), on factory rows.
 */
import type { Paged, PersonSummary } from '@liucai/shared';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { actorFor, clientAs, onBothDatabases } from './support/factories';
import { listPeople, type DirectoryFilters } from '../server/src/modules/people/queries/peopleDirectory';
import { buildPeopleWorld, type PeopleWorld } from './support/peopleWorld';
import { TestClient } from './support/httpClient';

describe('people directory API', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let pw: PeopleWorld;
  let hr: TestClient;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'peopleapi', employees: 20 });
    pw = await buildPeopleWorld(w.ds, 'dir');
    // The factory world is its own corp: serve it (one installation serves one corp).
    server = await listen({ ...w, corp: { corpId: pw.corpId, name: pw.corpId } });
    hr = await clientAs(w.ds, server.url, pw.people.hr);
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  const list = async (c: TestClient, query: string) => {
    const res = await c.call<Paged<PersonSummary>>('GET', `/api/v1/people${query ? `?${query}` : ''}`);
    expect(res.status).toBe(200);
    return res.body.data;
  };
  const names = async (c: TestClient, query: string) => (await list(c, query)).items.map((p) => p.name);

  it('finds people by name, pinyin initials, whole pinyin, job number, title and department', async () => {
    expect(await names(hr, 'q=张')).toEqual(['张三', '张珊']);
    // zs is both 张三 (zhang san) and 张珊 (zhang shan); more letters narrow it.
    expect(await names(hr, 'q=zs')).toEqual(['张三', '张珊']);
    expect(await names(hr, 'q=ZS')).toEqual(['张三', '张珊']);
    expect(await names(hr, 'q=zhangsan')).toEqual(['张三']);
    expect(await names(hr, 'q=zhang%20shan')).toEqual(['张珊']);
    expect(await names(hr, 'q=ls')).toEqual(['李四']);
    expect(await names(hr, 'q=S01')).toEqual(['李四', '张三']);
    expect(await names(hr, 'q=经理')).toEqual(['张珊']);
    // A department name finds the people in it and below it; HR's scope still applies (技术部's 一组 is outside).
    expect(await names(hr, 'q=二部')).toEqual(['张珊']);
    expect(await names(hr, 'q=一组')).toEqual(['孙八', '张三', '张珊']);
    // LIKE wildcards are text, not patterns.
    expect(await names(hr, 'q=%')).toEqual([]);
    expect(await names(hr, 'q=_')).toEqual([]);
  });

  it('names each department by its path, so the three 一组 are told apart', async () => {
    const page = await list(hr, 'q=一组');
    const byName = new Map(page.items.map((p) => [p.name, p]));
    expect(byName.get('张三')?.department).toEqual({ id: pw.depts.team1.deptId, name: '一组', path: '销售中心 / 中小客户一部 / 一组' });
    expect(byName.get('张珊')?.department?.path).toBe('销售中心 / 中小客户二部 / 一组');
    expect(byName.get('张三')?.supervisor).toEqual({ userid: pw.people.lead.userid, name: '李四', title: '组长' });
  });

  it('filters by status, department (with everything below it), supervisor and hire dates', async () => {
    expect(await names(hr, 'status=left')).toEqual(['赵六']);
    expect(await names(hr, 'status=all&q=zl')).toEqual(['赵六']);
    expect(await names(hr, `deptId=${pw.depts.smb1.deptId}`)).toEqual(['李四', '孙八', '张三']);
    expect(await names(hr, `deptId=${pw.depts.smb1.deptId}&status=all`)).toEqual(['李四', '孙八', '张三', '赵六']);
    expect(await names(hr, `supervisor=${pw.people.lead.userid}`)).toEqual(['张三']);
    expect(await names(hr, `supervisor=${pw.people.lead.userid}&status=all`)).toEqual(['张三', '赵六']);
    expect(await names(hr, 'hiredFrom=2022-07-01&hiredTo=2024-12-31')).toEqual(['李四', '张三']);
    expect(await names(hr, 'hiredFrom=2025-01-01')).toEqual(['张珊']);
    // Filters combine.
    expect(await names(hr, `deptId=${pw.depts.sales.deptId}&q=zs&hiredTo=2024-12-31`)).toEqual(['张三']);
  });

  it('sorts by pinyin, job number and hire date either way, people without a value last', async () => {
    // By pinyin (li, sun, wang, zhang san, zhang shan, zhou), not by character code (周 孙 张 李 王).
    expect(await names(hr, '')).toEqual(['李四', '孙八', '王大伟', '张三', '张珊', '周九']);
    expect(await names(hr, 'sort=-name')).toEqual(['周九', '张珊', '张三', '王大伟', '孙八', '李四']);
    expect(await names(hr, 'sort=jobNumber')).toEqual(['孙八', '周九', '王大伟', '李四', '张三', '张珊']);
    // 孙八 and 周九 have no hire date: last either way.
    expect(await names(hr, 'sort=hiredOn')).toEqual(['王大伟', '李四', '张三', '张珊', '孙八', '周九']);
    expect(await names(hr, 'sort=-hiredOn')).toEqual(['张珊', '张三', '李四', '王大伟', '孙八', '周九']);
  });

  it('pages: total of the whole list, the asked page, nothing past the end', async () => {
    const p1 = await list(hr, 'pageSize=4');
    expect(p1).toMatchObject({ total: 6, page: 1, pageSize: 4 });
    expect(p1.items.map((p) => p.name)).toEqual(['李四', '孙八', '王大伟', '张三']);
    const p2 = await list(hr, 'pageSize=4&page=2');
    expect(p2.items.map((p) => p.name)).toEqual(['张珊', '周九']);
    expect(p2.total).toBe(6);
    const p3 = await list(hr, 'pageSize=4&page=3');
    expect(p3).toMatchObject({ total: 6, items: [] });
  });

  it('shows each role only the people in its scope', async () => {
    const { people } = pw;
    // HR of 销售中心: not 财务部 or 技术部 (孙八 is in through a membership of 一组).
    expect((await list(hr, 'status=all')).total).toBe(7);
    expect(await names(hr, 'q=钱七')).toEqual([]);
    // A supervisor: themself and their direct reports (left ones too), never their reports' reports.
    const boss = await clientAs(w.ds, server.url, people.boss);
    expect(await names(boss, 'status=all')).toEqual(['李四', '王大伟', '张珊']);
    const lead = await clientAs(w.ds, server.url, people.lead);
    expect(await names(lead, 'status=all')).toEqual(['李四', '张三', '赵六']);
    // An employee: themself.
    const employee = await clientAs(w.ds, server.url, people.zhangsan);
    expect(await names(employee, 'status=all')).toEqual(['张三']);
    // An admin: everyone of their own corp.
    const admin = await clientAs(w.ds, server.url, people.admin);
    expect((await list(admin, 'status=all')).total).toBe(10);
    expect(await names(admin, 'q=一组')).toEqual(['孙八', '张三', '张珊', '郑一']);
  });

  it('refuses bad filters with a Chinese message naming the field, and unauthenticated calls', async () => {
    const bad = async (query: string, field: string, text: string) => {
      const res = await hr.call('GET', `/api/v1/people?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.id).toBe('validation_error');
      expect(res.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(res.body.error.message).toContain(text);
    };
    await bad('status=gone', 'status', '在职');
    await bad('hiredFrom=2026-13-01', 'hiredFrom', '有效日期');
    await bad('hiredFrom=2026/01/01', 'hiredFrom', 'yyyy-mm-dd');
    await bad('hiredFrom=2026-02-01&hiredTo=2026-01-01', 'hiredFrom', '不能晚于');
    await bad('pageSize=1000', 'pageSize', '1 到 100');
    await bad('page=0', 'page', '从 1 开始');
    await bad('sort=salary', 'sort', '倒序');
    // Empty values are "not given".
    expect((await list(hr, 'q=&deptId=&hiredFrom=&sort=')).total).toBe(6);
    expect((await new TestClient(server.url).call('GET', '/api/v1/people')).status).toBe(401);
  });
});

describe('people directory query on MariaDB and SQLite', () => {
  it('searches, filters and sorts the same on both databases', async () => {
    await onBothDatabases('peopleq', async (ds) => {
      const pw = await buildPeopleWorld(ds, 'pdq');
      const actor = actorFor(pw.people.hr, ['employee', 'hr'], [pw.depts.sales.deptId]);
      const run = async (f: Partial<DirectoryFilters>, page = { page: 1, pageSize: 20 }) =>
        (await listPeople(ds, actor, { status: 'active', sort: 'name', ...f }, page)).items.map((p) => p.name);
      expect(await run({})).toEqual(['李四', '孙八', '王大伟', '张三', '张珊', '周九']);
      expect(await run({ q: 'zs' })).toEqual(['张三', '张珊']);
      expect(await run({ q: '%' })).toEqual([]);
      expect(await run({ q: '一组' })).toEqual(['孙八', '张三', '张珊']);
      expect(await run({ sort: '-hiredOn' })).toEqual(['张珊', '张三', '李四', '王大伟', '孙八', '周九']);
      expect(await run({ status: 'left', deptId: pw.depts.smb1.deptId })).toEqual(['赵六']);
      expect(await run({}, { page: 2, pageSize: 4 })).toEqual(['张珊', '周九']);
    });
  });

  it('answers a search in name order in one walk as counting and paging in SQL did', async () => {
    await onBothDatabases('peoplewalk', async (ds, kind) => {
      const pw = await buildPeopleWorld(ds, 'pdw');
      const actors = {
        hr: actorFor(pw.people.hr, ['employee', 'hr'], [pw.depts.sales.deptId]),
        admin: actorFor(pw.people.hr, ['employee', 'admin']),
        employee: actorFor(pw.people.hr, ['employee']),
      };
      const queries = ['zs', 'z', 'zhang', 'zhangs', '张', '三', '王', 'a', '%', '_', '!', '经理', '00', '一组', 'nobody'];
      for (const [who, actor] of Object.entries(actors))
        for (const q of queries)
          for (const status of ['active', 'left', 'all'] as const)
            for (const sort of ['name', '-name'] as const)
              for (const page of [1, 2, 3, 4]) {
                const f: DirectoryFilters = { q, status, sort };
                const req = { page, pageSize: 2 };
                const label = { kind, who, q, status, sort, page };
                expect({ ...label, got: await listPeople(ds, actor, f, req) }).toEqual({
                  ...label,
                  got: await listPeople(ds, actor, f, req, { oneWalk: false }),
                });
              }
    });
  });
});
