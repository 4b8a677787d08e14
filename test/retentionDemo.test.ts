/**
 * The demo company (the DingTalk sandbox): half a year of attendance, leave, departures and CRM synced over real
 * HTTP, then the weekly retention run for each past week, as it would have run; the backtest as of the sync day says
 * how many of the people who left were flagged 高 at least 30 days before their last day, and how many flagged people
 * stayed. The sandbox's "drifting" salespeople (leave and lateness up, own follow-ups and help to colleagues down,
 * from 15 weeks before they leave and fully from 5 weeks before) are the ones to catch.
 */
import {
  RISK_MODEL_KIND,
  addDays,
  addMonths,
  isRiskFacts,
  monthEnd,
  rocAuc,
  weeksEnding,
  type BacktestRisk,
  type RiskBand,
  type RiskModelKind,
  type TrainedRiskModel,
} from '@liucai/shared';
import { Like, type DataSource } from 'typeorm';
import { Department, RetentionModel, RetentionRisk, type PayoutRun } from '../server/src/entities';
import type { Actor } from '../server/src/appTypes';
import { completeWeekThrough, runRetention } from '../server/src/modules/retention/commands/retentionRunner';
import { retentionBacktest } from '../server/src/modules/retention/queries/retentionBacktest';
import { attendanceAndLeaveSyncedThrough, firstSyncedDay } from '../server/src/modules/retention/queries/syncedThrough';
import { radarPeople } from '../server/src/modules/retention/queries/retentionPeople';
import { recomputeTalent } from '../server/src/modules/talent/commands/talentRecomputer';
import { seedDemoIncentivePlans } from '../server/src/modules/pay/commands/demoIncentivePlansSeeder';
import { createPayoutRun } from '../server/src/modules/pay/commands/payoutRunCreator';
import { computePayoutRun } from '../server/src/modules/pay/commands/payoutRunComputer';
import { advancePayoutRun } from '../server/src/modules/pay/commands/payoutRunTransitions';
import { DEFAULT_SEGMENT_THRESHOLDS } from '../server/src/modules/sync/commands/customerSegments';
import { noJobs } from './support/payBrowserSetup';
import { dataSyncDeps, runRecordedSync } from './support/dataSyncWorld';
import { createTestWorld, syncWorld } from './support/testServices';

jest.setTimeout(1_800_000);

/** Both model kinds, the default last (its weekly results are the ones left stored, as the radar shows them). */
const KINDS: RiskModelKind[] = (['logistic-l2-platt-v1', 'logistic-l2-platt-v2'] as const).filter((k) => k !== RISK_MODEL_KIND).concat(RISK_MODEL_KIND);

/**
 * The other domains as they would have stood when a week was run: each month that ended before the week starts gets
 * its talent recompute (match scores from the synced CRM) and a published payout run of 销售中心 (the demo's plans),
 * in order, once; nothing of a month is there before it ended.
 */
async function monthsBefore(ds: DataSource, corpId: string, admin: Actor, week: string, done: Set<string>, from: string): Promise<void> {
  const sales = await ds.getRepository(Department).findOneByOrFail({ corpId, name: '销售中心' });
  for (let m = from; monthEnd(m) < week; m = addMonths(m, 1)) {
    if (done.has(m)) continue;
    done.add(m);
    await recomputeTalent(ds, corpId, m, { bigDealFen: DEFAULT_SEGMENT_THRESHOLDS.bigDealFen, today: addDays(monthEnd(m), 1) });
    const run: PayoutRun = await createPayoutRun({ ds, jobs: noJobs }, admin, { period: m, deptId: Number(sales.deptId) });
    expect(await computePayoutRun(ds, corpId, run.id, run.computeSeq)).toMatchObject({ computed: true });
    for (const step of ['lock', 'approve', 'publish'] as const) await advancePayoutRun({ ds }, admin, run.id, step);
  }
}

type World = Awaited<ReturnType<typeof createTestWorld>>;

/**
 * Sync `lookbackDays` of the demo company, then replay the last `weekCount` weeks as they would have run: before each
 * week the months that ended (talent and a published payout run), then the week once per model kind, each kind's
 * weekly results kept aside; both kinds judged by the same backtest. Logs each kind's models and figures.
 */
