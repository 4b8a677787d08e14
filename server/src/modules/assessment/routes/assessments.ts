/**
 * Assessments (测评).
 * HR and admins: questionnaires through pay's versioned-rule routes (/api/v1/questionnaires,
 * /api/v1/questionnaire-versions/:id), and cycles: GET/POST /api/v1/assessment-cycles, GET
 * /api/v1/assessment-cycles/:id (completion by department counted in SQL, a page of the sheets by status, department, name), POST /api/v1/assessment-cycles/:id/remind.
 * Everyone: GET /api/v1/assessments/mine, POST /api/v1/assessments/sheets/:id/open, PUT …/answers, POST …/submit
 * (their own sheets only), and GET /api/v1/assessments/people/:userid (a person's results in scope, self and
 * supervisor ratings apart). A cycle, sheet or person outside the caller's scope answers 404.
 */
import type Router from '@koa/router';
import { QUESTIONNAIRE_TEMPLATES, type CycleLaunchInput, type PersonAssessments } from '@liucai/shared';
import type { Actor, AppDeps, AppState } from '../../../appTypes';
import type { Questionnaire, QuestionnaireVersion } from '../../../entities';
import { validate } from '../../../middleware/validate';
import { userRefs } from '../../pay/presenters/userRefs';
import { ruleRoutes } from '../../pay/routes/ruleRoutes';
import { kickOutbox } from '../../notify/commands/outboxKick';
import { loadDepartmentIndex } from '../../people/queries/departmentIndex';
import { findPersonInScope } from '../../people/queries/personInScope';
import { assertTalentAdmin } from '../../talent/policies/talentAdmin';
import { openSheet, saveAnswers, submitSheet } from '../commands/answerSheetWriter';
import { launchCycle } from '../commands/cycleLauncher';
import { remindLate } from '../commands/cycleReminder';
import { cycleCompletionInScope, cycleInScope, visibleCycleCounts, visibleCycles, type CycleCounts, type VisibleCycle } from '../policies/cycleAccess';
import { presentCycleDetail, presentCycleSummary, presentQuestionnaires, presentQuestionnaireVersion, presentSheet } from '../presenters/assessmentPresenter';
import { cycleNames, myTasks, resultsOf } from '../queries/assessmentQueries';
import { cycleSheetPage } from '../queries/cycleSheets';
import { QUESTIONNAIRE_FAMILY } from '../questionnaireFamily';
import { ASSESSMENT_FIELD_LABELS, AnswersBodySchema, CycleLaunchSchema, CycleSheetsQuerySchema, IdParamSchema, SubmitBodySchema } from './schema';

