/**
 * The incentive simulator and a person's plan through the HTTP API, on factory rows with the demo's plans seeded:
 * the articles' example reproduces exactly (9,300.00 under the new plan, 1,500.00 under the old one, each line),
 * bad input gets a Chinese 400 naming the field, and who may simulate what.
 */
import type { MyIncentives, SimulationResult } from '@liucai/shared';
import { IncentivePlan, IncentivePlanVersion } from '../server/src/entities';
import { DEMO_PLAN_CODES } from '../server/src/modules/pay/commands/demoIncentivePlansSeeder';
import { dayBefore } from '@liucai/shared';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { buildPayWorld, payClientAs, type PayWorld } from './support/payWorld';
import type { TestClient } from './support/httpClient';

const EXAMPLE = { contractValueCny: 150000, satisfaction: 9.2, renewalYears: 2, coordinations: 8 };

describe('incentives API: simulate and my plan', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let pw: PayWorld;
  let seller: TestClient;
  let versions: { legacy: IncentivePlanVersion; bigClient: IncentivePlanVersion };

  beforeAll(async () => {
    w = await createTestWorld({ label: 'payapi', employees: 20 });
    pw = await buildPayWorld(w.ds, 'sim');
    // The factory world is its own corp: serve it (one installation serves one corp).
    server = await listen({ ...w, corp: { corpId: pw.corpId, name: pw.corpId } });
    seller = await payClientAs(w.ds, server.url, pw.people.seller);
    const versionOf = async (code: string) => {
      const plan = await w.ds.getRepository(IncentivePlan).findOneByOrFail({ corpId: pw.corpId, code });
      return w.ds.getRepository(IncentivePlanVersion).findOneByOrFail({ corpId: pw.corpId, planId: plan.id });
    };
    versions = { legacy: await versionOf(DEMO_PLAN_CODES.legacy), bigClient: await versionOf(DEMO_PLAN_CODES.bigClient) };
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  const simulate = (c: TestClient, body: unknown) => c.call<SimulationResult>('POST', '/api/v1/incentives/simulate', body);

  it('pays 9,300.00 CNY under the caller’s current (new) plan, each line with component, amount and explanation', async () => {
    const res = await simulate(seller, EXAMPLE);
    expect(res.status).toBe(200);
    expect(res.body.data.totalFen).toBe(930_000);
    expect(res.body.data.plan.code).toBe(DEMO_PLAN_CODES.bigClient);
    expect(res.body.data.version.id).toBe(versions.bigClient.id);
    expect(res.body.data.lines.map((l) => ({ component: l.component, amountFen: l.amountFen, explanation: l.explanation }))).toEqual([
      { component: 'contract', amountFen: 120_000, explanation: '合同金额 150,000.00 元 × 0.8% = 1,200.00 元' },
      { component: 'satisfaction', amountFen: 500_000, explanation: '客户满意度 9.2 ≥ 9，奖金 5,000.00 元' },
      { component: 'renewal', amountFen: 150_000, explanation: '合同金额 150,000.00 元 × 0.5% × 续约 2 年 = 1,500.00 元' },
      { component: 'coordination', amountFen: 160_000, explanation: '与技术部协作 8 次 × 200.00 元 = 1,600.00 元' },
    ]);
    expect(res.body.data.explanation).toBe('1,200.00 + 5,000.00 + 1,500.00 + 1,600.00 = 9,300.00 元');
  });

  it('pays 1,500.00 CNY under the old 1% plan the caller was on before the transition', async () => {
    const res = await simulate(seller, { ...EXAMPLE, planVersionId: versions.legacy.id });
    expect(res.status).toBe(200);
    expect(res.body.data.totalFen).toBe(150_000);
    expect(res.body.data.lines.map((l) => [l.component, l.amountFen, l.explanation])).toEqual([
      ['sales', 150_000, '合同金额 150,000.00 元 × 1% = 1,500.00 元'],
    ]);
  });

  it('tells each person their plan today and the plan before it, with the definitions the browser computes with', async () => {
    const res = await seller.call<MyIncentives>('GET', '/api/v1/incentives/mine');
    expect(res.status).toBe(200);
    const { current, previous } = res.body.data;
    expect(current?.plan.code).toBe(DEMO_PLAN_CODES.bigClient);
    expect(current?.assignment).toMatchObject({ via: 'job', jobTitle: '大客户经理', effectiveFrom: pw.transitionDay, effectiveTo: null });
    expect(current?.version.definition.components.map((c) => c.id)).toEqual(['contract', 'satisfaction', 'renewal', 'coordination']);
    expect(previous?.plan.code).toBe(DEMO_PLAN_CODES.legacy);
    expect(previous?.assignment).toMatchObject({ effectiveFrom: '2020-01-01', effectiveTo: dayBefore(pw.transitionDay) });
    // Someone no plan was assigned to has none.
    const outsider = await payClientAs(w.ds, server.url, pw.people.outsider);
    expect((await outsider.call<MyIncentives>('GET', '/api/v1/incentives/mine')).body.data).toMatchObject({ current: null, previous: null });
  });

  it('refuses bad input with a Chinese 400 naming each field', async () => {
    const negative = await simulate(seller, { ...EXAMPLE, contractValueCny: -150000 });
    expect(negative.status).toBe(400);
    expect(negative.body.error).toMatchObject({ id: 'validation_error', message: '输入有误：合同金额不能为负数' });
    const several = await simulate(seller, { contractValueCny: '15万', satisfaction: 11, renewalYears: 1.5, coordinations: -2 });
    expect(several.status).toBe(400);
    expect(several.body.error.message).toBe(
      '输入有误：合同金额应为金额（元），如 150000 或 150,000.00；客户满意度应为 0 到 10 之间的分数（最多一位小数），如 9.2；续约年限应为 0 到 50 之间的整数（年）；协作次数不能为负数',
    );
    expect((several.body.error.details as { field: string }[]).map((d) => d.field)).toEqual([
      'contractValueCny',
      'satisfaction',
      'renewalYears',
      'coordinations',
    ]);
    const missing = await simulate(seller, {});
    expect(missing.body.error.message).toBe('输入有误：合同金额必填，应为金额（元），如 150000');
    const badVersion = await simulate(seller, { ...EXAMPLE, planVersionId: 'new' });
    expect(badVersion.status).toBe(400);
    expect(badVersion.body.error.message).toBe('输入有误：方案版本应为正整数');
    // Plain numbers as text work as well as JSON numbers.
    expect((await simulate(seller, { contractValueCny: '150,000', satisfaction: '9.2', renewalYears: '2', coordinations: '8' })).body.data.totalFen).toBe(
      930_000,
    );
  });

  it('lets an employee simulate only their own plans; HR and admins any version, drafts too', async () => {
    const hr = await payClientAs(w.ds, server.url, pw.people.hr);
    const plan = await hr.call<{ id: number }>('POST', '/api/v1/incentives/plans', { code: 'pilot', name: '试点方案' });
    const draft = await hr.call<{ id: number }>('POST', `/api/v1/incentives/plans/${plan.body.data.id}/versions`, {
      effectiveFrom: '2027-01-01',
      definition: { components: [{ id: 'p', kind: 'percentOfContract', label: '试点提成', rateBp: 250 }] },
    });
    expect(draft.status).toBe(201);
    // HR previews the draft.
    const preview = await simulate(hr, { ...EXAMPLE, planVersionId: draft.body.data.id });
    expect(preview.body.data.lines[0]!.explanation).toBe('合同金额 150,000.00 元 × 2.5% = 3,750.00 元');
    // An employee never assigned to it, even once published, gets 404 as if it did not exist; so does another corp's id.
    await hr.call('POST', `/api/v1/incentives/plan-versions/${draft.body.data.id}/publish`);
    const foreign = await simulate(seller, { ...EXAMPLE, planVersionId: draft.body.data.id });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.message).toBe('方案版本不存在或无权查看');
    expect((await simulate(seller, { ...EXAMPLE, planVersionId: 999_999_999 })).status).toBe(404);
    // Someone without a plan today is told so.
    const outsider = await payClientAs(w.ds, server.url, pw.people.outsider);
    const none = await simulate(outsider, EXAMPLE);
    expect(none.status).toBe(404);
    expect(none.body.error).toMatchObject({ id: 'no_current_plan', message: '你目前没有生效的激励方案，请联系 HR 分配' });
  });

  it('follows a new assignment on the next view: 我的激励 is resolved from the corp’s plans kept while no pay row changes', async () => {
    const outsider = await payClientAs(w.ds, server.url, pw.people.outsider);
    expect((await outsider.call<MyIncentives>('GET', '/api/v1/incentives/mine')).body.data.current).toBeNull();
    const admin = await payClientAs(w.ds, server.url, pw.people.admin);
    const today = (await outsider.call<MyIncentives>('GET', '/api/v1/incentives/mine')).body.data.today;
    const assigned = await admin.call('POST', '/api/v1/incentives/assignments', {
      planId: versions.legacy.planId,
      userid: pw.people.outsider.userid,
      effectiveFrom: today,
    });
    expect(assigned.status).toBe(201);
    const mine = (await outsider.call<MyIncentives>('GET', '/api/v1/incentives/mine')).body.data;
    expect(mine.current).toMatchObject({ plan: { code: DEMO_PLAN_CODES.legacy }, assignment: { via: 'user', effectiveFrom: today } });
    expect(mine.current?.version.id).toBe(versions.legacy.id);
    // HR's view of the same person's plan agrees.
    const hrView = await admin.call<MyIncentives>('GET', `/api/v1/incentives/people/${pw.people.outsider.userid}/plan`);
    expect(hrView.body.data).toEqual(mine);
  });
});
