import type { AttendanceMonth, Paged, RecordSource } from '@liucai/shared';
import { AttendanceResult, LeaveRecord } from '../../../entities';
import { shanghaiDate } from '../../../util/dates';
import type { PersonTab } from './personTab';

interface MonthTally {
  month: string;
  workDays: number;
  late: number;
  absent: number;
  notSigned: number;
  leaveDayHundredths: number;
  leaveHourHundredths: number;
  sources: Set<RecordSource>;
}

const blank = (month: string): MonthTally => ({
  month,
  workDays: 0,
  late: 0,
  absent: 0,
  notSigned: 0,
  leaveDayHundredths: 0,
  leaveHourHundredths: 0,
  sources: new Set(),
});

/**
 * 考勤: one row per month (newest first): days with attendance, checks late (Late and SeriousLate), absent
 * (Absenteeism) and without a clock (NotSigned), and approved leave starting that month. Two grouped queries over
 * the person's attendance (index on corp, person, day) and one over their approved leaves; paged by month.
 */
export const attendanceTab: PersonTab = {
  key: 'attendance',
  async list({ ds, person, page }): Promise<Paged<AttendanceMonth>> {
    const { corpId, userid } = person;
    const months = new Map<string, MonthTally>();
    const tally = (month: string) => months.get(month) ?? months.set(month, blank(month)).get(month)!;

    const mine = () => ds.getRepository(AttendanceResult).createQueryBuilder('a').where('a.corp_id = :corpId AND a.userid = :userid', { corpId, userid });
    const checks = await mine()
      .select('SUBSTR(a.work_date, 1, 7)', 'month')
      .addSelect('a.time_result', 'result')
      .addSelect('a.source', 'source')
      .addSelect('COUNT(*)', 'n')
      .groupBy('month')
      .addGroupBy('a.time_result')
      .addGroupBy('a.source')
      .getRawMany<{ month: string; result: string; source: RecordSource; n: number | string }>();
    for (const c of checks) {
      const t = tally(c.month);
      const n = Number(c.n);
      if (c.result === 'Late' || c.result === 'SeriousLate') t.late += n;
      else if (c.result === 'Absenteeism') t.absent += n;
      else if (c.result === 'NotSigned') t.notSigned += n;
      t.sources.add(c.source);
    }
    const days = await mine()
      .select('SUBSTR(a.work_date, 1, 7)', 'month')
      .addSelect('COUNT(DISTINCT a.work_date)', 'days')
      .groupBy('month')
      .getRawMany<{ month: string; days: number | string }>();
    for (const d of days) tally(d.month).workDays = Number(d.days);

    const leaves = await ds.getRepository(LeaveRecord).find({
      where: { corpId, userid, approvalState: 'approved' },
      select: { startAt: true, durationUnit: true, durationHundredths: true, source: true },
    });
    for (const l of leaves) {
      const t = tally(shanghaiDate(l.startAt).slice(0, 7));
      if (l.durationUnit === 'hour') t.leaveHourHundredths += l.durationHundredths;
      else t.leaveDayHundredths += l.durationHundredths;
      t.sources.add(l.source);
    }

    const all = [...months.values()].sort((a, b) => b.month.localeCompare(a.month));
    const items = all.slice((page.page - 1) * page.pageSize, page.page * page.pageSize).map((t) => ({ ...t, sources: [...t.sources].sort() }));
    return { items, total: all.length, page: page.page, pageSize: page.pageSize };
  },
};
