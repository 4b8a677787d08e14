/**
 * The Koa application of the sandbox: one port serving the legacy (oapi) paths, the v1.0 (api) paths and the
 * /sandbox/* helpers, with one error handler at the top that answers in the family's own convention.
 */
import { bodyParser } from '@koa/bodyparser';
import { Router } from '@koa/router';
import Koa, { type Context, type Next } from 'koa';
import { logger } from '../../logger';
import { LegacyErr } from '../wireFacts';
import { registerAttendanceRoutes } from './attendanceRoutes';
import { registerAuthRoutes } from './authRoutes';
import { registerContactRoutes } from './contactRoutes';
import { registerCrmRoutes } from './crmRoutes';
import { registerDismissionRoutes } from './dismissionRoutes';
import { registerMessageRoutes } from './messageRoutes';
import { registerSandboxRoutes, sandboxCors } from './sandboxRoutes';
import type { SandboxState } from './sandboxState';
import { registerStreamRoutes } from './streamRoutes';
import { registerWorkflowRoutes } from './workflowRoutes';
import { familyOf, legacyError, sandboxError, v1Error } from './wire';

function httpStatusOf(err: unknown): number {
  const status = typeof err === 'object' && err !== null && 'status' in err ? (err as { status: unknown }).status : undefined;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

/** Top error handler: malformed bodies become parameter errors, anything else a JSON 500 (never a stack). */
async function errorHandler(ctx: Context, next: Next): Promise<void> {
  try {
    await next();
    if (ctx.status === 404 && ctx.body === undefined) sandboxError(ctx, 404, 'not_found', `no such endpoint: ${ctx.method} ${ctx.path}`);
  } catch (err) {
    const status = httpStatusOf(err);
    const message = err instanceof Error ? err.message : 'error';
    if (status >= 500) logger.error({ err, path: ctx.path }, 'sandbox: unexpected error');
    const family = familyOf(ctx.path);
    const internal = status >= 500;
    if (family === 'legacy') legacyError(ctx, internal ? LegacyErr.systemBusy : LegacyErr.invalidParam, internal ? undefined : message);
    else if (family === 'v1') v1Error(ctx, status, internal ? 'InternalError' : 'InvalidParameter', internal ? 'sandbox internal error' : message);
    else sandboxError(ctx, status, internal ? 'internal_error' : 'validation_error', internal ? 'sandbox internal error' : message);
  }
}

/** Build the sandbox's Koa app over `state`. */
export function createSandboxApp(state: SandboxState): Koa {
  const app = new Koa();
  app.silent = true;
  const router = new Router();
  registerAuthRoutes(router, state);
  registerContactRoutes(router, state);
  registerAttendanceRoutes(router, state);
  registerDismissionRoutes(router, state);
  registerCrmRoutes(router, state);
  registerWorkflowRoutes(router, state);
  registerMessageRoutes(router, state);
  registerSandboxRoutes(router, state);
  registerStreamRoutes(router, state);
  app.use(errorHandler);
  app.use(sandboxCors);
  // JSON and form bodies (DingTalk's curl samples post forms); co-body reads chunked bodies as the SDK sends them.
  app.use(bodyParser({ enableTypes: ['json', 'form'], jsonLimit: '1mb', formLimit: '1mb' }));
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}
