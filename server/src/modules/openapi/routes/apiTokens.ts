/**
 * 开放接口令牌 (HR and admins): GET /api/v1/api-tokens (one's own tokens; an admin, all of the corp's), POST (create
 * `{ name }`; the token is in this answer only) and POST /:id/revoke. Others 403; someone else's token 404.
 */
import Router from '@koa/router';
import { In, type DataSource } from 'typeorm';
import type { ApiTokenView, UserRef } from '@liucai/shared';
import { ApiToken } from '../../../entities';
import { validate } from '../../../middleware/validate';
import type { Actor, AppDeps, AppState } from '../../../appTypes';
import { assertPayAdmin } from '../../pay/policies/payAdmin';
import { userRefs } from '../../pay/presenters/userRefs';
import { ApiTokenCreateSchema, IdParamSchema, PAY_FIELD_LABELS } from '../../pay/routes/schema';
import { createApiToken, revokeApiToken } from '../commands/apiTokenCommands';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

async function presentTokens(ds: DataSource, corpId: string, rows: ApiToken[]): Promise<ApiTokenView[]> {
  const users = await userRefs(
    ds,
    corpId,
    rows.flatMap((t) => [t.createdBy, t.revokedBy]),
  );
  const who = (u: string): UserRef => users.get(u) ?? { userid: u, name: u, title: null };
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdBy: who(t.createdBy),
    createdAt: iso(t.createdAt)!,
    lastUsedAt: iso(t.lastUsedAt),
    revokedAt: iso(t.revokedAt),
    revokedBy: t.revokedBy ? who(t.revokedBy) : null,
  }));
}

export function apiTokenRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/api-tokens' });
  const manager = (actor: Actor | undefined): Actor => {
    assertPayAdmin(actor!);
    return actor!;
  };

  r.get('/', async (ctx) => {
    const actor = manager(ctx.state.actor);
    const where = actor.roles.includes('admin') ? { corpId: actor.corpId } : { corpId: actor.corpId, createdBy: In([actor.userid]) };
    const rows = await deps.ds.getRepository(ApiToken).find({ where, order: { id: 'DESC' } });
    ctx.body = { ok: true, data: await presentTokens(deps.ds, actor.corpId, rows) };
  });

  r.post('/', async (ctx) => {
    const actor = manager(ctx.state.actor);
    const { name } = validate(ApiTokenCreateSchema, ctx.request.body, PAY_FIELD_LABELS);
    const { token, row } = await createApiToken(deps.ds, actor, name);
    ctx.status = 201;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { ok: true, data: { ...(await presentTokens(deps.ds, actor.corpId, [row]))[0], token } };
  });

  r.post('/:id/revoke', async (ctx) => {
    const actor = manager(ctx.state.actor);
    const { id } = validate(IdParamSchema, ctx.params, PAY_FIELD_LABELS);
    const row = await revokeApiToken(deps.ds, actor, id);
    ctx.body = { ok: true, data: (await presentTokens(deps.ds, actor.corpId, [row]))[0] };
  });

  return r;
}
