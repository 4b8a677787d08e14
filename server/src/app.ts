import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import type { AppDeps, AppState } from './appTypes';
import { requestContext } from './middleware/requestContext';
import { errorHandler } from './middleware/errorHandler';
import { authenticate } from './middleware/authenticate';
import { serveMiniapp } from './middleware/serveMiniapp';
import { healthRoutes } from './routes/health';
import { authRoutes } from './modules/access/routes/auth';
import { meRoutes } from './modules/people/routes/me';
import { orgRoutes } from './modules/people/routes/org';
import { adminRoutes } from './modules/access/routes/roles';
import { syncRoutes } from './modules/sync/routes/sync';
import { queueBoard } from './routes/queueBoard';
import { dingtalkCallbackRoutes } from './modules/sync/routes/dingtalkCallback';
import { importRoutes } from './modules/imports/routes';
import { incentiveRoutes } from './modules/pay/routes/incentives';
import { incentivePlanRoutes } from './modules/pay/routes/incentivePlans';
import { planAssignmentRoutes } from './modules/pay/routes/planAssignments';
import { kpiSchemeRoutes } from './modules/pay/routes/kpiSchemes';

/** Build the Koa app: request context, the one error handler, public routes, then everything behind a session. */
export function createApp(deps: AppDeps): Koa<AppState> {
  const app = new Koa<AppState>();
  // Secure cookies mean TLS ends at a proxy in front of us; trust its X-Forwarded-Proto.
  app.proxy = deps.config.cookieSecure;
  app.use(requestContext(deps.log));
  app.use(errorHandler());
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '1mb' }));
  app.use(serveMiniapp());
  for (const r of [healthRoutes(deps), authRoutes(deps), dingtalkCallbackRoutes(deps)]) app.use(r.routes()).use(r.allowedMethods());
  const board = queueBoard(deps);
  const privateRoutes = [
    meRoutes(deps),
    orgRoutes(deps),
    syncRoutes(deps),
    adminRoutes(deps),
    importRoutes(deps),
    incentiveRoutes(deps),
    incentivePlanRoutes(deps),
    planAssignmentRoutes(deps),
    kpiSchemeRoutes(deps),
  ];
  const auth = authenticate(deps.ds);
  app.use(async (ctx, next) => {
    if (ctx.path.startsWith('/api/') || ctx.path.startsWith('/admin/queues')) return auth(ctx, next);
    return next();
  });
  if (board) app.use(board);
  for (const r of privateRoutes) app.use(r.routes()).use(r.allowedMethods());
  return app;
}
