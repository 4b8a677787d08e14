import { LegacyErr, V1_MONTHLY_QUOTA_CODE } from './wireFacts';

/** DingTalk's own error code: a legacy `errcode` number or a v1.0 `code` string; transport failures use a marker string. */
export type DingTalkErrorCode = number | string;

/** Transport-level markers used as `code` when DingTalk itself gave no code. */
export const TransportCode = {
  network: 'NETWORK',
  timeout: 'TIMEOUT',
  nonJson: 'NON_JSON',
  noErrcode: 'NO_ERRCODE',
  badResponse: 'BAD_RESPONSE',
} as const;

export interface DingTalkErrorInit {
  /** API path, e.g. `/topapi/v2/user/get` or `/v1.0/oauth2/accessToken`. */
  api: string;
  code: DingTalkErrorCode;
  /** DingTalk's message (errmsg / message) or a transport description. Never contains secrets. */
  detail: string;
  httpStatus?: number;
  requestId?: string;
  /** Legacy errcode 88 carries the real reason here. */
  subCode?: string;
  retryable: boolean;
  invalidToken: boolean;
  cause?: unknown;
}

/** A failed DingTalk call: which API, DingTalk's code, and whether retrying (or refreshing the token) can help. */
export class DingTalkError extends Error {
  override readonly name = 'DingTalkError';
  readonly api: string;
  readonly code: DingTalkErrorCode;
  readonly detail: string;
  readonly httpStatus: number | undefined;
  readonly requestId: string | undefined;
  readonly subCode: string | undefined;
  readonly retryable: boolean;
  readonly invalidToken: boolean;

  constructor(init: DingTalkErrorInit) {
    const sub = init.subCode ? ` (sub_code ${init.subCode})` : '';
    super(`DingTalk ${init.api} failed: ${init.code} ${init.detail}${sub}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.api = init.api;
    this.code = init.code;
    this.detail = init.detail;
    this.httpStatus = init.httpStatus;
    this.requestId = init.requestId;
    this.subCode = init.subCode;
    this.retryable = init.retryable;
    this.invalidToken = init.invalidToken;
  }
}

/** Narrow an unknown thrown value to a DingTalkError. */
export function isDingTalkError(err: unknown): err is DingTalkError {
  return err instanceof DingTalkError;
}

/**
 * DingTalk refused the call because the organisation's monthly quota is used up (doc 8.1): legacy errcode 90020,
 * v1.0 HTTP 403 `Forbidden.AccessDenied.ApiCountLimitForOrg`. It lasts until the month ends or the edition grows,
 * so a sync stops that source instead of retrying.
 */
export function isMonthlyQuotaError(err: unknown): err is DingTalkError {
  return err instanceof DingTalkError && (err.code === LegacyErr.monthlyQuota || err.code === V1_MONTHLY_QUOTA_CODE);
}
