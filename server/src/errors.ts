import { zh } from '@liucai/shared';

/**
 * The small set of errors a request can end in. One middleware (middleware/errorHandler.ts) turns these, and
 * anything else, into the one response envelope `{ ok: false, error: { id, message, details } }`.
 */
export class AppError extends Error {
  constructor(
    readonly id: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** "字段说明" with the spacing rule: a space only where Latin letters or digits meet (“kind 应为”, “模式应为”). */
const labelled = (label: string, message: string) =>
  /[A-Za-z0-9)]$/.test(label) || /^[A-Za-z0-9(]/.test(message) ? `${label} ${message}` : `${label}${message}`;

/** One problem line: the field's name (its Chinese label when given), then what was expected, never the name twice. */
const problemLine = (d: { field: string; label?: string; message: string }) => {
  const name = d.label ?? d.field;
  return d.message === name || d.message.startsWith(name) ? d.message : labelled(name, d.message);
};

/**
 * 400: the input did not match the schema; details name each field (by its Chinese label when given) and what was
 * expected. Messages say what was expected without the field name (“应为 dry-run 或 commit”); the name is put in
 * front once, here.
 */
export const validationError = (details: { field: string; label?: string; message: string }[], message = '输入有误') =>
  new AppError('validation_error', `${message}：${details.map(problemLine).join('；')}`, 400, details);
/** 401: no valid session. */
export const unauthenticated = (message = '请先登录') => new AppError('unauthenticated', message, 401);
/** 403: signed in, but this role may not do this at all. */
export const forbidden = (message = '无权访问') => new AppError('forbidden', message, 403);
/** 404: no such record, or one outside the caller's scope (we do not reveal which). */
export const notFound = (what = '记录') => new AppError('not_found', zh`${what}不存在或无权查看`, 404);
/** 409: the operation conflicts with the current state. */
export const conflict = (id: string, message: string, details?: unknown) => new AppError(id, message, 409, details);
/** 502/503: DingTalk failed after retries. */
export const dingtalkUnavailable = (message: string, details?: unknown) => new AppError('dingtalk_unavailable', message, 502, details);
