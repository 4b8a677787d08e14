/**
 * Backtest on MariaDB: weekly runs over past weeks store each week's risks; a salesperson whose follow-ups fell and
 * leave rose in October was flagged 高 more than 30 days before she left in late November; a steady colleague was
 * not; the backtest as of December says so (precision and recall by band).
 */
import { addDays, weeksEnding } from '@liucai/shared';
import { runRetention } from '../server/src/modules/retention/commands/retentionRunner';
import { retentionBacktest } from '../server/src/modules/retention/queries/retentionBacktest';
import { buildCorp, buildCustomer, buildDepartment, buildFollowUp, buildLeave, buildUser } from './support/factories';
import { openTestDb } from './support/testServices';

describe('retention backtest on stored weekly risks', () => {
  it('finds the leaver flagged 高 ≥ 30 days before her last day, and no false alarm', async () => {
    const ds = await openTestDb();
    try {
      const corpId = await buildCorp(ds, 'retb');
      const team = await buildDepartment(ds, corpId, { name: '销售三组' });
      const leaver = await buildUser(ds, corpId, { deptIds: [team.deptId], hiredOn: '2025-01-01', status: 'left', leftOn: '2026-11-20' });
      const steady = await buildUser(ds, corpId, { deptIds: [team.deptId], hiredOn: '2025-01-01' });
      const customer = await buildCustomer(ds, corpId, { ownerUserid: leaver.userid });
      // 24 weeks up to the week of 2026-11-09: steady, then the drift from the week of 2026-09-21 on.
      const mondays = weeksEnding('2026-11-09', 24);
      const driftFrom = '2026-09-21';
      for (const monday of mondays) {
        const at = new Date(`${addDays(monday, 1)}T03:00:00Z`);
        const drifting = monday >= driftFrom;
        for (let k = 0; k < (drifting ? 1 : 6); k++)
          await buildFollowUp(ds, corpId, { ownerUserid: leaver.userid, customerSourceId: customer.sourceId, followedAt: at });
        for (let k = 0; k < 5; k++) await buildFollowUp(ds, corpId, { ownerUserid: steady.userid, followedAt: at });
        if (drifting) await buildLeave(ds, corpId, { userid: leaver.userid, day: addDays(monday, 2) });
      }
      await buildLeave(ds, corpId, { userid: steady.userid, day: addDays(mondays[3]!, 2) });
      // Weekly runs as they would have happened, from the week of 2026-09-28 to the week of 2026-11-09.
      const bands: Record<string, string | null> = {};
      for (const week of weeksEnding('2026-11-09', 7)) {
        const run = await runRetention(ds, corpId, { weekStart: week, weeks: 16 });
        bands[week] = run.ruleFired > 0 ? '高' : null;
      }
      // Flagged from the week of 2026-10-05 (3 drift weeks in 4 → communication −62%, leave from nothing).
      expect(bands['2026-09-28']).toBeNull();
      expect(bands['2026-10-05']).toBe('高');

      const result = await retentionBacktest(ds, corpId, '2026-12-05');
      expect(result).toMatchObject({ leavers: 1, stayers: 1, leaversFlaggedHighInTime: 1, missed: [] });
      expect(result.byBand[0]).toEqual({ band: '高', flagged: 1, flaggedLeavers: 1, flaggedStayers: 0, precision: 1, recall: 1 });
      // As of a day before she left, she was a stayer flagged in the weeks that can already be judged.
      const before = await retentionBacktest(ds, corpId, '2026-11-19');
      expect(before).toMatchObject({ leavers: 0, stayers: 2 });
      expect(before.byBand[0]).toMatchObject({ flagged: 1, flaggedStayers: 1, precision: 0, recall: null });
    } finally {
      await ds.destroy();
    }
  });
});
