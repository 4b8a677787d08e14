/**
 * Plan and KPI scheme administration through the HTTP API: validation errors naming the component and field,
 * drafts that may change and published versions that never do (copy instead), effective dates that never overlap,
 * assignments within HR's departments (404 outside), and who may do what.
 */
import type { IncentivePlan as PlanView, IncentivePlanVersion as VersionView, KpiScheme, PlanAssignment, MyIncentives } from '@liucai/shared';
import { BIG_CLIENT_PLAN, KPI_TEMPLATES } from '@liucai/shared';
import { IncentivePlanAssignment, IncentivePlanVersion, KpiSchemeVersion } from '../server/src/entities';
import { DEMO_PLAN_CODES } from '../server/src/modules/pay/commands/demoIncentivePlansSeeder';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { buildPayWorld, payClientAs, type PayWorld } from './support/payWorld';
import type { TestClient } from './support/httpClient';

const TWO_PERCENT = { components: [{ id: 'p', kind: 'percentOfContract', label: '合同提成', rateBp: 200 }] };

describe('incentive plan administration API', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let pw: PayWorld;
  let hr: TestClient;
  let admin: TestClient;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'payadm', employees: 20 });
    pw = await buildPayWorld(w.ds, 'adm');
    // The factory world is its own corp: serve it (one installation serves one corp).
    server = await listen({ ...w, corp: { corpId: pw.corpId, name: pw.corpId } });
    hr = await payClientAs(w.ds, server.url, pw.people.hr);
    admin = await payClientAs(w.ds, server.url, pw.people.admin);
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  const versionCount = () => w.ds.getRepository(IncentivePlanVersion).countBy({ corpId: pw.corpId });
  const newPlan = async (code: string) => {
    const res = await hr.call<PlanView>('POST', '/api/v1/incentives/plans', { code, name: `方案 ${code}` });
    expect(res.status).toBe(201);
    return res.body.data;
  };
  const draft = (planId: number, body: Record<string, unknown>) => hr.call<VersionView>('POST', `/api/v1/incentives/plans/${planId}/versions`, body);
  const publish = (versionId: number) =>
    hr.call<{ published: VersionView; superseded: VersionView | null }>('POST', `/api/v1/incentives/plan-versions/${versionId}/publish`);

  it('lists the demo’s two plans with their published versions', async () => {
    const res = await hr.call<PlanView[]>('GET', '/api/v1/incentives/plans');
    expect(res.status).toBe(200);
    const byCode = new Map(res.body.data.map((p) => [p.code, p]));
    const big = byCode.get(DEMO_PLAN_CODES.bigClient)!;
    expect(big.versions).toHaveLength(1);
    expect(big.versions[0]).toMatchObject({ version: 1, status: 'published', effectiveFrom: pw.transitionDay, effectiveTo: null, createdBy: { name: '吴十' } });
    expect(big.versions[0]!.definition).toEqual(BIG_CLIENT_PLAN);
    expect(big.currentVersionId).toBe(big.versions[0]!.id);
    expect(byCode.get(DEMO_PLAN_CODES.legacy)!.versions[0]!.definition.components[0]).toMatchObject({ kind: 'percentOfContract', rateBp: 100 });
  });

  it('refuses an invalid definition naming the component and field, and writes nothing', async () => {
    const plan = await newPlan('invalid');
    const before = await versionCount();
    const res = await draft(plan.id, {
      effectiveFrom: '2027-01-01',
      definition: {
        components: [
          { id: 'contract', kind: 'percentOfContract', label: '合同提成', rateBp: 12_000 },
          { id: 'bonus', kind: 'thresholdBonus', label: '满意度奖金', metric: 'satisfaction', thresholdTenths: 90, amountFen: -500_000 },
          { id: 'x', kind: 'lottery', label: '抽奖' },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.id).toBe('validation_error');
    expect(res.body.error.message).toBe(
      '输入有误：方案定义第 1 个组件“合同提成”的比例 rateBp 应在 0 基点（0%）到 10,000 基点（100%）之间，现为 12,000 基点（120%）；' +
        '方案定义第 2 个组件“满意度奖金”的奖金金额 amountFen 不能为负数，现为 -500,000 分（-5,000.00 元）；' +
        '方案定义第 3 个组件“抽奖”的类型 kind 未知：“lottery”；应为 percentOfContract（合同金额提成）、thresholdBonus（门槛奖金）、renewalPercent（续约年度提成）、perEvent（按次奖励）、tiered（阶梯提成与超额加速）之一',
    );
    expect((res.body.error.details as { field: string }[]).map((d) => d.field)).toEqual([
      'definition.components[0].rateBp',
      'definition.components[1].amountFen',
      'definition.components[2].kind',
    ]);
    const dates = await draft(plan.id, { effectiveFrom: '2027-02-30', effectiveTo: '2026-01-01', definition: TWO_PERCENT });
    expect(dates.status).toBe(400);
    expect(dates.body.error.message).toBe('输入有误：生效日期应为日期 yyyy-mm-dd，如 2026-07-01');
    const backwards = await draft(plan.id, { effectiveFrom: '2027-02-01', effectiveTo: '2027-01-31', definition: TWO_PERCENT });
    expect(backwards.body.error.message).toBe('输入有误：截止日期不能早于生效日期 2027-02-01');
    expect(await versionCount()).toBe(before);
  });

  it('edits a draft, then never a published (used) version: copy it into a new version instead', async () => {
    const plan = await newPlan('lifecycle');
    const v1 = await draft(plan.id, { effectiveFrom: '2026-01-01', definition: TWO_PERCENT, note: '初稿' });
    expect(v1.status).toBe(201);
    expect(v1.body.data).toMatchObject({ version: 1, status: 'draft', note: '初稿', createdBy: { name: '周九' } });
    const edited = await hr.call<VersionView>('PUT', `/api/v1/incentives/plan-versions/${v1.body.data.id}`, {
      effectiveFrom: '2026-01-01',
      definition: { components: [{ id: 'p', kind: 'percentOfContract', label: '合同提成', rateBp: 150 }] },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.data.definition.components[0]).toMatchObject({ rateBp: 150 });

    const published = await publish(v1.body.data.id);
    expect(published.status).toBe(200);
    expect(published.body.data.published).toMatchObject({ status: 'published', publishedBy: { name: '周九' }, effectiveTo: null });
    expect(published.body.data.superseded).toBeNull();

    const stored = await w.ds.getRepository(IncentivePlanVersion).findOneByOrFail({ id: v1.body.data.id });
    const edit = await hr.call('PUT', `/api/v1/incentives/plan-versions/${v1.body.data.id}`, { effectiveFrom: '2026-01-01', definition: TWO_PERCENT });
    expect(edit.status).toBe(409);
    expect(edit.body.error).toMatchObject({ id: 'version_immutable', message: '第 1 版已发布，不能再修改：请复制为新版本后修改' });
    expect(await w.ds.getRepository(IncentivePlanVersion).findOneByOrFail({ id: v1.body.data.id })).toEqual(stored);
    expect((await publish(v1.body.data.id)).body.error.id).toBe('version_already_published');

    // Copy → a new draft (version 2), which may change; publishing it from 2026-07-01 ends version 1 on 2026-06-30.
    const copy = await hr.call<VersionView>('POST', `/api/v1/incentives/plan-versions/${v1.body.data.id}/copy`, { effectiveFrom: '2026-07-01' });
    expect(copy.status).toBe(201);
    expect(copy.body.data).toMatchObject({ version: 2, status: 'draft', copiedFromId: v1.body.data.id, note: '复制自第 1 版', effectiveFrom: '2026-07-01' });
    expect(copy.body.data.definition).toEqual(edited.body.data.definition);
    const v2 = await publish(copy.body.data.id);
    expect(v2.status).toBe(200);
    expect(v2.body.data.superseded).toMatchObject({ id: v1.body.data.id, effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30' });
    const read = await hr.call<PlanView>('GET', `/api/v1/incentives/plans/${plan.id}`);
    expect(read.body.data.versions.map((v) => [v.version, v.status, v.effectiveFrom, v.effectiveTo])).toEqual([
      [2, 'published', '2026-07-01', null],
      [1, 'published', '2026-01-01', '2026-06-30'],
    ]);
    // Copy without dates starts tomorrow.
    const tomorrow = await hr.call<VersionView>('POST', `/api/v1/incentives/plan-versions/${v1.body.data.id}/copy`, {});
    expect(tomorrow.status).toBe(201);
    expect(tomorrow.body.data.version).toBe(3);
    expect(tomorrow.body.data.effectiveFrom > '2026-07-01').toBe(true);
  });

  it('refuses overlapping effective dates with a clear Chinese error, at creation and at publication, changing nothing', async () => {
    const plan = await newPlan('overlap');
    const v1 = await draft(plan.id, { effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30', definition: TWO_PERCENT });
    await publish(v1.body.data.id);
    const before = await versionCount();
    const clash = await draft(plan.id, { effectiveFrom: '2026-06-01', definition: TWO_PERCENT });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({
      id: 'effective_dates_overlap',
      message:
        '生效期（2026-06-01 起）与第 1 版（2026-01-01 至 2026-06-30）重叠：同一激励方案的各版本生效期不能重叠。要接替长期有效的现行版本，新版本的开始日期须晚于它的开始日期',
    });
    expect(await versionCount()).toBe(before);

    // Two drafts that each fit alone: the first published wins, the second is refused at publication.
    const a = await draft(plan.id, { effectiveFrom: '2026-07-01', definition: TWO_PERCENT });
    const b = await draft(plan.id, { effectiveFrom: '2026-09-01', effectiveTo: '2026-12-31', definition: TWO_PERCENT });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect((await publish(b.body.data.id)).status).toBe(200);
    const late = await publish(a.body.data.id);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('生效期（2026-07-01 起）与第 3 版（2026-09-01 至 2026-12-31）重叠');
    const stillDraft = await w.ds.getRepository(IncentivePlanVersion).findOneByOrFail({ id: a.body.data.id });
    expect(stillDraft.status).toBe('draft');
    // The earlier version kept its end: nothing was superseded by the refused publication.
    expect((await w.ds.getRepository(IncentivePlanVersion).findOneByOrFail({ id: v1.body.data.id })).effectiveTo).toBe('2026-06-30');
  });

  it('refuses a code already taken, and unknown plans and versions with 404', async () => {
    await newPlan('taken');
    const again = await hr.call('POST', '/api/v1/incentives/plans', { code: 'taken', name: '另一个' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ id: 'code_taken', message: '编号“taken”已被另一个激励方案使用，请换一个' });
    const bad = await hr.call('POST', '/api/v1/incentives/plans', { code: '大客户', name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('输入有误：编号应为 1 到 64 位英文字母、数字、- 或 _；名称必填，应为 1 到 100 个字');
    expect((await draft(999_999_999, { effectiveFrom: '2026-01-01', definition: TWO_PERCENT })).status).toBe(404);
    expect((await hr.call('PUT', '/api/v1/incentives/plan-versions/999999999', { effectiveFrom: '2026-01-01', definition: TWO_PERCENT })).status).toBe(404);
    expect((await hr.call('GET', '/api/v1/incentives/plans/999999999')).status).toBe(404);
  });

  it('keeps plan administration to HR and admins (403 for employees and supervisors)', async () => {
    for (const who of [pw.people.seller, pw.people.lead]) {
      const c = await payClientAs(w.ds, server.url, who);
      for (const [method, path] of [
        ['GET', '/api/v1/incentives/plans'],
        ['POST', '/api/v1/incentives/plans'],
        ['GET', '/api/v1/incentives/assignments'],
        ['GET', '/api/v1/kpi/schemes'],
        ['GET', '/api/v1/kpi/templates'],
      ] as const) {
        const res = await c.call(method, path, method === 'POST' ? { code: 'x', name: 'x' } : undefined);
        expect([path, res.status, res.body.error.id]).toEqual([path, 403, 'forbidden']);
      }
    }
    expect((await admin.call('GET', '/api/v1/incentives/plans')).status).toBe(200);
  });

  describe('assignments', () => {
    const assign = (c: TestClient, body: Record<string, unknown>) => c.call<PlanAssignment>('POST', '/api/v1/incentives/assignments', body);
    let planId: number;
    beforeAll(async () => {
      planId = (await newPlan('assign')).id;
      const v = await draft(planId, { effectiveFrom: '2020-01-01', definition: TWO_PERCENT });
      await publish(v.body.data.id);
    });

    it('assigns a plan to a person within HR’s departments, taking over from today on', async () => {
      const res = await assign(hr, { planId, userid: pw.people.rep.userid, effectiveFrom: '2026-12-01' });
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({
        plan: { id: planId },
        target: { kind: 'user', user: { name: '王五' } },
        effectiveFrom: '2026-12-01',
        effectiveTo: null,
      });
      const plan = await hr.call<MyIncentives>('GET', `/api/v1/incentives/people/${pw.people.rep.userid}/plan?date=2026-12-02`);
      expect(plan.status).toBe(200);
      expect(plan.body.data.current).toMatchObject({ plan: { id: planId }, assignment: { via: 'user' } });
      // Before it, the job assignment of the demo applies.
      const earlier = await hr.call<MyIncentives>('GET', `/api/v1/incentives/people/${pw.people.rep.userid}/plan?date=2026-11-30`);
      expect(earlier.body.data.current).toMatchObject({ plan: { code: DEMO_PLAN_CODES.bigClient }, assignment: { via: 'job', jobTitle: '销售代表' } });
      const list = await hr.call<PlanAssignment[]>('GET', `/api/v1/incentives/assignments?userid=${pw.people.rep.userid}`);
      expect(list.body.data.map((a) => a.id)).toEqual([res.body.data.id]);
    });

    it('answers 404 for people and departments outside HR’s scope, and writes nothing', async () => {
      const before = await w.ds.getRepository(IncentivePlanAssignment).countBy({ corpId: pw.corpId });
      const outsider = pw.people.outsider.userid;
      const person = await assign(hr, { planId, userid: outsider, effectiveFrom: '2026-12-01' });
      expect(person.status).toBe(404);
      expect(person.body.error.message).toBe('员工不存在或无权查看');
      const job = await assign(hr, { planId, jobTitle: '会计', deptId: pw.depts.finance.deptId, effectiveFrom: '2026-12-01' });
      expect(job.status).toBe(404);
      expect(job.body.error.message).toBe('部门不存在或无权查看');
      expect((await hr.call('GET', `/api/v1/incentives/assignments?userid=${outsider}`)).status).toBe(404);
      expect((await hr.call('GET', `/api/v1/incentives/people/${outsider}/plan`)).status).toBe(404);
      expect((await hr.call('GET', '/api/v1/incentives/people/nobody/plan')).status).toBe(404);
      expect(await w.ds.getRepository(IncentivePlanAssignment).countBy({ corpId: pw.corpId })).toBe(before);
      // An admin may.
      expect((await assign(admin, { planId, userid: outsider, effectiveFrom: '2026-12-01' })).status).toBe(201);
      expect((await admin.call('GET', `/api/v1/incentives/people/${outsider}/plan?date=2026-12-01`)).body.data).toMatchObject({
        current: { plan: { id: planId } },
      });
      // HR's list shows neither the outsider's assignment nor anything outside its departments.
      const all = await hr.call<PlanAssignment[]>('GET', '/api/v1/incentives/assignments');
      expect(all.body.data.some((a) => a.target.kind === 'user' && a.target.user.userid === outsider)).toBe(false);
      expect(all.body.data.filter((a) => a.target.kind === 'job').length).toBe(16);
    });

    it('refuses overlapping assignments of one person, self-assignment by HR, and a half-given target', async () => {
      const first = await assign(hr, { planId, userid: pw.people.lead.userid, effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30' });
      expect(first.status).toBe(201);
      const clash = await assign(hr, { planId, userid: pw.people.lead.userid, effectiveFrom: '2026-06-01' });
      expect(clash.status).toBe(409);
      expect(clash.body.error).toMatchObject({
        id: 'assignment_overlap',
        message: '员工“李四”的新分配（2026-06-01 起）与已有分配（2026-01-01 至 2026-06-30）重叠：同一对象的方案分配不能重叠',
      });
      const self = await assign(hr, { planId, userid: pw.people.hr.userid, effectiveFrom: '2026-12-01' });
      expect([self.status, self.body.error.message]).toEqual([403, '不能给自己分配激励方案，请由其他 HR 或管理员操作']);
      const half = await assign(hr, { planId, jobTitle: '销售代表', effectiveFrom: '2026-12-01' });
      expect([half.status, half.body.error.message]).toEqual([400, '输入有误：部门按职位分配时，职位与部门都要填写']);
      const neither = await assign(hr, { planId, effectiveFrom: '2026-12-01' });
      expect(neither.body.error.message).toBe('输入有误：员工请指定一位员工，或同时指定职位与部门（二选一）');
      expect((await assign(hr, { planId: 999_999_999, userid: pw.people.rep.userid, effectiveFrom: '2027-01-01' })).status).toBe(404);
    });
  });

  describe('KPI schemes', () => {
    it('offers the articles’ templates and publishes a scheme from one', async () => {
      const templates = await hr.call<typeof KPI_TEMPLATES>('GET', '/api/v1/kpi/templates');
      expect(templates.body.data.map((t) => t.key)).toEqual(['bigClientSales', 'bigClientSalesWithTeam']);
      const scheme = await hr.call<KpiScheme>('POST', '/api/v1/kpi/schemes', { code: 'ka', name: '大客户销售 KPI', jobTitle: '大客户经理' });
      expect(scheme.status).toBe(201);
      expect(scheme.body.data).toMatchObject({ jobTitle: '大客户经理', versions: [] });
      const v = await hr.call<{ id: number }>('POST', `/api/v1/kpi/schemes/${scheme.body.data.id}/versions`, {
        effectiveFrom: '2026-01-01',
        definition: templates.body.data[0]!.definition,
      });
      expect(v.status).toBe(201);
      expect((await hr.call('POST', `/api/v1/kpi/scheme-versions/${v.body.data.id}/publish`)).status).toBe(200);
      const edit = await hr.call('PUT', `/api/v1/kpi/scheme-versions/${v.body.data.id}`, {
        effectiveFrom: '2026-01-01',
        definition: templates.body.data[0]!.definition,
      });
      expect(edit.body.error.id).toBe('version_immutable');
      // The demo's scheme is there too.
      const list = await hr.call<KpiScheme[]>('GET', '/api/v1/kpi/schemes');
      expect(list.body.data.map((s) => s.code).sort()).toEqual([DEMO_PLAN_CODES.kpi, 'ka'].sort());
    });

    it('refuses weights that do not total exactly 100, naming the sum, and writes nothing', async () => {
      const scheme = await hr.call<KpiScheme>('POST', '/api/v1/kpi/schemes', { code: 'thirds', name: '三等分' });
      const before = await w.ds.getRepository(KpiSchemeVersion).countBy({ corpId: pw.corpId });
      const indicator = (id: string, weight: number | string) => ({ ...KPI_TEMPLATES[0]!.definition.indicators[0]!, id, label: `指标 ${id}`, weight });
      const thirds = await hr.call('POST', `/api/v1/kpi/schemes/${scheme.body.data.id}/versions`, {
        effectiveFrom: '2026-01-01',
        definition: { indicators: [indicator('a', 33.3), indicator('b', 33.3), indicator('c', 33.3)], passScore: 80 },
      });
      expect(thirds.status).toBe(400);
      expect(thirds.body.error.message).toBe('输入有误：KPI 方案定义各指标权重合计为 99.9，应恰好为 100（33.3 + 33.3 + 33.3 = 99.9）');
      expect(await w.ds.getRepository(KpiSchemeVersion).countBy({ corpId: pw.corpId })).toBe(before);
      const ok = await hr.call('POST', `/api/v1/kpi/schemes/${scheme.body.data.id}/versions`, {
        effectiveFrom: '2026-01-01',
        definition: { indicators: [indicator('a', 33.3), indicator('b', '33.3'), indicator('c', 33.4)], passScore: 80 },
      });
      expect(ok.status).toBe(201);
    });
  });
});
