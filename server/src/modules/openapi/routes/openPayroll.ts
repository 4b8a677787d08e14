/**
 * The open API for ERP/OA: GET /open/v1/payout-runs/:id/payroll with `Authorization: Bearer lct_…` (an open-API
 * token; no session, no cookie). A published run's payroll in the export's documented layout
 * (shared/src/pay/payrollLayout.ts): `format=json` (default) the two tables cell for cell, `csv` / `xlsx` the same
 * files as 发放批次's export. The token acts as its creator: HR within the run's department or an admin (others 403,
 * a run outside 404, not published 409); each read is audited as `pay.run.export` with the token.
 */
import Router from '@koa/router';
import { PAYROLL_LINE_COLUMNS, PAYROLL_SUMMARY_COLUMNS, payrollLineRows, payrollSummaryRow, type OpenPayroll } from '@liucai/shared';
import { Department } from '../../../entities';
import { validate } from '../../../middleware/validate';
import type { AppDeps, AppState } from '../../../appTypes';
import { sendTables } from '../../../util/tableFile';
import { assertPayAdmin } from '../../pay/policies/payAdmin';
import { payrollFileName, payrollSheets } from '../../pay/presenters/payrollExport';
import { payrollOfRun } from '../../pay/queries/payrollOfRun';
import { IdParamSchema, OpenPayrollQuerySchema, PAY_FIELD_LABELS } from '../../pay/routes/schema';
import { actorOfBearer } from '../auth/apiTokens';

export function openPayrollRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/open/v1' });

  r.get('/payout-runs/:id/payroll', async (ctx) => {
    const { actor, token } = await actorOfBearer(deps.ds, deps.corp.corpId, ctx.get('authorization') || undefined);
    assertPayAdmin(actor);
    const { id } = validate(IdParamSchema, ctx.params, PAY_FIELD_LABELS);
    const { format } = validate(OpenPayrollQuerySchema, ctx.query, PAY_FIELD_LABELS);
    const { run, people } = await payrollOfRun(deps.ds, actor, id, { format, via: 'open-api', tokenId: token.id });
    ctx.set('Cache-Control', 'no-store');
    if (format !== 'json') {
      await sendTables(ctx, format, payrollFileName(run), payrollSheets(people));
      return;
    }
    const dept = await deps.ds.getRepository(Department).findOneBy({ corpId: run.corpId, deptId: run.deptId });
    const data: OpenPayroll = {
      run: {
        id: run.id,
        period: run.period,
        deptId: Number(run.deptId),
        deptName: dept?.name ?? '',
        publishedAt: run.publishedAt ? new Date(run.publishedAt).toISOString() : null,
        totalFen: Number(run.totalFen),
        people: people.length,
      },
      summary: { columns: PAYROLL_SUMMARY_COLUMNS, rows: people.map(payrollSummaryRow) },
      lines: { columns: PAYROLL_LINE_COLUMNS, rows: people.flatMap(payrollLineRows) },
    };
    ctx.body = { ok: true, data };
  });

  return r;
}
