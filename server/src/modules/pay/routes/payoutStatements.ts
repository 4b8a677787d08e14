/**
 * 我的激励 statements (everyone, their own only): GET /api/v1/payout-statements/mine (published statements, newest
 * first, and this year's total), GET /api/v1/payout-statements/mine/:id (one, with its lines) and POST
 * /api/v1/payout-statements/mine/:id/disputes (dispute one line). A statement of a run not yet published, or someone
 * else's, answers 404.
 */
import Router from '@koa/router';
import { In } from 'typeorm';
import type { MyPayoutStatements } from '@liucai/shared';
import { PayoutRun, PayoutStatement } from '../../../entities';
import { notFound } from '../../../errors';
import { validate } from '../../../middleware/validate';
import type { AppDeps, AppState } from '../../../appTypes';
import { shanghaiDate } from '../../../util/dates';
import { presentPayoutStatement } from '../presenters/payoutRunPresenter';
import { DisputeBodySchema, IdParamSchema, PAY_FIELD_LABELS } from './schema';
import { createDispute } from '../commands/disputeCreator';
import { presentDisputes } from '../presenters/disputePresenter';

export function payoutStatementRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/payout-statements' });

  r.get('/mine', async (ctx) => {
    const actor = ctx.state.actor!;
    const mine = await deps.ds.getRepository(PayoutStatement).find({ where: { corpId: actor.corpId, userid: actor.userid } });
    const runs = mine.length
      ? await deps.ds.getRepository(PayoutRun).find({ where: { corpId: actor.corpId, id: In(mine.map((s) => s.runId)), status: 'published' } })
      : [];
    const runOf = new Map(runs.map((run) => [run.id, run]));
    const year = shanghaiDate(new Date()).slice(0, 4);
    const statements = mine
      .filter((s) => runOf.has(s.runId))
      .map((s) => {
        const run = runOf.get(s.runId)!;
        return {
          id: s.id,
          runId: run.id,
          period: run.period,
          totalFen: Number(s.totalFen),
          publishedAt: run.publishedAt ? new Date(run.publishedAt).toISOString() : null,
        };
      })
      .sort((a, b) => (a.period === b.period ? b.id - a.id : a.period < b.period ? 1 : -1));
    const data: MyPayoutStatements = {
      statements,
      yearToDate: { year, totalFen: statements.filter((s) => s.period.startsWith(`${year}-`)).reduce((sum, s) => sum + s.totalFen, 0) },
    };
    ctx.body = { ok: true, data };
  });

  r.get('/mine/:id', async (ctx) => {
    const actor = ctx.state.actor!;
    const { id } = validate(IdParamSchema, ctx.params, PAY_FIELD_LABELS);
    const statement = await deps.ds.getRepository(PayoutStatement).findOneBy({ corpId: actor.corpId, id, userid: actor.userid });
    const run = statement ? await deps.ds.getRepository(PayoutRun).findOneBy({ corpId: actor.corpId, id: statement.runId, status: 'published' }) : null;
    if (!statement || !run) throw notFound('激励明细');
    ctx.body = { ok: true, data: await presentPayoutStatement(deps.ds, actor.corpId, run, statement) };
  });

  r.post('/mine/:id/disputes', async (ctx) => {
    const actor = ctx.state.actor!;
    const { id } = validate(IdParamSchema, ctx.params, PAY_FIELD_LABELS);
    const body = validate(DisputeBodySchema, ctx.request.body, PAY_FIELD_LABELS);
    const dispute = await createDispute(deps.ds, actor, id, body);
    ctx.status = 201;
    ctx.body = { ok: true, data: (await presentDisputes(deps.ds, actor.corpId, [dispute]))[0] };
  });

  return r;
}
