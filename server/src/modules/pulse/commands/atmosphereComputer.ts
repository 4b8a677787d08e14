/**
 * Each team's atmosphere (团队氛围) for a month, stored in `team_atmospheres`: the disclosed pulse groups of the rounds
 * that closed in the month (the latest round per group wins) and the team's collaboration pattern from the radar's
 * weekly signals (cross-department collaborations + helping colleagues per person and week, the month's weeks against
 * the 12 before). A team that turns 消极 is told about once: HR covering its people and the department's managers,
 * by work notification keyed by team and month (a re-run adds nothing; still 消极 next month is no new turn).
 */
import { Between, In, type DataSource } from 'typeorm';
import { pulseMean, teamAtmosphere, turnedNegative, weekStartOf, weeksEnding, zh, addMonths, type AtmosphereLevel, type AtmospherePulse } from '@liucai/shared';
import { Department, HrScope, PulseRound, PulseSurvey, RetentionWeekSignal, TeamAtmosphere, User } from '../../../entities';
import { shanghaiDate } from '../../../util/dates';
import { recordNotification } from '../../notify/commands/notificationRecorder';
import { hrUsersSeeing } from '../../notify/queries/hrRecipients';
import { loadDepartmentIndex } from '../../people/queries/departmentIndex';
import { disclosedGroups } from '../queries/pulseResults';

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** Mondays of the weeks starting in `month`. */
export function weeksOfMonth(month: string): string[] {
  const last = weekStartOf(lastDayOf(month));
  const all = weeksEnding(last, 6);
  return all.filter((w) => w.slice(0, 7) === month);
}

