/**
 * How the permission matrix calls the assessment routes: each actor edits a questionnaire of its own (v1 published, a
 * draft to edit, a draft to publish); HR's views use a cycle the admin launched to the target; each signed-in actor
 * opens, saves and submits its own sheet, one cycle per route, so no call depends on another's.
 */
import { BIG_CLIENT_SALES_QUESTIONNAIRE, QUESTIONNAIRE_TEMPLATES } from '@liucai/shared';
import { QuestionnaireVersion, Questionnaire } from '../../server/src/entities';
import { ensureBuiltInQuestionnaires } from '../../server/src/modules/assessment/commands/builtInQuestionnaireSeeder';
import { launchCycle } from '../../server/src/modules/assessment/commands/cycleLauncher';
import { QUESTIONNAIRE_FAMILY } from '../../server/src/modules/assessment/questionnaireFamily';
import { AssessmentResponse } from '../../server/src/entities';
import type { PermissionWorld } from './permissionWorld';
import { actorRuleVersions, once, setupActor } from './fixtureRules';
import type { ActorName } from './permissionTable';
import type { Fixture } from './permissionFixtures';

const DEFINITION = BIG_CLIENT_SALES_QUESTIONNAIRE.definition;
const DUE = '2099-12-31';

/** The built-in questionnaire's published version. */
const bankVersion = (pw: PermissionWorld) =>
  once(pw, 'bank', async () => {
    await ensureBuiltInQuestionnaires(pw.w.ds, pw.w.corpId);
    const q = await pw.w.ds.getRepository(Questionnaire).findOneByOrFail({ corpId: pw.w.corpId, code: QUESTIONNAIRE_TEMPLATES[0]!.code });
    return (await pw.w.ds.getRepository(QuestionnaireVersion).findOneByOrFail({ corpId: pw.w.corpId, questionnaireId: q.id, version: 1 })).id;
  });

/** The actor's own questionnaire: v1 published, a draft to edit and a draft to publish. */
const actorQuestionnaire = (pw: PermissionWorld, actor: ActorName) =>
  actorRuleVersions(pw, QUESTIONNAIRE_FAMILY, actor, { code: `matrix-q-${actor}`, name: `矩阵问卷 ${actor}` }, DEFINITION);

/** A cycle the admin launched to the target (HR's views and reminders). */
const targetCycle = (pw: PermissionWorld) =>
  once(pw, 'targetCycle', async () => {
    const { cycle } = await launchCycle(pw.w.ds, setupActor(pw), { versionId: await bankVersion(pw), title: '矩阵测评', userids: [pw.target], dueOn: DUE });
    return cycle.id;
  });

/** A cycle to every signed-in actor, one per route that writes a sheet; the actor's own sheet in it. */
const ownSheet = async (pw: PermissionWorld, purpose: string, actor: ActorName): Promise<number> => {
  const cycleId = await once(pw, `sheets:${purpose}`, async () => {
    const everyone = (['employee', 'supervisorOfTarget', 'supervisorOther', 'hrInScope', 'hrOutOfScope', 'admin'] as const).map((a) => pw.users[a]!);
    const { cycle } = await launchCycle(pw.w.ds, setupActor(pw), {
      versionId: await bankVersion(pw),
      title: `矩阵答卷 ${purpose}`,
      userids: everyone,
      dueOn: DUE,
    });
    return cycle.id;
  });
  const rater = pw.users[actor];
  if (!rater || actor === 'otherCorp') return 1;
  return (await pw.w.ds.getRepository(AssessmentResponse).findOneByOrFail({ corpId: pw.w.corpId, cycleId, raterUserid: rater, role: 'self' })).id;
};

const answers = () => {
  const out: Record<string, string | string[] | number> = {};
  for (const i of DEFINITION.items) {
    if (i.kind === 'likert') out[i.id] = 4;
    else if (i.kind === 'multiple') out[i.id] = [i.options![0]!.id];
    else if (i.kind !== 'text') out[i.id] = i.options![0]!.id;
  }
  return out;
};

export const ASSESSMENT_FIXTURES: Record<string, Fixture> = {
  'POST /api/v1/questionnaires': {
    call: (_pw, actor) => ({ path: '/api/v1/questionnaires', json: { code: `matrix-new-q-${actor}`, name: `矩阵新建问卷 ${actor}` } }),
  },
  'GET /api/v1/questionnaires/:id': { call: async (pw, actor) => ({ path: `/api/v1/questionnaires/${(await actorQuestionnaire(pw, actor)).id}` }) },
  'POST /api/v1/questionnaires/:id/versions': {
    call: async (pw, actor) => ({
      path: `/api/v1/questionnaires/${(await actorQuestionnaire(pw, actor)).id}/versions`,
      json: { effectiveFrom: '2040-01-01', note: '矩阵新草稿', definition: DEFINITION },
    }),
  },
  'PUT /api/v1/questionnaire-versions/:id': {
    call: async (pw, actor) => ({
      path: `/api/v1/questionnaire-versions/${(await actorQuestionnaire(pw, actor)).editDraftId}`,
      json: { effectiveFrom: '2041-02-01', effectiveTo: '2041-12-31', note: '矩阵草稿：已修改', definition: DEFINITION },
    }),
  },
  'POST /api/v1/questionnaire-versions/:id/publish': {
    call: async (pw, actor) => ({ path: `/api/v1/questionnaire-versions/${(await actorQuestionnaire(pw, actor)).publishDraftId}/publish`, json: {} }),
  },
  'POST /api/v1/questionnaire-versions/:id/copy': {
    call: async (pw, actor) => ({
      path: `/api/v1/questionnaire-versions/${(await actorQuestionnaire(pw, actor)).publishedId}/copy`,
      json: { effectiveFrom: '2042-01-01', note: '矩阵复制' },
    }),
  },
  'POST /api/v1/assessment-cycles': {
    call: async (pw, actor) => ({
      path: '/api/v1/assessment-cycles',
      json: { versionId: await bankVersion(pw), title: `矩阵发起 ${actor}`, userids: [pw.target], dueOn: DUE },
    }),
  },
  'GET /api/v1/assessment-cycles/:id': { call: async (pw) => ({ path: `/api/v1/assessment-cycles/${await targetCycle(pw)}` }) },
  'POST /api/v1/assessment-cycles/:id/remind': { call: async (pw) => ({ path: `/api/v1/assessment-cycles/${await targetCycle(pw)}/remind`, json: {} }) },
  'POST /api/v1/assessments/sheets/:id/open': {
    call: async (pw, actor) => ({ path: `/api/v1/assessments/sheets/${await ownSheet(pw, 'open', actor)}/open`, json: {} }),
  },
  'PUT /api/v1/assessments/sheets/:id/answers': {
    call: async (pw, actor) => ({ path: `/api/v1/assessments/sheets/${await ownSheet(pw, 'save', actor)}/answers`, json: { answers: { 'insight-4': 4 } } }),
  },
  'POST /api/v1/assessments/sheets/:id/submit': {
    call: async (pw, actor) => ({ path: `/api/v1/assessments/sheets/${await ownSheet(pw, 'submit', actor)}/submit`, json: { answers: answers() } }),
  },
  'GET /api/v1/assessments/people/:userid': { call: (pw) => ({ path: `/api/v1/assessments/people/${pw.target}` }) },
};
