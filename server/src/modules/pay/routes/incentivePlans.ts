/** Incentive plan administration (HR and admins): /api/v1/incentives/plans and /api/v1/incentives/plan-versions. */
import type Router from '@koa/router';
import type { AppDeps, AppState } from '../../../appTypes';
import type { IncentivePlan, IncentivePlanVersion } from '../../../entities';
import { PLAN_FAMILY } from '../ruleFamilies';
import { presentPlans, presentPlanVersion } from '../presenters/planPresenter';
import { ruleRoutes } from './ruleRoutes';

export function incentivePlanRoutes(deps: AppDeps): Router<AppState> {
  return ruleRoutes(deps, {
    family: PLAN_FAMILY,
    prefix: '/api/v1/incentives',
    rules: 'plans',
    versions: 'plan-versions',
    audit: 'incentive_plan',
    presentRules: (ds, corpId, rules, versions, today) => presentPlans(ds, corpId, rules as IncentivePlan[], versions as IncentivePlanVersion[], today),
    presentVersion: (v, users) => presentPlanVersion(v as IncentivePlanVersion, users),
  });
}