export async function computeAtmospheres(ds: DataSource, corpId: string, month: string, now = new Date()): Promise<{ teams: number; alerts: number }> {
  const today = shanghaiDate(now);
  // tenancy: the corp's rounds closed in the month.
  const rounds = (
    await ds.getRepository(PulseRound).find({ where: { corpId, dueOn: Between(`${month}-01`, lastDayOf(month)) }, order: { dueOn: 'ASC', id: 'ASC' } })
  ).filter((r) => r.dueOn < today);
  if (rounds.length === 0) return { teams: 0, alerts: 0 };
  // tenancy: the corp's surveys of those rounds.
  const surveys = new Map(
    (await ds.getRepository(PulseSurvey).find({ where: { corpId, id: In([...new Set(rounds.map((r) => r.surveyId))]) } })).map((s) => [s.id, s]),
  );
  const index = await loadDepartmentIndex(ds, corpId);
  const pulses = new Map<number, AtmospherePulse | null>();
  for (const round of rounds) {
    const survey = surveys.get(round.surveyId)!;
    if (!pulses.has(Number(survey.deptId))) pulses.set(Number(survey.deptId), null);
    for (const g of await disclosedGroups(ds, corpId, round, survey, index)) {
      if (!g.result) continue;
      pulses.set(g.deptId, {
        respondents: g.result.respondents,
        enps: g.result.enps,
        stay: pulseMean(g.result, 'stay'),
        workload: pulseMean(g.result, 'workload'),
        support: pulseMean(g.result, 'support'),
      });
    }
  }

  // Collaboration: the teams' active people, their weekly signals (one query).
  const teamIds = [...pulses.keys()];
  // tenancy: the corp's active people.
  const people = await ds.getRepository(User).find({ where: { corpId, status: 'active' }, select: { userid: true, mainDeptId: true } });
  const members = new Map<number, string[]>();
  for (const t of teamIds) {
    const sub = index.subtree([t]);
    members.set(
      t,
      people.filter((p) => p.mainDeptId !== null && sub.has(Number(p.mainDeptId))).map((p) => p.userid),
    );
  }
  const recentWeeks = weeksOfMonth(month);
  const baselineWeeks = weeksEnding(recentWeeks[0]!, 13).slice(0, 12);
  const everyone = [...new Set([...members.values()].flat())];
  const perWeek = new Map<string, number>(); // userid|week → collaborations + helping
  for (let i = 0; i < everyone.length; i += 1000) {
    // tenancy: the corp's weekly signals.
    const rows = await ds.getRepository(RetentionWeekSignal).find({
      where: { corpId, userid: In(everyone.slice(i, i + 1000)), weekStart: Between(baselineWeeks[0]!, recentWeeks.at(-1)!) },
      select: { userid: true, weekStart: true, collaborations: true, helping: true },
    });
    for (const r of rows) perWeek.set(`${r.userid}|${r.weekStart}`, r.collaborations + r.helping);
  }
  const rate = (ids: string[], weeks: string[]) => {
    let sum = 0;
    let n = 0;
    for (const u of ids)
      for (const w of weeks) {
        const v = perWeek.get(`${u}|${w}`);
        if (v === undefined) continue;
        sum += v;
        n += 1;
      }
    return n > 0 ? sum / n : null;
  };

  // tenancy: the corp's previous month's levels.
  const previous = new Map(
    (await ds.getRepository(TeamAtmosphere).find({ where: { corpId, month: addMonths(month, -1) }, select: { deptId: true, level: true } })).map((r) => [
      Number(r.deptId),
      r.level as AtmosphereLevel | null,
    ]),
  );
  // tenancy: the corp's departments (managers of the teams).
  const managers = new Map(
    (await ds.getRepository(Department).find({ where: { corpId, deptId: In(teamIds) }, select: { deptId: true, managerUserids: true } })).map((d) => [
      Number(d.deptId),
      d.managerUserids,
    ]),
  );
  // tenancy: the corp's HR grants.
  const grants = new Map<string, number[]>();
  for (const g of await ds.getRepository(HrScope).find({ where: { corpId }, select: { userid: true, deptId: true } }))
    grants.set(g.userid, [...(grants.get(g.userid) ?? []), Number(g.deptId)]);
  let alerts = 0;
  await ds.transaction(async (em) => {
    // tenancy: the corp's month of atmospheres, replaced whole.
    await em.getRepository(TeamAtmosphere).delete({ corpId, month });
    for (const deptId of teamIds) {
      const ids = members.get(deptId) ?? [];
      const recent = rate(ids, recentWeeks);
      const baseline = rate(ids, baselineWeeks);
      const collaboration = recent !== null && baseline !== null ? { people: ids.length, recentPerWeek: recent, baselinePerWeek: baseline } : null;
      const pulse = pulses.get(deptId) ?? null;
      const a = teamAtmosphere({ pulse, collaboration });
      await em.getRepository(TeamAtmosphere).insert({
        corpId,
        month,
        deptId,
        level: a.level,
        score: a.score,
        respondents: pulse?.respondents ?? 0,
        enps: pulse?.enps ?? null,
        reasons: JSON.stringify(a.reasons),
        actions: JSON.stringify(a.actions),
        computedAt: now,
      });
      if (!turnedNegative(previous.get(deptId), a.level)) continue;
      // HR covering the team's people through its departments (not merely itself or its reports in the team).
      const hr = [...(await hrUsersSeeing(em, ds, corpId, ids)).entries()]
        .filter(([u, seen]) => seen.size > 0 && index.subtree(grants.get(u) ?? []).has(deptId))
        .map(([u]) => u);
      const recipients = [...new Set([...hr, ...(managers.get(deptId) ?? [])])];
      if (recipients.length === 0) continue;
      alerts += await recordNotification(
        em,
        {
          corpId,
          recipients,
          kind: 'atmosphere.negative',
          dedupeKey: `atmosphere.negative:${deptId}:${month}`,
          urgency: 'now',
          title: zh`${index.path(deptId)}的团队氛围转为消极（${month}）`,
          body: [...a.reasons.slice(0, 3), zh`建议：${a.actions[0] ?? ''}`].join('；'),
          page: '/outcomes',
        },
        now,
      );
    }
  });
  return { teams: teamIds.length, alerts };
}
