/**
 * 我的激励 statements (everyone, their own only): GET /api/v1/payout-statements/mine (published statements, newest
 * first, and this year's total), GET /api/v1/payout-statements/mine/:id (one, with its lines) and POST
 * /api/v1/payout-statements/mine/:id/disputes (dispute one line), and GET /api/v1/payout-statements/people/:userid
 * (员工档案 → 激励). A statement of a run not yet published, or someone else's, answers 404.
 */
import Router from '@koa/router';
import type { MyPayoutStatements } from '@liucai/shared';
import { PayoutRun, PayoutStatement } from '../../../entities';
import { notFound } from '../../../errors';
import { validate } from '../../../middleware/validate';
import type { AppDeps, AppState } from '../../../appTypes';
import { shanghaiDate } from '../../../util/dates';
import { presentPayoutStatement } from '../presenters/payoutRunPresenter';
import { DisputeBodySchema, IdParamSchema, PAY_FIELD_LABELS, UseridParamSchema } from './schema';
import { isPayAdmin } from '../policies/payAdmin';
import { payVisibleDepartmentIds, payVisiblePerson } from '../policies/payScope';
import { recordReadAudit } from '../../audit/commands/auditRecorder';
import { createDispute } from '../commands/disputeCreator';
import { presentDisputes } from '../presenters/disputePresenter';

export function payoutStatementRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/payout-statements' });

  /** A person's statements in the runs `allowed`, newest month first, and this year's published total. */
  const statementList = async (corpId: string, userid: string, allowed: (run: PayoutRun) => boolean): Promise<MyPayoutStatements> => {
    // tenancy: the person's statements in the corp, each with its run (same corp): one statement.
    const own = (await deps.ds
      .getRepository(PayoutStatement)
      .createQueryBuilder('s')
      .innerJoinAndMapOne('s.run', PayoutRun, 'r', 'r.corp_id = s.corp_id AND r.id = s.run_id')
      .where('s.corp_id = :corpId AND s.userid = :userid', { corpId, userid })
      .getMany()) as (PayoutStatement & { run: PayoutRun })[];
    const runOf = new Map(
      own
        .map((s) => s.run)
        .filter(allowed)
        .map((run) => [run.id, run]),
    );
    const year = shanghaiDate(new Date()).slice(0, 4);
    const statements = own
      .filter((s) => runOf.has(s.runId))
      .map((s) => {
        const run = runOf.get(s.runId)!;
        return {
          id: s.id,
          runId: run.id,
          period: run.period,
          runStatus: run.status,
          totalFen: Number(s.totalFen),
          publishedAt: run.publishedAt ? new Date(run.publishedAt).toISOString() : null,
        };
      })
      .sort((a, b) => (a.period === b.period ? b.id - a.id : a.period < b.period ? 1 : -1));
    const published = statements.filter((s) => s.runStatus === 'published' && s.period.startsWith(`${year}-`));
    return { statements, yearToDate: { year, totalFen: published.reduce((sum, s) => sum + s.totalFen, 0) } };
  };
  const publishedOnly = (run: PayoutRun) => run.status === 'published';

  r.get('/mine', async (ctx) => {
    const actor = ctx.state.actor!;
    ctx.body = { ok: true, data: await statementList(actor.corpId, actor.userid, publishedOnly) };
  });

  // 员工档案 → 激励: one's own published statements; HR (within its departments) and admins every run of theirs
  // (each statement then opens through GET /api/v1/payout-runs/:id/statements/:userid). Anyone else: 404. Audited.
  r.get('/people/:userid', async (ctx) => {
    const actor = ctx.state.actor!;
    const { userid } = validate(UseridParamSchema, ctx.params, PAY_FIELD_LABELS);
    if (userid === actor.userid) {
      ctx.body = { ok: true, data: await statementList(actor.corpId, userid, publishedOnly) };
      return;
    }
    if (!isPayAdmin(actor) || !(await payVisiblePerson(deps.ds, actor, userid))) throw notFound('员工');
    const depts = await payVisibleDepartmentIds(deps.ds, actor);
    const data = await statementList(actor.corpId, userid, (run) => depts.has(Number(run.deptId)));
    await recordReadAudit(deps.ds, actor, {
      action: 'pay.statement.list',
      targetKind: 'person',
      targetId: userid,
      subjectUserid: userid,
      detail: { statements: data.statements.length },
    });
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
