/**
 * Reading request parameters the way DingTalk accepts them: JSON bodies carry numbers and booleans, form
 * bodies (the official curl samples) carry the same values as strings, so "10" and 10 are both a dept_id.
 */

/** A parameter was missing or malformed; the route family decides how that is answered. */
export class ParamError extends Error {
  constructor(
    readonly param: string,
    readonly expected: string,
    readonly missing: boolean,
  ) {
    super(missing ? `${param} is mandatory for this action.` : `${param}: expected ${expected}`);
    this.name = 'ParamError';
  }
}

/** Request parameters from a parsed body (anything that is not an object counts as empty). */
export type Params = Readonly<Record<string, unknown>>;

/** The body as parameters. */
export function paramsOf(body: unknown): Params {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Params) : {};
}

const absent = (value: unknown): boolean => value === undefined || value === null || value === '';

/** An optional integer (number or numeric string). */
export function optionalInt(p: Params, key: string): number | undefined {
  const value = p[key];
  if (absent(value)) return undefined;
  const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new ParamError(key, 'an integer', false);
  return n;
}

/** A required integer. */
export function requiredInt(p: Params, key: string): number {
  const n = optionalInt(p, key);
  if (n === undefined) throw new ParamError(key, 'an integer', true);
  return n;
}

/** An optional string (numbers are accepted as their text, as DingTalk does for ids). */
export function optionalString(p: Params, key: string): string | undefined {
  const value = p[key];
  if (absent(value)) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new ParamError(key, 'a string', false);
}

/** A required string. */
export function requiredString(p: Params, key: string): string {
  const s = optionalString(p, key);
  if (s === undefined) throw new ParamError(key, 'a string', true);
  return s;
}

/** An optional boolean (true/false or "true"/"false"). */
export function optionalBool(p: Params, key: string): boolean | undefined {
  const value = p[key];
  if (absent(value)) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new ParamError(key, 'true or false', false);
}
