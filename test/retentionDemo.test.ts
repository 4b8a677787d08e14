/**
 * The demo company (the DingTalk sandbox): half a year of attendance, leave, departures and CRM synced over real
 * HTTP, then the weekly retention run for each past week, as it would have run; the backtest as of the sync day says
 * how many of the people who left were flagged 高 at least 30 days before their last day, and how many flagged people
 * stayed. The sandbox's "drifting" salespeople (leave and lateness up, own follow-ups and help to colleagues down,
 * from 15 weeks before they leave and fully from 5 weeks before) are the ones to catch.
 */
import { weeksEnding } from '@liucai/shared';
import { RetentionModel, RetentionRisk } from '../server/src/entities';
import { completeWeekThrough, runRetention } from '../server/src/modules/retention/commands/retentionRunner';
import { retentionBacktest } from '../server/src/modules/retention/queries/retentionBacktest';
import { attendanceAndLeaveSyncedThrough } from '../server/src/modules/retention/queries/syncedThrough';
import { dataSyncDeps, runRecordedSync } from './support/dataSyncWorld';
import { createTestWorld, syncWorld } from './support/testServices';

jest.setTimeout(600_000);

describe('retention radar on the demo company', () => {
  it('backtests weekly runs over the synced half year', async () => {
    const w = await createTestWorld({ label: 'retdemo', employees: 400, seed: 11 });
    try {
      await syncWorld(w);
      const deps = dataSyncDeps(w, { lookbackDays: 182, monthlyCallLimit: 1_000_000 });
      for (const kind of ['departures', 'attendance', 'leave', 'crm'] as const) {
        const { run } = await runRecordedSync(w, kind, deps);
        expect({ kind, status: run.status }).toEqual({ kind, status: 'succeeded' });
      }
      const through = (await attendanceAndLeaveSyncedThrough(w.ds, w.corpId))!;
      const last = completeWeekThrough(through);
      const weeks = weeksEnding(last, 11);
      for (const week of weeks) await runRetention(w.ds, w.corpId, { weekStart: week });
      const result = await retentionBacktest(w.ds, w.corpId, through);
      const corp = w.sandboxHandle.corps.get(w.corpId)!;
      const drifters = new Set(corp.driftingUserids());
      const latest = await w.ds.getRepository(RetentionRisk).find({ where: { corpId: w.corpId, weekStart: last } });
      const flaggedNow = latest.filter((r) => r.band === '高');
      // The current week: the people flagged 高 are mostly the sandbox's drifting salespeople.
      expect(flaggedNow.length).toBeGreaterThan(0);
      expect(flaggedNow.filter((r) => drifters.has(r.userid)).length / flaggedNow.length).toBeGreaterThanOrEqual(0.5);
      // The backtest judges only leavers who could have been flagged in time; it names what it missed.
      expect(result.leavers).toBeGreaterThan(5);
      expect(result.leaversFlaggedHighInTime + result.missed.length).toBe(result.leavers);
      // Drifters withdraw before they resign (full by 5 weeks before the last day): several are caught a month
      // ahead (4 of 16 on this seed, against 1 when the drift peaked only on the last day); the leavers who left
      // without drifting cannot be seen coming and stay in `missed`.
      expect(result.leaversFlaggedHighInTime).toBeGreaterThanOrEqual(3);
      expect(result.byBand[0]!.flaggedLeavers).toBe(result.leaversFlaggedHighInTime);
      // The model waits for 10 leavers with a baseline: 数据不足 in August and September, trained in October.
      const models = await w.ds.getRepository(RetentionModel).find({ where: { corpId: w.corpId }, order: { id: 'ASC' } });
      expect(models.map((m) => [m.version.slice(-7), m.status])).toEqual([
        ['2026-08', 'insufficient'],
        ['2026-09', 'insufficient'],
        ['2026-10', 'trained'],
      ]);
      expect(models[1]!.message).toMatch(/^数据不足/);
      expect(models[2]!.leavers).toBeGreaterThanOrEqual(10);
    } finally {
      await w.close();
    }
  });
});
