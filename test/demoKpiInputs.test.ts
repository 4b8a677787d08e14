/**
 * The demo's KPI inputs DingTalk does not hold (satisfaction surveys, supervisors' team-project ratings), seeded from
 * behaviour before the first KPI scoring: a 大客户经理's clients of the last 12 months answer a survey each month, their
 * supervisor rates each month from its cross-department collaborations, once (a second run writes nothing), and the
 * scoring then has values for 客户满意度 and 团队项目贡献 instead of “无数据”.
 */
import { KpiRating, KpiScore, SatisfactionScore } from '../server/src/entities';
import { seedDemoKpiInputs } from '../server/src/modules/pay/commands/demoKpiInputsSeeder';
import { runKpiScoring } from '../server/src/modules/pay/jobs/kpiScoreJob';
import { createLogger } from '../server/src/logger';
import type { KpiScoreDetail } from '../server/src/modules/pay/commands/kpiScorer';
import { addMonths } from '@liucai/shared';
import { shanghaiDate } from '../server/src/util/dates';
import { openTestDb } from './support/testServices';
import { buildPayWorld } from './support/payWorld';
import { buildCollaboration, buildDeal } from './support/factories';

it('seeds monthly surveys and team-project ratings from behaviour, once, and KPI scores them', async () => {
  const ds = await openTestDb();
  try {
    const pw = await buildPayWorld(ds, 'demokpi');
    const s = pw.people.seller.userid;
    const thisMonth = shanghaiDate(new Date()).slice(0, 7);
    const [m1, m2] = [addMonths(thisMonth, -2), addMonths(thisMonth, -1)];
    await buildDeal(ds, pw.corpId, {
      sourceId: 'DK-1',
      ownerUserid: s,
      customerName: '华东大客户',
      amountFen: 15_000_000,
      renewalYears: 2,
      signedOn: `${m1}-03`,
    });
    await buildDeal(ds, pw.corpId, { sourceId: 'DK-2', ownerUserid: s, customerName: '小客户', amountFen: 300_000, signedOn: `${m2}-03` });
    await buildDeal(ds, pw.corpId, { sourceId: 'DK-X', ownerUserid: s, customerName: '已取消', amountFen: 900_000, status: 'cancelled', signedOn: `${m2}-04` });
    for (let i = 1; i <= 6; i++)
      await buildCollaboration(ds, pw.corpId, { userid: s, withDepartment: '技术部', customerName: '华东大客户', occurredOn: `${m2}-1${i}` });

    expect(await seedDemoKpiInputs(ds, pw.corpId, [m1, m2])).toBe(true);
    const surveys = await ds.getRepository(SatisfactionScore).find({ where: { corpId: pw.corpId }, order: { surveyedOn: 'ASC' } });
    // m1: the big client; m2: both (the cancelled contract's customer is nobody's client).
    expect(surveys.map((x) => [x.surveyedOn.slice(0, 7), x.customerName, x.ownerUserid, x.source])).toEqual(
      expect.arrayContaining([
        [m1, '华东大客户', s, 'import'],
        [m2, '华东大客户', s, 'import'],
        [m2, '小客户', s, 'import'],
      ]),
    );
    expect(surveys).toHaveLength(3);
    const big = surveys.find((x) => x.customerName === '华东大客户')!;
    expect(big.scoreTenths).toBeGreaterThanOrEqual(94); // big, renewed, 6 follow-ups with 技术部 (+0.9)
    const ratings = await ds.getRepository(KpiRating).find({ where: { corpId: pw.corpId, userid: s }, order: { period: 'ASC' } });
    expect(ratings.map((r) => [r.period, r.indicatorId, r.rating, r.ratedBy])).toEqual([
      [m1, 'teamProject', 2, pw.people.lead.userid],
      [m2, 'teamProject', 5, pw.people.lead.userid],
    ]);
    expect(ratings[1]!.comment).toBe('本月跨部门协作 6 次，带动技术、客服等同事推进团队项目');
    expect(await seedDemoKpiInputs(ds, pw.corpId, [m1, m2])).toBe(false);
    expect(await ds.getRepository(SatisfactionScore).countBy({ corpId: pw.corpId })).toBe(3);

    await runKpiScoring({ ds, log: createLogger('silent') }, pw.corpId, [m2]);
    const score = await ds.getRepository(KpiScore).findOneByOrFail({ corpId: pw.corpId, userid: s, period: m2 });
    const detail = JSON.parse(score.detail) as KpiScoreDetail;
    expect(detail.inputs.teamProject).toMatchObject({ value: '100', note: '主管评分 5 分（满分 5）' });
    expect(detail.inputs.satisfaction!.value).not.toBeNull();
    expect(detail.inputs.satisfaction!.sources).toHaveLength(2);
  } finally {
    await ds.destroy();
  }
});
