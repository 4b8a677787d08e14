/**
 * A year of the demo company's history, 34 weekly runs (7–12 minutes here): the comparison that decided the default
 * risk model kind (README → “Retention radar”, v1 against v2). Not part of `npm test` for its length; run it with
 * `npm run compare:retention` (its own Jest config, `jest.compare.config.js`). It asserts that the default kind is
 * not worse than the other on this history and prints both kinds' figures.
 */
import { RISK_MODEL_KIND } from '@liucai/shared';
import { replay } from './support/retentionReplay';
import { createTestWorld } from './support/testServices';

jest.setTimeout(1_800_000);

describe('retention model kinds on a synced year of the demo company', () => {
  it('v2 (the default) catches as many leavers in time as v1, with no more false alarms and an AUC not lower', async () => {
    const w = await createTestWorld({ label: 'retyear', employees: 400, seed: 11 });
    try {
      const { v1, v2 } = await replay(w, 365, 34);
      expect(RISK_MODEL_KIND).toBe('logistic-l2-platt-v2');
      expect(v2.backtest.leaversFlaggedHighInTime).toBeGreaterThanOrEqual(v1.backtest.leaversFlaggedHighInTime);
      expect(v2.backtest.byBand[0]!.flaggedStayers).toBeLessThanOrEqual(v1.backtest.byBand[0]!.flaggedStayers);
      expect(v2.auc).toBeGreaterThanOrEqual(v1.auc);
    } finally {
      await w.close();
    }
  });
});
