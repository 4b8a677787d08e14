import { DingTalkError, TransportCode } from './errors';
import { isRetryableHttpStatus, mapLegacyError } from './mapLegacyError';
import type { LegacyEnvelope } from './legacyTypes';

export interface LegacyHttpOptions {
  /** `https://oapi.dingtalk.com` in production, the sandbox URL in tests. */
  baseUrl: string;
  /** Per-request timeout. Default 10 s. */
  timeoutMs?: number;
}

export interface LegacyRequest {
  method: 'GET' | 'POST';
  /** Query parameters (the access token goes here as `access_token`). */
  query?: Readonly<Record<string, string>>;
  /** JSON body for POST. */
  body?: unknown;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Read a property of an unknown thrown value (fetch errors come from another realm under jest, so no instanceof). */
function prop(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

/** Map a fetch rejection to a retryable DingTalkError without echoing the URL (its query holds secrets). */
function transportError(api: string, err: unknown): DingTalkError {
  const name = prop(err, 'name');
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new DingTalkError({ api, code: TransportCode.timeout, detail: 'request timed out', retryable: true, invalidToken: false });
  }
  const nodeCode = prop(prop(err, 'cause'), 'code');
  return new DingTalkError({
    api,
    code: TransportCode.network,
    detail: typeof nodeCode === 'string' ? nodeCode : 'network error',
    retryable: true,
    invalidToken: false,
  });
}

/**
 * One HTTP exchange with a legacy endpoint, no retries: returns the parsed envelope when `errcode` is 0 and throws a
 * classified DingTalkError for everything else (HTTP status, non-JSON, errcode, network, timeout).
 */
export class LegacyHttp {
  private readonly base: URL;
  private readonly timeoutMs: number;

  constructor(options: LegacyHttpOptions) {
    this.base = new URL(options.baseUrl);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** Send one request to `api` (a path such as `/topapi/v2/user/get`). */
  async request<T extends LegacyEnvelope>(api: string, req: LegacyRequest): Promise<T> {
    const url = new URL(this.base);
    url.pathname = `${this.base.pathname.replace(/\/+$/, '')}${api}`;
    for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
    let status: number;
    let text: string;
    try {
      const res = await fetch(url, {
        method: req.method,
        headers: req.method === 'POST' ? { 'content-type': 'application/json', accept: 'application/json' } : { accept: 'application/json' },
        body: req.method === 'POST' ? JSON.stringify(req.body ?? {}) : undefined,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = res.status;
      text = await res.text();
    } catch (err) {
      throw transportError(api, err);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Gateways and the per-IP anti-bot page answer HTML; those are transient. A 404/400 page is not.
      throw new DingTalkError({
        api,
        code: TransportCode.nonJson,
        detail: `HTTP ${status}, non-JSON body`,
        httpStatus: status,
        retryable: status < 400 || isRetryableHttpStatus(status),
        invalidToken: false,
      });
    }
    const errcode = isRecord(parsed) && typeof parsed.errcode === 'number' ? parsed.errcode : undefined;
    if (errcode === undefined || (errcode === 0 && status >= 400)) {
      // An error status without a DingTalk errcode (gateway/proxy), or anti-bot JSON (`{"status":1111,"wait":5}`).
      const code = status >= 400 ? `HTTP_${status}` : TransportCode.noErrcode;
      const retryable = status < 400 || isRetryableHttpStatus(status);
      throw new DingTalkError({ api, code, detail: `HTTP ${status}, no errcode`, httpStatus: status, retryable, invalidToken: false });
    }
    if (errcode !== 0 && isRecord(parsed)) {
      throw mapLegacyError(api, status, {
        errcode,
        errmsg: typeof parsed.errmsg === 'string' ? parsed.errmsg : undefined,
        request_id: typeof parsed.request_id === 'string' ? parsed.request_id : undefined,
        sub_code: typeof parsed.sub_code === 'string' || typeof parsed.sub_code === 'number' ? parsed.sub_code : undefined,
        sub_msg: typeof parsed.sub_msg === 'string' ? parsed.sub_msg : undefined,
      });
    }
    return parsed as unknown as T;
  }
}
