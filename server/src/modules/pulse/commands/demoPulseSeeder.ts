/**
 * The demo company's pulse surveys: a monthly survey for each department right below the company with at least 5
 * active people, with two past rounds (the month before last and last month, open the 1st to the 10th) answered
 * from behaviour — each person's answers follow the band the radar gave them by the round's end
 * (shared/src/retention/pulseDemo.ts), about 85% answer — stored exactly as live answers are (random keys, no user
 * id, the day only on the invitation). Past rounds send no invitations. Run once after the first radar run (skipped
 * when the demo survey exists), then the atmosphere of the earlier month, so last month's is judged against it.
 */
import { randomBytes } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { PULSE_TEMPLATE, addMonths, answersPulse, pulseAnswersFromRisk, wobble } from '@liucai/shared';
import { PulseAnswer, PulseInvitation, PulseSurvey, RetentionRisk } from '../../../entities';
import { shanghaiMidnight } from '../../../util/dates';
import { loadDepartmentIndex } from '../../people/queries/departmentIndex';
import { SYSTEM_USER } from '../../talent/commands/builtInJobModelSeeder';
import { computeAtmospheres } from './atmosphereComputer';
import { openRound, teamOf } from './pulseRoundOpener';

export const DEMO_PULSE_TITLE = '月度团队脉搏（演示）';
const BATCH = 500;

export async function seedDemoPulse(ds: DataSource, corpId: string, lastMonth: string, now = new Date()): Promise<boolean> {
  // tenancy: the corp's demo survey.
  if (await ds.getRepository(PulseSurvey).existsBy({ corpId, title: DEMO_PULSE_TITLE })) return false;
  const index = await loadDepartmentIndex(ds, corpId);
  const known = new Set(index.departments.map((d) => d.deptId));
  const roots = index.departments.filter((d) => d.parentId === null || !known.has(d.parentId)).map((d) => d.deptId);
  const tops = index.departments.filter((d) => d.active && d.parentId !== null && roots.includes(d.parentId)).map((d) => d.deptId);
  const teams = new Map<number, { userid: string; group: number }[]>();
  for (const deptId of tops) {
    const team = await teamOf(ds, corpId, deptId);
    if (team.length >= 5) teams.set(deptId, team);
  }
  if (teams.size === 0) return false;
  // tenancy: the corp's weekly risk bands (the radar's reading of each person's behaviour).
  const risks = await ds
    .getRepository(RetentionRisk)
    .find({ where: { corpId }, select: { userid: true, weekStart: true, band: true }, order: { weekStart: 'ASC' } });
  const weeksOf = new Map<string, RetentionRisk[]>();
  for (const r of risks) weeksOf.set(r.userid, [...(weeksOf.get(r.userid) ?? []), r]);
  /** The person's band in the latest week starting by `day` (weeks ascending). */
  const bandBy = (userid: string, day: string): '高' | '中' | '低' | null =>
    ((weeksOf.get(userid) ?? []).filter((r) => r.weekStart <= day).at(-1)?.band as '高' | '中' | '低' | undefined) ?? null;
  const months = [addMonths(lastMonth, -1), lastMonth];
  await ds.transaction(async (em) => {
    for (const [deptId, team] of teams) {
      const survey = await em.getRepository(PulseSurvey).save(
        Object.assign(new PulseSurvey(), {
          corpId,
          title: DEMO_PULSE_TITLE,
          deptId,
          cadence: 'monthly',
          questions: JSON.stringify(PULSE_TEMPLATE.questions),
          active: true,
          createdBy: SYSTEM_USER,
          createdAt: new Date(shanghaiMidnight(`${months[0]}-01`) + 9 * 3_600_000),
        }),
      );
      for (const month of months) {
        const round = await openRound(em, survey, { opensOn: `${month}-01`, dueOn: `${month}-10` }, team, now, { notify: false });
        const answered = team.filter((t) => answersPulse(`${t.userid}:${month}`));
        const byDay = new Map<string, string[]>();
        for (const t of answered) {
          const day = `${month}-0${2 + Math.floor((wobble(`${t.userid}:${month}:day`) + 0.5) * 8)}`;
          byDay.set(day, [...(byDay.get(day) ?? []), t.userid]);
        }
        for (const [day, userids] of byDay)
          for (let i = 0; i < userids.length; i += 1000)
            // tenancy: the corp's invitations of the round.
            await em.getRepository(PulseInvitation).update({ corpId, roundId: round.id, userid: In(userids.slice(i, i + 1000)) }, { answeredOn: day });
        const rows = answered.map((t) => ({
          id: randomBytes(16).toString('hex'),
          corpId,
          roundId: round.id,
          deptId: t.group,
          answers: JSON.stringify(pulseAnswersFromRisk(PULSE_TEMPLATE.questions, bandBy(t.userid, `${month}-10`), `${t.userid}:${month}`)),
        }));
        rows.sort((a, b) => a.id.localeCompare(b.id)); // no order of people survives
        for (let i = 0; i < rows.length; i += BATCH)
          await em
            .createQueryBuilder()
            .insert()
            .into(PulseAnswer)
            .values(rows.slice(i, i + BATCH))
            .execute();
      }
    }
  });
  await computeAtmospheres(ds, corpId, months[0]!, now);
  return true;
}