export function assessmentRoutes(deps: AppDeps): Router<AppState> {
  const r = ruleRoutes(deps, {
    family: QUESTIONNAIRE_FAMILY,
    prefix: '/api/v1',
    rules: 'questionnaires',
    versions: 'questionnaire-versions',
    audit: 'questionnaire',
    presentRules: (ds, corpId, rules, versions, today) =>
      presentQuestionnaires(ds, corpId, rules as Questionnaire[], versions as QuestionnaireVersion[], today),
    presentVersion: (v, users) => presentQuestionnaireVersion(v as QuestionnaireVersion, users),
    assertAdmin: assertTalentAdmin,
    builtIns: QUESTIONNAIRE_TEMPLATES,
  });
  const kick = (corpId: string) =>
    kickOutbox(deps.jobs, corpId).catch((err: unknown) =>
      deps.log.warn({ err, corpId }, 'assessment notifications: outbox kick failed (the minute tick sends them)'),
    );

  const counted = (found: VisibleCycle[]): CycleCounts[] =>
    found.map(({ cycle, sheets }) => ({ cycle, total: sheets.length, submitted: sheets.filter((s) => s.submittedAt).length }));
  const summaries = async (actor: Actor, found: CycleCounts[], now: Date) => {
    const names = await cycleNames(
      deps.ds,
      actor,
      found.map((f) => f.cycle),
    );
    return found.map((f) => presentCycleSummary(f, names, now));
  };

  r.get('/assessment-cycles', async (ctx) => {
    const actor = ctx.state.actor!;
    const now = new Date();
    ctx.body = { ok: true, data: await summaries(actor, await visibleCycleCounts(deps.ds, actor), now) };
  });

  r.post('/assessment-cycles', async (ctx) => {
    const actor = ctx.state.actor!;
    assertTalentAdmin(actor);
    const input = validate(CycleLaunchSchema, ctx.request.body ?? {}, ASSESSMENT_FIELD_LABELS) as CycleLaunchInput;
    const { cycle, sheets } = await launchCycle(deps.ds, actor, input);
    await kick(actor.corpId);
    ctx.state.log.info({ audit: 'assessment_cycle_launched', by: actor.userid, cycleId: cycle.id, sheets }, 'audit');
    const [summary] = await summaries(actor, counted(await visibleCycles(deps.ds, actor, { id: cycle.id, limit: 1 })), new Date());
    ctx.status = 201;
    ctx.body = { ok: true, data: summary };
  });

  r.get('/assessment-cycles/:id', async (ctx) => {
    const actor = ctx.state.actor!;
    const { id } = validate(IdParamSchema, ctx.params, ASSESSMENT_FIELD_LABELS);
    const filters = validate(CycleSheetsQuerySchema, ctx.query, ASSESSMENT_FIELD_LABELS);
    const depts = await loadDepartmentIndex(deps.ds, actor.corpId, actor.orgVersion);
    const { cycle, scope, departments } = await cycleCompletionInScope(deps.ds, actor, id, depts);
    const total = departments.reduce((n, d) => n + d.total, 0);
    const submitted = departments.reduce((n, d) => n + d.submitted, 0);
    const [summary] = await summaries(actor, [{ cycle, total, submitted }], new Date());
    const sheets = await cycleSheetPage(deps.ds, actor, id, scope, filters, depts, departments);
    ctx.body = { ok: true, data: presentCycleDetail(summary!, departments, depts, sheets) };
  });

  r.post('/assessment-cycles/:id/remind', async (ctx) => {
    const actor = ctx.state.actor!;
    const { id } = validate(IdParamSchema, ctx.params, ASSESSMENT_FIELD_LABELS);
    const found = await cycleInScope(deps.ds, actor, id);
    const result = await remindLate(deps.ds, actor, found);
    if (result.reminded > 0) await kick(actor.corpId);
    ctx.body = { ok: true, data: result };
  });

  r.get('/assessments/mine', async (ctx) => {
    const actor = ctx.state.actor!;
    ctx.body = { ok: true, data: await myTasks(deps.ds, actor, new Date()) };
  });

  const sheetBody = async (corpId: string, s: Awaited<ReturnType<typeof openSheet>>) => {
    const refs = await userRefs(deps.ds, corpId, [s.sheet.subjectUserid]);
    return presentSheet(s, refs.get(s.sheet.subjectUserid) ?? { userid: s.sheet.subjectUserid, name: s.sheet.subjectUserid, title: null }, new Date());
  };

  r.post('/assessments/sheets/:id/open', async (ctx) => {
    const actor = ctx.state.actor!;
    const { id } = validate(IdParamSchema, ctx.params, ASSESSMENT_FIELD_LABELS);
    ctx.body = { ok: true, data: await sheetBody(actor.corpId, await openSheet(deps.ds, actor, id)) };
  });

  r.put('/assessments/sheets/:id/answers', async (ctx) => {
    const actor = ctx.state.actor!;
    const { id } = validate(IdParamSchema, ctx.params, ASSESSMENT_FIELD_LABELS);
    const { answers } = validate(AnswersBodySchema, ctx.request.body ?? {}, ASSESSMENT_FIELD_LABELS);
    ctx.body = { ok: true, data: await sheetBody(actor.corpId, await saveAnswers(deps.ds, actor, id, answers)) };
  });

  r.post('/assessments/sheets/:id/submit', async (ctx) => {
    const actor = ctx.state.actor!;
    const { id } = validate(IdParamSchema, ctx.params, ASSESSMENT_FIELD_LABELS);
    const { answers } = validate(SubmitBodySchema, ctx.request.body ?? {}, ASSESSMENT_FIELD_LABELS);
    const s = await submitSheet(deps.ds, actor, id, answers);
    ctx.state.log.info({ audit: 'assessment_sheet_submitted', by: actor.userid, sheetId: id }, 'audit');
    ctx.body = { ok: true, data: await sheetBody(actor.corpId, s) };
  });

  r.get('/assessments/people/:userid', async (ctx) => {
    const actor = ctx.state.actor!;
    const depts = await loadDepartmentIndex(deps.ds, actor.corpId, actor.orgVersion);
    const { person } = await findPersonInScope(deps.ds, actor, ctx.params.userid ?? '', depts);
    const results = await resultsOf(deps.ds, actor.corpId, person.userid);
    const data: PersonAssessments = {
      userid: person.userid,
      name: person.name,
      self: results.filter((x) => x.role === 'self'),
      supervisor: results.filter((x) => x.role === 'supervisor'),
    };
    ctx.body = { ok: true, data };
  });
  return r;
}
