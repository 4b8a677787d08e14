import { DingTalkError, TransportCode } from './errors';
import { isRetryableHttpStatus } from './mapLegacyError';
import { RETRYABLE_V1_CODES, V1_MONTHLY_QUOTA_CODE, V1Err } from './wireFacts';

function field(obj: unknown, key: string): unknown {
  return typeof obj === 'object' && obj !== null ? (obj as Record<string, unknown>)[key] : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Map whatever the `@alicloud/*` SDK threw for a v1.0 call into a DingTalkError.
 * Shapes (doc 9.3): tea ResponseError with `code`/`statusCode`/`data` for 4xx/5xx JSON; SyntaxError for a non-JSON
 * error body; Node errors (`code: 'ECONNREFUSED'`) or httpx `RequestTimeoutError` for transport failures.
 */
export function mapSdkError(api: string, err: unknown): DingTalkError {
  if (err instanceof DingTalkError) return err;
  if (err instanceof SyntaxError || field(err, 'name') === 'SyntaxError') {
    // A throttle/anti-bot HTML page instead of JSON: transient by nature.
    return new DingTalkError({ api, code: TransportCode.nonJson, detail: 'non-JSON error body', retryable: true, invalidToken: false, cause: err });
  }
  const statusRaw = field(err, 'statusCode');
  const status = typeof statusRaw === 'number' && statusRaw > 0 ? statusRaw : undefined;
  const data = field(err, 'data');
  const name = str(field(err, 'name'));
  if (status === undefined) {
    const timedOut = name === 'RequestTimeoutError' || str(field(err, 'code')) === 'ETIMEDOUT';
    const nodeCode = str(field(err, 'code'));
    return new DingTalkError({
      api,
      code: timedOut ? TransportCode.timeout : TransportCode.network,
      detail: nodeCode ?? name ?? 'request failed',
      retryable: true,
      invalidToken: false,
      cause: err,
    });
  }
  const code = str(field(err, 'code')) ?? str(field(data, 'code')) ?? `HTTP_${status}`;
  const retryable = code !== V1_MONTHLY_QUOTA_CODE && (RETRYABLE_V1_CODES.has(code) || isRetryableHttpStatus(status));
  return new DingTalkError({
    api,
    code,
    detail: str(field(data, 'message')) ?? str(field(data, 'Message')) ?? '',
    httpStatus: status,
    requestId: str(field(data, 'requestid')) ?? str(field(data, 'requestId')) ?? str(field(data, 'RequestId')),
    retryable,
    // Real DingTalk says InvalidAuthentication with HTTP 400 (doc 1.3); emulators may use 401. Trust the code.
    invalidToken: code === V1Err.invalidToken,
    cause: err,
  });
}
