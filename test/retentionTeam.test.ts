/**
 * The weekly run's team comparison and the signals read from other domains, on MariaDB and SQLite: each active
 * person's recent window against their main department's other active members (stored with the week's risk, in the
 * drivers' words when the model names the signal), 数据不足 for a department with fewer than 3 others; 绩效发放 from
 * published runs only, 岗位匹配分 from stored scores, 培训 from training records, 无数据 for people without any.
 */
import { addDays, weeksEnding } from '@liucai/shared';
import { RetentionRisk, SyncCheckpoint, TalentMatchScore } from '../server/src/entities';
import { runRetention } from '../server/src/modules/retention/commands/retentionRunner';
import { matchScoreHistory } from '../server/src/modules/talent/queries/talentScores';
import { buildCorp, buildDepartment, buildFollowUp, buildTraining, buildUser, onBothDatabases } from './support/factories';
import { riskWords } from '../server/src/modules/retention/presenters/riskPresenter';
import { payoutRunWith } from './support/retentionHistory';

const WEEK = '2026-11-23';
const MONDAYS = weeksEnding(WEEK, 16);
const RECENT = MONDAYS.slice(12);
const tuesday = (monday: string) => new Date(`${addDays(monday, 1)}T02:00:00Z`);

describe('team comparison and domain signals in the weekly run', () => {
  it('stores each person’s recent window against the other active members of the main department', async () => {
    await onBothDatabases('retteam', async (ds) => {
      const corpId = await buildCorp(ds, 'rtm');
      const sales = await buildDepartment(ds, corpId, { name: '销售一组' });
      const small = await buildDepartment(ds, corpId, { name: '产品组' });
      const quiet = await buildUser(ds, corpId, { name: '周静', deptIds: [sales.deptId], hiredOn: '2024-01-01' });
      const peers = [];
      for (let i = 0; i < 3; i++) peers.push(await buildUser(ds, corpId, { deptIds: [sales.deptId], hiredOn: '2024-01-01' }));
      // Gone before the week: never part of the team.
      await buildUser(ds, corpId, { deptIds: [sales.deptId], hiredOn: '2024-01-01', status: 'left', leftOn: '2026-09-01' });
      const lone = await buildUser(ds, corpId, { deptIds: [small.deptId], hiredOn: '2024-01-01' });
      await buildUser(ds, corpId, { deptIds: [small.deptId], hiredOn: '2024-01-01' });
      // Recent 4 weeks: 周静 2 follow-ups, each peer 9 (the team's per-person amount 9).
      for (const [i, monday] of RECENT.entries()) {
        if (i < 2) await buildFollowUp(ds, corpId, { ownerUserid: quiet.userid, followedAt: tuesday(monday) });
        for (const p of peers)
          for (let k = 0; k < (i === 0 ? 3 : 2); k++) await buildFollowUp(ds, corpId, { ownerUserid: p.userid, followedAt: tuesday(monday) });
      }
      // Pay: published runs count, a draft never does; talent scores; a training record.
      await payoutRunWith(ds, corpId, '2026-09', 'published', sales.deptId, [[quiet.userid, 1_200_000]]);
      await payoutRunWith(ds, corpId, '2026-10', 'published', sales.deptId, [[quiet.userid, 1_200_000]]);
      await payoutRunWith(ds, corpId, '2026-11', 'published', sales.deptId, [[quiet.userid, 930_000]]);
      await payoutRunWith(ds, corpId, '2026-11', 'draft', small.deptId, [[lone.userid, 500_000]]);
      await ds.getRepository(TalentMatchScore).insert(
        [
          ['2026-10', 1, 860],
          ['2026-11', 1, 785],
          ['2026-11', 2, 100], // a second job model: the first (lowest id) is the one read
        ].map(([period, jobModelId, scoreT]) => ({
          corpId,
          userid: quiet.userid,
          period: String(period),
          jobModelId: Number(jobModelId),
          versionId: Number(jobModelId),
          scoreT: Number(scoreT),
          tier: null,
          detail: '{}',
          computedAt: new Date(),
        })),
      );
      await buildTraining(ds, corpId, { userid: quiet.userid, completedOn: '2026-11-10', completionPercent: 100, examScore: 75 });
      for (const source of ['attendance', 'leave'])
        await ds.getRepository(SyncCheckpoint).insert({ corpId, source, position: { through: '2026-11-29' }, updatedAt: new Date() });

      expect(await runRetention(ds, corpId)).toMatchObject({ weekStart: WEEK, risks: 6 });
      const risks = await ds.getRepository(RetentionRisk).find({ where: { corpId, weekStart: WEEK } });
      const of = (userid: string) => riskWords(risks.find((r) => r.userid === userid)!);

      const team = of(quiet.userid).team!;
      expect(team).toMatchObject({ status: 'ok', peers: 3, note: null });
      const followUps = team.rows.find((r) => r.metric === 'followUps')!;
      expect(followUps).toMatchObject({ person: 2, team: 9, deviationBp: -7778, text: '近 4 周客户跟进 2 次，团队人均 9 次' });
      // A peer's team: 周静 and the two other peers, (2 + 9 + 9) / 3.
      expect(of(peers[0]!.userid).team!.rows.find((r) => r.metric === 'followUps')).toMatchObject({ person: 9, team: 6.7 });
      // Two in 产品组: one other member is not a team.
      expect(of(lone.userid).team).toMatchObject({ status: 'insufficient', peers: 1, note: '数据不足（主部门其他在职成员不足 3 人）' });
      expect(of(lone.userid).team!.rows.every((r) => r.team === null)).toBe(true);

      const domain = new Map(of(quiet.userid).domainSignals!.map((s) => [s.key, s]));
      expect(domain.get('payout')).toMatchObject({
        status: 'ok',
        recent: 930_000,
        baseline: 1_200_000,
        text: '2026-11 绩效发放 9,300.00 元，本人前 2 个月平均 12,000.00 元，少 23%',
      });
      expect(domain.get('matchScore')).toMatchObject({ status: 'ok', recent: 785, baseline: 860 });
      expect(domain.get('training')).toMatchObject({ status: 'ok', recent: 1, text: '近 4 周完成培训 1 门，本人过去 12 周平均每 4 周 0 门，考试平均 75 分' });
      // Nothing published, scored or trained: 无数据 each (the draft run is not a payout).
      expect(of(lone.userid).domainSignals!.map((s) => s.text)).toEqual(['绩效发放：无数据', '岗位匹配分：无数据', '培训：无数据']);

      // Quarterly scores (period “2025Q4”) sit in the same table; a month range across a year never reads them.
      await ds.getRepository(TalentMatchScore).insert(
        ['2025Q4', '2026Q3'].map((period) => ({
          corpId,
          userid: quiet.userid,
          period,
          jobModelId: 1,
          versionId: 1,
          scoreT: 1,
          tier: null,
          detail: '{}',
          computedAt: new Date(),
        })),
      );
      const history = await matchScoreHistory(ds, corpId, '2025-06', '2026-11');
      expect(
        history
          .get(quiet.userid)!
          .map((s) => s.period)
          .sort(),
      ).toEqual(['2026-10', '2026-11']);
    });
  });
});
