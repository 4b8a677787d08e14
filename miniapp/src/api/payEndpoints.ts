/** Typed calls to the pay API (`/api/v1/incentives`, `/api/v1/kpi`) the micro-app uses. */
import type {
  IncentivePlan,
  IncentivePlanDefinition,
  IncentivePlanVersion,
  MyIncentives,
  RuleVersionInput,
  SimulateRequest,
  SimulationResult,
} from '@liucai/shared';
import { apiGet, apiPost, apiPut } from './client';

const V1 = '/api/v1/incentives';

/** My plan today and the plan before it (with their definitions, to compute in the browser). */
export const getMyIncentives = (): Promise<MyIncentives> => apiGet(`${V1}/mine`);
/** The server's simulation (the same shared computation as the browser's). */
export const simulateOnServer = (body: SimulateRequest): Promise<SimulationResult> => apiPost(`${V1}/simulate`, body);

/** Plans with their versions (HR, admin). */
export const listIncentivePlans = (): Promise<IncentivePlan[]> => apiGet(`${V1}/plans`);
/** A new draft version of a plan (validated on the server; 409 when its dates overlap a published version). */
export const createPlanVersion = (planId: number, body: RuleVersionInput<IncentivePlanDefinition>): Promise<IncentivePlanVersion> =>
  apiPost(`${V1}/plans/${planId}/versions`, body);
/** Change a draft (409 once published). */
export const updatePlanVersion = (versionId: number, body: RuleVersionInput<IncentivePlanDefinition>): Promise<IncentivePlanVersion> =>
  apiPut(`${V1}/plan-versions/${versionId}`, body);
/** Publish a draft: from then on it never changes. */
export const publishPlanVersion = (versionId: number): Promise<{ published: IncentivePlanVersion; superseded: IncentivePlanVersion | null }> =>
  apiPost(`${V1}/plan-versions/${versionId}/publish`);
