/**
 * Plan assignments (HR within its departments, admins): list, create, and a person's resolved plan. A person or a
 * department outside the caller's scope answers 404.
 */
import Router from '@koa/router';
import { notFound } from '../../../errors';
import { validate } from '../../../middleware/validate';
import type { Actor, AppDeps, AppState } from '../../../appTypes';
import { shanghaiDate } from '../../../util/dates';
import { assertPayAdmin } from '../policies/payAdmin';
import { payVisiblePerson } from '../policies/payScope';
import { createPlanAssignment } from '../commands/planAssignmentCreator';
import { visibleAssignments } from '../queries/visibleAssignments';
import { incentivesOn } from '../queries/incentivesOn';
import { presentAssignments } from '../presenters/assignmentPresenter';
import { AssignmentBodySchema, AssignmentsQuerySchema, PAY_FIELD_LABELS, PersonPlanQuerySchema } from './schema';

export function planAssignmentRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/incentives' });
  const admin = (actor: Actor | undefined): Actor => {
    assertPayAdmin(actor!);
    return actor!;
  };

  r.get('/assignments', async (ctx) => {
    const actor = admin(ctx.state.actor);
    const filter = validate(AssignmentsQuerySchema, ctx.query, PAY_FIELD_LABELS);
    if (filter.userid && !(await payVisiblePerson(deps.ds, actor, filter.userid))) throw notFound('员工');
    ctx.body = { ok: true, data: await presentAssignments(deps.ds, actor.corpId, await visibleAssignments(deps.ds, actor, filter)) };
  });

  r.post('/assignments', async (ctx) => {
    const actor = admin(ctx.state.actor);
    const body = validate(AssignmentBodySchema, ctx.request.body, PAY_FIELD_LABELS);
    const dates = { effectiveFrom: body.effectiveFrom, effectiveTo: body.effectiveTo ?? null };
    const row = await createPlanAssignment(
      deps.ds,
      actor,
      body.userid !== undefined
        ? { planId: body.planId, userid: body.userid, ...dates }
        : { planId: body.planId, jobTitle: body.jobTitle!, deptId: body.deptId!, ...dates },
    );
    ctx.state.log.info(
      { audit: 'incentive_assignment_created', by: actor.userid, assignmentId: row.id, planId: row.planId, userid: row.userid, jobTitle: row.jobTitle },
      'audit',
    );
    ctx.status = 201;
    ctx.body = { ok: true, data: (await presentAssignments(deps.ds, actor.corpId, [row]))[0] };
  });

  r.get('/people/:userid/plan', async (ctx) => {
    const actor = admin(ctx.state.actor);
    const userid = ctx.params.userid ?? '';
    const { date } = validate(PersonPlanQuerySchema, ctx.query, PAY_FIELD_LABELS);
    // The row the scope check read (a person outside the actor's pay scope, or unknown: 404 alike).
    const person = await payVisiblePerson(deps.ds, actor, userid);
    if (!person) throw notFound('员工');
    ctx.body = { ok: true, data: await incentivesOn(deps.ds, person, date ?? shanghaiDate(new Date()), actor) };
  });

  return r;
}
