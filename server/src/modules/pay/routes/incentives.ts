/**
 * Everyone's incentives: GET /api/v1/incentives/mine (my plan today and the plan before it, with their
 * definitions, so the micro-app can compute in the browser) and POST /api/v1/incentives/simulate (the same
 * computation on the server).
 */
import Router from '@koa/router';
import { notFound } from '../../../errors';
import { keptUserRow } from '../../people/policies/peopleScope';
import { validate } from '../../../middleware/validate';
import type { AppDeps, AppState } from '../../../appTypes';
import { shanghaiDate } from '../../../util/dates';
import { incentivesOn } from '../queries/incentivesOn';
import { simulatePayout } from '../commands/payoutSimulator';
import { PAY_FIELD_LABELS, SimulateBodySchema } from './schema';

export function incentiveRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/incentives' });

  r.get('/mine', async (ctx) => {
    const actor = ctx.state.actor!;
    const today = shanghaiDate(new Date());
    const me = await keptUserRow(deps.ds, actor, actor.userid);
    if (!me) throw notFound('员工');
    ctx.body = { ok: true, data: await incentivesOn(deps.ds, me, today, actor) };
  });

  r.post('/simulate', async (ctx) => {
    const body = validate(SimulateBodySchema, ctx.request.body ?? {}, PAY_FIELD_LABELS);
    ctx.body = { ok: true, data: await simulatePayout(deps.ds, ctx.state.actor!, body, shanghaiDate(new Date())) };
  });

  return r;
}
