/**
 * The demo company (the DingTalk sandbox): half a year of attendance, leave, departures and CRM synced over real
 * HTTP, then the weekly retention run for each past week, as it would have run; the backtest as of the sync day says
 * how many of the people who left were flagged 高 at least 30 days before their last day, and how many flagged people
 * stayed. The sandbox's "drifting" salespeople (leave and lateness up, own follow-ups down over the 3 months before
 * they leave) are the ones to catch.
 */
import { weeksEnding } from '@liucai/shared';
import { RetentionRisk } from '../server/src/entities';
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
      const weeks = weeksEnding(last, 10);
      for (const week of weeks) await runRetention(w.ds, w.corpId, { weekStart: week, weeks: 16 });
      const result = await retentionBacktest(w.ds, w.corpId, through);
      const corp = w.sandboxHandle.corps.get(w.corpId)!;
      const drifters = new Set(corp.driftingUserids());
      const latest = await w.ds.getRepository(RetentionRisk).find({ where: { corpId: w.corpId, weekStart: last } });
      const flaggedNow = latest.filter((r) => r.band === '高');
      console.log(
        JSON.stringify(
          {
            through,
            weeks: [weeks[0], last],
            backtest: result,
            driftersNow: latest.filter((r) => drifters.has(r.userid)).length,
            flaggedNow: flaggedNow.length,
            flaggedNowDrifters: flaggedNow.filter((r) => drifters.has(r.userid)).length,
            missedDrifters: result.missed.filter((u) => drifters.has(u)).length,
            driftingLeavers: [...drifters].filter((u) => !latest.some((r) => r.userid === u)).length,
          },
          null,
          1,
        ),
      );
    } finally {
      await w.close();
    }
  });
});
