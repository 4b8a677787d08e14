/**
 * HR's KPI list (`GET /api/v1/kpi/people`) a page at a time: every page walked in turn gives exactly the rows the
 * unpaged list gave (same order: by pinyin, then userid), 共 N 人 and 达标 M 人 count the whole month, HR sees its
 * departments only and admins everyone, and a bad page size is refused naming the field.
 */
import { addMonths, DEFAULT_KPI_SETTINGS, type KpiPeoplePage, type KpiPersonRow } from '@liucai/shared';
import { User, KpiScore } from '../server/src/entities';
import { scoreKpiMonth } from '../server/src/modules/pay/commands/kpiScorer';
import { presentKpiRows } from '../server/src/modules/pay/presenters/kpiResultPresenter';
import { payScopeOf } from '../server/src/modules/pay/policies/payScope';
import { whereInPeopleScope } from '../server/src/modules/people/policies/peopleScope';
import type { Actor } from '../server/src/appTypes';
import { shanghaiDate } from '../server/src/util/dates';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { buildCollaboration, buildDeal, buildUser, clientAs } from './support/factories';
import { buildKpiWorld, type KpiWorld } from './support/kpiWorld';

const TODAY = shanghaiDate(new Date());
const LAST = addMonths(TODAY.slice(0, 7), -1);
// Two share a name (and so a pinyin): userid orders them.
const NAMES = ['赵一', '钱二', '孙三', '周四', '吴五', '郑六', '冯七', '陈八', '褚九', '卫十', '蒋十一', '沈十二', '韩十三', '韩十三'];

describe('KPI list paging', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let kw: KpiWorld;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'kpipage', employees: 20 });
    kw = await buildKpiWorld(w.ds, 'kp');
    const otherDept = kw.people.outsider.mainDeptId!;
    for (const [i, name] of NAMES.entries()) {
      const u = await buildUser(w.ds, kw.corpId, {
        name,
        title: '大客户经理',
        deptIds: [i % 5 === 4 ? otherDept : kw.salesDeptId],
        supervisorUserid: kw.people.boss.userid,
      });
      // Every other one sells enough to meet the pass score.
      if (i % 2 === 0) await buildDeal(w.ds, kw.corpId, { ownerUserid: u.userid, signedOn: `${LAST}-02`, amountFen: 500_000 });
      if (i % 2 === 0) await buildCollaboration(w.ds, kw.corpId, { userid: u.userid, occurredOn: `${LAST}-03` });
    }
    await scoreKpiMonth(w.ds, kw.corpId, LAST, { today: TODAY, settings: DEFAULT_KPI_SETTINGS });
    server = await listen({ ...w, corp: { corpId: kw.corpId, name: kw.corpId } });
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  /** The list as it was before paging: every person scored in the month within the scope, presented at once. */
  async function unpaged(who: User): Promise<KpiPersonRow[]> {
    const actor: Actor = {
      corpId: kw.corpId,
      userid: who.userid,
      roles: who === kw.people.admin ? ['employee', 'admin'] : ['employee', 'hr'],
      hrDeptIds: who === kw.people.admin ? [] : [kw.salesDeptId],
    };
    const qb = w.ds
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoin(KpiScore, 'k', 'k.corp_id = u.corp_id AND k.userid = u.userid AND k.period = :period', { period: LAST })
      .orderBy('u.name_pinyin', 'ASC')
      .addOrderBy('u.userid', 'ASC');
    const people = await whereInPeopleScope(qb, 'u', await payScopeOf(w.ds, actor)).getMany();
    return presentKpiRows(w.ds, kw.corpId, people, LAST, { required: DEFAULT_KPI_SETTINGS.promotionMonths, today: TODAY, ratable: false });
  }

  async function walk(who: User, pageSize: number): Promise<{ rows: KpiPersonRow[]; pages: KpiPeoplePage[] }> {
    const client = await clientAs(w.ds, server.url, who);
    const pages: KpiPeoplePage[] = [];
    for (let page = 1; page < 20; page++) {
      const res = await client.call<KpiPeoplePage>('GET', `/api/v1/kpi/people?period=${LAST}&page=${page}&pageSize=${pageSize}`);
      expect(res.status).toBe(200);
      pages.push(res.body.data);
      if (res.body.data.people.length < pageSize) break;
    }
    return { rows: pages.flatMap((p) => p.people), pages };
  }

  it.each([
    ['hr', 4],
    ['admin', 5],
  ] as const)('as %s, pages of %i give the unpaged rows, with the month’s counts on every page', async (who, pageSize) => {
    const user = kw.people[who];
    const expected = await unpaged(user);
    expect(expected.length).toBeGreaterThan(pageSize * 2);
    const { rows, pages } = await walk(user, pageSize);
    expect(rows).toEqual(expected);
    for (const p of pages) {
      expect(p).toMatchObject({ period: LAST, total: expected.length, metCount: expected.filter((r) => r.met).length, pageSize, promotions: [] });
    }
    expect(pages.map((p) => p.page)).toEqual(pages.map((_, i) => i + 1));
    expect(expected.some((r) => r.met) && expected.some((r) => r.met === false)).toBe(true);
  });

  it('keeps HR to its departments: nobody of 技术部 on any page', async () => {
    const { rows } = await walk(kw.people.hr, 100);
    const all = (await walk(kw.people.admin, 100)).rows;
    const outside = await w.ds.getRepository(User).findBy({ corpId: kw.corpId, mainDeptId: kw.people.outsider.mainDeptId! });
    const outsideIds = new Set(outside.map((u) => u.userid));
    expect(rows.some((r) => outsideIds.has(r.userid))).toBe(false);
    expect(all.filter((r) => outsideIds.has(r.userid)).length).toBeGreaterThan(1);
    expect(all.length).toBe(rows.length + all.filter((r) => outsideIds.has(r.userid)).length);
  });

  it('the kept list follows a rename and a score taken back at once', async () => {
    const hr = kw.people.hr;
    const before = (await walk(hr, 100)).rows;
    expect((await walk(hr, 100)).rows).toEqual(before);
    const [first, second] = before;
    await w.ds.getRepository(User).update({ corpId: kw.corpId, userid: first!.userid }, { name: '改了名' });
    await w.ds.getRepository(KpiScore).delete({ corpId: kw.corpId, userid: second!.userid, period: LAST });
    const after = (await walk(hr, 100)).rows;
    expect(after).toEqual(await unpaged(hr));
    expect(after.find((r) => r.userid === first!.userid)?.name).toBe('改了名');
    expect(after.some((r) => r.userid === second!.userid)).toBe(false);
    expect(after.length).toBe(before.length - 1);
  });

  it('answers an empty page past the end, and refuses a bad page size naming the field', async () => {
    const hr = await clientAs(w.ds, server.url, kw.people.hr);
    const past = await hr.call<KpiPeoplePage>('GET', `/api/v1/kpi/people?period=${LAST}&page=99&pageSize=20`);
    expect(past.body.data.people).toEqual([]);
    expect(past.body.data.total).toBeGreaterThan(0);
    const bad = await hr.call<unknown>('GET', '/api/v1/kpi/people?pageSize=500');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('每页条数');
  });
});
