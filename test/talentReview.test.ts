/**
 * The talent review through the HTTP API, after the talent.recompute job ran on the job queue: the people in the
 * caller's scope with their stored score, tier and dimensions (HR its departments, a supervisor their reports, an
 * employee themself, admins everyone), a person outside one's scope answering 404, and bad input a 400.
 */
import type { TalentPersonScores, TalentReview } from '@liucai/shared';
import { JobModelVersion, TalentMatchScore } from '../server/src/entities';
import { recomputeTalentWithQuarter } from '../server/src/modules/talent/commands/talentRecomputer';
import { DEFAULT_SEGMENT_THRESHOLDS } from '../server/src/modules/sync/commands/customerSegments';
import type { JobModelVersionView } from '../server/src/modules/talent/presenters/jobModelPresenter';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { clientAs } from './support/factories';
import { buildTalentWorld, type TalentWorld } from './support/talentWorld';
import { buildTalentData, recomputeThroughJob, TALENT_PERIOD, TALENT_TODAY } from './support/talentData';

describe('talent review API', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let tw: TalentWorld;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'talentrv', employees: 20 });
    tw = await buildTalentWorld(w.ds, 'rv');
    await buildTalentData(w.ds, tw);
    server = await listen({ ...w, corp: { corpId: tw.corpId, name: tw.corpId } });
    // The job, through the queue as the worker runs it.
    await recomputeThroughJob(w, tw.corpId, 'test');
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  const review = async (who: keyof TalentWorld['people'], query = '') => {
    const res = await (await clientAs(w.ds, server.url, tw.people[who])).call<TalentReview>('GET', `/api/v1/talent/review${query}`);
    expect(res.status).toBe(200);
    return res.body.data;
  };

  it('lists HR the people of its departments with score, tier, dimensions and version; not those outside', async () => {
    const data = await review('hr');
    expect(data.period).toBe(TALENT_PERIOD);
    expect(data.jobModel).toMatchObject({ name: '大客户销售' });
    expect(data.people.map((p) => p.name)).toEqual(['王五', '张三']);
    expect(data.distribution).toEqual({ move: 1, train: 0, reassign: 0, insufficient: 1 });
    const wang = data.people[0]!;
    expect(wang).toMatchObject({ userid: tw.people.wang.userid, tier: 'move', tierLabel: '立即转型', version: 1, department: { name: '大客户部' } });
    expect(Number(wang.score)).toBeGreaterThanOrEqual(80);
    expect(wang.dimensions.map((d) => [d.id, d.weight, d.score !== null])).toEqual([
      ['insight', '20', true],
      ['coordination', '30', true],
      ['maintenance', '30', true],
      ['cycle', '10', false],
      ['satisfaction', '10', false],
    ]);
    expect(wang.dimensions.find((d) => d.id === 'coordination')).toMatchObject({ value: '8', score: '100.0', appliedWeight: '37.5', contribution: '37.50' });
    const zhang = data.people[1]!;
    expect(zhang).toMatchObject({ score: null, tier: null, tierLabel: null });
    expect(zhang.explanation).toContain('数据不足');
  });

  it('lists admins everyone, a supervisor their reports, an employee only themself', async () => {
    expect((await review('admin')).people.map((p) => p.name).sort()).toEqual(['张三', '王五', '钱七'].sort());
    expect((await review('lead')).people.map((p) => p.name)).toEqual(['王五', '张三']);
    expect((await review('zhang')).people.map((p) => p.name)).toEqual(['张三']);
    expect((await review('outsider')).distribution).toEqual({ move: 0, train: 0, reassign: 0, insufficient: 1 });
  });

  it('answers a month without scores with an empty list, and a bad month with 400 naming the field', async () => {
    expect((await review('hr', '?period=2020-01')).people).toEqual([]);
    const hr = await clientAs(w.ds, server.url, tw.people.hr);
    const bad = await hr.call('GET', '/api/v1/talent/review?period=2026-13');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('月份');
  });

  it('shows one person’s scores within scope, 404 outside it', async () => {
    const hr = await clientAs(w.ds, server.url, tw.people.hr);
    const wang = await hr.call<TalentPersonScores>('GET', `/api/v1/talent/people/${tw.people.wang.userid}`);
    expect(wang.status).toBe(200);
    expect(wang.body.data.scores.map((s) => [s.period, s.tier])).toEqual([[TALENT_PERIOD, 'move']]);
    const portrait = wang.body.data.portrait!;
    expect(portrait.period).toBe(TALENT_PERIOD);
    expect(portrait.metrics.map((m) => m.metric)).toEqual([
      'smallDeals',
      'bigDeals',
      'smallDealValue',
      'bigDealValue',
      'bigRevenueShare',
      'closeRate',
      'bigCycleDays',
      'renewalRate',
      'satisfaction',
      'collaborationsPerMonth',
      'bigClientMonths',
    ]);
    expect(portrait.metrics.find((m) => m.metric === 'renewalRate')).toMatchObject({ label: '续签率', unit: '%', value: '85', sample: 20, missing: null });
    expect(portrait.metrics.find((m) => m.metric === 'collaborationsPerMonth')).toMatchObject({
      value: '8',
      detail: { byDepartment: { 客户成功部: 8, 技术部: 16 } },
    });
    expect(portrait.metrics.find((m) => m.metric === 'satisfaction')).toMatchObject({ value: null, missing: '数据不足：近 12 个月没有导入客户满意度评分' });
    expect((await hr.call('GET', `/api/v1/talent/people/${tw.people.outsider.userid}`)).status).toBe(404);
    expect((await hr.call('GET', '/api/v1/talent/people/nobody')).status).toBe(404);
    const zhang = await clientAs(w.ds, server.url, tw.people.zhang);
    expect((await zhang.call('GET', `/api/v1/talent/people/${tw.people.wang.userid}`)).status).toBe(404);
  });

  it('scores a month with the version in effect then: a version from June scores June in place of version 1, which itself never changes', async () => {
    const hr = await clientAs(w.ds, server.url, tw.people.hr);
    const v1 = await w.ds.getRepository(JobModelVersion).findOneByOrFail({ corpId: tw.corpId, version: 1 });
    const copy = await hr.call<JobModelVersionView>('POST', `/api/v1/job-model-versions/${v1.id}/copy`, { effectiveFrom: '2026-06-01' });
    const def = copy.body.data.definition;
    def.dimensions.find((d) => d.id === 'coordination')!.weight = 40;
    def.dimensions.find((d) => d.id === 'insight')!.weight = 10;
    expect((await hr.call('PUT', `/api/v1/job-model-versions/${copy.body.data.id}`, { effectiveFrom: '2026-06-01', definition: def })).status).toBe(200);
    expect((await hr.call('POST', `/api/v1/job-model-versions/${copy.body.data.id}/publish`)).status).toBe(200);
    // Version 1 is published and used: it never changed (only its end date was set).
    const v1After = await w.ds.getRepository(JobModelVersion).findOneByOrFail({ id: v1.id });
    expect([v1After.definition, v1After.effectiveTo]).toEqual([v1.definition, '2026-05-31']);

    // June and its quarter (2026Q2, stored by the job in beforeAll) are rescored under the version of June.
    await recomputeTalentWithQuarter(w.ds, tw.corpId, TALENT_PERIOD, { bigDealFen: DEFAULT_SEGMENT_THRESHOLDS.bigDealFen, today: TALENT_TODAY });
    const data = await review('hr');
    expect(data.people.map((p) => [p.name, p.version, p.versionId])).toEqual([
      ['王五', 2, copy.body.data.id],
      ['张三', 2, copy.body.data.id],
    ]);
    expect(data.people[0]!.dimensions.find((d) => d.id === 'coordination')!.weight).toBe('40');
    expect(await w.ds.getRepository(TalentMatchScore).countBy({ corpId: tw.corpId, versionId: v1.id })).toBe(0);
  });
});
