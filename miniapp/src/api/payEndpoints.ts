/** Typed calls to the pay API (`/api/v1/incentives`, `/api/v1/kpi`) the micro-app uses. */
import type {
  ApiTokenView,
  CreatedApiToken,
  IncentivePlan,
  IncentivePlanDefinition,
  IncentivePlanVersion,
  MyIncentives,
  MyPayoutStatements,
  PayoutDisputeView,
  PayoutRunView,
  PayoutStatementView,
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

/** My published statements, newest first, and this year's total. */
export const getMyStatements = (): Promise<MyPayoutStatements> => apiGet('/api/v1/payout-statements/mine');
/** One of my published statements, with its lines and their sources. */
export const getMyStatement = (id: number): Promise<PayoutStatementView> => apiGet(`/api/v1/payout-statements/mine/${id}`);
/** Dispute a line of my statement: the reason and the amount I expected (yuan). */
export const disputeLine = (statementId: number, body: { lineId: number; reason: string; expectedAmountCny: string }): Promise<PayoutDisputeView> =>
  apiPost(`/api/v1/payout-statements/mine/${statementId}/disputes`, body);
/** One person's statements (员工档案 → 激励): one's own published ones; HR every run of its departments. */
export const getPersonStatements = (userid: string): Promise<MyPayoutStatements> => apiGet(`/api/v1/payout-statements/people/${encodeURIComponent(userid)}`);
/** One person's statement in a run, with its lines (HR and admins; audited). */
export const getRunStatement = (runId: number, userid: string): Promise<PayoutStatementView> =>
  apiGet(`/api/v1/payout-runs/${runId}/statements/${encodeURIComponent(userid)}`);
/** My disputes and how HR answered them. */
export const getMyDisputes = (): Promise<PayoutDisputeView[]> => apiGet('/api/v1/payout-disputes/mine');

/** Payout runs within my departments (HR, admin), newest month first. */
export const listPayoutRuns = (): Promise<PayoutRunView[]> => apiGet('/api/v1/payout-runs');
/** Create a month's run for a department (queued to compute). */
export const createPayoutRunCall = (body: { period: string; deptId: number }): Promise<PayoutRunView> => apiPost('/api/v1/payout-runs', body);
/** A run's next step: recompute, lock, approve or publish. */
export const payoutRunStep = (id: number, step: 'recompute' | 'lock' | 'approve' | 'publish'): Promise<PayoutRunView> =>
  apiPost(`/api/v1/payout-runs/${id}/${step}`);
/** The payroll file of a published run. */
export const payrollUrl = (id: number, format: 'csv' | 'xlsx'): string => `/api/v1/payout-runs/${id}/payroll?format=${format}`;
/** Disputes of people within my departments (HR, admin), `open` ones or all. */
export const listDisputes = (status?: 'open'): Promise<PayoutDisputeView[]> => apiGet(`/api/v1/payout-disputes${status ? `?status=${status}` : ''}`);
/** Resolve a dispute: an adjustment in the person's next run (default expected − actual), or a rejection. */
export const resolveDisputeCall = (id: number, body: { decision: 'adjust' | 'reject'; note: string; amountCny?: string }): Promise<PayoutDisputeView> =>
  apiPost(`/api/v1/payout-disputes/${id}/resolve`, body);

/** My open-API tokens (an admin: all of the corp's). */
export const listApiTokens = (): Promise<ApiTokenView[]> => apiGet('/api/v1/api-tokens');
/** A new open-API token: the answer holds the token, this once. */
export const createApiTokenCall = (name: string): Promise<CreatedApiToken> => apiPost('/api/v1/api-tokens', { name });
export const revokeApiTokenCall = (id: number): Promise<ApiTokenView> => apiPost(`/api/v1/api-tokens/${id}/revoke`);
