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
import { recordAudit } from '../../../audit/commands/auditRecorder';
import type { Actor, AppDeps, AppState } from '../../../../appTypes';
import { HrScopeUpdateSchema, UserSearchSchema } from './schema';

/** Each HR user's departments with their name card: one statement (the scopes joined to their people). */
async function presentScopes(deps: AppDeps, actor: Actor, userids?: string[]): Promise<HrScopeEntry[]> {
  const { corpId } = actor;
  // tenancy: the corp's scopes and their people in the same corp.
  const qb = deps.ds
    .getRepository(HrScope)
    .createQueryBuilder('h')
    .leftJoin(User, 'u', 'u.corp_id = h.corp_id AND u.userid = h.userid')
    .select('h.userid', 'userid')
    .addSelect('h.dept_id', 'deptId')
    .addSelect('u.name', 'name')
    .addSelect('u.title', 'title')
    .where('h.corp_id = :corpId', { corpId })
    .orderBy('h.userid', 'ASC')
    .addOrderBy('h.dept_id', 'ASC');
  if (userids) qb.andWhere('h.userid IN (:...userids)', { userids });
  const rows = await qb.getRawMany<{ userid: string; deptId: number | string; name: string | null; title: string | null }>();
  const depts = await loadDepartmentIndex(deps.ds, corpId, actor.orgVersion);
  const byUser = new Map<string, HrScopeEntry>();
  for (const r of rows) {
    let entry = byUser.get(r.userid);
    if (!entry) {
      entry = { user: { userid: r.userid, name: r.name ?? r.userid, title: r.title ?? null }, departments: [] };
      byUser.set(r.userid, entry);
    }
    const deptId = Number(r.deptId);
    entry.departments.push(depts.ref(deptId) ?? { id: deptId, name: `#${deptId}`, path: `#${deptId}` });
  }
  return [...byUser.values()];
}

/** Admin: who is HR and which departments each HR may see; people search for picking HR users. */
export function adminRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/admin' });
  r.use(async (ctx, next) => {
    assertAdmin(ctx.state.actor!);
    await next();
  });

  r.get('/hr-scopes', async (ctx) => {
    ctx.body = { ok: true, data: await presentScopes(deps, ctx.state.actor!) };
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
    // Who may see whose data changes: recorded in the audit log in the same transaction.
    await deps.ds.transaction(async (em) => {
      await em.delete(HrScope, { corpId: actor.corpId, userid });
      await em.insert(
        HrScope,
        ids.map((deptId) => ({ corpId: actor.corpId, userid, deptId, grantedBy: actor.userid, grantedAt: new Date() })),
      );
      await recordAudit(em, actor, {
        action: 'access.hrScope.set',
        targetKind: 'hr_scope',
        targetId: userid,
        subjectUserid: userid,
        detail: { departmentIds: ids },
      });
    });
    ctx.state.log.info({ audit: 'hr_scope_set', by: actor.userid, userid, departmentIds: ids }, 'audit');
    const [entry] = await presentScopes(deps, actor, [userid]);
    ctx.body = { ok: true, data: entry };
  });

  r.delete('/hr-scopes/:userid', async (ctx) => {
    const actor = ctx.state.actor!;
    const userid = ctx.params.userid ?? '';
    await deps.ds.transaction(async (em) => {
      const res = await em.delete(HrScope, { corpId: actor.corpId, userid });
      if (!res.affected) throw notFound('HR 角色');
      await recordAudit(em, actor, { action: 'access.hrScope.remove', targetKind: 'hr_scope', targetId: userid, subjectUserid: userid });
    });
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
