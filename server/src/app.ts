import Koa from 'koa';
import type Router from '@koa/router';
import type { AppDeps, AppState } from './appTypes';
import { requestContext } from './middleware/requestContext';
import { errorHandler } from './middleware/errorHandler';
import { securityHeaders } from './middleware/securityHeaders';
import { csrfGuard } from './middleware/csrfGuard';
import { jsonBody } from './middleware/jsonBody';
import { authenticate } from './middleware/authenticate';
import { serveMiniapp } from './middleware/serveMiniapp';
import { healthRoutes } from './routes/health';
import { authRoutes } from './modules/access/routes/auth';
import { meRoutes } from './modules/people/routes/me';
import { orgRoutes } from './modules/people/routes/org';
import { directoryRoutes, peopleRoutes } from './modules/people/routes/people';
import { adminRoutes } from './modules/access/routes/roles';
import { syncRoutes } from './modules/sync/routes/sync';
import { QUEUE_BOARD_PATH, queueBoard } from './routes/queueBoard';
import { DINGTALK_CALLBACK_PATH, dingtalkCallbackRoutes } from './modules/sync/routes/dingtalkCallback';
import { importRoutes } from './modules/imports/routes';
import { notifyRoutes } from './modules/notify/routes';
import { incentiveRoutes } from './modules/pay/routes/incentives';
import { incentivePlanRoutes } from './modules/pay/routes/incentivePlans';
import { planAssignmentRoutes } from './modules/pay/routes/planAssignments';
import { kpiSchemeRoutes } from './modules/pay/routes/kpiSchemes';
import { kpiResultRoutes } from './modules/pay/routes/kpiResults';
import { auditLogRoutes } from './modules/audit/routes/auditLog';
import { payoutRunRoutes } from './modules/pay/routes/payoutRuns';
import { payoutStatementRoutes } from './modules/pay/routes/payoutStatements';
import { payoutDisputeRoutes } from './modules/pay/routes/payoutDisputes';
import { retentionRoutes } from './modules/retention/routes/retentionRisks';
import { outcomesRoutes } from './modules/outcomes/routes/outcomes';
import { jobModelRoutes } from './modules/talent/routes/jobModels';
import { talentReviewRoutes } from './modules/talent/routes/talentReview';
import { talentRecomputeRoutes } from './modules/talent/routes/talentRecomputes';
import { portraitEvidenceRoutes } from './modules/talent/routes/portraitEvidence';
import { assessmentRoutes } from './modules/assessment/routes/assessments';
import { pulseRoutes } from './modules/pulse/routes/pulse';
import { apiTokenRoutes } from './modules/openapi/routes/apiTokens';
import { openPayrollRoutes } from './modules/openapi/routes/openPayroll';

/**
 * Every router of the app: `open` ones answer without a session, `signedIn` ones sit behind `authenticate`. A new
 * route goes into one of these lists; the permission matrix (docs/permissions.md) walks them and fails until the route
 * has its row.
 */
export function appRouters(deps: AppDeps): { open: Router<AppState>[]; signedIn: Router<AppState>[] } {
  return {
    open: [healthRoutes(deps), authRoutes(deps), dingtalkCallbackRoutes(deps), openPayrollRoutes(deps)],
    signedIn: [
      meRoutes(deps),
      orgRoutes(deps),
      peopleRoutes(deps),
      directoryRoutes(deps),
      syncRoutes(deps),
      adminRoutes(deps),
      importRoutes(deps),
      notifyRoutes(deps),
      incentiveRoutes(deps),
      incentivePlanRoutes(deps),
      planAssignmentRoutes(deps),
      kpiSchemeRoutes(deps),
      kpiResultRoutes(deps),
      auditLogRoutes(deps),
      payoutRunRoutes(deps),
      payoutStatementRoutes(deps),
      payoutDisputeRoutes(deps),
      retentionRoutes(deps),
      outcomesRoutes(deps),
      jobModelRoutes(deps),
      talentReviewRoutes(deps),
      talentRecomputeRoutes(deps),
      portraitEvidenceRoutes(deps),
      assessmentRoutes(deps),
      pulseRoutes(deps),
      apiTokenRoutes(deps),
    ],
  };
}

/** Paths behind a session: the API and the queue board. */
const needsSession = (path: string) => path.startsWith('/api/') || path === QUEUE_BOARD_PATH || path.startsWith(`${QUEUE_BOARD_PATH}/`);

/**
 * Build the Koa app: request context, security headers, the one error handler, the CSRF guard, JSON bodies within
 * limits, public routes, then everything behind a session.
 */
export function createApp(deps: AppDeps): Koa<AppState> {
  const app = new Koa<AppState>();
  // Secure cookies mean TLS ends at a proxy in front of us; trust its X-Forwarded-Proto (and -For, for rate limits).
  app.proxy = deps.config.cookieSecure;
  app.use(requestContext(deps.log));
  app.use(securityHeaders({ https: deps.config.cookieSecure }));
  app.use(errorHandler({ explainInternal: deps.config.env === 'test' }));
  // DingTalk's callback carries no cookie and proves itself by its signature: no Origin to check.
  app.use(csrfGuard({ publicUrl: deps.config.publicUrl, exempt: (path) => path === DINGTALK_CALLBACK_PATH }));
  app.use(jsonBody());
  app.use(serveMiniapp());
  const { open, signedIn } = appRouters(deps);
  for (const r of open) app.use(r.routes()).use(r.allowedMethods());
  const board = queueBoard(deps);
  const auth = authenticate(deps);
  app.use(async (ctx, next) => (needsSession(ctx.path) ? auth(ctx, next) : next()));
  if (board) app.use(board);
  for (const r of signedIn) app.use(r.routes()).use(r.allowedMethods());
  return app;
}
