/**
 * A portrait metric's evidence through the HTTP API: the team (main department) and company medians the recompute
 * stored with sample sizes (and 数据不足 when fewer than 3 people had a value), HR's reference value (HR and admins
 * only, each change a new version and an audit event in the same transaction, bad input 400 in Chinese and nothing
 * written), and the source rows of a metric, which add up to the stored sample; 404 outside the people scope.
 */
import type { MetricReferenceView, MetricSources, TalentPersonScores } from '@liucai/shared';
import { AuditEvent, TalentMetricMedian, TalentMetricReference } from '../server/src/entities';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { buildFollowUp, buildUser, clientAs } from './support/factories';
import { buildTalentWorld, type TalentWorld } from './support/talentWorld';
import { buildBehaviour, buildTalentData, recomputeThroughJob, TALENT_PERIOD, TIER_BEHAVIOURS } from './support/talentData';

describe('portrait evidence: medians, reference values, source rows', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let tw: TalentWorld;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'talentev', employees: 20 });
    tw = await buildTalentWorld(w.ds, 'ev');
    await buildTalentData(w.ds, tw);
    // Three more salespeople in 大客户部, so the team has enough values for some metrics and not for others.
    for (const [name, tier] of [
      ['孙一', 'move'],
      ['孙二', 'train'],
      ['孙三', 'reassign'],
    ] as const) {
      const u = await buildUser(w.ds, tw.corpId, { name, title: '销售代表', deptIds: [tw.depts.keyAccount.deptId], supervisorUserid: tw.people.lead.userid });
      await buildBehaviour(w.ds, tw.corpId, u.userid, TIER_BEHAVIOURS[tier]);
    }
    // Follow-up notes of June: 王五 hears about price, 钱七 about delivery (the company's corpus is these six notes).
    const notes = [
      ['wang', 'big-w', '电话沟通。客户认为报价偏高，希望给出阶梯折扣。'],
      ['wang', 'big-w', '上门拜访。报价偏高，竞品更便宜。'],
      ['wang', 'big-w', '微信沟通。客户要求折扣，报价需要审批。'],
      ['outsider', 'x-1', '客户对交付进度比较满意。'],
      ['outsider', 'x-1', '交付进度正常，客户满意。'],
      ['outsider', 'x-1', '客户抱怨发票开具不及时。'],
    ] as const;
    for (const [i, [who, customer, content]] of notes.entries())
      await buildFollowUp(w.ds, tw.corpId, {
        ownerUserid: tw.people[who].userid,
        customerSourceId: customer,
        followedAt: new Date(`2026-06-${10 + i}T02:00:00Z`),
        content,
      });
    server = await listen({ ...w, corp: { corpId: tw.corpId, name: tw.corpId } });
    await recomputeThroughJob(w, tw.corpId, 'ev');
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  const as = (who: keyof TalentWorld['people']) => clientAs(w.ds, server.url, tw.people[who]);
  const portraitOf = async (who: keyof TalentWorld['people'], target: keyof TalentWorld['people']) => {
    const res = await (await as(who)).call<TalentPersonScores>('GET', `/api/v1/talent/people/${tw.people[target].userid}`);
    expect(res.status).toBe(200);
    return new Map(res.body.data.portrait!.metrics.map((m) => [m.metric, m]));
  };
  const sources = async (who: keyof TalentWorld['people'], target: keyof TalentWorld['people'], metric: string, period = TALENT_PERIOD) =>
    (await as(who)).call<MetricSources>('GET', `/api/v1/people/${tw.people[target].userid}/portrait/metrics/${metric}/sources?period=${period}`);

  it('stores the team and company medians with the portraits and shows them on each metric, with sample sizes', async () => {
    expect(await w.ds.getRepository(TalentMetricMedian).countBy({ corpId: tw.corpId, period: TALENT_PERIOD, groupKey: 'company' })).toBeGreaterThan(10);
    const wang = await portraitOf('hr', 'wang');
    // 大客户跟进经验: 大客户部 王五 12, 张三 0, 孙一 12, 孙二 8, 孙三 2 → 8; the company adds 钱七 (财务部) 0 → (2 + 8) ÷ 2 = 5.
    expect(wang.get('bigClientMonths')).toMatchObject({
      value: '12',
      team: { label: '销售中心 / 大客户部', median: '8', people: 5, population: 5, missing: null },
      company: { label: '全公司', median: '5', people: 6, population: 6, missing: null },
    });
    // 续签率: 张三 and 钱七 have 数据不足, left out (never a zero): 50, 70, 85, 90 → 77.5.
    expect(wang.get('renewalRate')).toMatchObject({
      value: '85',
      team: { median: '77.5', people: 4, population: 5 },
      company: { median: '77.5', people: 4, population: 6 },
    });
  });

  it('says 数据不足 for a median over fewer than 3 people, with how many had a value', async () => {
    const wang = await portraitOf('hr', 'wang');
    expect(wang.get('satisfaction')!.team).toMatchObject({
      median: null,
      people: 1,
      population: 5,
      missing: '数据不足：本部门有此指标数据的只有 1 人（共 5 人有画像），中位数至少需要 3 人',
    });
    // 钱七 is alone in 财务部: the team says so, the company still has its median.
    const outsider = await portraitOf('admin', 'outsider');
    expect(outsider.get('bigClientMonths')!.team).toMatchObject({ median: null, people: 1, population: 1 });
    expect(outsider.get('bigClientMonths')!.company).toMatchObject({ median: '5', people: 6 });
  });

  it('lets HR set a reference value: a new version each time, audited with old and new value, shown on every portrait', async () => {
    const employee = await (await as('wang')).call('PUT', '/api/v1/talent/metric-references/bigCycleDays', { value: '30' });
    expect(employee.status).toBe(403);
    const lead = await (await as('lead')).call('GET', '/api/v1/talent/metric-references');
    expect(lead.status).toBe(403);

    const hr = await as('hr');
    const first = await hr.call<MetricReferenceView>('PUT', '/api/v1/talent/metric-references/bigCycleDays', { value: '30', note: '行业平均（文章）' });
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({
      metric: 'bigCycleDays',
      label: '大客户成交周期',
      value: '30',
      note: '行业平均（文章）',
      version: 1,
      setBy: { name: '周九' },
    });
    const second = await (await as('admin')).call<MetricReferenceView>('PUT', '/api/v1/talent/metric-references/bigCycleDays', { value: 28.5, note: null });
    expect(second.body.data).toMatchObject({ value: '28.5', version: 2, setBy: { name: '吴十' } });

    const audits = await w.ds.getRepository(AuditEvent).find({ where: { corpId: tw.corpId, action: 'talent.metricReference.set' }, order: { id: 'ASC' } });
    expect(audits.map((a) => [a.actorUserid, a.targetId, JSON.parse(a.detail!)])).toEqual([
      [tw.people.hr.userid, 'bigCycleDays', { version: 1, from: null, to: '30', note: '行业平均（文章）' }],
      [tw.people.admin.userid, 'bigCycleDays', { version: 2, from: '30', to: '28.5', note: null }],
    ]);

    // Shown next to the metric on the portrait (the employee's own too), and listed with its history for HR.
    expect((await portraitOf('wang', 'wang')).get('bigCycleDays')!.reference).toMatchObject({ value: '28.5', version: 2 });
    expect((await portraitOf('hr', 'wang')).get('closeRate')!.reference).toBeNull();
    const list = await hr.call<{ metrics: { metric: string; reference: MetricReferenceView | null }[]; history: MetricReferenceView[] }>(
      'GET',
      '/api/v1/talent/metric-references',
    );
    expect(list.body.data.metrics.find((m) => m.metric === 'bigCycleDays')!.reference).toMatchObject({ value: '28.5' });
    expect(list.body.data.history.map((h) => h.value)).toEqual(['28.5', '30']);

    // Clearing is a version too.
    const cleared = await hr.call<MetricReferenceView>('PUT', '/api/v1/talent/metric-references/renewalRate', { value: null });
    expect(cleared.body.data).toMatchObject({ value: null, version: 1 });
  });

  it('refuses a bad reference in Chinese and writes nothing', async () => {
    const before = await w.ds.getRepository(TalentMetricReference).countBy({ corpId: tw.corpId });
    const auditsBefore = await w.ds.getRepository(AuditEvent).countBy({ corpId: tw.corpId, action: 'talent.metricReference.set' });
    const hr = await as('hr');
    const bad = await hr.call('PUT', '/api/v1/talent/metric-references/bigCycleDays', { value: '三十' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('参考值应为不小于 0 的数，最多两位小数');
    const pct = await hr.call('PUT', '/api/v1/talent/metric-references/renewalRate', { value: '120' });
    expect(pct.body.error.message).toContain('参考值应为 0 到 100 之间的百分比');
    const unknown = await hr.call('PUT', '/api/v1/talent/metric-references/coffeeCups', { value: '3' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('未知的指标“coffeeCups”');
    expect(await w.ds.getRepository(TalentMetricReference).countBy({ corpId: tw.corpId })).toBe(before);
    expect(await w.ds.getRepository(AuditEvent).countBy({ corpId: tw.corpId, action: 'talent.metricReference.set' })).toBe(auditsBefore);
  });

  it('lists the rows a metric came from: as many as its stored sample, by the same rules', async () => {
    const wang = await portraitOf('hr', 'wang');
    for (const metric of ['renewalRate', 'collaborationsPerMonth', 'bigClientMonths']) {
      const res = await sources('hr', 'wang', metric);
      expect(res.status).toBe(200);
      expect(res.body.data.rows).toHaveLength(wang.get(metric)!.sample);
    }
    const renewal = (await sources('hr', 'wang', 'renewalRate')).body.data;
    expect(renewal).toMatchObject({
      metric: 'renewalRate',
      label: '续签率',
      period: TALENT_PERIOD,
      window: { from: '2024-07-01', to: '2026-05-01' },
      truncated: false,
    });
    expect(renewal.rows.filter((r) => r.note?.endsWith('已续签'))).toHaveLength(17);
    expect(renewal.rows[0]).toMatchObject({ kind: 'deal', subject: expect.stringMatching(/^客户k/), text: '50000.00 元' });

    // The follow-up DingTalk deleted counts nowhere; nor does the cancelled June deal.
    const follows = (await sources('hr', 'wang', 'bigClientMonths')).body.data.rows;
    expect(follows.every((r) => r.kind === 'followUp' && r.on >= '2024-07-01')).toBe(true);
    expect((await sources('hr', 'wang', 'bigDeals')).body.data.rows).toEqual([]);
    // An assessment score's sources are the submitted sheets of 12 months: none here.
    const sheets = await sources('hr', 'wang', 'assessment.customerInsight');
    expect(sheets.status).toBe(200);
    expect(sheets.body.data).toMatchObject({ label: '测评：客户洞察', window: { from: '2025-07-01', to: '2026-06-30' }, rows: [] });
    const collab = (await sources('wang', 'wang', 'collaborationsPerMonth')).body.data.rows;
    expect(new Set(collab.map((r) => r.subject))).toEqual(new Set(['客户成功部', '技术部']));
  });

  it('shows client-feedback keywords of the follow-up notes against the company’s notes, or 数据不足', async () => {
    const wang = (await (await as('hr')).call<TalentPersonScores>('GET', `/api/v1/talent/people/${tw.people.wang.userid}`)).body.data.portrait!;
    // 偏高 and 折扣: 2 of 王五's notes, 2 of the company's 6 → 2 × ln 3 = 2.20; 报价 3 × ln 2 = 2.08; words of one note
    // (竞品, 阶梯, 审批) are left out.
    // The notes show with their follow-ups among a metric's sources.
    const rows = (await sources('hr', 'wang', 'bigClientMonths')).body.data.rows;
    expect(rows.filter((r) => r.content).map((r) => r.content)).toEqual([
      '微信沟通。客户要求折扣，报价需要审批。',
      '上门拜访。报价偏高，竞品更便宜。',
      '电话沟通。客户认为报价偏高，希望给出阶梯折扣。',
    ]);
    expect(wang.feedback).toEqual({
      notes: 3,
      missing: null,
      terms: [
        { term: '偏高', count: 2, notes: 2, score: '2.20' },
        { term: '折扣', count: 2, notes: 2, score: '2.20' },
        { term: '报价', count: 3, notes: 3, score: '2.08' },
      ],
    });
    const zhang = (await (await as('zhang')).call<TalentPersonScores>('GET', `/api/v1/talent/people/${tw.people.zhang.userid}`)).body.data.portrait!;
    expect(zhang.feedback).toEqual({ notes: 0, terms: [], missing: '数据不足：近 3 个月有内容的跟进记录 0 条，少于 3 条' });
  });

  it('answers 404 outside the people scope and 400 for an unknown metric or month', async () => {
    // HR's scope is 销售中心: 钱七 (财务部) is outside; 张三 sees only himself; 李四 his reports.
    expect((await sources('hr', 'outsider', 'bigClientMonths')).status).toBe(404);
    expect((await sources('zhang', 'wang', 'bigClientMonths')).status).toBe(404);
    expect((await sources('lead', 'outsider', 'bigClientMonths')).status).toBe(404);
    expect((await sources('lead', 'wang', 'bigClientMonths')).status).toBe(200);
    expect((await sources('admin', 'outsider', 'bigClientMonths')).status).toBe(200);
    const unknown = await sources('hr', 'wang', 'coffeeCups');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('未知的指标“coffeeCups”');
    expect((await sources('hr', 'wang', 'bigClientMonths', '2026-13')).status).toBe(400);
  });
});
