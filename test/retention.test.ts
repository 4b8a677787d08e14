/**
 * The retention radar's weekly run on real databases (MariaDB, and SQLite built by its migrations): weekly activity
 * counted from synced rows with the shared rules (CRM rows DingTalk deleted and cancelled deals never count, other
 * corps never leak), the articles' rule flags the person whose follow-ups drop and leave rises, a steady colleague
 * is not flagged, a new hire says there is no baseline, leavers get no current risk.
 */
import type { DataSource } from 'typeorm';
import { weeksEnding, addDays } from '@liucai/shared';
import { RetentionModel, RetentionRisk, RetentionWeekSignal, SyncCheckpoint } from '../server/src/entities';
import { runRetention, completeWeekThrough, observedWeeks } from '../server/src/modules/retention/commands/retentionRunner';
import { radarPeople } from '../server/src/modules/retention/queries/retentionPeople';
import {
  buildAttendanceResult,
  buildCorp,
  buildCustomer,
  buildDeal,
  buildDepartment,
  buildDeparture,
  buildFollowUp,
  buildLeave,
  buildUser,
  onBothDatabases,
} from './support/factories';
import { riskWords } from '../server/src/modules/retention/presenters/riskPresenter';

const WEEK = '2026-11-23'; // the evaluated week (Monday)
const MONDAYS = weeksEnding(WEEK, 16); // 12 baseline weeks, then 4 recent
const BASELINE = MONDAYS.slice(0, 12);
const RECENT = MONDAYS.slice(12);
const tuesday = (monday: string, hour = 2) => new Date(`${addDays(monday, 1)}T0${hour}:00:00Z`);

async function synced(ds: DataSource, corpId: string, through: string) {
  for (const source of ['attendance', 'leave']) {
    await ds.getRepository(SyncCheckpoint).insert({ corpId, source, position: { through }, updatedAt: new Date() });
  }
}

async function world(ds: DataSource) {
  const corpId = await buildCorp(ds, 'ret');
  const team = await buildDepartment(ds, corpId, { name: '销售一组' });
  const boss = await buildUser(ds, corpId, { deptIds: [team.deptId], hiredOn: '2024-01-01' });
  const drifter = await buildUser(ds, corpId, { name: '刘倩', deptIds: [team.deptId], hiredOn: '2025-03-01', supervisorUserid: boss.userid });
  const steady = await buildUser(ds, corpId, { deptIds: [team.deptId], hiredOn: '2024-05-01', supervisorUserid: boss.userid });
  const newbie = await buildUser(ds, corpId, { deptIds: [team.deptId], hiredOn: '2026-10-12' });
  const leaver = await buildUser(ds, corpId, { deptIds: [team.deptId], hiredOn: '2024-02-01', status: 'left', leftOn: '2026-10-01' });
  const own = await buildCustomer(ds, corpId, { ownerUserid: drifter.userid });
  const colleagues = await buildCustomer(ds, corpId, { ownerUserid: steady.userid });
  const follow = (userid: string, customer: string, monday: string, removed = false) =>
    buildFollowUp(ds, corpId, { ownerUserid: userid, customerSourceId: customer, followedAt: tuesday(monday), removedAt: removed ? new Date() : null });

  for (const monday of BASELINE) {
    // The drifter: 5 follow-ups of her own customers and 5 helping on a colleague's, every week.
    for (let i = 0; i < 5; i++) await follow(drifter.userid, own.sourceId, monday);
    for (let i = 0; i < 5; i++) await follow(drifter.userid, colleagues.sourceId, monday);
    for (let i = 0; i < 4; i++) await follow(steady.userid, colleagues.sourceId, monday);
  }
  for (const monday of RECENT) {
    // Now 3 of her own a week and no help (communication 15 → 3 a week); rows DingTalk deleted do not count.
    for (let i = 0; i < 3; i++) await follow(drifter.userid, own.sourceId, monday);
    for (let i = 0; i < 3; i++) await follow(drifter.userid, colleagues.sourceId, monday, true);
    for (let i = 0; i < 4; i++) await follow(steady.userid, colleagues.sourceId, monday);
  }
  // Leave: 3 in the 12 baseline weeks, 3 in the last 4 (3 times her rate); the steady colleague 2 then none.
  for (const monday of [BASELINE[1]!, BASELINE[5]!, BASELINE[9]!, RECENT[0]!, RECENT[2]!, RECENT[3]!]) {
    await buildLeave(ds, corpId, { userid: drifter.userid, day: addDays(monday, 2) });
  }
  await buildLeave(ds, corpId, { userid: drifter.userid, day: addDays(RECENT[1]!, 2), approvalState: 'rejected' });
  for (const monday of [BASELINE[3]!, BASELINE[8]!]) await buildLeave(ds, corpId, { userid: steady.userid, day: addDays(monday, 2) });
  // Deals: one that counts, one cancelled, one DingTalk deleted.
  await buildDeal(ds, corpId, { ownerUserid: drifter.userid, signedOn: addDays(RECENT[1]!, 3) });
  await buildDeal(ds, corpId, { ownerUserid: drifter.userid, signedOn: addDays(RECENT[1]!, 3), status: 'cancelled' });
  await buildDeal(ds, corpId, { ownerUserid: drifter.userid, signedOn: addDays(RECENT[1]!, 3), removedAt: new Date() });
  // Another corp's rows under the same userid never count.
  const other = await buildCorp(ds, 'retx');
  for (const monday of RECENT) {
    for (let i = 0; i < 12; i++) await buildFollowUp(ds, other, { ownerUserid: drifter.userid, followedAt: tuesday(monday) });
  }
  return { corpId, drifter, steady, newbie, leaver, boss };
}

