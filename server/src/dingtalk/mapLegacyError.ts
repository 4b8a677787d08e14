import { DingTalkError } from './errors';
import { INVALID_TOKEN_LEGACY_CODES, LEGACY_88_PERMISSION_SUB_CODES, LegacyErr, RETRYABLE_LEGACY_CODES } from './wireFacts';

/** The error part of a legacy (oapi) envelope as it comes off the wire. */
export interface LegacyErrorBody {
  errcode: number;
  errmsg?: string;
  request_id?: string;
  sub_code?: string | number;
  sub_msg?: string;
}

/** Whether a legacy errcode (with its 88 sub_code) is worth retrying after a backoff. */
export function isRetryableLegacyCode(errcode: number, subCode: string | undefined): boolean {
  if (RETRYABLE_LEGACY_CODES.has(errcode)) return true;
  // 88 is both "no permission" (with a sub_code saying so) and a brief "too fast" ban; only the latter heals.
  if (errcode === LegacyErr.authOrBan) return subCode === undefined || !LEGACY_88_PERMISSION_SUB_CODES.has(subCode);
  return false;
}

/** HTTP statuses that signal throttling or a server-side hiccup rather than a bad request. */
export function isRetryableHttpStatus(status: number): boolean {
  return status === 403 || status === 429 || status >= 500;
}

/** Turn a legacy envelope with `errcode != 0` into a classified DingTalkError. */
export function mapLegacyError(api: string, httpStatus: number, body: LegacyErrorBody): DingTalkError {
  const subCode = body.sub_code === undefined || body.sub_code === '' ? undefined : String(body.sub_code);
  const detail = body.sub_msg ? `${body.errmsg ?? ''} ${body.sub_msg}`.trim() : (body.errmsg ?? '');
  return new DingTalkError({
    api,
    code: body.errcode,
    detail,
    httpStatus,
    requestId: body.request_id,
    subCode,
    retryable: isRetryableLegacyCode(body.errcode, subCode) || isRetryableHttpStatus(httpStatus),
    invalidToken: INVALID_TOKEN_LEGACY_CODES.has(body.errcode),
  });
}
