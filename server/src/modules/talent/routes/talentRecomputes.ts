/**
 * On-demand recomputes (HR and admins, 人才盘点 → 重新计算): POST /api/v1/talent/recomputes starts one for a month
 * (default: the last complete one) or answers the corp's running one; GET /api/v1/talent/recomputes/:id is its
 * progress for the page's progress bar (404 for another corp's run).
 */
import Router from '@koa/router';
import { addMonths } from '@liucai/shared';
import type { AppDeps, AppState } from '../../../appTypes';
import { validate } from '../../../middleware/validate';
import { notFound, validationError } from '../../../errors';
import { shanghaiDate } from '../../../util/dates';
import { assertTalentAdmin } from '../policies/talentAdmin';
import { lastCompletePeriod } from '../jobs/talentJobs';
import { recomputeRunOf, startRecompute } from '../commands/recomputeRuns';
import { presentRecomputeRun } from '../presenters/recomputeRunPresenter';
import { RecomputeBodySchema, RecomputeIdParamSchema, TALENT_FIELD_LABELS } from './schema';

export function talentRecomputeRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/talent/recomputes' });

  r.post('/', async (ctx) => {
    const actor = ctx.state.actor!;
    assertTalentAdmin(actor);
    const body = validate(RecomputeBodySchema, ctx.request.body ?? {}, TALENT_FIELD_LABELS);
    const thisMonth = shanghaiDate(new Date()).slice(0, 7);
    if (body.period && body.period > thisMonth) throw validationError([{ field: 'period', label: '月份', message: '不能晚于本月' }]);
    if (body.period && body.period < addMonths(thisMonth, -36)) throw validationError([{ field: 'period', label: '月份', message: '只能重新计算近 36 个月' }]);
    const { run, started } = await startRecompute(deps.ds, deps.jobs, actor, body.period ?? lastCompletePeriod());
    ctx.status = started ? 202 : 200;
    ctx.body = { ok: true, data: { ...presentRecomputeRun(run), started } };
  });

  r.get('/:id', async (ctx) => {
    const actor = ctx.state.actor!;
    assertTalentAdmin(actor);
    const { id } = validate(RecomputeIdParamSchema, ctx.params, TALENT_FIELD_LABELS);
    const run = await recomputeRunOf(deps.ds, actor.corpId, id);
    if (!run) throw notFound('计算任务');
    ctx.body = { ok: true, data: presentRecomputeRun(run) };
  });
  return r;
}
