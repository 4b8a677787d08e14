import type { Middleware } from 'koa';
import { bodyParser } from '@koa/bodyparser';
import { AppError } from '../errors';
import type { AppState } from '../appTypes';

/** Largest JSON body we read (the biggest real one, 500 department ids, is a few KB). */
export const JSON_BODY_LIMIT_BYTES = 256 * 1024;
/** Deepest nesting a JSON body may have (ours are two or three levels deep). */
export const JSON_MAX_DEPTH = 32;

/** Nesting depth of a parsed JSON value, walked without recursion (a hostile body cannot exhaust the stack). */
export function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    max = Math.max(max, depth);
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return max;
}

/**
 * Parse JSON bodies only (other types are left to the routes that stream them, e.g. imports), at most
 * JSON_BODY_LIMIT_BYTES and JSON_MAX_DEPTH levels; either limit answers in the envelope, in Chinese.
 */
export function jsonBody(): Middleware<AppState> {
  const parse = bodyParser({ enableTypes: ['json'], jsonLimit: JSON_BODY_LIMIT_BYTES });
  return (ctx, next) =>
    parse(ctx, async () => {
      const depth = jsonDepth(ctx.request.body);
      if (depth > JSON_MAX_DEPTH) {
        throw new AppError('validation_error', `请求内容嵌套太深：最多 ${JSON_MAX_DEPTH} 层，收到 ${depth} 层`, 400, [
          { field: '(body)', message: `嵌套最多 ${JSON_MAX_DEPTH} 层` },
        ]);
      }
      await next();
    });
}
