/** Wire shapes of the pay API (`/api/v1/incentives`, `/api/v1/kpi`): the server's presenters produce exactly these. */
import type { DepartmentRef, UserRef } from '../api';
import type { KpiSchemeDefinition } from './kpiTypes';
import type { PayoutLine } from './payoutTypes';
import type { IncentivePlanDefinition } from './planTypes';

/** Draft: editable. Published: in force for its dates, immutable (a change is a copy into a new version). */
export type RuleVersionStatus = 'draft' | 'published';

/** What every version of a versioned rule (incentive plan, KPI scheme) carries. */
export interface RuleVersionInfo {
  id: number;
  version: number;
  status: RuleVersionStatus;
  /** yyyy-mm-dd, inclusive. */
  effectiveFrom: string;
  /** yyyy-mm-dd, inclusive; null = until further notice. */
  effectiveTo: string | null;
  note: string | null;
  createdBy: UserRef | null;
  createdAt: string;
  publishedBy: UserRef | null;
  publishedAt: string | null;
  /** The version this one was copied from. */
  copiedFromId: number | null;
}

export interface IncentivePlanVersion extends RuleVersionInfo {
  planId: number;
  definition: IncentivePlanDefinition;
}

/** GET /api/v1/incentives/plans (each with its versions, newest first). */
export interface IncentivePlan {
  id: number;
  code: string;
  name: string;
  description: string | null;
  createdAt: string;
  /** The published version in force today (Asia/Shanghai), if any. */
  currentVersionId: number | null;
  versions: IncentivePlanVersion[];
}

export interface PlanRef {
  id: number;
  code: string;
  name: string;
}

/** Who an assignment is for: one person, or a job (DingTalk 职位) within a department and everything below it. */
export type AssignmentTarget = { kind: 'user'; user: UserRef } | { kind: 'job'; jobTitle: string; department: DepartmentRef };

/** GET /api/v1/incentives/assignments */
export interface PlanAssignment {
  id: number;
  plan: PlanRef;
  target: AssignmentTarget;
  effectiveFrom: string;
  effectiveTo: string | null;
  createdBy: UserRef | null;
  createdAt: string;
}

/** A person's plan on a day: the plan, the version in force and the assignment that gave it. */
export interface ResolvedPlan {
  plan: PlanRef;
  version: IncentivePlanVersion;
  assignment: { id: number; via: 'user' | 'job'; jobTitle: string | null; effectiveFrom: string; effectiveTo: string | null };
}

/** GET /api/v1/incentives/mine: the caller's plan today and the one before it (the old-plan comparison). */
export interface MyIncentives {
  today: string;
  current: ResolvedPlan | null;
  previous: ResolvedPlan | null;
}

/** POST /api/v1/incentives/simulate body. */
export interface SimulateRequest {
  planVersionId?: number;
  contractValueCny: number | string;
  satisfaction?: number | string | null;
  renewalYears?: number | string;
  coordinations?: number | string;
  bookedBeforeCny?: number | string;
}

/** POST /api/v1/incentives/simulate answer. */
export interface SimulationResult {
  plan: PlanRef;
  version: { id: number; version: number; effectiveFrom: string; effectiveTo: string | null };
  totalFen: number;
  lines: PayoutLine[];
  explanation: string;
}

/** POST .../versions and PUT .../versions/:id body (plans and KPI schemes alike). */
export interface RuleVersionInput<D> {
  effectiveFrom: string;
  effectiveTo?: string | null;
  note?: string | null;
  definition: D;
}

export interface KpiSchemeVersion extends RuleVersionInfo {
  schemeId: number;
  definition: KpiSchemeDefinition;
}

/** GET /api/v1/kpi/schemes */
export interface KpiScheme {
  id: number;
  code: string;
  name: string;
  /** The job (DingTalk 职位) the scheme is for, e.g. 大客户经理; null for any. */
  jobTitle: string | null;
  description: string | null;
  createdAt: string;
  currentVersionId: number | null;
  versions: KpiSchemeVersion[];
}