async function replay(w: World, lookbackDays: number, weekCount: number) {
  await syncWorld(w);
  const deps = dataSyncDeps(w, { lookbackDays, monthlyCallLimit: 1_000_000 });
  for (const kind of ['departures', 'attendance', 'leave', 'crm'] as const) {
    const { run } = await runRecordedSync(w, kind, deps);
    expect({ kind, status: run.status }).toEqual({ kind, status: 'succeeded' });
  }
  const through = (await attendanceAndLeaveSyncedThrough(w.ds, w.corpId))!;
  const last = completeWeekThrough(through);
  const admin: Actor = { corpId: w.corpId, userid: w.sandbox!.demoUsers.admin, roles: ['employee', 'admin'], hrDeptIds: [] };
  expect(await seedDemoIncentivePlans(w.ds, w.corpId, admin.userid, through)).not.toBeNull();
  const firstMonth = addMonths((await firstSyncedDay(w.ds, w.corpId))!.slice(0, 7), 1); // the first whole month
  const months = new Set<string>();
  const kept = new Map<RiskModelKind, (BacktestRisk & { probabilityBp: number | null })[]>(KINDS.map((k) => [k, []]));
  for (const week of weeksEnding(last, weekCount)) {
    await monthsBefore(w.ds, w.corpId, admin, week, months, firstMonth);
    for (const kind of KINDS) {
      await runRetention(w.ds, w.corpId, { weekStart: week, modelKind: kind });
      const rows = await w.ds.getRepository(RetentionRisk).find({ where: { corpId: w.corpId, weekStart: week } });
      kept
        .get(kind)!
        .push(...rows.map((r) => ({ userid: r.userid, weekStart: r.weekStart, band: r.band as RiskBand | null, probabilityBp: r.modelProbabilityBp })));
    }
  }
  // The default kind ran last each week: its results are the stored ones; both kinds are judged alike.
  const result = await retentionBacktest(w.ds, w.corpId, through);
  expect(await retentionBacktest(w.ds, w.corpId, through, 30, kept.get(RISK_MODEL_KIND))).toEqual(result);
  const judged = await compareKinds(w.ds, w.corpId, through, kept);
  // Each kind's monthly models: the out-of-fold ROC-AUC on the same leavers and stayers (the same folds).
  const trained = await w.ds.getRepository(RetentionModel).find({ where: { corpId: w.corpId }, order: { id: 'ASC' } });
  const models = trained.map((m) => ({
    version: m.version,
    status: m.status,
    leavers: m.leavers,
    stayers: m.stayers,
    outOfFoldAucBp: m.outOfFoldAucBp,
    domainCoefs: m.params ? (m.params as unknown as TrainedRiskModel).model.coefs.slice(10) : null,
  }));
  console.log(JSON.stringify({ lookbackDays, through, months: [...months], models, judged: Object.fromEntries(judged) }));
  return { through, last, result, v1: judged.get('logistic-l2-platt-v1')!, v2: judged.get('logistic-l2-platt-v2')! };
}

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

  // A year of history, 34 weekly runs (7-12 minutes here): the comparison that decides the default kind. Opt-in:
  // RETENTION_DEMO_YEAR=1 node_modules/.bin/jest test/retentionDemo.test.ts
  (process.env.RETENTION_DEMO_YEAR ? it : it.skip)('compares the model kinds over a synced year', async () => {
    const w = await createTestWorld({ label: 'retyear', employees: 400, seed: 11 });
    try {
      const { v1, v2 } = await replay(w, 365, 34);
      // v2 is the default because on this history it is not worse than v1 (README: “Retention radar”).
      expect(RISK_MODEL_KIND).toBe('logistic-l2-platt-v2');
      expect(v2.backtest.leaversFlaggedHighInTime).toBeGreaterThanOrEqual(v1.backtest.leaversFlaggedHighInTime);
      expect(v2.backtest.byBand[0]!.flaggedStayers).toBeLessThanOrEqual(v1.backtest.byBand[0]!.flaggedStayers);
      expect(v2.auc!).toBeGreaterThanOrEqual(v1.auc!);
    } finally {
      await w.close();
    }
  });
});

/**
 * Each kind's backtest on the same history, and the ROC-AUC of each judged person's highest model probability in
 * the weeks that count (ending ≥ 30 days before a leaver's last day, or before `asOf` for a stayer) against leaving.
 */
async function compareKinds(ds: DataSource, corpId: string, asOf: string, kept: Map<RiskModelKind, (BacktestRisk & { probabilityBp: number | null })[]>) {
  const lastDays = new Map((await radarPeople(ds, corpId)).map((p) => [p.userid, p.lastDay && p.lastDay <= asOf ? p.lastDay : null]));
  const out = new Map<RiskModelKind, { backtest: Awaited<ReturnType<typeof retentionBacktest>>; auc: number; scored: number; leaversScored: number }>();
  for (const [kind, risks] of kept) {
    const backtest = await retentionBacktest(ds, corpId, asOf, 30, risks);
    const best = new Map<string, number>();
    for (const r of risks) {
      const lastDay = lastDays.get(r.userid) ?? null;
      if (r.probabilityBp === null || addDays(r.weekStart, 6) > addDays(lastDay ?? asOf, -30)) continue;
      best.set(r.userid, Math.max(best.get(r.userid) ?? 0, r.probabilityBp));
    }
    const ids = [...best.keys()];
    const labels = ids.map((u) => (lastDays.get(u) ? 1 : 0));
    out.set(kind, {
      backtest,
      auc:
        Math.round(
          rocAuc(
            ids.map((u) => best.get(u)!),
            labels,
          ) * 1000,
        ) / 1000,
      scored: ids.length,
      leaversScored: labels.filter((l) => l === 1).length,
    });
  }
  return out;
}
