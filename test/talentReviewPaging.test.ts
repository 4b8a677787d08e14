/**
 * The talent review list paged in the database, on stored scores built with factories (40 people over departments
 * and subdepartments, every tier and 数据不足, some decided): the pages add up to the whole list without overlap,
 * the tier counts and the counts per department equal counting that list, each filter (tier, department with
 * everything below it, name / 工号 / department search, HR decided or not) answers exactly the matching people, the
 * orders hold, and the scope holds (HR its departments, a supervisor their reports, an employee themself).
 */
import { tierCountsByDepartment, tierDistribution, type TalentReview, type TalentReviewDepartments } from '@liucai/shared';
import { JobModelVersion, type Department, type User } from '../server/src/entities';
import { ensureBuiltInJobModels } from '../server/src/modules/talent/commands/builtInJobModelSeeder';
import { eachReviewBatch } from '../server/src/modules/talent/queries/talentReviewOf';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { actorFor, buildDepartment, buildUser, clientAs } from './support/factories';
import { buildTalentWorld, type TalentWorld } from './support/talentWorld';
import { storeMatchScore } from './support/talentData';

const PERIOD = '2026-10';

describe('talent review: paged list, filters and counts in SQL', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let tw: TalentWorld;
  let east: Department;
  let eastOne: Department;
  const scored = new Map<string, { score: number | null; dept: number }>();

  async function store(u: User, versionId: number, jobModelId: number, score: number | null, dept: number) {
    await storeMatchScore(w.ds, tw.corpId, { userid: u.userid, period: PERIOD, versionId, jobModelId, score });
    scored.set(u.userid, { score, dept });
  }

  beforeAll(async () => {
    w = await createTestWorld({ label: 'talentpg', employees: 20 });
    tw = await buildTalentWorld(w.ds, 'pg');
    await ensureBuiltInJobModels(w.ds, tw.corpId);
    const v = await w.ds.getRepository(JobModelVersion).findOneByOrFail({ corpId: tw.corpId, version: 1 });
    // 销售中心 ─ 大客户部 (张三, 王五), 华东区 ─ 一组; 财务部 is outside HR's scope.
    east = await buildDepartment(w.ds, tw.corpId, { name: '华东区', parentId: tw.depts.sales.deptId });
    eastOne = await buildDepartment(w.ds, tw.corpId, { name: '一组', parentId: east.deptId });
    const ka = tw.depts.keyAccount.deptId;
    await store(tw.people.wang, v.id, v.jobModelId, 85, ka);
    await store(tw.people.zhang, v.id, v.jobModelId, null, ka);
    const places = [ka, east.deptId, eastOne.deptId, tw.depts.sales.deptId];
    for (let i = 0; i < 32; i++) {
      const dept = places[i % places.length]!;
      const u = await buildUser(w.ds, tw.corpId, {
        name: `销售${String(i).padStart(2, '0')}`,
        title: i % 5 === 0 ? '大客户经理' : '销售代表',
        jobNumber: `S${100 + i}`,
        deptIds: [dept],
        supervisorUserid: i < 6 ? tw.people.lead.userid : null,
      });
      // Scores 40 to 96.5 with ties and 数据不足 every seventh person.
      await store(u, v.id, v.jobModelId, i % 7 === 3 ? null : 40 + (i % 12) * 5 + (i % 2) * 1.5, dept);
    }
    for (let i = 0; i < 4; i++) {
      const u = await buildUser(w.ds, tw.corpId, { name: `财务${i}`, deptIds: [tw.depts.finance.deptId] });
      await store(u, v.id, v.jobModelId, 70, tw.depts.finance.deptId);
    }
    server = await listen({ ...w, corp: { corpId: tw.corpId, name: tw.corpId } });
    // HR decides on three people: two agree, one override.
    const hr = await clientAs(w.ds, server.url, tw.people.hr);
    const some = (await hr.call<TalentReview>('GET', `/api/v1/talent/review?period=${PERIOD}&pageSize=3`)).body.data.people;
    expect(some).toHaveLength(3);
    for (const p of some.slice(0, 2))
      expect((await hr.call('POST', `/api/v1/talent/people/${p.userid}/decisions`, { period: PERIOD, kind: 'agree' })).status).toBe(201);
    const third = some[2]!;
    const other = third.tier === 'reassign' ? 'train' : 'reassign';
    expect(
      (await hr.call('POST', `/api/v1/talent/people/${third.userid}/decisions`, { period: PERIOD, kind: 'override', tier: other, reason: '已完成大客户培训' }))
        .status,
    ).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
    await w?.close();
  });

  const get = async <T = TalentReview>(who: keyof TalentWorld['people'], path: string) => {
    const res = await (await clientAs(w.ds, server.url, tw.people[who])).call<T>('GET', path);
    expect(res.status).toBe(200);
    return res.body.data;
  };
  /** Every page of a query, in order, checking each page's counts agree. */
  async function everyPage(who: keyof TalentWorld['people'], query: string, pageSize = 7) {
    const first = await get(who, `/api/v1/talent/review?period=${PERIOD}&pageSize=${pageSize}${query}`);
    const people = [...first.people];
    for (let page = 2; (page - 1) * pageSize < first.total; page++) {
      const next = await get(who, `/api/v1/talent/review?period=${PERIOD}&pageSize=${pageSize}&page=${page}${query}`);
      expect([next.total, next.page, next.pageSize]).toEqual([first.total, page, pageSize]);
      expect(next.distribution).toEqual(first.distribution);
      people.push(...next.people);
    }
    expect(people).toHaveLength(first.total);
    expect(new Set(people.map((p) => p.userid)).size).toBe(people.length);
    return { first, people };
  }
  const inScopeOfHr = () => [...scored.entries()].filter(([, s]) => s.dept !== tw.depts.finance.deptId).map(([id]) => id);

  it('pages HR’s whole scope: 50 a page by default, pages add up without overlap, counts equal counting the list', async () => {
    const one = await get('hr', `/api/v1/talent/review?period=${PERIOD}`);
    expect([one.page, one.pageSize, one.total]).toEqual([1, 50, 34]);
    expect(one.people).toHaveLength(34);
    const { first, people } = await everyPage('hr', '');
    expect(people.map((p) => p.userid).sort()).toEqual(inScopeOfHr().sort());
    expect(people).toEqual(one.people);
    expect(first.distribution).toEqual(tierDistribution(people));
    // Highest score first, 数据不足 last, ties by userid.
    const keys = people.map((p) => (p.score === null ? -1 : Number(p.score)));
    expect(keys).toEqual([...keys].sort((a, b) => b - a));
    expect(people.at(-1)!.score).toBeNull();
    const departments = await get<TalentReviewDepartments>('hr', `/api/v1/talent/review/departments?period=${PERIOD}`);
    expect(departments.rows).toEqual(tierCountsByDepartment(people));
    expect(departments.rows.map((r) => r.path)).not.toContain('测试公司 / 财务部');
  });

  it('filters by tier, department (with its subdepartments), search and decision; counts equal counting each list', async () => {
    const all = (await everyPage('hr', '')).people;
    for (const tier of ['move', 'train', 'reassign', 'insufficient'] as const) {
      const { first, people } = await everyPage('hr', `&tier=${tier}`, 4);
      expect(people.map((p) => p.userid)).toEqual(all.filter((p) => (p.tier ?? 'insufficient') === tier).map((p) => p.userid));
      // The tier counts ignore the tier filter: each says what choosing it would list.
      expect(first.distribution).toEqual(tierDistribution(all));
      expect(first.total).toBe(first.distribution[tier]);
    }
    const eastIds = [east.deptId, eastOne.deptId];
    const byEast = await everyPage('hr', `&departmentId=${east.deptId}`);
    expect(byEast.people.map((p) => p.userid)).toEqual(all.filter((p) => eastIds.includes(p.department!.id)).map((p) => p.userid));
    expect(byEast.people.some((p) => p.department!.id === eastOne.deptId)).toBe(true);
    expect(byEast.first.distribution).toEqual(tierDistribution(byEast.people));
    // Search: a name, a 工号, a department's name (its people and those below).
    expect((await everyPage('hr', `&q=${encodeURIComponent('销售07')}`)).people.map((p) => p.name)).toEqual(['销售07']);
    expect((await everyPage('hr', '&q=S105')).people.map((p) => p.jobNumber)).toEqual(['S105']);
    const eastByName = await everyPage('hr', `&q=${encodeURIComponent('华东')}`);
    expect(eastByName.people.map((p) => p.userid)).toEqual(byEast.people.map((p) => p.userid));
    expect((await everyPage('hr', `&q=${encodeURIComponent('财务')}`)).people).toEqual([]);
    // Decisions: decided and undecided split the list.
    const decided = await everyPage('hr', '&decision=decided');
    const undecided = await everyPage('hr', '&decision=undecided');
    expect(decided.people).toHaveLength(3);
    expect(decided.people.every((p) => p.decision !== null)).toBe(true);
    expect(undecided.people.every((p) => p.decision === null)).toBe(true);
    expect([...decided.people, ...undecided.people].map((p) => p.userid).sort()).toEqual(all.map((p) => p.userid).sort());
    // Combined: a tier within a department.
    const trainEast = await everyPage('hr', `&departmentId=${east.deptId}&tier=train`);
    expect(trainEast.people.map((p) => p.userid)).toEqual(byEast.people.filter((p) => p.tier === 'train').map((p) => p.userid));
  });

  it('orders by score low → high (数据不足 still last) and by name', async () => {
    const asc = (await everyPage('hr', '&sort=score_asc')).people;
    const keys = asc.filter((p) => p.score !== null).map((p) => Number(p.score));
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(asc.at(-1)!.score).toBeNull();
    const byName = (await everyPage('hr', '&sort=name')).people.map((p) => p.name);
    expect(byName.filter((n) => n.startsWith('销售'))).toEqual(byName.filter((n) => n.startsWith('销售')).sort());
  });

  it('keeps the scope: admins everyone, a supervisor their reports (excludeSelf leaves them out), an employee themself', async () => {
    expect((await everyPage('admin', '')).first.total).toBe(scored.size);
    const team = await everyPage('lead', '&excludeSelf=1', 2);
    const reports = [tw.people.wang.userid, tw.people.zhang.userid];
    expect(team.people.every((p) => p.userid !== tw.people.lead.userid)).toBe(true);
    expect(team.people).toHaveLength(6 + reports.length);
    expect(team.first.distribution).toEqual(tierDistribution(team.people));
    const me = await get('zhang', `/api/v1/talent/review?period=${PERIOD}`);
    expect(me.people.map((p) => p.userid)).toEqual([tw.people.zhang.userid]);
    expect(me.total).toBe(1);
    // An HR filter on a department outside its scope lists nobody.
    expect((await get('hr', `/api/v1/talent/review?period=${PERIOD}&departmentId=${tw.depts.finance.deptId}`)).total).toBe(0);
  });

  it('reads the export in batches that add up to the whole list in its order', async () => {
    const all = (await everyPage('hr', '')).people.map((p) => p.userid);
    const batches: string[][] = [];
    const actor = actorFor(tw.people.hr, ['employee', 'hr'], [tw.depts.sales.deptId]);
    const done = await eachReviewBatch(w.ds, actor, { period: PERIOD }, (people) => batches.push(people.map((p) => p.userid)), 5);
    expect(done.people).toBe(all.length);
    expect(batches.every((b) => b.length <= 5)).toBe(true);
    expect(batches.flat()).toEqual(all);
  });

  it('answers bad paging and filters with 400 naming the field', async () => {
    const hr = await clientAs(w.ds, server.url, tw.people.hr);
    for (const [query, label] of [
      ['pageSize=201', '每页人数'],
      ['page=0', '页码'],
      ['tier=best', '档位'],
      ['sort=random', '排序'],
      ['decision=maybe', 'HR 决定'],
      ['departmentId=x', '部门'],
    ] as const) {
      const res = await hr.call('GET', `/api/v1/talent/review?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(label);
    }
  });
});
