/**
 * Quarterly portraits through the job and the HTTP API: talent.recompute of a quarter-end month (2026-06) also stores
 * the quarter 2026Q2 — metrics over the quarter's windows, medians, match scores — and GET /talent/people/:userid
 * answers it with ?period=2026Q2 or ?kind=quarter (404 with 数据不足 for a quarter not computed, 400 for a bad
 * period, 404 outside the people scope as for months). The monthly reads never mistake the quarter for a month, and
 * an unchanged re-run rewrites nobody's quarter.
 */
import type { TalentPersonScores, TalentReview } from '@liucai/shared';
import { TalentInputHash, TalentMatchScore, TalentMetric, TalentMetricMedian } from '../server/src/entities';
import { recomputeTalent, recomputeTalentWithQuarter } from '../server/src/modules/talent/commands/talentRecomputer';
import { DEFAULT_SEGMENT_THRESHOLDS } from '../server/src/modules/sync/commands/customerSegments';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { buildDeal, clientAs } from './support/factories';
import { buildTalentWorld, type TalentWorld } from './support/talentWorld';
import { buildTalentData, recomputeThroughJob, TALENT_PERIOD, TALENT_TODAY } from './support/talentData';

const QUARTER = '2026Q2';
const opts = { bigDealFen: DEFAULT_SEGMENT_THRESHOLDS.bigDealFen, today: TALENT_TODAY };

