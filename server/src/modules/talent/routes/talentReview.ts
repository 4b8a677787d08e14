/**
 * The talent review (人才盘点): GET /api/v1/talent/review lists the stored match scores of the people in the
 * caller's scope (HR its departments, a supervisor their reports and themself, everyone themself, admins all) for a
 * month and job model, with the tier distribution; GET /api/v1/talent/people/:userid is one person's scores over the
 * months with the newest portrait, each metric with its value, sample size and what is missing (404 outside scope). Nothing is computed here: the talent.recompute job stores what is read.
 */
import Router from '@koa/router';
import type { TalentPersonScores, TalentReview, TalentTier } from '@liucai/shared';
import type { AppDeps, AppState } from '../../../appTypes';
import { validate } from '../../../middleware/validate';
import { loadDepartmentIndex } from '../../people/queries/departmentIndex';
import { findPersonInScope } from '../../people/queries/personInScope';
import { peopleScopeOf } from '../../people/policies/peopleScope';
import { presentScore } from '../presenters/talentScorePresenter';
import { jobModelName, latestScored, scoresInScope } from '../queries/talentScores';
import { portraitOf } from '../queries/portraitOf';
import { ReviewQuerySchema, TALENT_FIELD_LABELS } from './schema';

export function talentReviewRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/talent' });

  r.get('/review', async (ctx) => {
    const actor = ctx.state.actor!;
    const q = validate(ReviewQuerySchema, ctx.query, TALENT_FIELD_LABELS);
    const distribution: Record<TalentTier | 'insufficient', number> = { move: 0, train: 0, reassign: 0, insufficient: 0 };
    const found = await latestScored(deps.ds, actor.corpId, q.period);
    const jobModelId = q.jobModelId ?? found?.jobModelId;
    if (!found || jobModelId === undefined) {
      ctx.body = { ok: true, data: { period: q.period ?? null, jobModel: null, distribution, people: [] } satisfies TalentReview };
      return;
    }
    const [scope, depts, name] = await Promise.all([
      peopleScopeOf(deps.ds, actor),
      loadDepartmentIndex(deps.ds, actor.corpId),
      jobModelName(deps.ds, actor.corpId, jobModelId),
    ]);
    const people = (await scoresInScope(deps.ds, scope, { period: found.period, jobModelId })).map((row) => presentScore(row, depts));
    for (const p of people) distribution[p.tier ?? 'insufficient']++;
    const data: TalentReview = { period: found.period, jobModel: name === null ? null : { id: jobModelId, name }, distribution, people };
    ctx.body = { ok: true, data };
  });

  r.get('/people/:userid', async (ctx) => {
    const actor = ctx.state.actor!;
    const depts = await loadDepartmentIndex(deps.ds, actor.corpId);
    const { person, scope } = await findPersonInScope(deps.ds, actor, ctx.params.userid ?? '', depts);
    const rows = await scoresInScope(deps.ds, scope, { userid: person.userid });
    const data: TalentPersonScores = {
      userid: person.userid,
      name: person.name,
      scores: rows.map((row) => presentScore(row, depts)),
      portrait: await portraitOf(deps.ds, actor.corpId, person.userid),
    };
    ctx.body = { ok: true, data };
  });
  return r;
}
