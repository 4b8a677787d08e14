/**
 * 申诉: GET /api/v1/payout-disputes/mine (everyone: their own), GET /api/v1/payout-disputes (HR: the disputes of
 * people within its departments; admins: all) and POST /api/v1/payout-disputes/:id/resolve (HR within its
 * departments: an adjustment in the person's next run, or a rejection, with the reason).
 */
import Router from '@koa/router';
import { PayoutDispute } from '../../../entities';
import { validate } from '../../../middleware/validate';
import type { AppDeps, AppState } from '../../../appTypes';
import { assertPayAdmin } from '../policies/payAdmin';
import { payVisibleUserIds } from '../policies/payScope';
import { resolveDispute } from '../commands/disputeResolver';
import { presentDisputes } from '../presenters/disputePresenter';
import { DisputeResolveSchema, DisputesQuerySchema, IdParamSchema, PAY_FIELD_LABELS } from './schema';

export function payoutDisputeRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/payout-disputes' });

  r.get('/mine', async (ctx) => {
    const actor = ctx.state.actor!;
    const rows = await deps.ds.getRepository(PayoutDispute).find({ where: { corpId: actor.corpId, userid: actor.userid }, order: { id: 'DESC' } });
    ctx.body = { ok: true, data: await presentDisputes(deps.ds, actor.corpId, rows) };
  });

  r.get('/', async (ctx) => {
    const actor = ctx.state.actor!;
    assertPayAdmin(actor);
    const { status } = validate(DisputesQuerySchema, ctx.query, PAY_FIELD_LABELS);
    const rows = await deps.ds.getRepository(PayoutDispute).find({ where: { corpId: actor.corpId, ...(status ? { status } : {}) }, order: { id: 'DESC' } });
    const visible = await payVisibleUserIds(
      deps.ds,
      actor,
      rows.map((d) => d.userid),
    );
    ctx.body = {
      ok: true,
      data: await presentDisputes(
        deps.ds,
        actor.corpId,
        rows.filter((d) => visible.has(d.userid)),
      ),
    };
  });

  r.post('/:id/resolve', async (ctx) => {
    const actor = ctx.state.actor!;
    assertPayAdmin(actor);
    const { id } = validate(IdParamSchema, ctx.params, PAY_FIELD_LABELS);
    const body = validate(DisputeResolveSchema, ctx.request.body, PAY_FIELD_LABELS);
    const dispute = await resolveDispute(deps.ds, actor, id, body);
    ctx.body = { ok: true, data: (await presentDisputes(deps.ds, actor.corpId, [dispute]))[0] };
  });

  return r;
}
