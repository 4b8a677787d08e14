import Router from '@koa/router';
import { assertHrOrAdmin } from '../../access/policies/admin';
import { deptScopeOf } from '../../access/policies/scope';
import { validate } from '../../../middleware/validate';
import { presentOrg, type OrgView } from '../presenters/org';
import { keptRead } from '../../../db/keptReads';
import { actorKey } from '../policies/peopleScope';
import { ORG_QUERY_LABELS, OrgQuerySchema } from './orgSchema';
import type { AppDeps, AppState } from '../../../appTypes';

/**
 * HR pages: the department tree within one's scope, a level at a time (the roots and their children first, then
 * `?parentId=` on expand), searched with `?q=`, or whole with `?all=1` for pickers.
 */
export function orgRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1' });
  r.get('/org/departments', async (ctx) => {
    const actor = ctx.state.actor!;
    assertHrOrAdmin(actor);
    const input = validate(OrgQuerySchema, ctx.query, ORG_QUERY_LABELS);
    const view: OrgView =
      input.parentId !== undefined
        ? { kind: 'children', parentId: input.parentId }
        : input.q
          ? { kind: 'search', q: input.q }
          : input.all
            ? { kind: 'all' }
            : { kind: 'roots' };
    // The picker (`?all=1`) names departments only: no managers, so it is answered from the kept departments.
    // Kept while no department or person changed (managers and head counts come from the people).
    const data = await keptRead(deps.ds, actor, ['org', 'people'], ['org', actorKey(actor), view], () =>
      presentOrg(deps.ds, actor.corpId, deptScopeOf(actor), view, { managers: view.kind !== 'all' }),
    );
    ctx.body = { ok: true, data };
  });

  return r;
}
