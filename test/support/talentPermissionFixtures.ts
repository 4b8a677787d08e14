/**
 * How the permission matrix calls the talent routes (job models, the preview, the talent review): each actor edits
 * a job model of its own (v1 published from 2020 until further notice, a draft to edit in 2041, a draft to publish
 * from 2030), so no actor's write depends on another's; creates use codes unique to the actor.
 */
import { BIG_CLIENT_SALES_MODEL } from '@liucai/shared';
import { JOB_MODEL_FAMILY } from '../../server/src/modules/talent/jobModelFamily';
import { TalentMatchScore, TalentRecomputeRun } from '../../server/src/entities';
import type { PermissionWorld } from './permissionWorld';
import { actorRuleVersions, once } from './fixtureRules';
import type { ActorName } from './permissionTable';
import type { Fixture } from './permissionFixtures';

const DEFINITION = BIG_CLIENT_SALES_MODEL.definition;

/** The actor's own job model: v1 published, a draft to edit and a draft to publish. */
const actorModel = (pw: PermissionWorld, actor: ActorName) =>
  actorRuleVersions(pw, JOB_MODEL_FAMILY, actor, { code: `matrix-jm-${actor}`, name: `矩阵岗位模型 ${actor}` }, DEFINITION);

/** A stored match score of the target (先培训, 2031-01) to decide on; each actor's decision is a new row. */
const targetScore = (pw: PermissionWorld) =>
  once(pw, 'decisionScore', async () => {
    const m = await actorModel(pw, 'admin');
    const detail = JSON.stringify({ score: '65.0', dimensions: [], explanation: '匹配度 65.0（60 到 80 之间），先培训' });
    await pw.w.ds.getRepository(TalentMatchScore).save(
      Object.assign(new TalentMatchScore(), {
        corpId: pw.w.corpId,
        userid: pw.target,
        period: '2031-01',
        jobModelId: m.id,
        versionId: m.publishedId,
        scoreT: 650,
        tier: 'train',
        detail,
        computedAt: new Date(),
      }),
    );
    return { jobModelId: m.id };
  });

/** A finished recompute of the corp, to read. */
const finishedRun = (pw: PermissionWorld) =>
  once(pw, 'recomputeRun', async () => {
    const at = new Date();
    const run = await pw.w.ds.getRepository(TalentRecomputeRun).save(
      Object.assign(new TalentRecomputeRun(), {
        corpId: pw.w.corpId,
        activeCorp: null,
        period: '2025-01',
        state: 'succeeded',
        done: 10,
        total: 10,
        written: 2,
        skipped: 8,
        error: null,
        requestedBy: pw.target,
        createdAt: at,
        updatedAt: at,
        finishedAt: at,
      }),
    );
    return run.id;
  });

export const TALENT_FIXTURES: Record<string, Fixture> = {
  'POST /api/v1/talent/recomputes': {
    // Each actor starts its own: the previous actor's run no longer counts as running. A past month no other fixture
    // uses (the recompute removes a month's rows of people it does not compute).
    before: async (pw) => {
      await pw.w.ds.getRepository(TalentRecomputeRun).update({ corpId: pw.w.corpId, activeCorp: pw.w.corpId }, { activeCorp: null, state: 'failed' });
    },
    call: () => ({ path: '/api/v1/talent/recomputes', json: { period: '2025-01' } }),
  },
  'GET /api/v1/talent/recomputes/:id': { call: async (pw) => ({ path: `/api/v1/talent/recomputes/${await finishedRun(pw)}` }) },
  'POST /api/v1/talent/people/:userid/decisions': {
    call: async (pw) => ({
      path: `/api/v1/talent/people/${pw.target}/decisions`,
      json: { period: '2031-01', jobModelId: (await targetScore(pw)).jobModelId, kind: 'override', tier: 'move', reason: '矩阵：刚签下两个大客户' },
    }),
  },
  'GET /api/v1/talent/people/:userid': { call: (pw) => ({ path: `/api/v1/talent/people/${pw.target}` }) },
  'GET /api/v1/talent/metric-references': { call: () => ({ path: '/api/v1/talent/metric-references' }) },
  'PUT /api/v1/talent/metric-references/:metric': {
    call: (_pw, actor) => ({ path: '/api/v1/talent/metric-references/bigCycleDays', json: { value: '30', note: `矩阵：行业平均 ${actor}` } }),
  },
  'GET /api/v1/people/:userid/portrait/metrics/:metric/sources': {
    call: (pw) => ({ path: `/api/v1/people/${pw.target}/portrait/metrics/bigCycleDays/sources?period=2031-01` }),
  },
  'POST /api/v1/job-models': { call: (_pw, actor) => ({ path: '/api/v1/job-models', json: { code: `matrix-new-jm-${actor}`, name: `矩阵新建 ${actor}` } }) },
  'GET /api/v1/job-models/:id': { call: async (pw, actor) => ({ path: `/api/v1/job-models/${(await actorModel(pw, actor)).id}` }) },
  'POST /api/v1/job-models/:id/versions': {
    call: async (pw, actor) => ({
      path: `/api/v1/job-models/${(await actorModel(pw, actor)).id}/versions`,
      json: { effectiveFrom: '2040-01-01', note: '矩阵新草稿', definition: DEFINITION },
    }),
  },
  'POST /api/v1/job-models/:versionId/preview': {
    call: async (pw, actor) => ({
      path: `/api/v1/job-models/${(await actorModel(pw, actor)).publishedId}/preview`,
      json: { inputs: { insight: 24, coordination: 8, maintenance: 85 } },
    }),
  },
  'GET /api/v1/job-model-versions/:versionId/impact': {
    call: async (pw, actor) => ({ path: `/api/v1/job-model-versions/${(await actorModel(pw, actor)).publishedId}/impact` }),
  },
  'PUT /api/v1/job-model-versions/:id': {
    call: async (pw, actor) => ({
      path: `/api/v1/job-model-versions/${(await actorModel(pw, actor)).editDraftId}`,
      json: { effectiveFrom: '2041-02-01', effectiveTo: '2041-12-31', note: '矩阵草稿：已修改', definition: DEFINITION },
    }),
  },
  'POST /api/v1/job-model-versions/:id/publish': {
    call: async (pw, actor) => ({ path: `/api/v1/job-model-versions/${(await actorModel(pw, actor)).publishDraftId}/publish`, json: {} }),
  },
  'POST /api/v1/job-model-versions/:id/copy': {
    call: async (pw, actor) => ({
      path: `/api/v1/job-model-versions/${(await actorModel(pw, actor)).publishedId}/copy`,
      json: { effectiveFrom: '2042-01-01', note: '矩阵复制' },
    }),
  },
};
