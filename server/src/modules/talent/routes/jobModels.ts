/**
 * Job models (岗位能力模型) for HR and admins: /api/v1/job-models (list, create, read, new version),
 * /api/v1/job-model-versions/:id (edit draft, publish, copy) through pay's versioned-rule routes, the built-in
 * templates, the live preview POST /api/v1/job-models/:versionId/preview and a version's impact on everyone in scope
 * GET /api/v1/job-model-versions/:versionId/impact (both store nothing).
 */
import type Router from '@koa/router';
import { JOB_MODEL_TEMPLATES } from '@liucai/shared';
import type { AppDeps, AppState } from '../../../appTypes';
import type { JobModel, JobModelVersion } from '../../../entities';
import { validate } from '../../../middleware/validate';
import { ruleRoutes } from '../../pay/routes/ruleRoutes';
import { previewMatch } from '../commands/matchPreviewer';
import { versionImpact } from '../queries/versionImpact';
import { lastCompletePeriod, enqueueTalentRecompute } from '../jobs/talentJobs';
import { JOB_MODEL_FAMILY } from '../jobModelFamily';
import { assertTalentAdmin } from '../policies/talentAdmin';
import { presentJobModels, presentJobModelVersion } from '../presenters/jobModelPresenter';
import { PreviewBodySchema, TALENT_FIELD_LABELS, VersionIdParamSchema } from './schema';

export function jobModelRoutes(deps: AppDeps): Router<AppState> {
  const r = ruleRoutes(deps, {
    family: JOB_MODEL_FAMILY,
    prefix: '/api/v1',
    rules: 'job-models',
    versions: 'job-model-versions',
    audit: 'job_model',
    presentRules: (ds, corpId, rules, versions, today) => presentJobModels(ds, corpId, rules as JobModel[], versions as JobModelVersion[], today),
    presentVersion: (v, users) => presentJobModelVersion(v as JobModelVersion, users),
    assertAdmin: assertTalentAdmin,
    builtIns: JOB_MODEL_TEMPLATES,
    // A new version changes this month's scores: recompute them in the background.
    // The version is published whatever happens to the queue: a failed enqueue is caught up by the nightly run.
    afterPublish: (actor, v) =>
      enqueueTalentRecompute(deps.jobs, actor.corpId, lastCompletePeriod(), `publish-${v.id}`).catch((err: unknown) =>
        deps.log.warn({ err, versionId: v.id }, 'talent recompute after publish not enqueued'),
      ),
  });

  r.get('/job-model-templates', (ctx) => {
    assertTalentAdmin(ctx.state.actor!);
    ctx.body = { ok: true, data: JOB_MODEL_TEMPLATES };
  });

  // Every person in scope: stored score → the score under this version, and why (stores nothing).
  r.get('/job-model-versions/:versionId/impact', async (ctx) => {
    const actor = ctx.state.actor!;
    assertTalentAdmin(actor);
    const { versionId } = validate(VersionIdParamSchema, ctx.params, TALENT_FIELD_LABELS);
    ctx.body = { ok: true, data: await versionImpact(deps.ds, actor, versionId) };
  });

  r.post('/job-models/:versionId/preview', async (ctx) => {
    const actor = ctx.state.actor!;
    assertTalentAdmin(actor);
    const { versionId } = validate(VersionIdParamSchema, ctx.params, TALENT_FIELD_LABELS);
    const { inputs } = validate(PreviewBodySchema, ctx.request.body ?? {}, TALENT_FIELD_LABELS);
    ctx.body = { ok: true, data: await previewMatch(deps.ds, actor, versionId, inputs) };
  });
  return r;
}