describe('quarterly portraits', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let tw: TalentWorld;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'talentq', employees: 20 });
    tw = await buildTalentWorld(w.ds, 'tq');
    await buildTalentData(w.ds, tw);
    // 张三 also signs small contracts in April and May: the quarter sums them with June's.
    for (const signedOn of ['2026-04-08', '2026-05-20'])
      await buildDeal(w.ds, tw.corpId, { ownerUserid: tw.people.zhang.userid, customerSourceId: null, customerName: '散客', amountFen: 120_000, signedOn });
    server = await listen({ ...w, corp: { corpId: tw.corpId, name: tw.corpId } });
    expect(TALENT_PERIOD).toBe('2026-06');
    await recomputeThroughJob(w, tw.corpId, 'tq');
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  const as = (who: keyof TalentWorld['people']) => clientAs(w.ds, server.url, tw.people[who]);
  const person = (who: keyof TalentWorld['people'], target: keyof TalentWorld['people'], query = '') =>
    as(who).then((c) => c.call<TalentPersonScores>('GET', `/api/v1/talent/people/${tw.people[target].userid}${query}`));

  it('stores the quarter with the month when the job recomputes a quarter-end month: metrics, medians, scores, hashes', async () => {
    const corpId = tw.corpId;
    const monthPeople = await w.ds.getRepository(TalentInputHash).countBy({ corpId, period: TALENT_PERIOD });
    expect(monthPeople).toBeGreaterThan(2);
    expect(await w.ds.getRepository(TalentInputHash).countBy({ corpId, period: QUARTER })).toBe(monthPeople);
    expect(await w.ds.getRepository(TalentMatchScore).countBy({ corpId, period: QUARTER })).toBe(monthPeople);
    expect(await w.ds.getRepository(TalentMetricMedian).countBy({ corpId, period: QUARTER, groupKey: 'company' })).toBeGreaterThan(10);
  });

  it('answers the quarterly portrait: counts summed over the quarter, rates over its windows, with samples and medians', async () => {
    // The months of the quarter, computed as months, to compare with.
    for (const month of ['2026-04', '2026-05']) await recomputeTalent(w.ds, tw.corpId, month, opts);
    const rows = await w.ds.getRepository(TalentMetric).findBy({ corpId: tw.corpId, userid: tw.people.zhang.userid, metric: 'smallDeals' });
    const monthly = rows.filter((r) => r.period.includes('-')).map((r) => Number(r.value));
    expect(monthly).toHaveLength(3);

    const res = await person('zhang', 'zhang', `?period=${QUARTER}`);
    expect(res.status).toBe(200);
    const q = res.body.data;
    expect(q.portrait!.period).toBe(QUARTER);
    const m = new Map(q.portrait!.metrics.map((x) => [x.metric, x]));
    expect(m.get('smallDeals')).toMatchObject({ value: String(monthly.reduce((s, v) => s + v, 0)), missing: null });
    expect(Number(m.get('smallDeals')!.value)).toBeGreaterThanOrEqual(3);
    expect(m.get('smallDealValue')!.value).not.toBe(rows.find((r) => r.period === TALENT_PERIOD)!.value);
    // The 3-, 12- and 24-month windows end on the quarter's last day: the same as June's.
    const june = new Map((await person('zhang', 'zhang')).body.data.portrait!.metrics.map((x) => [x.metric, x]));
    for (const k of ['closeRate', 'renewalRate', 'bigClientMonths', 'collaborationsPerMonth'])
      expect([k, m.get(k)!.value, m.get(k)!.sample, m.get(k)!.missing]).toEqual([k, june.get(k)!.value, june.get(k)!.sample, june.get(k)!.missing]);
    expect(m.get('bigClientMonths')!.company).toMatchObject({ label: '全公司' });
    expect(m.get('bigClientMonths')!.company!.people).toBeGreaterThan(2);
    // The quarter's score comes with the monthly ones, apart from them.
    expect(q.quarterScores.map((s) => s.period)).toEqual([QUARTER]);
    expect(q.scores.every((s) => /^\d{4}-\d{2}$/.test(s.period))).toBe(true);
    // ?kind=quarter: the newest quarter.
    const newest = await person('zhang', 'zhang', '?kind=quarter');
    expect(newest.body.data.portrait!.period).toBe(QUARTER);
  });

  it('says 数据不足 (404) for a quarter not computed yet, 400 for a bad period, 404 outside the scope', async () => {
    const missing = await person('zhang', 'zhang', '?period=2026Q1');
    expect(missing.status).toBe(404);
    expect(JSON.stringify(missing.body)).toContain('数据不足：2026 年第 1 季度的画像还没有计算；季度画像在该季度最后一个月结束后由重新计算生成');
    const bad = await person('zhang', 'zhang', '?period=2026Q5');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('应为月份 yyyy-mm（如 2026-07）或季度 yyyyQn（如 2026Q3）');
    // An employee sees only themself, quarter or month alike; their supervisor sees them.
    expect((await person('zhang', 'wang', `?period=${QUARTER}`)).status).toBe(404);
    expect((await person('lead', 'zhang', `?period=${QUARTER}`)).status).toBe(200);
    // The quarter's source rows: June's and the two earlier months' contracts.
    const src = await (
      await as('zhang')
    ).call<{ rows: { on: string }[]; window: { from: string; to: string } }>(
      'GET',
      `/api/v1/people/${tw.people.zhang.userid}/portrait/metrics/smallDeals/sources?period=${QUARTER}`,
    );
    expect(src.status).toBe(200);
    expect(src.body.data.window).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(src.body.data.rows.map((r) => r.on)).toEqual(expect.arrayContaining(['2026-05-20', '2026-04-08']));
  });

  it('keeps monthly reads on months, and rewrites no quarter when nothing changed', async () => {
    const review = await (await as('hr')).call<TalentReview>('GET', '/api/v1/talent/review');
    expect(review.body.data.period).toBe(TALENT_PERIOD);
    const again = await recomputeTalentWithQuarter(w.ds, tw.corpId, TALENT_PERIOD, opts);
    expect(again.quarter).toMatchObject({ period: QUARTER, written: 0 });
    expect(again.quarter!.skipped).toBeGreaterThan(2);
    // A new contract in May changes 张三's quarter (its count and value) and June's 12-month share, nobody else's.
    await buildDeal(w.ds, tw.corpId, {
      ownerUserid: tw.people.zhang.userid,
      customerSourceId: null,
      customerName: '散客',
      amountFen: 50_000,
      signedOn: '2026-05-21',
    });
    const changed = await recomputeTalentWithQuarter(w.ds, tw.corpId, TALENT_PERIOD, opts);
    expect(changed.month.written).toBe(1);
    expect(changed.quarter).toMatchObject({ written: 1 });
    const zhang = new Map((await person('zhang', 'zhang', `?period=${QUARTER}`)).body.data.portrait!.metrics.map((x) => [x.metric, x.value]));
    expect(zhang.get('smallDeals')).toBe('4');
    // Not a quarter-end month: no quarter.
    expect((await recomputeTalentWithQuarter(w.ds, tw.corpId, '2026-05', opts)).quarter).toBeNull();
  });
});
