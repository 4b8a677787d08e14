/** Typed calls to the Liucai API (`/api/v1`), one function per endpoint the micro-app uses. */
import type {
  AuthOptions,
  DataQuality,
  DepartmentRef,
  HrScopeEntry,
  HrScopeUpdate,
  ImportDryRun,
  ImportKind,
  ImportKindInfo,
  ImportRun,
  Me,
  OrgTree,
  Paged,
  PeopleQuery,
  PersonProfile,
  PersonSummary,
  SyncKind,
  SyncOverview,
  SyncRun,
  UserRef,
} from '@liucai/shared';
import { apiDelete, apiGet, apiPost, apiPut, apiUpload } from './client';

const V1 = '/api/v1';

/** Sign-in options: sandbox or real DingTalk, default corp, demo users. */
export const getAuthOptions = (): Promise<AuthOptions> => apiGet(`${V1}/auth/options`);
/** Sandbox only: a one-time DingTalk-style auth code for a demo user. */
export const getSandboxCode = (userid: string, corpId: string): Promise<{ code: string }> => apiPost(`${V1}/auth/sandbox-code`, { userid, corpId });
/** Exchanges a DingTalk auth code for a session (cookie) and returns the signed-in user. */
export const signInWithDingTalkCode = (code: string, corpId: string): Promise<Me> => apiPost(`${V1}/auth/dingtalk`, { code, corpId });
/** Ends the session. */
export const signOut = (): Promise<unknown> => apiPost(`${V1}/auth/logout`);
/** The signed-in user (401 when there is no session). */
export const getMe = (): Promise<Me> => apiGet(`${V1}/me`);

/** Every department the caller may see (HR: its scopes; admin: all), in one list: for pickers. */
export const getDepartments = (): Promise<OrgTree> => apiGet(`${V1}/org/departments?all=1`);
/** The roots the caller may see and their children (the org page's first view; the rest loads on expand). */
export const getDepartmentRoots = (): Promise<OrgTree> => apiGet(`${V1}/org/departments`);
/** The sub-departments of one department. */
export const getDepartmentChildren = (parentId: number): Promise<OrgTree> => apiGet(`${V1}/org/departments?parentId=${parentId}`);
/** Departments whose name or a manager's name contains `q`, with the path to each (at most 50). */
export const searchDepartments = (q: string): Promise<OrgTree> => apiGet(`${V1}/org/departments?q=${encodeURIComponent(q)}`);
/** Current and last successful sync of one DingTalk source (`org`, `attendance`, `leave`, `departures`). */
export const getSyncOverview = (kind: SyncKind = 'org'): Promise<SyncOverview> => apiGet(`${V1}/sync/${kind}`);
/** Starts a sync of one source (202; 409 `sync_already_running` when one of that kind runs). */
export const startSync = (kind: SyncKind = 'org'): Promise<SyncRun> => apiPost(`${V1}/sync/${kind}`);
/** This month's metered DingTalk calls and, per source, the last sync, rows held and data gaps. */
export const getDataQuality = (): Promise<DataQuality> => apiGet(`${V1}/sync/quality`);

/** Query string of `query`, leaving out what is not given. */
function queryString(query: object): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `?${s}` : '';
}

/** A page of the people the caller may see (HR: its departments; supervisor: their reports; admin: everyone). */
export const getPeople = (query: PeopleQuery = {}): Promise<Paged<PersonSummary>> => apiGet(`${V1}/people${queryString(query)}`);
/** Departments the directory can be filtered by (HR: its own; admin: all), in tree order, with their paths. */
export const getDirectoryDepartments = (): Promise<{ departments: DepartmentRef[] }> => apiGet(`${V1}/directory/departments`);
/** A person's page (404 outside the caller's scope). */
export const getPerson = (userid: string): Promise<PersonProfile> => apiGet(`${V1}/people/${encodeURIComponent(userid)}`);
/** One page of a tab of a person's page, e.g. `leave`. */
export const getPersonTab = <T>(userid: string, tab: string, page: number, pageSize = 20): Promise<T> =>
  apiGet(`${V1}/people/${encodeURIComponent(userid)}/${encodeURIComponent(tab)}${queryString({ page, pageSize })}`);

/** HR users and their department scopes (admin). */
export const listHrScopes = (): Promise<HrScopeEntry[]> => apiGet(`${V1}/admin/hr-scopes`);
/** Makes `userid` an HR user for exactly these departments (admin). */
export const putHrScope = (userid: string, body: HrScopeUpdate): Promise<HrScopeEntry> => apiPut(`${V1}/admin/hr-scopes/${encodeURIComponent(userid)}`, body);
/** Removes `userid`'s HR role (admin). */
export const deleteHrScope = (userid: string): Promise<unknown> => apiDelete(`${V1}/admin/hr-scopes/${encodeURIComponent(userid)}`);
/** Searches people by name (admin). */
export const searchUsers = (q: string): Promise<UserRef[]> => apiGet(`${V1}/admin/users?q=${encodeURIComponent(q)}`);

/** The import kinds with their template columns (HR/admin). */
export const getImportKinds = (): Promise<ImportKindInfo[]> => apiGet(`${V1}/imports/kinds`);
/** Where the template of `kind` downloads (a same-origin link; the session cookie goes along). */
export const importTemplateUrl = (kind: ImportKind, ext: 'xlsx' | 'csv'): string => `${V1}/imports/templates/${kind}.${ext}`;
/** The latest import runs (newest first, at most 20), of one kind or all. */
export const listImportRuns = (kind?: ImportKind): Promise<ImportRun[]> => apiGet(`${V1}/imports/runs${kind ? `?kind=${kind}` : ''}`);
/**
 * Sends `file` as an import of `kind`: `dry-run` answers what a commit would do and writes nothing; `commit`
 * answers the finished run (the request lasts as long as the import; poll `listImportRuns` for its progress).
 */
export function uploadImport(kind: ImportKind, mode: 'dry-run', file: File, contentType: string): Promise<ImportDryRun>;
export function uploadImport(kind: ImportKind, mode: 'commit', file: File, contentType: string): Promise<ImportRun>;
export function uploadImport(kind: ImportKind, mode: 'dry-run' | 'commit', file: File, contentType: string): Promise<ImportDryRun | ImportRun> {
  return apiUpload(`${V1}/imports/${kind}?mode=${mode}`, file, { 'content-type': contentType, 'x-file-name': encodeURIComponent(file.name) });
}
