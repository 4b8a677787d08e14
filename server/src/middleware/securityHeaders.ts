import type { Middleware } from 'koa';
import { DINGTALK_FRAME_ANCESTORS } from '../dingtalk/wireFacts';
import type { AppState } from '../appTypes';

/**
 * Headers every response carries, errors included. Suited to a DingTalk H5 micro-app: framing is allowed only to
 * DingTalk's PC container (wireFacts.ts) and ourselves, never to other sites; types are never sniffed; no plugins;
 * Strict-Transport-Security once TLS is in front (COOKIE_SECURE).
 */
export function securityHeaders(opts: { https: boolean }): Middleware<AppState> {
  const csp = [`frame-ancestors ${DINGTALK_FRAME_ANCESTORS.join(' ')}`, "base-uri 'self'", "object-src 'none'", "form-action 'self'"].join('; ');
  return async (ctx, next) => {
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', csp);
    ctx.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    if (opts.https && ctx.secure) ctx.set('Strict-Transport-Security', 'max-age=15552000');
    await next();
  };
}
