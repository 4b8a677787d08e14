/** HR schedules a pulse survey for a team within its departments; the first round opens at once. Audited. */
import type { DataSource } from 'typeorm';
import { PULSE_TEMPLATE, validatePulseQuestions, zh, type PulseSurveyInput } from '@liucai/shared';
import type { Actor } from '../../../appTypes';
import { PulseSurvey, type PulseRound } from '../../../entities';
import { notFound, validationError } from '../../../errors';
import { shanghaiDate } from '../../../util/dates';
import { pulseProblems } from './pulseProblems';
import { recordAudit } from '../../audit/commands/auditRecorder';
import { pulseDepartments } from '../policies/pulseAccess';
import { openRound, teamOf } from './pulseRoundOpener';

/**
 * HR stops a survey of its departments (anyone else's: 404): no more rounds open; a round already open runs to its
 * due date, so nobody's answer is cut off. Stopping a stopped survey changes nothing. Audited.
 */
export async function stopSurvey(ds: DataSource, actor: Actor, surveyId: number): Promise<void> {
  const depts = await pulseDepartments(ds, actor);
  await ds.transaction(async (em) => {
    // tenancy: the corp's survey.
    const survey = await em.getRepository(PulseSurvey).findOneBy({ corpId: actor.corpId, id: surveyId });
    if (!survey || !depts.has(Number(survey.deptId))) throw notFound('调查');
    if (!survey.active) return;
    // tenancy: the corp's survey.
    await em.getRepository(PulseSurvey).update({ corpId: actor.corpId, id: surveyId }, { active: false });
    await recordAudit(em, actor, {
      action: 'pulse.survey.stop',
      targetKind: 'pulse_survey',
      targetId: surveyId,
      detail: { title: survey.title, deptId: Number(survey.deptId) },
    });
  });
}

export async function scheduleSurvey(
  ds: DataSource,
  actor: Actor,
  input: PulseSurveyInput,
  now = new Date(),
): Promise<{ survey: PulseSurvey; round: PulseRound }> {
  const depts = await pulseDepartments(ds, actor);
  if (!depts.has(input.deptId)) throw notFound('部门');
  const questions = input.questions ?? PULSE_TEMPLATE.questions;
  const problems = validatePulseQuestions(questions);
  if (problems.length > 0) throw pulseProblems(problems);
  const today = shanghaiDate(now);
  if (input.dueOn < today) throw validationError([{ field: 'dueOn', label: '截止日期', message: zh`截止日期应不早于今天（${today}），现为 ${input.dueOn}` }]);
  const team = await teamOf(ds, actor.corpId, input.deptId);
  if (team.length === 0) throw validationError([{ field: 'deptId', label: '团队', message: '所选部门中没有在职员工' }]);
  return ds.transaction(async (em) => {
    const survey = await em.getRepository(PulseSurvey).save(
      Object.assign(new PulseSurvey(), {
        corpId: actor.corpId,
        title: input.title.trim(),
        deptId: input.deptId,
        cadence: input.cadence,
        questions: JSON.stringify(questions.map((q) => ({ ...q, text: q.text.trim() }))),
        active: true,
        createdBy: actor.userid,
        createdAt: now,
      }),
    );
    const round = await openRound(em, survey, { opensOn: today, dueOn: input.dueOn }, team, now);
    await recordAudit(em, actor, {
      action: 'pulse.survey.create',
      targetKind: 'pulse_survey',
      targetId: survey.id,
      detail: { deptId: input.deptId, cadence: input.cadence, dueOn: input.dueOn, questions: questions.length, invited: team.length },
    });
    return { survey, round };
  });
}
