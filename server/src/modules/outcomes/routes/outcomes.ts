/**
 * 转型看板 API (HR only, within its departments; others 403): GET /api/v1/outcomes (the numbers by month, for all or
 * by department or tier), GET /api/v1/outcomes/people (the people behind one number; a group outside scope lists
 * nobody), GET /api/v1/outcomes/export (.xlsx) and GET /api/v1/outcomes/atmosphere (团队氛围's further pages, `page`
 * and `pageSize`: the dashboard answers the first). Read from the rows the outcomes job stored; each view is audited
 * (the board shows risk counts, the drill-down names people).
 */
import Router from '@koa/router';
import {
  compareZh,
  OUTCOME_EXPORT_COLUMNS,
  OUTCOME_METRIC_INFO,
  OUTCOME_METRICS,
  outcomeExportRows,
  outcomePeople,
  zh,
  type OutcomePeopleView,
} from '@liucai/shared';
import type { AppDeps, AppState } from '../../../appTypes';
import { validate } from '../../../middleware/validate';
import { recordReadAudit } from '../../audit/commands/auditRecorder';
import { sendTables } from '../../../util/tableFile';
import { outcomesScopeOf } from '../policies/outcomesScope';
import { departmentNames, peopleLines } from '../queries/outcomeFacts';
import { presentDashboard, scopedFacts } from '../presenters/dashboardPresenter';
import { keptRead } from '../../../db/keptReads';
import { actorKey } from '../../people/policies/peopleScope';
import { AtmosphereQuerySchema, DashboardQuerySchema, OUTCOMES_FIELD_LABELS, PeopleQuerySchema } from './schema';
import { atmosphereViews } from '../../pulse/queries/atmosphereViews';

export function outcomesRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/outcomes' });

  r.get('/', async (ctx) => {
    const actor = ctx.state.actor!;
    const os = await outcomesScopeOf(deps.ds, actor);
    const { by } = validate(DashboardQuerySchema, ctx.query, OUTCOMES_FIELD_LABELS);
    // Kept while no stored sum, atmosphere, person or department changed; the view is audited every time.
    const data = await keptRead(deps.ds, actor, ['org', 'people', 'outcomes'], ['outcomes', actorKey(actor), by], () => presentDashboard(deps.ds, os, by));
    await recordReadAudit(deps.ds, actor, { action: 'outcomes.dashboard.read', targetKind: 'outcomes', targetId: by, detail: { by, months: data.months } });
    ctx.body = { ok: true, data };
  });

  r.get('/atmosphere', async (ctx) => {
    const actor = ctx.state.actor!;
    const os = await outcomesScopeOf(deps.ds, actor);
    const page = validate(AtmosphereQuerySchema, ctx.query, OUTCOMES_FIELD_LABELS);
    const data = await atmosphereViews(deps.ds, os.scope.corpId, os.scope.deptIds, page);
    await recordReadAudit(deps.ds, actor, {
      action: 'outcomes.atmosphere.read',
      targetKind: 'outcomes',
      targetId: `atmosphere:${page.page}`,
      detail: { ...page, total: data.total },
    });
    ctx.body = { ok: true, data };
  });

  r.get('/people', async (ctx) => {
    const actor = ctx.state.actor!;
    const os = await outcomesScopeOf(deps.ds, actor);
    const q = validate(PeopleQuerySchema, ctx.query, OUTCOMES_FIELD_LABELS);
    const sf = await scopedFacts(deps.ds, os);
    const lines = outcomePeople(sf.facts, q.metric, q.month, q.group, os.riskVisible, q.key);
    const who = await peopleLines(
      deps.ds,
      actor.corpId,
      lines.map((l) => l.userid),
    );
    const names = await departmentNames(
      deps.ds,
      actor.corpId,
      [...who.values()].map((p) => p.deptId).filter((d): d is number => d !== null),
    );
    const people = lines
      .map((l) => {
        const p = who.get(l.userid);
        return { ...l, name: p?.name ?? l.userid, deptName: p?.deptId != null ? (names.get(p.deptId) ?? null) : null };
      })
      .sort((a, b) => Number(b.counted) - Number(a.counted) || compareZh(a.name, b.name));
    await recordReadAudit(deps.ds, actor, {
      action: 'outcomes.people.read',
      targetKind: 'outcomes',
      targetId: `${q.metric}:${q.month}`,
      detail: { ...q, userids: people.map((p) => p.userid) },
    });
    const data: OutcomePeopleView = { metric: q.metric, month: q.month, group: q.group, key: q.key ?? null, people };
    ctx.body = { ok: true, data };
  });

  r.get('/export', async (ctx) => {
    const actor = ctx.state.actor!;
    const os = await outcomesScopeOf(deps.ds, actor);
    const { by } = validate(DashboardQuerySchema, ctx.query, OUTCOMES_FIELD_LABELS);
    const d = await presentDashboard(deps.ds, os, by);
    const rows = outcomeExportRows(d);
    await recordReadAudit(deps.ds, actor, {
      action: 'outcomes.export',
      targetKind: 'outcomes',
      targetId: by,
      detail: { by, months: d.months, rows: rows.length },
    });
    const last = d.months.at(-1) ?? 'none';
    await sendTables(ctx, 'xlsx', { asciiName: `outcomes-${last}`, name: zh`转型看板-${last}` }, [
      { name: '转型看板', header: OUTCOME_EXPORT_COLUMNS, rows },
      {
        name: '定义',
        header: ['指标', '定义'],
        rows: OUTCOME_METRICS.map((m) => [OUTCOME_METRIC_INFO[m].label, OUTCOME_METRIC_INFO[m].definition]),
        wide: ['定义'],
      },
    ]);
  });

  return r;
}
