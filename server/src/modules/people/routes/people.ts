import Router from '@koa/router';
import { notFound } from '../../../errors';
import { validate } from '../../../middleware/validate';
import type { AppDeps, AppState } from '../../../appTypes';
import { listPeople } from '../queries/peopleDirectory';
import { loadDepartmentIndex } from '../queries/departmentIndex';
import { findPersonInScope } from '../queries/personInScope';
import { presentPersonProfile } from '../presenters/personProfile';
import { personTabAt } from '../tabs';
import { PageSchema, PeopleQuerySchema } from './schema';

/**
 * The people directory and the person page (员工档案). Everything is limited to the people the actor may see
 * (peopleScope.ts): HR its departments, a supervisor their direct reports, everyone themself, admins everyone.
 * A person outside that answers 404 on the page and on every tab.
 */
export function peopleRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/people' });

  r.get('/', async (ctx) => {
    const { page, pageSize, ...filters } = validate(PeopleQuerySchema, ctx.query);
    ctx.body = { ok: true, data: await listPeople(deps.ds, ctx.state.actor!, filters, { page, pageSize }) };
  });

  r.get('/:userid', async (ctx) => {
    const actor = ctx.state.actor!;
    const depts = await loadDepartmentIndex(deps.ds, actor.corpId, actor.orgVersion);
    const { person, scope } = await findPersonInScope(deps.ds, actor, ctx.params.userid ?? '', depts);
    ctx.body = { ok: true, data: await presentPersonProfile(deps.ds, actor, person, scope, depts) };
  });

  r.get('/:userid/:tab', async (ctx) => {
    const actor = ctx.state.actor!;
    const tab = personTabAt(ctx.params.tab ?? '');
    if (!tab) throw notFound('档案栏目');
    const page = validate(PageSchema, ctx.query);
    const userid = ctx.params.userid ?? '';
    const person = tab.checksAccess?.(actor)
      ? { corpId: actor.corpId, userid }
      : (await findPersonInScope(deps.ds, actor, userid, await loadDepartmentIndex(deps.ds, actor.corpId, actor.orgVersion))).person;
    ctx.body = { ok: true, data: await tab.list({ ds: deps.ds, config: deps.config, actor, person, page }) };
  });
  return r;
}

/**
 * The departments the directory can be filtered by: an HR user's departments (with everything below them), every
 * department for an admin, none for others; in tree order, each named by its path.
 */
export function directoryRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/directory' });
  r.get('/departments', async (ctx) => {
    const actor = ctx.state.actor!;
    const depts = await loadDepartmentIndex(deps.ds, actor.corpId, actor.orgVersion);
    const visible = actor.roles.includes('admin')
      ? new Set(depts.departments.map((d) => d.deptId))
      : actor.roles.includes('hr')
        ? depts.subtree(actor.hrDeptIds)
        : new Set<number>();
    ctx.body = { ok: true, data: { departments: depts.listInTreeOrder(visible) } };
  });
  return r;
}
