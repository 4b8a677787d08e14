/**
 * The demo company's completed assessment: the built-in question bank, launched on the 1st of the month the
 * portraits cover to every salesperson with a portrait, each of whom answered between the 2nd and the 14th — answers
 * chosen from their generated behaviour (shared/src/talent/demoAnswers.ts), scored by the same code as any sheet.
 * Each person's supervisor (when active) rated them too, from the same record; people rate themselves a little higher
 * than their record shows, as they tend to. Run once after the demo's first data syncs and recompute (skipped when the demo cycle exists); returns whether it
 * wrote anything, so the caller recomputes the portraits with the new scores.
 */
import { In, type DataSource } from 'typeorm';
import { answersFromBehaviour, behaviourStrength, QUESTIONNAIRE_TEMPLATES, scoreQuestionnaire, type QuestionnaireDefinition } from '@liucai/shared';
import { AssessmentCycle, AssessmentResponse, Questionnaire, QuestionnaireVersion, TalentMetric, User } from '../../../entities';
import { shanghaiMidnight } from '../../../util/dates';
import { recordAudit } from '../../audit/commands/auditRecorder';
import { SYSTEM_USER } from '../../talent/commands/builtInJobModelSeeder';
import { ensureBuiltInQuestionnaires } from './builtInQuestionnaireSeeder';

export const DEMO_CYCLE_TITLE = '大客户能力测评（演示）';
const BATCH = 500;
/** How much higher people rate themselves than their record shows (0–1 scale). */
const SELF_INFLATION = 0.1;
const STRENGTH_METRICS = ['bigClientMonths', 'bigRevenueShare', 'collaborationsPerMonth', 'renewalRate'];

export async function seedDemoAssessment(ds: DataSource, corpId: string, period: string): Promise<boolean> {
  // tenancy: the corp's demo cycle.
  if (await ds.getRepository(AssessmentCycle).existsBy({ corpId, title: DEMO_CYCLE_TITLE })) return false;
  await ensureBuiltInQuestionnaires(ds, corpId);
  // tenancy: the corp's built-in questionnaire and its first version.
  const q = await ds.getRepository(Questionnaire).findOneByOrFail({ corpId, code: QUESTIONNAIRE_TEMPLATES[0]!.code });
  const version = await ds.getRepository(QuestionnaireVersion).findOneByOrFail({ corpId, questionnaireId: q.id, version: 1 });
  const definition = JSON.parse(version.definition) as QuestionnaireDefinition;
  // tenancy: the corp's portraits of the month.
  const rows = await ds.getRepository(TalentMetric).find({
    where: { corpId, period, metric: In(STRENGTH_METRICS) },
    select: { userid: true, metric: true, value: true },
  });
  const byPerson = new Map<string, Map<string, string | null>>();
  for (const r of rows) byPerson.set(r.userid, (byPerson.get(r.userid) ?? new Map()).set(r.metric, r.value));
  if (byPerson.size === 0) return false;

  // tenancy: the corp's people (their supervisors, and which of those are active).
  const users = await ds.getRepository(User).find({ where: { corpId }, select: { userid: true, supervisorUserid: true, status: true } });
  const active = new Set(users.filter((u) => u.status === 'active').map((u) => u.userid));
  const supervisorOf = new Map(users.map((u) => [u.userid, u.supervisorUserid]));
  const selfView = (strength: ReturnType<typeof behaviourStrength>) =>
    Object.fromEntries(Object.entries(strength).map(([k, v]) => [k, Math.min(1, v + SELF_INFLATION)])) as ReturnType<typeof behaviourStrength>;

  const day = (d: number) => new Date(shanghaiMidnight(`${period}-${String(d).padStart(2, '0')}`) + 10 * 3_600_000);
  await ds.transaction(async (em) => {
    const cycle = await em.getRepository(AssessmentCycle).save(
      Object.assign(new AssessmentCycle(), {
        corpId,
        title: DEMO_CYCLE_TITLE,
        questionnaireId: q.id,
        versionId: version.id,
        dueOn: `${period}-15`,
        timeLimitMinutes: 30,
        supervisorRating: true,
        audience: JSON.stringify({ userids: [...byPerson.keys()], deptIds: [] }),
        createdBy: SYSTEM_USER,
        createdAt: day(1),
        remindedAt: null,
      }),
    );
    const sheets = [...byPerson].flatMap(([userid, metrics], i) => {
      const strength = behaviourStrength(metrics);
      const supervisor = supervisorOf.get(userid);
      const raters = [
        { rater: userid, role: 'self' as const, strength: selfView(strength) },
        ...(supervisor && supervisor !== userid && active.has(supervisor) ? [{ rater: supervisor, role: 'supervisor' as const, strength }] : []),
      ];
      return raters.map(({ rater, role, strength: seen }, j) =>
        sheet(userid, rater, role, answersFromBehaviour(definition, seen, `${rater}:${userid}`), i + j * 5),
      );
    });
    function sheet(userid: string, rater: string, role: 'self' | 'supervisor', answers: ReturnType<typeof answersFromBehaviour>, i: number) {
      const submittedAt = new Date(day(2 + (i % 13)).getTime() + (i % 7) * 3_600_000);
      return {
        corpId,
        cycleId: cycle.id,
        versionId: version.id,
        subjectUserid: userid,
        raterUserid: rater,
        role,
        answers: JSON.stringify(answers),
        startedAt: new Date(submittedAt.getTime() - 14 * 60_000),
        deadlineAt: new Date(submittedAt.getTime() + 16 * 60_000),
        savedAt: submittedAt,
        submittedAt,
        scores: JSON.stringify(scoreQuestionnaire(definition, answers)),
      };
    }
    for (let i = 0; i < sheets.length; i += BATCH)
      await em
        .createQueryBuilder()
        .insert()
        .into(AssessmentResponse)
        .values(sheets.slice(i, i + BATCH))
        .execute();
    await recordAudit(
      em,
      { corpId, userid: SYSTEM_USER },
      {
        action: 'assessment.cycle.launch',
        targetKind: 'assessment_cycle',
        targetId: cycle.id,
        detail: { demo: true, versionId: version.id, people: byPerson.size, sheets: sheets.length },
      },
    );
  });
  return true;
}
