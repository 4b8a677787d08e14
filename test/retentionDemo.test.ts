/**
 * The demo company (the DingTalk sandbox): half a year of attendance, leave, departures and CRM synced over real
 * HTTP, then the weekly retention run for each past week, as it would have run; the backtest as of the sync day says
 * how many of the people who left were flagged 高 at least 30 days before their last day, and how many flagged people
 * stayed. The sandbox's "drifting" salespeople (leave and lateness up, own follow-ups and help to colleagues down,
 * from 15 weeks before they leave and fully from 5 weeks before) are the ones to catch.
 */
import { RISK_MODEL_KIND, isRiskFacts } from '@liucai/shared';
import { Like } from 'typeorm';
import { RetentionModel, RetentionRisk } from '../server/src/entities';
import { replay } from './support/retentionReplay';
import { createTestWorld } from './support/testServices';

jest.setTimeout(1_800_000);

describe('retention radar on the demo company', () => {
  it('backtests weekly runs over the synced half year', async () => {
    const w = await createTestWorld({ label: 'retdemo', employees: 400, seed: 11 });
    try {
      const { last, result, v1, v2 } = await replay(w, 182, 11);
      // On half a year the model first trains in October and no week from then on can be judged yet: both kinds'
      // judged flags are the rule's, the same.
      expect(v2.backtest).toEqual(v1.backtest);
      // The stored rows are numbers; the payouts and match scores are there for the model to read.
      const stored = await w.ds.getRepository(RetentionRisk).find({ where: { corpId: w.corpId, weekStart: last } });
      const facts = stored.map((r) => r.explanation).filter(isRiskFacts);
      expect(facts.length).toBe(stored.length);
      expect(facts.filter((f) => f.domain.some((d) => d.key === 'payout' && d.status === 'ok')).length).toBeGreaterThan(20);
      expect(facts.filter((f) => f.domain.some((d) => d.key === 'matchScore' && d.status === 'ok')).length).toBeGreaterThan(20);
      const corp = w.sandboxHandle.corps.get(w.corpId)!;
      const drifters = new Set(corp.driftingUserids());
      const flaggedNow = stored.filter((r) => r.band === '高');
      console.log(JSON.stringify({ week: last, flaggedNow: flaggedNow.length, drifting: flaggedNow.filter((r) => drifters.has(r.userid)).length }));
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
      const models = await w.ds
        .getRepository(RetentionModel)
        .find({ where: { corpId: w.corpId, version: Like(`${RISK_MODEL_KIND}@%`) }, order: { id: 'ASC' } });
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