describe('the weekly retention run', () => {
  it('flags the person whose follow-ups drop and leave rises, by the articles’ rule, from synced rows', async () => {
    await onBothDatabases('retention', async (ds) => {
      const w = await world(ds);
      // Before attendance and leave are synced, nothing is computed.
      expect(await runRetention(ds, w.corpId)).toMatchObject({ weekStart: null, risks: 0 });
      await synced(ds, w.corpId, '2026-11-29');
      expect(completeWeekThrough('2026-11-29')).toBe(WEEK);
      expect(completeWeekThrough('2026-11-28')).toBe('2026-11-16');

      const result = await runRetention(ds, w.corpId);
      expect(result).toMatchObject({ weekStart: WEEK, risks: 4, ruleFired: 1, modelVersion: null });

      const weeks = await ds.getRepository(RetentionWeekSignal).find({ where: { corpId: w.corpId, userid: w.drifter.userid }, order: { weekStart: 'ASC' } });
      const byWeek = new Map(weeks.map((r) => [r.weekStart, r]));
      expect(byWeek.get(BASELINE[0]!)).toMatchObject({ followUps: 10, helping: 5, leaveCount: 0 });
      expect(byWeek.get(BASELINE[1]!)).toMatchObject({ followUps: 10, helping: 5, leaveCount: 1, leaveDayHundredths: 100 });
      expect(byWeek.get(RECENT[1]!)).toMatchObject({ followUps: 3, helping: 0, leaveCount: 0, deals: 1 });

      const risks = await ds.getRepository(RetentionRisk).find({ where: { corpId: w.corpId, weekStart: WEEK } });
      const of = (userid: string) => risks.find((r) => r.userid === userid)!;
      expect(risks.map((r) => r.userid).sort()).toEqual([w.boss, w.drifter, w.steady, w.newbie].map((u) => u.userid).sort());
      expect(of(w.drifter.userid)).toMatchObject({
        baseline: 'ok',
        baselineWeeks: 12,
        ruleVersion: 'article-rule-v1',
        ruleFired: true,
        ruleProbabilityBp: 8000,
        communicationChangeBp: -8000,
        leaveChangeBp: 20000,
        band: '高',
        modelVersion: null,
      });
      expect(riskWords(of(w.drifter.userid)).signals.leaveCount).toBe('近 4 周请假 3 次，是本人过去 12 周平均的 3 倍');
      expect(riskWords(of(w.drifter.userid)).signals.helping).toBe('近 4 周帮同事跟进客户 0 次，比本人过去 12 周平均每 4 周 20 次少 100%');
      expect(riskWords(of(w.drifter.userid)).modelNote).toMatch(/^数据不足/);
      expect(of(w.steady.userid)).toMatchObject({ baseline: 'ok', ruleFired: false, band: null, communicationChangeBp: 0 });
      expect(of(w.newbie.userid)).toMatchObject({ baseline: 'insufficient', ruleFired: false, band: null });
      expect(riskWords(of(w.newbie.userid)).ruleReason).toContain('基线不足');

      // The model: one row this month saying why there is none (2 leavers at most here).
      const models = await ds.getRepository(RetentionModel).find({ where: { corpId: w.corpId } });
      expect(models).toHaveLength(1);
      expect(models[0]).toMatchObject({ version: 'logistic-l2-platt-v2@2026-11', status: 'insufficient', params: null });

      // Safe to run twice: the same rows, no second model row.
      const again = await runRetention(ds, w.corpId);
      expect(again).toMatchObject({ weekStart: WEEK, risks: 4, ruleFired: 1 });
      expect(await ds.getRepository(RetentionRisk).countBy({ corpId: w.corpId })).toBe(4);
      expect(await ds.getRepository(RetentionModel).countBy({ corpId: w.corpId })).toBe(1);
      expect(await ds.getRepository(RetentionWeekSignal).countBy({ corpId: w.corpId, userid: w.drifter.userid })).toBe(weeks.length);
    });
  });
});

