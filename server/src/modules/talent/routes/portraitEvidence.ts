/**
 * The evidence behind a portrait metric: HR's reference values (GET/PUT /api/v1/talent/metric-references, HR and
 * admins; each change a new version and an audit event) and a metric's source rows
 * (GET /api/v1/people/:userid/portrait/metrics/:metric/sources, within the people scope, 404 outside). The medians
 * come with the portrait itself (GET /api/v1/talent/people/:userid), stored by the recompute job.
 */
import Router from '@koa/router';
import { z } from 'zod';
import { TALENT_INPUT_KEYS, talentInputInfo, zh, type MetricSources } from '@liucai/shared';
import type { AppDeps, AppState } from '../../../appTypes';
import { validate } from '../../../middleware/validate';
import { validationError } from '../../../errors';
import { TalentMetric } from '../../../entities';
import { loadDepartmentIndex } from '../../people/queries/departmentIndex';
import { findPersonInScope } from '../../people/queries/personInScope';
import { assertTalentAdmin } from '../policies/talentAdmin';
import { setMetricReference } from '../commands/metricReferenceSetter';
import { presentReference, referenceHistory, setterNames } from '../queries/metricReferences';
import { metricSourcesOf } from '../queries/metricSourcesOf';
import { periodOfKind } from '../queries/periodKinds';
import { PortraitPeriodSchema, TALENT_FIELD_LABELS } from './schema';

const SourcesQuerySchema = z.object({ period: PortraitPeriodSchema.optional() });
const ReferenceBodySchema = z.object({ value: z.union([z.string(), z.number(), z.null()]).optional(), note: z.string().nullish() });
const LABELS = { ...TALENT_FIELD_LABELS, value: '参考值', note: '说明', metric: '指标' } as const;

const unknownMetric = (metric: string) => validationError([{ field: 'metric', label: '指标', message: zh`未知的指标“${metric}”` }]);

export function portraitEvidenceRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1' });

  // HR and admins: every metric with the reference in force, and every version ever set (newest first).
  r.get('/talent/metric-references', async (ctx) => {
    const actor = ctx.state.actor!;
    assertTalentAdmin(actor);
    const history = await referenceHistory(deps.ds, actor.corpId);
    const names = await setterNames(deps.ds, actor.corpId, history);
    const views = history.map((h) => presentReference(h, names));
    ctx.body = {
      ok: true,
      data: {
        metrics: TALENT_INPUT_KEYS.map((metric) => {
          const info = talentInputInfo(metric)!;
          const inForce = views.find((v) => v.metric === metric);
          return { metric, label: info.label, unit: info.unit, means: info.means, reference: inForce && inForce.value !== null ? inForce : null };
        }),
        history: views,
      },
    };
  });

  // HR and admins: set (or clear, value null) a metric's reference; a new version, audited.
  r.put('/talent/metric-references/:metric', async (ctx) => {
    const actor = ctx.state.actor!;
    assertTalentAdmin(actor);
    const body = validate(ReferenceBodySchema, ctx.request.body ?? {}, LABELS);
    const saved = await setMetricReference(deps.ds, actor, ctx.params.metric ?? '', body);
    const names = await setterNames(deps.ds, actor.corpId, [saved]);
    ctx.body = { ok: true, data: presentReference(saved, names) };
  });

  // Within the people scope (404 outside): the rows a metric of a month or quarter was computed from.
  r.get('/people/:userid/portrait/metrics/:metric/sources', async (ctx) => {
    const actor = ctx.state.actor!;
    const q = validate(SourcesQuerySchema, ctx.query, LABELS);
    const depts = await loadDepartmentIndex(deps.ds, actor.corpId, actor.orgVersion);
    const { person } = await findPersonInScope(deps.ds, actor, ctx.params.userid ?? '', depts);
    const metric = ctx.params.metric ?? '';
    const info = talentInputInfo(metric);
    if (!info) throw unknownMetric(metric);
    let period = q.period;
    if (!period) {
      // tenancy: the person's newest portrait month in the corp.
      const newest = await deps.ds
        .getRepository(TalentMetric)
        .findOne({ where: { corpId: actor.corpId, userid: person.userid, period: periodOfKind('month') }, order: { period: 'DESC' } });
      if (!newest) throw validationError([{ field: 'period', label: '月份', message: '该员工还没有画像，请指定月份' }]);
      period = newest.period;
    }
    const found = await metricSourcesOf(deps.ds, actor.corpId, person.userid, metric, period, deps.config.crm.bigDealFen);
    const data: MetricSources = { userid: person.userid, metric, label: info.label, period, ...found };
    ctx.body = { ok: true, data };
  });
  return r;
}
