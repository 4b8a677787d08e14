/**
 * A job-model version's impact through the HTTP API (岗位模型 → 影响预览): after the talent.recompute job stored the
 * month's portraits and scores, a draft that changes a rule shows, for every person in HR's scope, the stored score →
 * the score under the draft and the main reason, computed by the recompute's own code; nothing is stored. Only HR
 * and admins; an unknown or foreign version is 404.
 */
import type { JobModelImpact } from '@liucai/shared';
import { BIG_CLIENT_SALES_MODEL } from '@liucai/shared';
import { TalentMatchScore } from '../server/src/entities';
import type { JobModelView, JobModelVersionView } from '../server/src/modules/talent/presenters/jobModelPresenter';
import { recomputeTalent } from '../server/src/modules/talent/commands/talentRecomputer';
import { DEFAULT_SEGMENT_THRESHOLDS } from '../server/src/modules/sync/commands/customerSegments';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { clientAs } from './support/factories';
import { buildTalentWorld, type TalentWorld } from './support/talentWorld';
import { buildTalentData, TALENT_PERIOD, TALENT_TODAY } from './support/talentData';

describe('job-model version impact', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let tw: TalentWorld;
  let draft: JobModelVersionView;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'talentim', employees: 20 });
    tw = await buildTalentWorld(w.ds, 'im');
    await buildTalentData(w.ds, tw);
    await recomputeTalent(w.ds, tw.corpId, TALENT_PERIOD, { bigDealFen: DEFAULT_SEGMENT_THRESHOLDS.bigDealFen, today: TALENT_TODAY });
    server = await listen({ ...w, corp: { corpId: tw.corpId, name: tw.corpId } });
    const hr = await clientAs(w.ds, server.url, tw.people.hr);
    const model = (await hr.call<JobModelView[]>('GET', '/api/v1/job-models')).body.data[0]!;
    // 长期维护 now needs 90% renewal for full marks (王五 renews 85%).
    const definition = {
      ...BIG_CLIENT_SALES_MODEL.definition,
      dimensions: BIG_CLIENT_SALES_MODEL.definition.dimensions.map((d) =>
        d.id === 'maintenance' ? { ...d, rule: { kind: 'linear', floor: 50, target: 90 } } : d,
      ),
    };
    const res = await hr.call<JobModelVersionView>('POST', `/api/v1/job-models/${model.id}/versions`, {
      effectiveFrom: '2027-01-01',
      definition,
      note: '续签要求提高到 90%',
    });
    expect(res.status).toBe(201);
    draft = res.body.data;
  });
  afterAll(async () => {
    await server?.close();
    await w?.close();
  });

  it('shows HR each person in scope: stored score → draft score, the main reason, and the tier moves', async () => {
    const scoresBefore = await w.ds.getRepository(TalentMatchScore).countBy({ corpId: tw.corpId });
    const res = await (await clientAs(w.ds, server.url, tw.people.hr)).call<JobModelImpact>('GET', `/api/v1/job-model-versions/${draft.id}/impact`);
    expect(res.status).toBe(200);
    const impact = res.body.data;
    expect(impact).toMatchObject({ versionId: draft.id, version: 2, period: TALENT_PERIOD });
    expect(impact.people.map((p) => p.name)).toEqual(['王五', '张三']);
    const wang = impact.people[0]!;
    expect(wang).toMatchObject({ oldScore: '100', oldTier: 'move', oldVersion: 1, newScore: '95.3', newTier: 'move', delta: '-4.7' });
    expect(wang.reason).toBe('长期维护评分规则调整（得分 100.0 → 87.5）');
    const zhang = impact.people[1]!;
    expect(zhang).toMatchObject({ oldScore: null, newScore: null, delta: null });
    expect(zhang.reason).toMatch(/^仍数据不足：/);
    expect(impact.summary).toEqual({ people: 2, changed: 1, up: 0, down: 1, tierMoves: [] });
    // A what-if: nothing stored.
    expect(await w.ds.getRepository(TalentMatchScore).countBy({ corpId: tw.corpId })).toBe(scoresBefore);
  });

  it('shows admins everyone, refuses supervisors and employees, and answers 404 for an unknown version', async () => {
    const admin = (await (await clientAs(w.ds, server.url, tw.people.admin)).call<JobModelImpact>('GET', `/api/v1/job-model-versions/${draft.id}/impact`)).body
      .data;
    expect(admin.people.map((p) => p.name).sort()).toEqual(['张三', '王五', '钱七'].sort());
    for (const who of ['lead', 'zhang'] as const)
      expect((await (await clientAs(w.ds, server.url, tw.people[who])).call('GET', `/api/v1/job-model-versions/${draft.id}/impact`)).status).toBe(403);
    const missing = await (await clientAs(w.ds, server.url, tw.people.hr)).call('GET', `/api/v1/job-model-versions/999999/impact`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('岗位模型版本');
    const bad = await (await clientAs(w.ds, server.url, tw.people.hr)).call('GET', `/api/v1/job-model-versions/abc/impact`);
    expect(bad.status).toBe(400);
  });
});
