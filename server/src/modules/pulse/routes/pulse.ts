/**
 * Pulse surveys (脉搏调查). HR (within its departments; others 403, surveys outside 404): GET/POST
 * /api/v1/pulse-surveys, POST /api/v1/pulse-surveys/:id/stop, GET /api/v1/pulse-rounds/:id/results (after the round closes, by group under the disclosure
 * rule; audited). Everyone: GET /api/v1/pulse/mine and POST /api/v1/pulse/rounds/:id/answers (an invitation of
 * one's own, once; anyone else's round 404).
 */
import Router from '@koa/router';
import type { PulseSurveyInput } from '@liucai/shared';
import type { AppDeps, AppState } from '../../../appTypes';
import { validate } from '../../../middleware/validate';
import { recordReadAudit } from '../../audit/commands/auditRecorder';
import { kickOutbox } from '../../notify/commands/outboxKick';
import { submitPulse } from '../commands/pulseAnswerWriter';
import { scheduleSurvey, stopSurvey } from '../commands/pulseScheduler';
import { myRounds, roundResults, surveysInScope } from '../queries/pulseResults';
import { PULSE_FIELD_LABELS, PulseAnswerSchema, PulseIdParamSchema, PulseSurveySchema } from './schema';

export function pulseRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1' });

  r.get('/pulse-surveys', async (ctx) => {
    ctx.body = { ok: true, data: await surveysInScope(deps.ds, ctx.state.actor!, new Date()) };
  });

  r.post('/pulse-surveys', async (ctx) => {
    const actor = ctx.state.actor!;
    const input = validate(PulseSurveySchema, ctx.request.body ?? {}, PULSE_FIELD_LABELS) as PulseSurveyInput;
    const { survey, round } = await scheduleSurvey(deps.ds, actor, input);
    await kickOutbox(deps.jobs, actor.corpId).catch((err: unknown) =>
      deps.log.warn({ err, corpId: actor.corpId }, 'pulse invitations: outbox kick failed (the minute tick sends them)'),
    );
    const [view] = (await surveysInScope(deps.ds, actor, new Date())).filter((s) => s.id === survey.id);
    ctx.state.log.info({ audit: 'pulse_survey_created', by: actor.userid, surveyId: survey.id, roundId: round.id, invited: round.invited }, 'audit');
    ctx.status = 201;
    ctx.body = { ok: true, data: view };
  });

  r.post('/pulse-surveys/:id/stop', async (ctx) => {
    const actor = ctx.state.actor!;
    const { id } = validate(PulseIdParamSchema, ctx.params, PULSE_FIELD_LABELS);
    await stopSurvey(deps.ds, actor, id);
    const [view] = (await surveysInScope(deps.ds, actor, new Date())).filter((s) => s.id === id);
    ctx.body = { ok: true, data: view };
  });

  r.get('/pulse-rounds/:id/results', async (ctx) => {
    const actor = ctx.state.actor!;
    const { id } = validate(PulseIdParamSchema, ctx.params, PULSE_FIELD_LABELS);
    const data = await roundResults(deps.ds, actor, id, new Date());
    await recordReadAudit(deps.ds, actor, {
      action: 'pulse.results.read',
      targetKind: 'pulse_round',
      targetId: id,
      detail: { surveyId: data.surveyId, shown: data.groups.filter((g) => g.shown).map((g) => g.deptId) },
    });
    ctx.body = { ok: true, data };
  });

  r.get('/pulse/mine', async (ctx) => {
    ctx.body = { ok: true, data: await myRounds(deps.ds, ctx.state.actor!, new Date()) };
  });

  r.post('/pulse/rounds/:id/answers', async (ctx) => {
    const actor = ctx.state.actor!;
    const { id } = validate(PulseIdParamSchema, ctx.params, PULSE_FIELD_LABELS);
    const { answers } = validate(PulseAnswerSchema, ctx.request.body ?? {}, PULSE_FIELD_LABELS);
    await submitPulse(deps.ds, actor, id, answers);
    // Not logged with the person or the answers (see pulseAnswerWriter).
    ctx.body = { ok: true, data: { answered: true } };
  });

  return r;
}
