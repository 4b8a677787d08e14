/**
 * The KPI results API on factory rows: 我的绩效 (indicators, trend, streak), 团队绩效 (a supervisor's reports only,
 * with the ratings to give), supervisors' ratings (window, comment for extremes, 404 outside the team, audited,
 * rescoring the month), HR's list within its departments, someone else's detail with exactly one audit row, and
 * HR's promotion decision (once, audited).
 */
import { addMonths, type KpiPeopleList, type KpiPersonView, type KpiPromotionView } from '@liucai/shared';
import { AuditEvent, KpiPromotion, KpiRating, KpiScore } from '../server/src/entities';
import type { InProcessJobQueue } from '../server/src/jobs/inProcessJobQueue';
import { scoreKpiMonth, type KpiScoreDetail } from '../server/src/modules/pay/commands/kpiScorer';
import { shanghaiDate } from '../server/src/util/dates';
import { DEFAULT_KPI_SETTINGS } from '@liucai/shared';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { buildCollaboration, buildDeal, clientAs } from './support/factories';
import { buildKpiWorld, type KpiWorld } from './support/kpiWorld';

const CURRENT = shanghaiDate(new Date()).slice(0, 7);
const LAST = addMonths(CURRENT, -1);
const MONTHS = [addMonths(CURRENT, -3), addMonths(CURRENT, -2), LAST];

