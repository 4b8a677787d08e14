/**
 * Wire shapes of the Liucai HTTP API (`/api/v1`). The server's presenters produce exactly these, the micro-app
 * consumes them. Every response is an envelope: `{ ok: true, data }` or `{ ok: false, error }`.
 */
import type { Role } from './roles';

export interface ApiErrorBody {
  /** Stable machine id, e.g. `not_found`, `validation_error`, `dingtalk_auth_code_invalid`. */
  id: string;
  /** Human message (Chinese or English), safe to show. */
  message: string;
  details?: unknown;
}
export type ApiEnvelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

export interface DemoUser {
  userid: string;
  name: string;
  title: string;
  role: Role;
}

/** GET /api/v1/auth/options */
export interface AuthOptions {
  /** `sandbox`: DingTalk is the built-in emulator and demo users may sign in from any browser. */
  mode: 'sandbox' | 'dingtalk';
  /** The corp to use when the page URL carries no `corpId`. */
  defaultCorpId: string | null;
  demoUsers: DemoUser[];
}

export interface DepartmentRef {
  id: number;
  name: string;
}
export interface UserRef {
  userid: string;
  name: string;
  title: string | null;
}

/** GET /api/v1/me, POST /api/v1/auth/dingtalk */
export interface Me {
  userid: string;
  name: string;
  title: string | null;
  avatar: string | null;
  jobNumber: string | null;
  corpId: string;
  corpName: string;
  roles: Role[];
  /** Main department (first of the user's departments). */
  department: DepartmentRef | null;
  departments: DepartmentRef[];
  supervisor: UserRef | null;
  /** ISO date (yyyy-mm-dd) or null. */
  hiredOn: string | null;
  /** Departments an HR user may see (empty for non-HR). */
  hrScopes: DepartmentRef[];
}

/** One department in GET /api/v1/org/departments. */
export interface OrgDepartment {
  id: number;
  parentId: number | null;
  name: string;
  /** Active members directly in this department. */
  headcount: number;
  /** Active members in this department and all below it (each person once). */
  totalHeadcount: number;
  /** Sub-departments the caller may see; those not in the answer come with `?parentId=` (the page loads them on expand). */
  childCount: number;
  managers: UserRef[];
}
/**
 * GET /api/v1/org/departments: one view of the tree (the page loads the rest on demand).
 * No query: the roots the caller may see and their children. `?parentId=N`: the children of N. `?q=`: departments
 * whose name or a manager's name contains the words, with the path to each. `?all=1`: every visible department.
 */
export interface OrgTree {
  view: 'roots' | 'children' | 'search' | 'all';
  departments: OrgDepartment[];
  /** The whole visible tree: departments, and people (the roots' totals added up). */
  totals: { departments: number; headcount: number };
  /** Search only: more departments matched than the answer holds (50). */
  truncated: boolean;
}

export type SyncStatus = 'queued' | 'running' | 'succeeded' | 'failed';
/** What a sync run reads from DingTalk. */
export type SyncKind = 'org' | 'attendance' | 'leave' | 'departures' | 'crm';
/** A sync run as HR sees it (GET/POST /api/v1/sync/org). */
export interface SyncRun {
  id: number;
  kind: SyncKind;
  status: SyncStatus;
  trigger: 'schedule' | 'manual' | 'event';
  /** Current phase, e.g. `departments`, `users`, `supervisors`, `done`. */
  phase: string | null;
  progressDone: number;
  progressTotal: number;
  counts: { departments: number; users: number; left: number; supervisors: number; rows: number };
  apiCalls: number;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  error: string | null;
  /** A remark that is not a failure, e.g. the metered-call budget limited how far the run went. */
  note: string | null;
}
export interface SyncOverview {
  current: SyncRun | null;
  lastSucceeded: SyncRun | null;
}

/** GET /api/v1/admin/hr-scopes */
export interface HrScopeEntry {
  user: UserRef;
  departments: DepartmentRef[];
}
/** PUT /api/v1/admin/hr-scopes/:userid body */
export interface HrScopeUpdate {
  departmentIds: number[];
}

/** GET /api/v1/sync/budget: DingTalk's metered calls this month. */
export interface CallBudget {
  month: string;
  used: number;
  limit: number;
  remaining: number;
}

/** One data gap HR should know about, with what to do next. */
export interface DataGap {
  id:
    | 'users_without_supervisor'
    | 'days_without_attendance'
    | 'days_without_clock_records'
    | 'leaves_not_in_attendance'
    | 'deals_without_owner'
    | 'never_synced'
    | 'contracts_without_owner'
    | 'customers_without_follow_up';
  count: number;
  /** A few examples (names, dates, contract numbers). */
  examples: string[];
  nextStep: string;
}
/** One source on the data-quality page. */
export interface DataSourceQuality {
  source: 'org' | 'attendance' | 'leave' | 'departures' | 'crm' | 'imports';
  label: string;
  lastSucceededAt: string | null;
  rows: number;
  lastError: string | null;
  lastNote: string | null;
  gaps: DataGap[];
}
/** GET /api/v1/data-quality */
export interface DataQuality {
  budget: CallBudget;
  sources: DataSourceQuality[];
}
