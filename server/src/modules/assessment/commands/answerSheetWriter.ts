/**
 * The person answering: open a sheet (starts its time limit once), save progress, submit once. The server decides
 * what is late: after the due day, after the time limit (30 s of grace for the network) or a second submission is
 * refused with a Chinese error and changes nothing.
 */
import type { DataSource } from 'typeorm';
import { IsNull } from 'typeorm';
import { checkAnswers, scoreQuestionnaire, zh, type Answers, type QuestionnaireDefinition } from '@liucai/shared';
import type { Actor } from '../../../appTypes';
import { AssessmentCycle, AssessmentResponse, Questionnaire, QuestionnaireVersion } from '../../../entities';
import { conflict, notFound, validationError } from '../../../errors';
import { shanghaiDate } from '../../../util/dates';
import { recordAudit } from '../../audit/commands/auditRecorder';

export const TIME_LIMIT_GRACE_MS = 30_000;

export interface OwnSheet {
  sheet: AssessmentResponse;
  cycle: AssessmentCycle;
  questionnaire: Questionnaire;
  version: QuestionnaireVersion;
  definition: QuestionnaireDefinition;
}

/** The actor's own sheet (they are its rater), or 404. */
export async function loadOwnSheet(ds: DataSource, actor: Actor, id: number): Promise<OwnSheet> {
  // tenancy: the corp's sheet, and only the rater's.
  const sheet = await ds.getRepository(AssessmentResponse).findOne({ where: { corpId: actor.corpId, id, raterUserid: actor.userid } });
  if (!sheet) throw notFound('测评');
  // tenancy: the corp's cycle, version and questionnaire.
  const cycle = await ds.getRepository(AssessmentCycle).findOneOrFail({ where: { corpId: actor.corpId, id: sheet.cycleId } });
  const version = await ds.getRepository(QuestionnaireVersion).findOneOrFail({ where: { corpId: actor.corpId, id: sheet.versionId } });
  const questionnaire = await ds.getRepository(Questionnaire).findOneOrFail({ where: { corpId: actor.corpId, id: version.questionnaireId } });
  return { sheet, cycle, questionnaire, version, definition: JSON.parse(version.definition) as QuestionnaireDefinition };
}

export const isClosed = (cycle: Pick<AssessmentCycle, 'dueOn'>, now: Date) => shanghaiDate(now) > cycle.dueOn;
export const isTimedOut = (sheet: AssessmentResponse, now: Date) =>
  sheet.deadlineAt !== null && now.getTime() > sheet.deadlineAt.getTime() + TIME_LIMIT_GRACE_MS;

/** Refuse any write to a sheet that was submitted, whose cycle is over, or whose time is up. */
function assertWritable(s: OwnSheet, now: Date): void {
  if (s.sheet.submittedAt) throw conflict('already_submitted', '这份测评已经提交过：每次测评只能提交一次');
  if (isClosed(s.cycle, now)) throw conflict('cycle_closed', zh`测评“${s.cycle.title}”已于 ${s.cycle.dueOn} 截止，不能再作答`);
  if (isTimedOut(s.sheet, now)) throw conflict('time_up', zh`答题限时 ${s.cycle.timeLimitMinutes ?? 0} 分钟，时间已到，不能再保存或提交`);
}

/** Open the sheet: the first opening before the due day starts the time limit (once, whoever races). */
export async function openSheet(ds: DataSource, actor: Actor, id: number, now = new Date()): Promise<OwnSheet> {
  const s = await loadOwnSheet(ds, actor, id);
  if (s.sheet.startedAt || s.sheet.submittedAt || isClosed(s.cycle, now)) return s;
  const deadlineAt = s.cycle.timeLimitMinutes ? new Date(now.getTime() + s.cycle.timeLimitMinutes * 60_000) : null;
  // tenancy: the corp's sheet; only the first opening sets the clock.
  await ds.getRepository(AssessmentResponse).update({ corpId: actor.corpId, id, startedAt: IsNull() }, { startedAt: now, deadlineAt });
  return loadOwnSheet(ds, actor, id);
}

function checked(s: OwnSheet, answers: unknown, final: boolean): Answers {
  const problems = checkAnswers(s.definition, answers, { final });
  if (problems.length > 0)
    throw validationError(
      problems.map((p) => ({ field: p.itemId ? `answers.${p.itemId}` : 'answers', label: '答案', message: p.message })),
      final ? '答卷还不能提交' : '答案有误',
    );
  return answers as Answers;
}

/** Save progress (the answers so far replace the saved ones). */
export async function saveAnswers(ds: DataSource, actor: Actor, id: number, answers: unknown, now = new Date()): Promise<OwnSheet> {
  let s = await openSheet(ds, actor, id, now);
  assertWritable(s, now);
  const valid = checked(s, answers, false);
  // tenancy: the corp's sheet, still open.
  const r = await ds
    .getRepository(AssessmentResponse)
    .update({ corpId: actor.corpId, id, submittedAt: IsNull() }, { answers: JSON.stringify(valid), savedAt: now });
  if (!r.affected) throw conflict('already_submitted', '这份测评已经提交过：每次测评只能提交一次');
  s = await loadOwnSheet(ds, actor, id);
  return s;
}

/** Submit once: the answers (given, else the saved ones) must answer every required item; scores are stored. */
export async function submitSheet(ds: DataSource, actor: Actor, id: number, answers: unknown | undefined, now = new Date()): Promise<OwnSheet> {
  const s = await openSheet(ds, actor, id, now);
  assertWritable(s, now);
  const valid = checked(s, answers ?? (s.sheet.answers ? JSON.parse(s.sheet.answers) : {}), true);
  const scores = scoreQuestionnaire(s.definition, valid);
  await ds.transaction(async (em) => {
    // tenancy: the corp's sheet; the condition makes a second submission (even a racing one) change nothing.
    const r = await em
      .getRepository(AssessmentResponse)
      .update(
        { corpId: actor.corpId, id, submittedAt: IsNull() },
        { answers: JSON.stringify(valid), savedAt: now, submittedAt: now, scores: JSON.stringify(scores) },
      );
    if (!r.affected) throw conflict('already_submitted', '这份测评已经提交过：每次测评只能提交一次');
    await recordAudit(em, actor, {
      action: 'assessment.response.submit',
      targetKind: 'assessment_response',
      targetId: id,
      subjectUserid: s.sheet.subjectUserid,
      detail: { cycleId: s.cycle.id, versionId: s.version.id, role: s.sheet.role, scores: Object.fromEntries(scores.map((d) => [d.dimension, d.score])) },
    });
  });
  return loadOwnSheet(ds, actor, id);
}
