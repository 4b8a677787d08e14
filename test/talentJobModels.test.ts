/**
 * Job models through the HTTP API: the built-in 大客户销售 model seeded per corp, the articles' examples through the
 * live preview (which stores nothing), exact weights refused with the sum, drafts that may change and published
 * versions that never do (copy instead), and who may do what.
 */
import { BIG_CLIENT_SALES_MODEL, type MatchResult } from '@liucai/shared';
import { JobModelVersion, TalentMatchScore } from '../server/src/entities';
import type { JobModelView, JobModelVersionView } from '../server/src/modules/talent/presenters/jobModelPresenter';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { clientAs } from './support/factories';
import { buildTalentWorld, type TalentWorld } from './support/talentWorld';
import type { TestClient } from './support/httpClient';

type Preview = MatchResult & { versionId: number; version: number };

describe('job models API', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let tw: TalentWorld;
  let hr: TestClient;
  let model: JobModelView;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'talentjm', employees: 20 });
    tw = await buildTalentWorld(w.ds, 'jm');
    server = await listen({ ...w, corp: { corpId: tw.corpId, name: tw.corpId } });
    hr = await clientAs(w.ds, server.url, tw.people.hr);
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  const versionCount = () => w.ds.getRepository(JobModelVersion).countBy({ corpId: tw.corpId });
  const preview = (versionId: number, inputs: Record<string, unknown>) => hr.call<Preview>('POST', `/api/v1/job-models/${versionId}/preview`, { inputs });

  it('seeds the built-in 大客户销售 model for the corp, published, once', async () => {
    const res = await hr.call<JobModelView[]>('GET', '/api/v1/job-models');
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    model = res.body.data[0]!;
    expect(model).toMatchObject({ code: 'big_client_sales', name: '大客户销售' });
    expect(model.versions).toHaveLength(1);
    expect(model.versions[0]).toMatchObject({ version: 1, status: 'published', effectiveTo: null, note: '内置模板' });
    expect(model.versions[0]!.definition).toEqual(BIG_CLIENT_SALES_MODEL.definition);
    expect(model.currentVersionId).toBe(model.versions[0]!.id);
    // A second read seeds nothing more.
    const again = await hr.call<JobModelView[]>('GET', '/api/v1/job-models');
    expect(again.body.data).toHaveLength(1);
    expect(await versionCount()).toBe(1);
  });

  it('answers the built-in model to two first reads at once (one seeds, the other finds it), and to a read of it by id', async () => {
    const other = await buildTalentWorld(w.ds, 'jm2');
    const otherServer = await listen({ ...w, corp: { corpId: other.corpId, name: other.corpId } });
    try {
      const otherHr = await clientAs(w.ds, otherServer.url, other.people.hr);
      const [a, b] = await Promise.all([otherHr.call<JobModelView[]>('GET', '/api/v1/job-models'), otherHr.call<JobModelView[]>('GET', '/api/v1/job-models')]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.body.data.map((m) => m.code)).toEqual(['big_client_sales']);
      expect(b.body.data.map((m) => m.id)).toEqual(a.body.data.map((m) => m.id));
      expect(await w.ds.getRepository(JobModelVersion).countBy({ corpId: other.corpId })).toBe(1);
      const one = await otherHr.call<JobModelView>('GET', `/api/v1/job-models/${a.body.data[0]!.id}`);
      expect(one.body.data).toMatchObject({ id: a.body.data[0]!.id, code: 'big_client_sales', currentVersionId: a.body.data[0]!.currentVersionId });
      // Another corp's model by id is not found.
      expect((await otherHr.call('GET', `/api/v1/job-models/${model.id}`)).status).toBe(404);
    } finally {
      await otherServer.close();
    }
  });

  it('previews the articles’ examples exactly: 张三 85 → move, 李四 60 → train, 王五 ≥ 80 — and stores nothing', async () => {
    const v1 = model.versions[0]!.id;
    const zhang = await preview(v1, { insight: 24, coordination: 4, maintenance: 80, cycle: 30, satisfaction: 7 });
    expect(zhang.status).toBe(200);
    expect(zhang.body.data).toMatchObject({ score: '85', tier: 'move', tierLabel: '立即转型', versionId: v1, version: 1 });
    expect(zhang.body.data.dimensions.map((d) => [d.label, d.value, d.score, d.weight, d.contribution])).toEqual([
      ['客户洞察', '24', '100.0', '20', '20.00'],
      ['资源协调', '4', '80.0', '30', '24.00'],
      ['长期维护', '80', '100.0', '30', '30.00'],
      ['大客户跟进效率', '30', '50.0', '10', '5.00'],
      ['客户满意度', '7', '60.0', '10', '6.00'],
    ]);
    const li = await preview(v1, { insight: 6, coordination: 1, maintenance: '80', cycle: 27, satisfaction: 8 });
    expect(li.body.data).toMatchObject({ score: '60', tier: 'train', tierLabel: '先培训' });
    const wang = await preview(v1, { insight: 24, coordination: 8, maintenance: 85, cycle: null });
    expect(wang.body.data.tier).toBe('move');
    expect(wang.body.data.scoreT!).toBeGreaterThanOrEqual(800);
    expect(wang.body.data.dimensions.find((d) => d.id === 'cycle')).toMatchObject({ score: null, contribution: null });
    const lacking = await preview(v1, { coordination: 8, maintenance: 85 });
    expect(lacking.body.data).toMatchObject({ score: null, tier: null });
    expect(lacking.body.data.explanation).toContain('数据不足');
    expect(await w.ds.getRepository(TalentMatchScore).countBy({ corpId: tw.corpId })).toBe(0);
  });

  it('refuses preview input naming the field', async () => {
    const res = await preview(model.versions[0]!.id, { coordination: '很多', luck: 3 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('维度“资源协调”（coordination）的数值应为数字');
    expect(res.body.error.message).toContain('岗位模型中没有编号为“luck”的维度');
    expect((await preview(999_999, { coordination: 1 })).status).toBe(404);
  });

  it('refuses weights that do not total 100 (naming the sum) and an unknown metric, writing nothing', async () => {
    const before = await versionCount();
    const dims = (weights: number[]) =>
      weights.map((weight, i) => ({ id: `d${i}`, label: `维度${i}`, input: 'renewalRate', weight, rule: { kind: 'threshold', target: 80 } }));
    const bad = await hr.call('POST', `/api/v1/job-models/${model.id}/versions`, {
      effectiveFrom: '2027-01-01',
      definition: { maxMissingWeight: 0, dimensions: dims([33.3, 33.3, 33.3]) },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('各维度权重合计为 99.9，应恰好为 100（33.3 + 33.3 + 33.3 = 99.9）');
    const unknown = await hr.call('POST', `/api/v1/job-models/${model.id}/versions`, {
      effectiveFrom: '2027-01-01',
      definition: { maxMissingWeight: 0, dimensions: [{ id: 'x', label: '运气', input: 'luck', weight: 100, rule: { kind: 'threshold', target: 1 } }] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('第 1 个维度“运气”的数据来源（input）是未知的指标“luck”');
    expect(await versionCount()).toBe(before);
    const ok = await hr.call<JobModelVersionView>('POST', `/api/v1/job-models/${model.id}/versions`, {
      effectiveFrom: '2027-01-01',
      definition: { maxMissingWeight: 0, dimensions: dims([33.3, 33.3, 33.4]) },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.data).toMatchObject({ status: 'draft', version: 2 });
  });

  it('never edits a published version: copy it, edit the draft (coordination 30% → 40%), publish; the old one ends the day before', async () => {
    const v1 = model.versions[0]!;
    const put = await hr.call('PUT', `/api/v1/job-model-versions/${v1.id}`, { effectiveFrom: v1.effectiveFrom, definition: v1.definition });
    expect(put.status).toBe(409);
    expect(put.body.error.id).toBe('version_immutable');

    const copy = await hr.call<JobModelVersionView>('POST', `/api/v1/job-model-versions/${v1.id}/copy`, { effectiveFrom: '2026-04-01' });
    expect(copy.status).toBe(201);
    expect(copy.body.data).toMatchObject({ status: 'draft', copiedFromId: v1.id });
    const def = copy.body.data.definition;
    def.dimensions.find((d) => d.id === 'coordination')!.weight = 40;
    def.dimensions.find((d) => d.id === 'insight')!.weight = 10;
    const edit = await hr.call<JobModelVersionView>('PUT', `/api/v1/job-model-versions/${copy.body.data.id}`, { effectiveFrom: '2026-04-01', definition: def });
    expect(edit.status).toBe(200);
    const pub = await hr.call<{ published: JobModelVersionView; superseded: JobModelVersionView }>(
      'POST',
      `/api/v1/job-model-versions/${copy.body.data.id}/publish`,
    );
    expect(pub.status).toBe(200);
    expect(pub.body.data.published.status).toBe('published');
    expect(pub.body.data.superseded).toMatchObject({ id: v1.id, effectiveTo: '2026-03-31' });
    // The preview on the new version weighs coordination more: 张三's 4 a month now costs more.
    const zhang = await preview(copy.body.data.id, { insight: 24, coordination: 4, maintenance: 80, cycle: 30, satisfaction: 7 });
    expect(zhang.body.data.score).toBe('83');
  });

  it('is for HR and admins only: an employee gets 403, nobody signed in 401', async () => {
    const employee = await clientAs(w.ds, server.url, tw.people.zhang);
    expect((await employee.call('GET', '/api/v1/job-models')).status).toBe(403);
    expect((await employee.call('POST', `/api/v1/job-models/${model.versions[0]!.id}/preview`, { inputs: {} })).status).toBe(403);
    const admin = await clientAs(w.ds, server.url, tw.people.admin);
    expect((await admin.call('GET', '/api/v1/job-model-templates')).status).toBe(200);
    const anonymous = await fetch(`${server.url}/api/v1/job-models`);
    expect(anonymous.status).toBe(401);
  });
});
