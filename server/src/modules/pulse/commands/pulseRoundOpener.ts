/**
 * Open a round of a pulse survey: the round (its questions fixed), one invitation per active person of the team (the
 * department with everything below it) with their group (main department, or the team's when it lies outside), and
 * the invitations as one work notification, all in the caller's transaction. Recurring surveys open their next
 * round from the nightly run (`openDueRounds`).
 */
import type { DataSource, EntityManager } from 'typeorm';
import { nextPulseRound, zh, type PulseCadence } from '@liucai/shared';
import { PulseInvitation, PulseRound, PulseSurvey } from '../../../entities';
import { shanghaiDate } from '../../../util/dates';
import { recordNotification } from '../../notify/commands/notificationRecorder';
import { loadDepartmentIndex } from '../../people/queries/departmentIndex';
import { activePeopleOfDepartments } from '../../people/queries/activePeopleOfDepartments';

/** Where invitations open: employees answer on 测评. */
export const PULSE_ANSWER_PAGE = '/assessments';
const BATCH = 500;

export async function teamOf(ds: DataSource, corpId: string, deptId: number): Promise<{ userid: string; group: number }[]> {
  const index = await loadDepartmentIndex(ds, corpId);
  const subtree = index.subtree([deptId]);
  const people = await activePeopleOfDepartments(ds, corpId, index.departments, [deptId]);
  return people.map((p) => ({ userid: p.userid, group: p.mainDeptId !== null && subtree.has(p.mainDeptId) ? p.mainDeptId : deptId }));
}

export async function openRound(
  em: EntityManager,
  survey: PulseSurvey,
  dates: { opensOn: string; dueOn: string },
  team: readonly { userid: string; group: number }[],
  now: Date,
  opts: { notify?: boolean } = {},
): Promise<PulseRound> {
  const round = await em.getRepository(PulseRound).save(
    Object.assign(new PulseRound(), {
      corpId: survey.corpId,
      surveyId: survey.id,
      opensOn: dates.opensOn,
      dueOn: dates.dueOn,
      questions: survey.questions,
      invited: team.length,
      createdAt: now,
    }),
  );
  const rows = team.map((t) => ({ corpId: survey.corpId, roundId: round.id, userid: t.userid, deptId: t.group, answeredOn: null }));
  for (let i = 0; i < rows.length; i += BATCH)
    await em
      .createQueryBuilder()
      .insert()
      .into(PulseInvitation)
      .values(rows.slice(i, i + BATCH))
      .execute();
  if (team.length > 0 && opts.notify !== false)
    await recordNotification(
      em,
      {
        corpId: survey.corpId,
        recipients: team.map((t) => t.userid),
        kind: 'pulse.invited',
        dedupeKey: `pulse:${round.id}:invite`,
        urgency: 'now',
        title: zh`请参加匿名脉搏调查“${survey.title}”`,
        body: zh`约 1 分钟，请在 ${round.dueOn} 前作答。答案匿名保存，不与姓名关联；作答满 5 人的团队才显示结果。`,
        page: PULSE_ANSWER_PAGE,
      },
      now,
    );
  return round;
}

/** Open the rounds recurring surveys are due (one per survey and night at most; missed rounds are skipped). */
export async function openDueRounds(ds: DataSource, corpId: string, now = new Date()): Promise<number> {
  const today = shanghaiDate(now);
  // tenancy: the corp's active surveys.
  const surveys = await ds.getRepository(PulseSurvey).find({ where: { corpId, active: true } });
  let opened = 0;
  for (const survey of surveys) {
    if (survey.cadence === 'once') continue;
    // tenancy: the corp's rounds of the survey.
    const last = await ds.getRepository(PulseRound).findOne({ where: { corpId, surveyId: survey.id }, order: { opensOn: 'DESC' } });
    if (!last) continue;
    let next = nextPulseRound(survey.cadence as PulseCadence, last);
    while (next && next.dueOn < today) next = nextPulseRound(survey.cadence as PulseCadence, next);
    if (!next || next.opensOn > today) continue;
    const team = await teamOf(ds, corpId, Number(survey.deptId));
    const dates = next;
    await ds.transaction((em) => openRound(em, survey, dates, team, now));
    opened += 1;
  }
  return opened;
}
