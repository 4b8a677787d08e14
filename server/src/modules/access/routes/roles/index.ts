import Router from '@koa/router';
import { In, Like } from 'typeorm';
import type { HrScopeEntry } from '@liucai/shared';
import { Department, HrScope, User } from '../../../../entities';
import { notFound, validationError } from '../../../../errors';
import { assertAdmin } from '../../policies/admin';
import { canHoldHrScope } from '../../policies/hrScopeGrant';
import { loadDepartmentIndex } from '../../../people/queries/departmentIndex';
import { validate } from '../../../../middleware/validate';
import { keptRead } from '../../../../db/keptReads';
import type { AppDeps, AppState } from '../../../../appTypes';
import { HrScopeUpdateSchema, UserSearchSchema } from './schema';

async function presentScopes(deps: AppDeps, corpId: string, userids?: string[]): Promise<HrScopeEntry[]> {
  const scopes = await deps.ds
    .getRepository(HrScope)
    .find({ where: { corpId, ...(userids ? { userid: In(userids) } : {}) }, order: { userid: 'ASC', deptId: 'ASC' } });
  const ids = [...new Set(scopes.map((s) => s.userid))];
  const users = new Map((ids.length ? await deps.ds.getRepository(User).findBy({ corpId, userid: In(ids) }) : []).map((u) => [u.userid, u]));
  const depts = await loadDepartmentIndex(deps.ds, corpId);
  return ids.map((userid) => {
    const u = users.get(userid);
    return {
      user: { userid, name: u?.name ?? userid, title: u?.title ?? null },
      departments: scopes.filter((s) => s.userid === userid).map((s) => depts.ref(s.deptId) ?? { id: s.deptId, name: `#${s.deptId}`, path: `#${s.deptId}` }),
    };
  });
}

/** Admin: who is HR and which departments each HR may see; people search for picking HR users. */
export function adminRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/admin' });
  r.use(async (ctx, next) => {
    assertAdmin(ctx.state.actor!);
    await next();
  });

  r.get('/hr-scopes', async (ctx) => {
    ctx.body = { ok: true, data: await presentScopes(deps, ctx.state.actor!.corpId) };
  });

  r.put('/hr-scopes/:userid', async (ctx) => {
    const actor = ctx.state.actor!;
    const userid = ctx.params.userid ?? '';
    const input = validate(HrScopeUpdateSchema, ctx.request.body);
    const user = await deps.ds.getRepository(User).findOneBy({ corpId: actor.corpId, userid });
    if (!canHoldHrScope(actor, user)) throw notFound('在职员工');
    const ids = [...new Set(input.departmentIds)];
    const found = await deps.ds.getRepository(Department).findBy({ corpId: actor.corpId, deptId: In(ids), active: true });
    const missing = ids.filter((id) => !found.some((d) => d.deptId === id));
    if (missing.length) throw validationError(missing.map((id) => ({ field: 'departmentIds', message: `部门 ${id} 不存在` })));
    await deps.ds.transaction(async (em) => {
      await em.delete(HrScope, { corpId: actor.corpId, userid });
      await em.insert(
        HrScope,
        ids.map((deptId) => ({ corpId: actor.corpId, userid, deptId, grantedBy: actor.userid, grantedAt: new Date() })),
      );
    });
    ctx.state.log.info({ audit: 'hr_scope_set', by: actor.userid, userid, departmentIds: ids }, 'audit');
    const [entry] = await presentScopes(deps, actor.corpId, [userid]);
    ctx.body = { ok: true, data: entry };
  });

  r.delete('/hr-scopes/:userid', async (ctx) => {
    const actor = ctx.state.actor!;
    const userid = ctx.params.userid ?? '';
    const res = await deps.ds.getRepository(HrScope).delete({ corpId: actor.corpId, userid });
    if (!res.affected) throw notFound('HR 角色');
    ctx.state.log.info({ audit: 'hr_scope_removed', by: actor.userid, userid }, 'audit');
    ctx.body = { ok: true, data: {} };
  });

  r.get('/users', async (ctx) => {
    const { q: raw } = validate(UserSearchSchema, ctx.query);
    const q = raw.replace(/[%_\\]/g, (c) => `\\${c}`);
    const actor = ctx.state.actor!;
    const corpId = actor.corpId;
    // Kept while no person changed (a LIKE over every active name of the corp).
    ctx.body = { ok: true, data: await keptRead(deps.ds, actor, ['people'], ['adminUsers', raw], () => searchUsers(deps, corpId, raw, q)) };
  });
  return r;
}

/** Up to 20 active people whose name contains `q` (escaped for LIKE) or whose userid is `raw`, by name. */
async function searchUsers(deps: AppDeps, corpId: string, raw: string, q: string): Promise<{ userid: string; name: string; title: string | null }[]> {
  // tenancy: the corp's active people.
  const users = await deps.ds.getRepository(User).find({
    where: q
      ? [
          { corpId, status: 'active', name: Like(`%${q}%`) },
          { corpId, status: 'active', userid: raw },
        ]
      : { corpId, status: 'active' },
    order: { name: 'ASC' },
    take: 20,
  });
  return users.map((u) => ({ userid: u.userid, name: u.name, title: u.title }));
}
