import type * as $OpenApi from '@alicloud/openapi-client';
import * as $Util from '@alicloud/tea-util';
// Deep import: the package root loads all 117 modules (~900 ms, +69 MB); this loads one (doc 9.1).
import OAuth, * as $OAuth from '@alicloud/dingtalk/dist/oauth2_1_0/client';
import type { ApiCaller, TokenSource } from './apiCaller';
import { DingTalkError, TransportCode } from './errors';
import { mapSdkError } from './mapSdkError';
import { openApiConfig } from './openApiConfig';

export interface V1ClientOptions {
  /** `https://api.dingtalk.com` in production, the sandbox URL (http) in tests. */
  baseUrl: string;
  timeoutMs: number;
  caller: ApiCaller;
  tokens: TokenSource;
  appKey: string;
  appSecret: string;
}

/** Constructor shape shared by every `@alicloud/dingtalk/dist/<module>/client` default export. */
export type SdkClientClass<C> = new (config: $OpenApi.Config) => C;

/** The header fields every v1.0 `XxxHeaders` model takes; use as `new $Crm.XxxHeaders(v1Headers(token))`. */
export function v1Headers(token: string): { xAcsDingtalkAccessToken: string } {
  return { xAcsDingtalkAccessToken: token };
}

/**
 * v1.0 (api.dingtalk.com) access through the official SDK, on the same limiter/token/retry path as legacy calls.
 * Later modules build their SDK client with `sdk(Crm)` and call it inside `call('/v1.0/crm/...', ...)`.
 */
export class V1Client {
  readonly config: $OpenApi.Config;
  private readonly timeoutMs: number;
  private readonly caller: ApiCaller;
  private readonly tokens: TokenSource;
  private readonly appKey: string;
  private readonly appSecret: string;
  private readonly clients = new Map<SdkClientClass<unknown>, unknown>();

  constructor(options: V1ClientOptions) {
    this.config = openApiConfig(options.baseUrl, options.timeoutMs);
    this.timeoutMs = options.timeoutMs;
    this.caller = options.caller;
    this.tokens = options.tokens;
    this.appKey = options.appKey;
    this.appSecret = options.appSecret;
  }

  /** One SDK client per module class, built from this client's config. */
  sdk<C>(Client: SdkClientClass<C>): C {
    const existing = this.clients.get(Client);
    if (existing !== undefined) return existing as C;
    const created = new Client(this.config);
    this.clients.set(Client, created);
    return created;
  }

  /** Runtime options for one SDK call: our timeouts, SDK retries off (we retry ourselves). */
  runtime(): $Util.RuntimeOptions {
    return new $Util.RuntimeOptions({ autoretry: false, readTimeout: this.timeoutMs, connectTimeout: this.config.connectTimeout });
  }

  /**
   * Run an SDK call with the app token. `api` is the v1.0 path (for limiting, stats and errors); SDK errors become
   * DingTalkErrors and are retried like legacy ones.
   */
  call<T>(api: string, request: (token: string, runtime: $Util.RuntimeOptions) => Promise<T>): Promise<T> {
    return this.caller.callWithToken(api, this.tokens, async (token) => {
      try {
        return await request(token, this.runtime());
      } catch (err) {
        throw mapSdkError(api, err);
      }
    });
  }

  /** Run an SDK call that takes no token (token endpoints). */
  callAnonymous<T>(api: string, request: (runtime: $Util.RuntimeOptions) => Promise<T>): Promise<T> {
    return this.caller.callAnonymous(api, async () => {
      try {
        return await request(this.runtime());
      } catch (err) {
        throw mapSdkError(api, err);
      }
    });
  }

  /** App token via v1.0 `POST /v1.0/oauth2/accessToken` (uncached; the legacy token serves both API families). */
  getAccessTokenV1(): Promise<{ accessToken: string; expireIn: number }> {
    const api = '/v1.0/oauth2/accessToken';
    return this.callAnonymous(api, async (runtime) => {
      const request = new $OAuth.GetAccessTokenRequest({ appKey: this.appKey, appSecret: this.appSecret });
      const res = await this.sdk(OAuth).getAccessTokenWithOptions(request, {}, runtime);
      const accessToken = res.body?.accessToken;
      const expireIn = res.body?.expireIn;
      if (!accessToken || typeof expireIn !== 'number') {
        throw new DingTalkError({ api, code: TransportCode.badResponse, detail: 'no accessToken in answer', retryable: true, invalidToken: false });
      }
      return { accessToken, expireIn };
    });
  }
}
