/** KPI scheme administration (HR and admins): /api/v1/kpi/templates, /schemes and /scheme-versions. */
import type Router from '@koa/router';
import { KPI_TEMPLATES } from '@liucai/shared';
import type { AppDeps, AppState } from '../../../appTypes';
import type { KpiScheme, KpiSchemeVersion } from '../../../entities';
import { KPI_FAMILY } from '../ruleFamilies';
import { assertPayAdmin } from '../policies/payAdmin';
import { presentKpiSchemes, presentKpiVersion } from '../presenters/kpiSchemePresenter';
import { ruleRoutes } from './ruleRoutes';

export function kpiSchemeRoutes(deps: AppDeps): Router<AppState> {
  const r = ruleRoutes(deps, {
    family: KPI_FAMILY,
    prefix: '/api/v1/kpi',
    rules: 'schemes',
    versions: 'scheme-versions',
    audit: 'kpi_scheme',
    presentRules: (ds, corpId, rules, versions, today) => presentKpiSchemes(ds, corpId, rules as KpiScheme[], versions as KpiSchemeVersion[], today),
    presentVersion: (v, users) => presentKpiVersion(v as KpiSchemeVersion, users),
  });
  // The articles' built-in templates HR starts a scheme from.
  r.get('/templates', (ctx) => {
    assertPayAdmin(ctx.state.actor!);
    ctx.body = { ok: true, data: KPI_TEMPLATES };
  });
  return r;
}