describe('KPI results API', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let kw: KpiWorld;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'kpiapi', employees: 20 });
    kw = await buildKpiWorld(w.ds, 'ka');
    const { wang, li } = kw.people;
    for (const m of [...MONTHS, CURRENT]) {
      await buildDeal(w.ds, kw.corpId, { ownerUserid: wang.userid, signedOn: `${m}-02`, amountFen: 250_000 });
      await buildCollaboration(w.ds, kw.corpId, { userid: wang.userid, occurredOn: `${m}-03` });
      // 李四: 500 元 (short of 1,000) and one collaboration: 30 before linkage, so the team averages (90 + 30) / 2 = 60 and meets it.
      await buildDeal(w.ds, kw.corpId, { ownerUserid: li.userid, signedOn: `${m}-02`, amountFen: 50_000 });
      await buildCollaboration(w.ds, kw.corpId, { userid: li.userid, occurredOn: `${m}-04` });
    }
    for (const m of [...MONTHS, CURRENT]) await scoreKpiMonth(w.ds, kw.corpId, m, { today: shanghaiDate(new Date()), settings: DEFAULT_KPI_SETTINGS });
    server = await listen({ ...w, corp: { corpId: kw.corpId, name: kw.corpId } });
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  const as = (who: keyof KpiWorld['people']) => clientAs(w.ds, server.url, kw.people[who]);
  const audits = (action: string) => w.ds.getRepository(AuditEvent).findBy({ corpId: kw.corpId, action });

  it('shows my KPI by indicator, with trend and streak', async () => {
    const res = await (await as('wang')).call<KpiPersonView>('GET', `/api/v1/kpi/mine?period=${LAST}`);
    expect(res.status).toBe(200);
    const d = res.body.data;
    expect(d).toMatchObject({ period: LAST, met: true, passScore: '60.00', team: { status: 'met', members: 2 } });
    expect(d.indicators.find((i) => i.id === 'sales')).toMatchObject({ value: '2,500', target: '1,000', unit: '元', score: '100', baseWeight: '60' });
    expect(d.indicators.find((i) => i.id === 'sales')!.sources).toHaveLength(1);
    expect(d.linkage).toContain('团队达标');
    // The trend holds every month scored, the running one too.
    expect(d.trend.map((t) => t.period)).toEqual([...MONTHS, CURRENT]);
    expect(d.streak).toMatchObject({ eligible: true, streak: 3 });
    expect(d.promotion).toMatchObject({ streakFrom: MONTHS[0], period: LAST, decision: null });
    // Without a month: the last complete one, not the running one.
    expect((await (await as('wang')).call<KpiPersonView>('GET', '/api/v1/kpi/mine')).body.data.period).toBe(LAST);
  });

  it('shows a supervisor their reports only, with the ratings to give', async () => {
    const res = await (await as('boss')).call<KpiPeopleList>('GET', `/api/v1/kpi/team?period=${CURRENT}`);
    expect(res.status).toBe(200);
    expect(res.body.data.people.map((p) => p.name)).toEqual(expect.arrayContaining(['王五', '李四']));
    expect(res.body.data.people).toHaveLength(2);
    expect(res.body.data.people[0]!.ratable).toEqual([{ id: 'teamProject', label: '团队项目贡献', rating: null, comment: null }]);
    expect(JSON.stringify(res.body.data)).not.toMatch(/Fen|amount/);
    const other = await (await as('otherBoss')).call<KpiPeopleList>('GET', `/api/v1/kpi/team?period=${CURRENT}`);
    expect(other.body.data.people.map((p) => p.name)).toEqual(['外人']);
  });

  it('takes a rating within the window, requires a comment for 5, and answers 404 outside the team', async () => {
    const boss = await as('boss');
    const body = { userid: kw.people.wang.userid, period: CURRENT, indicatorId: 'teamProject', rating: 5 };
    const bare = await boss.call<unknown>('POST', '/api/v1/kpi/ratings', body);
    expect(bare.status).toBe(400);
    expect(JSON.stringify(bare.body)).toContain('评分为 1 分或 5 分时须填写评语');
    const wrong = await boss.call<unknown>('POST', '/api/v1/kpi/ratings', { ...body, indicatorId: 'sales', comment: '好' });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('“团队项目贡献”');
    const late = await boss.call<unknown>('POST', '/api/v1/kpi/ratings', { ...body, period: addMonths(CURRENT, -2), comment: '好' });
    expect(late.status).toBe(400);
    expect(JSON.stringify(late.body)).toContain('截止');
    expect((await (await as('otherBoss')).call('POST', '/api/v1/kpi/ratings', { ...body, comment: '好' })).status).toBe(404);
    expect((await (await as('li')).call('POST', '/api/v1/kpi/ratings', { ...body, comment: '好' })).status).toBe(404);
    expect(await w.ds.getRepository(KpiRating).countBy({ corpId: kw.corpId })).toBe(0);

    const ok = await boss.call<{ id: number }>('POST', '/api/v1/kpi/ratings', { ...body, comment: '牵头完成了华东大客户的联合方案' });
    expect(ok.status).toBe(201);
    expect((await audits('pay.kpiRating.rate')).map((a) => [a.actorUserid, a.subjectUserid])).toEqual([[kw.people.boss.userid, kw.people.wang.userid]]);
    // The month is rescored by the job: the rating is now an input, traceable to its row.
    await (w.jobs as InProcessJobQueue).idle();
    const row = await w.ds.getRepository(KpiScore).findOneByOrFail({ corpId: kw.corpId, userid: kw.people.wang.userid, period: CURRENT });
    expect((JSON.parse(row.detail) as KpiScoreDetail).inputs.teamProject).toMatchObject({ value: '100', sources: [`rating:${ok.body.data.id}`] });
    // The supervisor's list (kept since it was read above) shows the rating given.
    const team = await boss.call<KpiPeopleList>('GET', `/api/v1/kpi/team?period=${CURRENT}`);
    expect(team.body.data.people.find((p) => p.userid === kw.people.wang.userid)!.ratable).toEqual([
      { id: 'teamProject', label: '团队项目贡献', rating: 5, comment: '牵头完成了华东大客户的联合方案' },
    ]);
  });

  it('lets HR list its departments and read a detail with exactly one audit row; others get 404', async () => {
    const hr = await as('hr');
    const list = await hr.call<KpiPeopleList>('GET', `/api/v1/kpi/people?period=${LAST}`);
    expect(list.status).toBe(200);
    expect(list.body.data.people.map((p) => p.name).sort()).toEqual(['李四', '王五'].sort());
    expect((await (await as('li')).call('GET', '/api/v1/kpi/people')).status).toBe(403);

    const before = (await audits('pay.kpi.read')).length;
    const detail = await hr.call<KpiPersonView>('GET', `/api/v1/kpi/people/${kw.people.wang.userid}?period=${LAST}`);
    expect(detail.status).toBe(200);
    expect(detail.body.data.total).not.toBeNull();
    const after = await audits('pay.kpi.read');
    expect(after).toHaveLength(before + 1);
    expect(after[after.length - 1]).toMatchObject({ actorUserid: kw.people.hr.userid, subjectUserid: kw.people.wang.userid });

    expect((await hr.call('GET', `/api/v1/kpi/people/${kw.people.outsider.userid}`)).status).toBe(404);
    expect((await (await as('li')).call('GET', `/api/v1/kpi/people/${kw.people.wang.userid}`)).status).toBe(404);
    expect((await (await as('boss')).call('GET', `/api/v1/kpi/people/${kw.people.wang.userid}`)).status).toBe(200);
    // Reading one's own records nothing.
    const own = (await audits('pay.kpi.read')).length;
    expect((await (await as('wang')).call('GET', `/api/v1/kpi/people/${kw.people.wang.userid}`)).status).toBe(200);
    expect(await audits('pay.kpi.read')).toHaveLength(own);
  });

  it('lets HR record a promotion decision once, audited', async () => {
    const hr = await as('hr');
    const list = await hr.call<KpiPromotionView[]>('GET', '/api/v1/kpi/promotions');
    expect(list.body.data.map((p) => p.name)).toEqual(['王五']);
    const id = list.body.data[0]!.id;
    expect((await (await as('boss')).call('POST', `/api/v1/kpi/promotions/${id}/decision`, { decision: 'promote' })).status).toBe(403);
    const bad = await hr.call('POST', `/api/v1/kpi/promotions/${id}/decision`, { decision: 'maybe' });
    expect(bad.status).toBe(400);
    const ok = await hr.call<KpiPromotionView>('POST', `/api/v1/kpi/promotions/${id}/decision`, { decision: 'promote', note: '下月起任大客户主管' });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ decision: 'promote', decisionNote: '下月起任大客户主管', decidedBy: kw.people.hr.userid });
    expect(await audits('pay.kpiPromotion.decide')).toHaveLength(1);
    const again = await hr.call<unknown>('POST', `/api/v1/kpi/promotions/${id}/decision`, { decision: 'notYet' });
    expect(again.status).toBe(409);
    expect(await audits('pay.kpiPromotion.decide')).toHaveLength(1);
  });

  it('shows a person’s promotion on their KPI page as soon as it is recorded or decided, though the page was read before', async () => {
    const hr = await as('hr');
    const page = async (who: 'wang' | 'li') => (await hr.call<KpiPersonView>('GET', `/api/v1/kpi/people/${kw.people[who].userid}?period=${LAST}`)).body.data;
    expect((await page('wang')).promotion).toMatchObject({ decision: 'promote' });
    expect((await page('li')).promotion).toBeNull();
    // A promotion row for 李四 (as the scoring job writes one): the next read shows it.
    const repo = w.ds.getRepository(KpiPromotion);
    const wangs = await repo.findOneByOrFail({ corpId: kw.corpId, userid: kw.people.wang.userid });
    const { id: _id, ...copy } = wangs;
    await repo.insert({ ...copy, userid: kw.people.li.userid, decision: null, decisionNote: null, decidedBy: null, decidedAt: null });
    expect((await page('li')).promotion).toMatchObject({ userid: kw.people.li.userid, streakFrom: wangs.streakFrom, decision: null });
  });
});
