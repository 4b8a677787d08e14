import type { ApiCaller, CallOptions, TokenSource } from './apiCaller';
import type { LegacyHttp } from './legacyHttp';
import type {
  AuthCodeUserInfo,
  DepartmentDetail,
  DepartmentUser,
  JsapiTicketResponse,
  LegacyEnvelope,
  LegacyResultResponse,
  SubDepartment,
  UserDetail,
  UserListPage,
} from './legacyTypes';
import { USER_LIST_MAX_SIZE } from './wireFacts';

export interface LegacyClientOptions {
  http: LegacyHttp;
  caller: ApiCaller;
  tokens: TokenSource;
}

/** Root department id in DingTalk. */
export const ROOT_DEPT_ID = 1;

/**
 * Typed client for the legacy oapi endpoints (none are in the SDK, doc 9.4). Each method is one request on the
 * shared path (limiter, token, retries); add endpoints with `callLegacy`.
 */
export class LegacyClient {
  private readonly http: LegacyHttp;
  private readonly caller: ApiCaller;
  private readonly tokens: TokenSource;

  constructor(options: LegacyClientOptions) {
    this.http = options.http;
    this.caller = options.caller;
    this.tokens = options.tokens;
  }

  /** POST a JSON body to a legacy endpoint with `?access_token=`; returns the whole envelope. */
  callLegacy<T extends LegacyEnvelope>(path: string, body: Readonly<Record<string, unknown>> = {}, opts: CallOptions = {}): Promise<T> {
    return this.caller.callWithToken(path, this.tokens, (token) => this.http.request<T>(path, { method: 'POST', query: { access_token: token }, body }), opts);
  }

  /** GET a legacy endpoint with `?access_token=` and extra query parameters. */
  getLegacy<T extends LegacyEnvelope>(path: string, query: Readonly<Record<string, string>> = {}): Promise<T> {
    return this.caller.callWithToken(path, this.tokens, (token) => this.http.request<T>(path, { method: 'GET', query: { ...query, access_token: token } }));
  }

  /** Exchange an H5 免登 auth code (5 min, single use) for the user it belongs to. Bad code: errcode 40078. */
  async getUserInfoByCode(code: string): Promise<AuthCodeUserInfo> {
    const res = await this.callLegacy<LegacyResultResponse<AuthCodeUserInfo>>('/topapi/v2/user/getuserinfo', { code });
    return res.result;
  }

  /** Direct child departments of `deptId` (one level). */
  async listSubDepartments(deptId: number = ROOT_DEPT_ID): Promise<SubDepartment[]> {
    const res = await this.callLegacy<LegacyResultResponse<SubDepartment[]>>('/topapi/v2/department/listsub', { dept_id: deptId });
    return res.result;
  }

  /** Department detail, including its supervisors (`dept_manager_userid_list`). */
  async getDepartment(deptId: number): Promise<DepartmentDetail> {
    const res = await this.callLegacy<LegacyResultResponse<DepartmentDetail>>('/topapi/v2/department/get', { dept_id: deptId });
    return res.result;
  }

  /** One cursor page of the users directly in `deptId`. */
  async listUsers(deptId: number, cursor = 0, size: number = USER_LIST_MAX_SIZE): Promise<UserListPage> {
    const res = await this.callLegacy<LegacyResultResponse<UserListPage>>('/topapi/v2/user/list', {
      dept_id: deptId,
      cursor,
      size: Math.min(size, USER_LIST_MAX_SIZE),
    });
    return res.result;
  }

  /** Every user directly in `deptId`, walking all cursor pages. */
  async *iterateDepartmentUsers(deptId: number, size: number = USER_LIST_MAX_SIZE): AsyncGenerator<DepartmentUser, void, undefined> {
    let cursor = 0;
    for (;;) {
      const page = await this.listUsers(deptId, cursor, size);
      yield* page.list;
      // Stop on has_more=false, and defensively when DingTalk omits the cursor, so a bad answer cannot loop forever.
      if (!page.has_more || page.next_cursor === undefined || page.next_cursor === cursor) return;
      cursor = page.next_cursor;
    }
  }

  /** User detail. Unknown user: errcode 60121. */
  async getUser(userid: string): Promise<UserDetail> {
    const res = await this.callLegacy<LegacyResultResponse<UserDetail>>('/topapi/v2/user/get', { userid });
    return res.result;
  }

  /** A jsapi ticket for `dd.config` signatures (callers should cache it like the token, ~7200 s). */
  async getJsapiTicket(): Promise<{ ticket: string; expiresIn: number }> {
    const res = await this.getLegacy<JsapiTicketResponse>('/get_jsapi_ticket');
    return { ticket: res.ticket, expiresIn: res.expires_in };
  }
}
