/**
 * 发放批次 (HR within its departments, admins): list runs with totals by department, create a run (queued for
 * computation), read one with each person's total, read one person's statement (audited), recompute a draft, lock,
 * approve, publish, and export a published run's payroll file (CSV or .xlsx, audited). A run whose department is outside the caller's departments answers 404.
 */
import Router from '@koa/router';
import { PayoutRun, PayoutStatement } from '../../../entities';
import { validate } from '../../../middleware/validate';
import type { Actor, AppDeps, AppState } from '../../../appTypes';
import { assertPayAdmin } from '../policies/payAdmin';
import { payVisibleDepartmentIds } from '../policies/payScope';
import { createPayoutRun } from '../commands/payoutRunCreator';
import { advancePayoutRun, recomputePayoutRun } from '../commands/payoutRunTransitions';
import { presentPayoutRunDetail, presentPayoutRuns, presentPayoutStatement } from '../presenters/payoutRunPresenter';
import { recordReadAudit } from '../../audit/commands/auditRecorder';
import { runNotFound } from '../payoutRunErrors';
import { payrollFileName, payrollSheets } from '../presenters/payrollExport';
import { payrollOfRun } from '../queries/payrollOfRun';
import { sendTables } from '../../../util/tableFile';
import { IdParamSchema, PAY_FIELD_LABELS, PayoutRunCreateSchema, PayoutRunsQuerySchema, PayrollQuerySchema, RunStatementParamsSchema } from './schema';
import { notFound } from '../../../errors';
import { keptRead } from '../../../db/keptReads';
import { actorKey } from '../../people/policies/peopleScope';

export function payoutRunRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/payout-runs' });
  const admin = (actor: Actor | undefined): Actor => {
    assertPayAdmin(actor!);
    return actor!;
  };
  /** The run, if the actor may administer its department. */
  const visibleRun = async (actor: Actor, id: number): Promise<PayoutRun> => {
    const run = await deps.ds.getRepository(PayoutRun).findOneBy({ corpId: actor.corpId, id });
    if (!run || !(await payVisibleDepartmentIds(deps.ds, actor)).has(Number(run.deptId))) throw runNotFound();
    return run;
  };
  const presentOne = async (actor: Actor, run: PayoutRun) => (await presentPayoutRuns(deps.ds, actor.corpId, [run]))[0];

  r.get('/', async (ctx) => {
    const actor = admin(ctx.state.actor);
    const { period } = validate(PayoutRunsQuerySchema, ctx.query, PAY_FIELD_LABELS);
    // Kept while the pay tables, the people (names) and the org are unchanged.
    const data = await keptRead(deps.ds, actor, ['org', 'people', 'pay'], ['payoutRuns', actorKey(actor), period ?? null], async () => {
      const depts = await payVisibleDepartmentIds(deps.ds, actor);
      // tenancy: the corp's runs, then those of the actor's departments.
      const runs = (
        await deps.ds.getRepository(PayoutRun).find({ where: { corpId: actor.corpId, ...(period ? { period } : {}) }, order: { period: 'DESC', id: 'DESC' } })
      ).filter((run) => depts.has(Number(run.deptId)));
      return presentPayoutRuns(deps.ds, actor.corpId, runs);
    });
    ctx.body = { ok: true, data };
  });

  r.post('/', async (ctx) => {
    const actor = admin(ctx.state.actor);
    const body = validate(PayoutRunCreateSchema, ctx.request.body, PAY_FIELD_LABELS);
    const run = await createPayoutRun(deps, actor, body);
    ctx.status = 202;
    ctx.body = { ok: true, data: await presentOne(actor, run) };
  });

  r.get('/:id', async (ctx) => {
    const actor = admin(ctx.state.actor);
    const { id } = validate(IdParamSchema, ctx.params, PAY_FIELD_LABELS);
    const run = await visibleRun(actor, id);
    const data = await presentPayoutRunDetail(deps.ds, actor.corpId, run);
    // Each person's total is someone else's pay: the read is audited.
    await recordReadAudit(deps.ds, actor, { action: 'pay.run.read', targetKind: 'payout_run', targetId: run.id, detail: { people: data.statements.length } });
    ctx.body = { ok: true, data };
  });

  r.get('/:id/statements/:userid', async (ctx) => {
    const actor = admin(ctx.state.actor);
    const { id, userid } = validate(RunStatementParamsSchema, ctx.params, PAY_FIELD_LABELS);
    const run = await visibleRun(actor, id);
    const statement = await deps.ds.getRepository(PayoutStatement).findOneBy({ corpId: actor.corpId, runId: run.id, userid });
    if (!statement) throw notFound('激励明细');
    const data = await presentPayoutStatement(deps.ds, actor.corpId, run, statement);
    if (userid !== actor.userid) {
      await recordReadAudit(deps.ds, actor, {
        action: 'pay.statement.read',
        targetKind: 'payout_statement',
        targetId: statement.id,
        subjectUserid: userid,
        detail: { runId: run.id, period: run.period },
      });
    }
    ctx.body = { ok: true, data };
  });

  r.post('/:id/recompute', async (ctx) => {
    const actor = admin(ctx.state.actor);
    const { id } = validate(IdParamSchema, ctx.params, PAY_FIELD_LABELS);
    await visibleRun(actor, id);
    ctx.status = 202;
    ctx.body = { ok: true, data: await presentOne(actor, await recomputePayoutRun(deps, actor, id)) };
  });

  r.get('/:id/payroll', async (ctx) => {
    const actor = admin(ctx.state.actor);
    const { id } = validate(IdParamSchema, ctx.params, PAY_FIELD_LABELS);
    const { format } = validate(PayrollQuerySchema, ctx.query, PAY_FIELD_LABELS);
    const { run, people } = await payrollOfRun(deps.ds, actor, id, { format });
    await sendTables(ctx, format, payrollFileName(run), payrollSheets(people));
  });

  for (const step of ['lock', 'approve', 'publish'] as const) {
    r.post(`/:id/${step}`, async (ctx) => {
      const actor = admin(ctx.state.actor);
      const { id } = validate(IdParamSchema, ctx.params, PAY_FIELD_LABELS);
      await visibleRun(actor, id);
      ctx.body = { ok: true, data: await presentOne(actor, await advancePayoutRun(deps, actor, id, step)) };
    });
  }

  return r;
}
