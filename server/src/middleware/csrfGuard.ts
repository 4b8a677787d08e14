import type { Context, Middleware } from 'koa';
import { AppError } from '../errors';
import type { AppState } from '../appTypes';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The body types a page of another site can send without a CORS preflight (form posts, text/plain fetches). */
const CROSS_SITE_SENDABLE = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

export interface CsrfGuardOptions {
  /** The URL people open (PUBLIC_URL): its origin is accepted besides the request's own. */
  publicUrl?: string;
  /** Paths that carry no session and authenticate otherwise (DingTalk's signed callbacks). */
  exempt: (path: string) => boolean;
}

/**
 * Cross-site request forgery: the session cookie rides along on any request the browser makes, so a state-changing
 * request is accepted only when it provably comes from our own pages:
 * - an `Origin` header, when present, must be ours (browsers send it on every cross-origin POST/PUT/DELETE);
 * - without one, `Sec-Fetch-Site` (when the browser sends it) must say same-origin, or the request is not a
 *   browser's (curl, scripts: no ambient cookie to abuse);
 * - bodies a cross-site form or fetch can send without a preflight (form, multipart, text/plain) are refused
 *   outright: our API takes JSON, and raw import files as text/csv or .xlsx.
 * A refused request changes nothing: this runs before the body is read and before any route.
 */
export function csrfGuard(opts: CsrfGuardOptions): Middleware<AppState> {
  const publicOrigin = opts.publicUrl ? new URL(opts.publicUrl).origin : null;
  return async (ctx, next) => {
    if (!STATE_CHANGING.has(ctx.method) || opts.exempt(ctx.path)) return next();
    const origin = ctx.get('origin');
    if (origin) {
      // Our own origin as this request reached us (behind a trusted proxy, its scheme and host; Koa 3's ctx.origin
      // is the request's Origin header, not ours). Our host over TLS is ours too, even when a misconfigured proxy
      // does not say so: sign-in then explains the missing X-Forwarded-Proto instead of calling it cross-site.
      const own = [`${ctx.protocol}://${ctx.host}`, `https://${ctx.host}`, publicOrigin];
      if (!own.includes(origin)) throw crossSite(ctx, `来源 ${origin.slice(0, 100)}`);
    } else {
      const site = ctx.get('sec-fetch-site');
      if (site && site !== 'same-origin' && site !== 'none') throw crossSite(ctx, `Sec-Fetch-Site: ${site.slice(0, 30)}`);
    }
    const type = (ctx.get('content-type').split(';')[0] ?? '').trim().toLowerCase();
    if (CROSS_SITE_SENDABLE.has(type)) {
      throw new AppError('unsupported_media_type', `不接受 ${type} 格式的请求：请以 JSON（Content-Type: application/json）发送`, 415, {
        contentType: type,
      });
    }
    await next();
  };
}

function crossSite(ctx: Context, what: string): AppError {
  ctx.state.log?.warn({ origin: ctx.get('origin') || null, secFetchSite: ctx.get('sec-fetch-site') || null, path: ctx.path }, 'cross-site request refused');
  return new AppError('cross_site_request', `拒绝跨站请求（${what}）：请在留才页面内操作`, 403);
}
