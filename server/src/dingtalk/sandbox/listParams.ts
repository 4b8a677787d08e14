/**
 * Parameters of the attendance and hrm endpoints: userid lists in every form DingTalk accepts, China-time
 * "yyyy-MM-dd HH:mm:ss" instants, and the limit checks whose violations DingTalk answers with 400002. Malformed
 * values throw ParamError (the guard answers them); a well-formed value over a limit yields a problem text the
 * route sends as errmsg, so a caller can tell which limit it broke.
 */
import { ONE_DAY_MS } from './corpClock';
import { ParamError, requiredString, type Params } from './bodyParams';
import { parseChinaDateTime } from './workCalendar';

/** Userids from a JSON array, or from a string holding a JSON array or comma-separated ids (form bodies). */
export function idListParam(p: Params, key: string): string[] {
  const value = p[key];
  if (value === undefined || value === null || value === '') throw new ParamError(key, 'a list of userids', true);
  let items: unknown = value;
  if (typeof value === 'string') {
    const text = value.trim();
    try {
      items = text.startsWith('[') ? JSON.parse(text) : text.split(',');
    } catch {
      throw new ParamError(key, 'a list of userids', false);
    }
  }
  if (!Array.isArray(items)) throw new ParamError(key, 'a list of userids', false);
  const ids = (items as unknown[]).map((item) => (typeof item === 'string' ? item.trim() : typeof item === 'number' ? String(item) : undefined));
  if (ids.some((id) => id === undefined)) throw new ParamError(key, 'a list of userids', false);
  return (ids as string[]).filter((id) => id !== '');
}

/** A required "yyyy-MM-dd HH:mm:ss" (Beijing time), as ms epoch. */
export function chinaDateTimeParam(p: Params, key: string): number {
  const ms = parseChinaDateTime(requiredString(p, key));
  if (ms === undefined) throw new ParamError(key, 'yyyy-MM-dd HH:mm:ss', false);
  return ms;
}

/** Why a userid list breaks its limit, if it does. */
export function countProblem(key: string, count: number, max: number): string | undefined {
  if (count === 0) return `${key} must name at least one userid`;
  if (count > max) return `${key} has ${count} userids, at most ${max} are allowed`;
  return undefined;
}

/** Why a time window is invalid or longer than `maxDays`, if it is. */
export function windowProblem(fromKey: string, toKey: string, fromMs: number, toMs: number, maxDays: number): string | undefined {
  if (toMs < fromMs) return `${fromKey} is after ${toKey}`;
  if (toMs - fromMs > maxDays * ONE_DAY_MS) return `${fromKey} and ${toKey} are more than ${maxDays} days apart`;
  return undefined;
}

/** Why offset/size paging parameters are out of range, if they are. */
export function pageProblem(offsetKey: string, offset: number, sizeKey: string, size: number, maxSize: number): string | undefined {
  if (offset < 0) return `${offsetKey} must not be negative`;
  if (size < 1 || size > maxSize) return `${sizeKey} must be 1..${maxSize}, got ${size}`;
  return undefined;
}
