/**
 * Sandbox-only helpers under /sandbox/*: issue auth codes (what requestAuthCode does inside DingTalk), list corps,
 * set faults, read stats, make people leave or months pass, and download the corp's training export (DingTalk has no
 * training API: the demo imports this file as HR would import their learning platform's). Not throttled, not failure-injected; CORS-open so
 * the micro-app's demo login can call them from a browser.
 */
import type { Context, Next } from 'koa';
import { AUTH_CODE_TTL_SECONDS } from '../wireFacts';
import { optionalInt, optionalString, ParamError, paramsOf, requiredInt, requiredString } from './bodyParams';
import { setCrmRecordDeleted } from './crmModel';
import { faultProblems, type SandboxFaults } from './faultInjector';
import type { SandboxCorp } from './SandboxCorp';
import type { SandboxState } from './sandboxState';
import { TRAINING_FILE_NAME, generateTraining, trainingCsv } from './trainingModel';
import { sandboxError } from './wire';

/** What a router must offer for these routes (a @koa/router Router with params on ctx). */
export interface SandboxRouteTarget {
  get(path: string, handler: (ctx: Context & { params: Record<string, string> }) => unknown): unknown;
  post(path: string, handler: (ctx: Context & { params: Record<string, string> }) => unknown): unknown;
}

/** CORS for /sandbox/* only: DingTalk's own endpoints are server-to-server and send no CORS headers. */
export async function sandboxCors(ctx: Context, next: Next): Promise<void> {
  if (!ctx.path.startsWith('/sandbox')) return next();
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  ctx.set('Access-Control-Allow-Headers', 'content-type');
  if (ctx.method === 'OPTIONS') {
    ctx.status = 204;
    return;
  }
  await next();
}

/** Public description of a corp (never the app secret). */
export function describeCorp(corp: SandboxCorp): Record<string, unknown> {
  return {
    corpId: corp.corpId,
    corpName: corp.corpName,
    agentId: corp.agentId,
    appKey: corp.appKey,
    employees: corp.employeeCount,
    departments: corp.departments.size,
    departures: corp.departures.length,
    asOfMs: corp.asOfMs,
    demoUsers: corp.demoUsers,
  };
}

/** Issue an auth code for an active user (shared by POST /sandbox/authCode and handle.issueAuthCode). */
export function issueAuthCodeFor(state: SandboxState, corpId: string | undefined, userid: string): { code: string } | { error: string } {
  const corp = corpId === undefined ? state.corps.values().next().value : state.corps.get(corpId);
  if (!corp) return { error: `no sandbox corp ${corpId ?? '(none)'}` };
  if (!corp.getUser(userid)) return { error: `no active user ${userid} in ${corp.corpId}` };
  return { code: state.tokens.issueAuthCode(corp.corpId, userid) };
}

function withParamErrors(handler: (ctx: Context & { params: Record<string, string> }) => void) {
  return (ctx: Context & { params: Record<string, string> }): void => {
    try {
      handler(ctx);
    } catch (err) {
      if (!(err instanceof ParamError)) throw err;
      sandboxError(ctx, 400, 'validation_error', err.message);
    }
  };
}

/** Register the /sandbox/* helper routes. */
export function registerSandboxRoutes(router: SandboxRouteTarget, state: SandboxState): void {
  router.post(
    '/sandbox/authCode',
    withParamErrors((ctx) => {
      const p = paramsOf(ctx.request.body);
      const issued = issueAuthCodeFor(state, optionalString(p, 'corpId'), requiredString(p, 'userid'));
      if ('error' in issued) return sandboxError(ctx, 404, 'not_found', issued.error);
      ctx.body = { code: issued.code, expiresIn: AUTH_CODE_TTL_SECONDS };
    }),
  );

  router.get('/sandbox/corps', (ctx) => {
    ctx.body = { corps: [...state.corps.values()].map(describeCorp) };
  });

  router.get('/sandbox/faults', (ctx) => {
    ctx.body = { faults: state.faults.current };
  });

  router.post('/sandbox/faults', (ctx) => {
    const problems = faultProblems(ctx.request.body);
    if (problems.length > 0) return sandboxError(ctx, 400, 'validation_error', problems.join('; '));
    state.setFaults(ctx.request.body as SandboxFaults);
    ctx.body = { faults: state.faults.current };
  });

  router.get('/sandbox/stats', (ctx) => {
    ctx.body = state.faults.stats();
  });

  router.post('/sandbox/stats/reset', (ctx) => {
    state.faults.resetStats();
    ctx.body = state.faults.stats();
  });

  router.post(
    '/sandbox/corps/:corpId/users/:userid/leave',
    withParamErrors((ctx) => {
      const corp = state.corps.get(ctx.params.corpId ?? '');
      const userid = ctx.params.userid ?? '';
      if (!corp?.getUser(userid)) return sandboxError(ctx, 404, 'not_found', `no active user ${userid} in ${ctx.params.corpId ?? ''}`);
      const departure = corp.removeUser(userid, optionalInt(paramsOf(ctx.request.body), 'leftAtMs'));
      ctx.body = { userid, last_work_day: departure.last_work_day, employees: corp.employeeCount };
    }),
  );

  // Delete a CRM customer, contract or follow record as a user would in DingTalk (lists stop showing it), or restore it.
  for (const action of ['delete', 'restore'] as const) {
    router.post(
      `/sandbox/corps/:corpId/crm/records/:instanceId/${action}`,
      withParamErrors((ctx) => {
        const corp = state.corps.get(ctx.params.corpId ?? '');
        if (!corp) return sandboxError(ctx, 404, 'not_found', `no sandbox corp ${ctx.params.corpId ?? ''}`);
        const instanceId = ctx.params.instanceId ?? '';
        if (!setCrmRecordDeleted(corp, instanceId, action === 'delete')) return sandboxError(ctx, 404, 'not_found', `no CRM record ${instanceId}`);
        ctx.body = { instanceId, deleted: action === 'delete' };
      }),
    );
  }

  // The corp's training history as its learning platform would export it (trainingModel): the demo's 培训记录 import.
  router.get('/sandbox/corps/:corpId/training.csv', (ctx) => {
    const corp = state.corps.get(ctx.params.corpId ?? '');
    if (!corp) return sandboxError(ctx, 404, 'not_found', `no sandbox corp ${ctx.params.corpId ?? ''}`);
    ctx.type = 'text/csv; charset=utf-8';
    ctx.set('Content-Disposition', `attachment; filename="training.csv"; filename*=UTF-8''${encodeURIComponent(TRAINING_FILE_NAME)}`);
    ctx.body = trainingCsv(generateTraining(corp));
  });

  router.post(
    '/sandbox/corps/:corpId/advanceMonths',
    withParamErrors((ctx) => {
      const corp = state.corps.get(ctx.params.corpId ?? '');
      if (!corp) return sandboxError(ctx, 404, 'not_found', `no sandbox corp ${ctx.params.corpId ?? ''}`);
      const months = requiredInt(paramsOf(ctx.request.body), 'months');
      if (months < 0 || months > 120) throw new ParamError('months', '0..120', false);
      ctx.body = corp.advanceMonths(months);
    }),
  );
}
