import { describeFeature } from './drivers';
import { emptyWeek, personWeekSignals, type WeekActivity } from './signals';
import { MIN_TEAM_PEERS, teamClause, teamComparisons, teamView, describeTeamSignal, type TeamMember } from './teamComparison';
import { weeksEnding } from './weeks';

const EVALUATED = '2026-11-30';

function week(weekStart: string, over: Partial<WeekActivity> = {}): WeekActivity {
  return { ...emptyWeek(weekStart), ...over };
}

/** A member of `deptId` with 16 observed weeks: `followUps` a week in the baseline, `recent` in the last 4 weeks. */
function member(userid: string, deptId: number | null, base: number, recent: number[], recentWeeks = 4): TeamMember {
  const starts = weeksEnding(EVALUATED, 16);
  const weeks = starts.map((s, i) => week(s, { followUps: i < 12 ? base : (recent[i - 12] ?? 0), leaveDayHundredths: i >= 12 ? 50 : 0 }));
  // A member who joined late is observed only for their last `recentWeeks` weeks.
  return { userid, deptId, signals: personWeekSignals(recentWeeks < 4 ? weeks.slice(16 - recentWeeks) : weeks, EVALUATED) };
}

describe('team comparison', () => {
  it('compares the recent window with the other members’ per-person weekly rate, excluding the person', () => {
    const members = [
      member('a', 1, 2, [1, 0, 1, 0]), // 2 follow-ups in 4 weeks
      member('b', 1, 2, [2, 2, 2, 3]), // 9
      member('c', 1, 2, [3, 2, 2, 2]), // 9
      member('d', 1, 2, [2, 3, 2, 2]), // 9
      member('x', 2, 9, [9, 9, 9, 9]), // another department: never counted in team 1
    ];
    const teams = teamComparisons(members);
    const a = teams.get('a')!;
    expect(a.status).toBe('ok');
    expect(a.peers).toBe(3);
    expect(a.metrics!.followUps.teamPerWeek).toBeCloseTo(27 / 12, 12); // b, c, d: 27 follow-ups over 12 person-weeks
    expect(a.metrics!.followUps.personPerWeek).toBeCloseTo(0.5, 12);
    expect(a.metrics!.followUps.deviation).toBeCloseTo((0.5 - 2.25) / 2.25, 12);
    expect(describeTeamSignal('followUps', members[0]!.signals, a)).toBe('近 4 周客户跟进 2 次，团队人均 9 次');
    // b's team is a, c, d: (2 + 9 + 9) / 12 a week.
    expect(teams.get('b')!.metrics!.followUps.teamPerWeek).toBeCloseTo(20 / 12, 12);
    // Leave days are shown in days: 0.5 a week × 4 = 2 days.
    expect(describeTeamSignal('leaveDayHundredths', members[0]!.signals, a)).toBe('近 4 周请假天数 2 天，团队人均 2 天');
  });

  it('counts a late joiner’s observed weeks only, and a zero team rate has no deviation', () => {
    const members = [member('a', 1, 0, [0, 0, 0, 0]), member('b', 1, 0, [0, 0, 0, 4], 1), member('c', 1, 0, [0, 0, 0, 0]), member('d', 1, 0, [0, 0, 0, 0])];
    const teams = teamComparisons(members);
    // b: 4 follow-ups in 1 observed week; c and d: 0 in 8 → 4 / 9 a week.
    expect(teams.get('a')!.metrics!.followUps.teamPerWeek).toBeCloseTo(4 / 9, 12);
    expect(teams.get('b')!.metrics!.followUps.deviation).toBeNull(); // a, c, d did none
    expect(teams.get('b')!.metrics!.collaborations.deviation).toBeNull();
  });

  it(`says 数据不足 with fewer than ${MIN_TEAM_PEERS} other members, and for people without a department`, () => {
    const members = [member('a', 1, 2, [1, 0, 1, 0]), member('b', 1, 2, [2, 2, 2, 3]), member('c', 1, 2, [3, 2, 2, 2]), member('n', null, 2, [2, 2, 2, 2])];
    const teams = teamComparisons(members);
    expect(teams.get('a')).toMatchObject({ status: 'insufficient', peers: 2, metrics: null });
    expect(teams.get('n')).toMatchObject({ status: 'insufficient', peers: 0, metrics: null });
    const view = teamView(members[0]!.signals, teams.get('a')!);
    expect(view.note).toBe('数据不足（主部门其他在职成员不足 3 人）');
    expect(view.rows.find((r) => r.metric === 'followUps')).toMatchObject({ person: 2, team: null, deviationBp: null });
    expect(view.rows[0]!.text).toContain('团队对比数据不足');
    expect(teamClause('followUps', members[0]!.signals, teams.get('a'))).toBe('');
  });

  it('adds the team to a driver sentence and stores the comparison per signal', () => {
    const members = [member('a', 1, 8, [1, 0, 1, 0]), member('b', 1, 2, [2, 2, 2, 3]), member('c', 1, 2, [3, 2, 2, 2]), member('d', 1, 2, [2, 3, 2, 2])];
    const teams = teamComparisons(members);
    const s = members[0]!.signals;
    expect(describeFeature(s, 'followUps', (m) => teamClause(m, s, teams.get('a')))).toBe(
      '近 4 周客户跟进 2 次，比本人过去 12 周平均每 4 周 32 次少 94%；团队人均 9 次',
    );
    const view = teamView(s, teams.get('a')!);
    expect(view).toMatchObject({ status: 'ok', peers: 3, note: null });
    expect(view.rows.find((r) => r.metric === 'followUps')).toMatchObject({ person: 2, team: 9, deviationBp: -7778 });
  });
});
