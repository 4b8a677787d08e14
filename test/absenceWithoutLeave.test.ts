/**
 * 未填请假单不来上班 on real databases: a work day with no clock-in and no approved leave is flagged only once
 * attendance and leave are synced through that day, flagged once (re-runs add nothing and tell nobody twice), told
 * to the supervisor and the HR of the person's department (never the person), and cleared when a covering leave
 * arrives later. It feeds the weekly signals while it stands.
 */
import { AbsenceWithoutLeave, Notification } from '../server/src/entities';
import { findAbsencesWithoutLeave } from '../server/src/modules/retention/commands/absenceFinder';
import { weeklyActivity } from '../server/src/modules/retention/queries/weeklyActivity';
import { buildAttendance, buildClockRecord, buildCorp, buildDepartment, buildLeave, buildUser, grantHrScope, onBothDatabases } from './support/factories';

const DAY = '2026-11-24';

describe('absence without leave', () => {
  it('is flagged once after the day is synced, told to supervisor and HR, and cleared by a late leave', async () => {
    await onBothDatabases('absence', async (ds) => {
      const corpId = await buildCorp(ds, 'awl');
      const root = await buildDepartment(ds, corpId, { name: '公司' });
      const team = await buildDepartment(ds, corpId, { name: '销售一组', parentId: root.deptId });
      const finance = await buildDepartment(ds, corpId, { name: '财务部', parentId: root.deptId });
      const boss = await buildUser(ds, corpId, { deptIds: [team.deptId] });
      const hr = await buildUser(ds, corpId, { deptIds: [root.deptId] });
      const financeHr = await buildUser(ds, corpId, { deptIds: [root.deptId] });
      await grantHrScope(ds, corpId, hr.userid, [team.deptId]);
      await grantHrScope(ds, corpId, financeHr.userid, [finance.deptId]);
      const [absent, clocked, onLeave, pending, tripped] = await Promise.all(
        ['缺勤甲', '打卡乙', '请假丙', '待批丁', '出差戊'].map((name) =>
          buildUser(ds, corpId, { name, deptIds: [team.deptId], supervisorUserid: boss.userid }),
        ),
      );
      for (const p of [absent!, clocked!, onLeave!, pending!, tripped!]) {
        await buildAttendance(ds, corpId, { userid: p.userid, workDate: DAY, checkType: 'OnDuty', timeResult: 'NotSigned' });
        await buildAttendance(ds, corpId, { userid: p.userid, workDate: DAY, checkType: 'OffDuty', timeResult: 'NotSigned' });
      }
      // Came in (a raw clock the results do not show), on approved leave, leave still pending, on a trip DingTalk linked.
      await buildClockRecord(ds, corpId, { userid: clocked!.userid, workDate: DAY, checkType: null });
      await buildLeave(ds, corpId, { userid: onLeave!.userid, day: DAY });
      await buildLeave(ds, corpId, { userid: pending!.userid, day: DAY, approvalState: 'pending' });
      await buildAttendance(ds, corpId, { userid: tripped!.userid, workDate: DAY, checkType: 'OnDuty', timeResult: 'Normal', approveId: 'trip-1' });
      const now = () => new Date('2026-11-25T02:00:00Z');

      // Not yet synced through the day: nothing.
      expect((await findAbsencesWithoutLeave(ds, corpId, { through: '2026-11-23', now })).flagged).toEqual([]);

      const first = await findAbsencesWithoutLeave(ds, corpId, { through: DAY, now });
      expect(first.flagged.map((f) => f.userid).sort()).toEqual([absent!.userid, pending!.userid].sort());
      const notes = await ds.getRepository(Notification).find({ where: { corpId, kind: 'retention.absenceWithoutLeave' } });
      expect(
        notes
          .filter((n) => n.dedupeKey === `absence:${absent!.userid}:${DAY}`)
          .map((n) => n.recipientUserid)
          .sort(),
      ).toEqual([boss.userid, hr.userid].sort());
      expect(notes.every((n) => n.urgency === 'digest' && n.recipientUserid !== financeHr.userid)).toBe(true);
      expect(notes.find((n) => n.recipientUserid === boss.userid)!.title).toMatch(/^(缺勤甲|待批丁) 2026-11-24 未打卡且没有请假$/);
      expect(first.notified).toBe(4);

      // Flagged once: a re-run adds no row and tells nobody again.
      const second = await findAbsencesWithoutLeave(ds, corpId, { through: '2026-11-25', now });
      expect(second).toMatchObject({ flagged: [], cleared: [], notified: 0 });
      expect(await ds.getRepository(AbsenceWithoutLeave).countBy({ corpId })).toBe(2);
      expect(await ds.getRepository(Notification).countBy({ corpId, kind: 'retention.absenceWithoutLeave' })).toBe(4);

      const week = await weeklyActivity(ds, corpId, ['2026-11-23']);
      expect(week.get(absent!.userid)?.get('2026-11-23')?.unexcusedAbsenceCount).toBe(1);

      // The leave arrives late (approved, synced after the flag): the flag is cleared, not deleted.
      const late = await buildLeave(ds, corpId, { userid: absent!.userid, day: DAY });
      const third = await findAbsencesWithoutLeave(ds, corpId, { through: '2026-11-26', now: () => new Date('2026-11-27T02:00:00Z') });
      expect(third.cleared).toEqual([{ userid: absent!.userid, workDate: DAY, leave: late.sourceId }]);
      const rows = await ds.getRepository(AbsenceWithoutLeave).find({ where: { corpId }, order: { userid: 'ASC' } });
      expect(rows).toHaveLength(2);
      const cleared = rows.find((r) => r.userid === absent!.userid)!;
      expect(cleared.clearedAt?.toISOString()).toBe('2026-11-27T02:00:00.000Z');
      expect(cleared.clearedByLeave).toBe(late.sourceId);
      expect(rows.find((r) => r.userid === pending!.userid)!.clearedAt).toBeNull();
      // A cleared absence is never flagged again and no longer counts in the week.
      expect((await findAbsencesWithoutLeave(ds, corpId, { through: '2026-11-27', now })).flagged).toEqual([]);
      const after = await weeklyActivity(ds, corpId, ['2026-11-23']);
      expect(after.get(absent!.userid)?.get('2026-11-23')?.unexcusedAbsenceCount ?? 0).toBe(0);
      expect(after.get(pending!.userid)?.get('2026-11-23')?.unexcusedAbsenceCount).toBe(1);
    });
  });
});