describe('observed weeks', () => {
  it('are weeks of employment that the synced data covers whole', () => {
    const mondays = weeksEnding(WEEK, 6); // 2026-10-19 … 2026-11-23
    const person = { userid: 'x', hiredOn: '2026-10-28', lastDay: null };
    expect(observedWeeks(person, mondays, null)).toEqual(['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
    // Data from Wednesday 2026-11-04: that week is partial, so unknown rather than a week of zeros.
    expect(observedWeeks(person, mondays, '2026-11-04')).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']);
    expect(observedWeeks({ userid: 'y', hiredOn: null, lastDay: '2026-11-10' }, mondays, null)).toEqual([
      '2026-10-19',
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
    ]);
  });
});

describe('the people the radar reads', () => {
  it('start a leaver DingTalk gave no hire date at their first synced attendance day, not at the start of the data', async () => {
    await onBothDatabases('radarpeople', async (ds) => {
      const corpId = await buildCorp(ds, 'rp');
      const team = await buildDepartment(ds, corpId, { name: '销售二组' });
      const known = await buildUser(ds, corpId, { deptIds: [team.deptId], hiredOn: '2025-01-06' });
      // Left before the org was ever synced: a departure record and attendance, no user row (so no hire date).
      await buildDeparture(ds, corpId, { userid: 'short-stay', lastDay: '2026-11-20' });
      for (const day of ['2026-10-08', '2026-10-05', '2026-11-20']) await buildAttendanceResult(ds, corpId, { userid: 'short-stay', workDate: day });
      await buildAttendanceResult(ds, corpId, { userid: known.userid, workDate: '2026-10-05' });
      // Another corp's earlier row under the same userid does not move it.
      const other = await buildCorp(ds, 'rp2');
      await buildAttendanceResult(ds, other, { userid: 'short-stay', workDate: '2026-01-05' });
      await buildDeparture(ds, corpId, { userid: 'never-clocked', lastDay: '2026-11-13' });

      const people = new Map((await radarPeople(ds, corpId)).map((p) => [p.userid, p]));
      expect(people.get('short-stay')).toEqual({ userid: 'short-stay', hiredOn: '2026-10-05', lastDay: '2026-11-20', mainDeptId: null });
      expect(people.get(known.userid)!.hiredOn).toBe('2025-01-06');
      expect(people.get('never-clocked')!.hiredOn).toBeNull();
      // Observed from that week on: seven weeks, too few for a baseline.
      expect(observedWeeks(people.get('short-stay')!, weeksEnding(WEEK, 16), null)).toHaveLength(7);
    });
  });
});
