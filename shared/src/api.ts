/**
 * Wire shapes of the Liucai HTTP API (`/api/v1`). The server's presenters produce exactly these, the micro-app
 * consumes them. Every response is an envelope: `{ ok: true, data }` or `{ ok: false, error }`.
 */
import type { Role } from './roles';
import type { TermId } from './glossary';
import type { ForecastLine, Quota } from './meteredBudget';

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
  /** Where it sits, e.g. “销售中心 / 中小客户一部 / 一组” (departmentPath.ts): show this wherever a department is named. */
  path: string;
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
  /** The department's managers; empty in `?all=1`, the picker, which names departments only. */
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
/**
 * Why a sync run started: the nightly schedule, someone's "立即同步", a DingTalk event, or the first start of the
 * product (the org, and in the demo every source once, right after installation).
 */
export type SyncTrigger = 'schedule' | 'manual' | 'event' | 'startup';
/** A sync run as HR sees it (GET/POST /api/v1/sync/org). */
export interface SyncRun {
  id: number;
  kind: SyncKind;
  status: SyncStatus;
  trigger: SyncTrigger;
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

/** GET /api/v1/sync/budget (also inside GET /api/v1/sync/quality): the month's metered DingTalk quota. */
export interface CallBudget {
  /** yyyy-mm, Asia/Shanghai. */
  month: string;
  /** Metered API calls this app spent this month (other apps of the organisation share the quota). */
  used: number;
  /** Metered API calls a month: the edition's, or DINGTALK_MONTHLY_CALL_LIMIT. */
  limit: number;
  remaining: number;
  /** The edition the limits come from, e.g. `标准版`; `自定义额度` when the raw numbers were set. */
  editionLabel: string;
  /** Calls kept for work notifications (NOTIFY_BUDGET_SHARE of the limit), and what notifications spent. */
  notifyReserve: number;
  notifyUsed: number;
  /** Metered Webhook&Stream events received this month, and the monthly limit. */
  events: { used: number; limit: number; remaining: number };
  /** Spent this month per purpose (sync kinds, event re-reads, notifications). */
  byPurpose: { purpose: string; label: string; apiCalls: number; events: number }[];
  /** DingTalk itself answered "monthly quota used up" this month: when, and its figures when it gave them. */
  refused: { at: string; detail: string; orgUsed: number | null; orgLimit: number | null } | null;
  /** A month at this headcount with today's settings: per line, the sum, and what to do. */
  forecast: BudgetForecast | null;
}

/** The forecast part of the budget (see shared/src/meteredBudget.ts). */
export interface BudgetForecast {
  lines: ForecastLine[];
  need: Quota;
  fits: boolean;
  summary: string;
  advice: string[];
  fittingPlan: { label: string; quota: Quota } | null;
  /** People the forecast is for (active employees). */
  headcount: number;
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
  /** Company-wide count (gaps are fixed at the source, for everyone). */
  count: number;
  /**
   * Of those, the ones about people or customers within the viewer's scope (equal to `count` for an admin); null
   * for gaps that are about days, not about anyone.
   */
  inScopeCount: number | null;
  /** A few examples (names, dates): only people and customers within the viewer's scope. */
  examples: string[];
  nextStep: string;
}

/** A figure a source holds, with the glossary term that says what it counts. */
export interface SourceHolding {
  term: TermId;
  count: number;
  /** A qualifier, e.g. `钉钉 CRM` or `导入`; null when none. */
  from: string | null;
}

/**
 * How a source stands, first what HR cares about: `fresh` (complete and up to date), `behind` (complete up to an
 * earlier day, or its last success is over a day old), `partial` (the last run stopped early: budget, quota),
 * `failed` (its last run failed), `never` (never synced or never imported).
 */
export type SourceState = 'fresh' | 'behind' | 'partial' | 'failed' | 'never';

/** One source on the data-quality page. */
export interface DataSourceQuality {
  source: 'org' | 'attendance' | 'leave' | 'departures' | 'crm' | 'imports';
  label: string;
  state: SourceState;
  /** One sentence: complete and fresh, or what is missing. */
  summary: string;
  /** What to do next; null when nothing. */
  nextStep: string | null;
  lastSucceededAt: string | null;
  /** The last day the data is complete through (yyyy-mm-dd), for day-by-day sources; null otherwise. */
  coversThrough: string | null;
  /** What the source holds, company-wide, each with its term. */
  holdings: SourceHolding[];
  /** The main holding's count (the first of `holdings`). */
  rows: number;
  lastError: string | null;
  lastNote: string | null;
  gaps: DataGap[];
}
/** GET /api/v1/sync/quality */
export interface DataQuality {
  budget: CallBudget;
  sources: DataSourceQuality[];
  /** When the holdings and gaps were counted (after each sync and import). */
  computedAt: string;
  /** `all`: an admin sees every name; `scope`: names are limited to the viewer's people. */
  viewerScope: 'all' | 'scope';
}
