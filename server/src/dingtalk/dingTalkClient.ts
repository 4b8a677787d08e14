import type { Redis } from 'ioredis';
import { AccessTokenProvider } from './accessTokenProvider';
import { ApiCaller } from './apiCaller';
import type { CallStatsSnapshot } from './callStats';
import { fetchLegacyToken } from './fetchLegacyToken';
import { LegacyClient } from './legacyClient';
import { DEFAULT_TIMEOUT_MS, LegacyHttp } from './legacyHttp';
import type { AuthCodeUserInfo, DepartmentDetail, DepartmentUser, LegacyEnvelope, SubDepartment, UserDetail, UserListPage } from './legacyTypes';
import { RateLimiter } from './rateLimiter';
import { V1Client } from './v1Client';

/** Everything a DingTalkClient needs for one corp's internal app. */
export interface DingTalkClientConfig {
  corpId: string;
  appKey: string;
  appSecret: string;
  agentId: number;
  /** `https://oapi.dingtalk.com` or the sandbox URL. */
  legacyBaseUrl: string;
  /** `https://api.dingtalk.com` or the sandbox URL. */
  v1BaseUrl: string;
  /** Per-API calls per second. Default DEFAULT_CALLS_PER_SECOND (18). */
  callsPerSecond?: number;
  /** Attempts per call on retryable errors. Default 5. */
  maxAttempts?: number;
  /** Backoff base, ms. Default 500. */
  baseDelayMs?: number;
  /** Per-request timeout, ms. Default 10 000. */
  timeoutMs?: number;
  /** Share the access token across processes through this Redis. */
  redis?: Redis;
  /** Redis key prefix. Default `liucai:`. */
  keyPrefix?: string;
}

/** One corp's DingTalk: legacy and v1.0 APIs behind one rate limiter, one token and one retry policy. */
export class DingTalkClient {
  readonly corpId: string;
  readonly agentId: number;
  /** The legacy endpoints; `legacy.callLegacy(path, body)` reaches any other legacy API. */
  readonly legacy: LegacyClient;
  /** The v1.0 SDK path; `v1.sdk(Module)` + `v1.call(path, fn)` for crm/workflow/hrm modules. */
  readonly v1: V1Client;
  readonly tokens: AccessTokenProvider;
  private readonly jsapiTickets: AccessTokenProvider;
  private readonly caller: ApiCaller;

  constructor(config: DingTalkClientConfig) {
    this.corpId = config.corpId;
    this.agentId = config.agentId;
    const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.caller = new ApiCaller({
      limiter: new RateLimiter({ callsPerSecond: config.callsPerSecond }),
      maxAttempts: config.maxAttempts,
      baseDelayMs: config.baseDelayMs,
    });
    const http = new LegacyHttp({ baseUrl: config.legacyBaseUrl, timeoutMs });
    this.tokens = new AccessTokenProvider({
      appKey: config.appKey,
      redis: config.redis,
      keyPrefix: config.keyPrefix,
      fetchToken: () => fetchLegacyToken(http, this.caller, config.appKey, config.appSecret),
    });
    this.legacy = new LegacyClient({ http, caller: this.caller, tokens: this.tokens });
    // Every dd.config needs the ticket, and DingTalk asks for it to be cached like the token (doc 2.3).
    this.jsapiTickets = new AccessTokenProvider({
      appKey: config.appKey,
      kind: 'jsapi_ticket',
      redis: config.redis,
      keyPrefix: config.keyPrefix,
      fetchToken: async () => {
        const { ticket, expiresIn } = await this.legacy.getJsapiTicket();
        return { token: ticket, expiresIn };
      },
    });
    this.v1 = new V1Client({
      baseUrl: config.v1BaseUrl,
      timeoutMs,
      caller: this.caller,
      tokens: this.tokens,
      appKey: config.appKey,
      appSecret: config.appSecret,
    });
  }

  /** The cached app access token (fetched when missing or near expiry). */
  getAccessToken(): Promise<string> {
    return this.tokens.getToken();
  }

  /** Exchange an H5 免登 auth code for its user. */
  getUserInfoByCode(code: string): Promise<AuthCodeUserInfo> {
    return this.legacy.getUserInfoByCode(code);
  }

  /** Direct child departments of `deptId` (default root). */
  listSubDepartments(deptId?: number): Promise<SubDepartment[]> {
    return this.legacy.listSubDepartments(deptId);
  }

  /** Department detail. */
  getDepartment(deptId: number): Promise<DepartmentDetail> {
    return this.legacy.getDepartment(deptId);
  }

  /** One cursor page of a department's direct users. */
  listUsers(deptId: number, cursor?: number, size?: number): Promise<UserListPage> {
    return this.legacy.listUsers(deptId, cursor, size);
  }

  /** All direct users of a department across cursor pages. */
  iterateDepartmentUsers(deptId: number, size?: number): AsyncGenerator<DepartmentUser, void, undefined> {
    return this.legacy.iterateDepartmentUsers(deptId, size);
  }

  /** User detail. */
  getUser(userid: string): Promise<UserDetail> {
    return this.legacy.getUser(userid);
  }

  /** The jsapi ticket for `dd.config` signatures, cached (in Redis when configured) until shortly before expiry. */
  getJsapiTicket(): Promise<string> {
    return this.jsapiTickets.getToken();
  }

  /** Any legacy endpoint: POST JSON with the token, typed envelope back. */
  callLegacy<T extends LegacyEnvelope>(path: string, body?: Readonly<Record<string, unknown>>): Promise<T> {
    return this.legacy.callLegacy<T>(path, body);
  }

  /** App token via the v1.0 SDK (`POST /v1.0/oauth2/accessToken`). */
  getAccessTokenV1(): Promise<{ accessToken: string; expireIn: number }> {
    return this.v1.getAccessTokenV1();
  }

  /** Requests actually sent to DingTalk since creation or the last reset. */
  stats(): CallStatsSnapshot {
    return this.caller.stats.snapshot();
  }

  /** Zero the counters behind `stats()`. */
  resetStats(): void {
    this.caller.stats.reset();
  }
}
