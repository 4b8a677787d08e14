/**
 * The demo company's retention history replayed week by week as it would have run (its syncs and its training import
 * as on a first start; talent and a published payout run for each month that ended, then each model kind's weekly run), and both kinds judged by the same backtest.
 * Used by `test/retentionDemo.test.ts` (half a year) and `test/retentionYear.compare.ts` (a year, `npm run
 * compare:retention`).
 */
import {
  RISK_MODEL_KIND,
  addDays,
  addMonths,
  monthEnd,
  rocAuc,
  weeksEnding,
  type BacktestRisk,
  type RiskBand,
  type RiskModelKind,
  type TrainedRiskModel,
} from '@liucai/shared';
import type { DataSource } from 'typeorm';
import { Department, RetentionModel, RetentionRisk, type PayoutRun } from '../../server/src/entities';
import type { Actor } from '../../server/src/appTypes';
import { completeWeekThrough, runRetention } from '../../server/src/modules/retention/commands/retentionRunner';
import { retentionBacktest } from '../../server/src/modules/retention/queries/retentionBacktest';
import { attendanceAndLeaveSyncedThrough, firstSyncedDay } from '../../server/src/modules/retention/queries/syncedThrough';
import { radarPeople } from '../../server/src/modules/retention/queries/retentionPeople';
import { recomputeTalent } from '../../server/src/modules/talent/commands/talentRecomputer';
import { seedDemoIncentivePlans } from '../../server/src/modules/pay/commands/demoIncentivePlansSeeder';
import { createPayoutRun } from '../../server/src/modules/pay/commands/payoutRunCreator';
import { computePayoutRun } from '../../server/src/modules/pay/commands/payoutRunComputer';
import { advancePayoutRun } from '../../server/src/modules/pay/commands/payoutRunTransitions';
import { DEFAULT_SEGMENT_THRESHOLDS } from '../../server/src/modules/sync/commands/customerSegments';
import { noJobs } from './payBrowserSetup';
import { importDemoTraining } from '../../server/src/modules/imports/commands/demoTrainingImporter';
import { dataSyncDeps, runRecordedSync } from './dataSyncWorld';
import { createTestWorld, syncWorld } from './testServices';

/** Both model kinds, the default last (its weekly results are the ones left stored, as the radar shows them). */
export const KINDS: RiskModelKind[] = (['logistic-l2-platt-v1', 'logistic-l2-platt-v2'] as const).filter((k) => k !== RISK_MODEL_KIND).concat(RISK_MODEL_KIND);

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

export type World = Awaited<ReturnType<typeof createTestWorld>>;

/**
 * Sync `lookbackDays` of the demo company, then replay the last `weekCount` weeks as they would have run: before each
 * week the months that ended (talent and a published payout run), then the week once per model kind, each kind's
 * weekly results kept aside; both kinds judged by the same backtest. Logs each kind's models and figures.
 */
export async function replay(w: World, lookbackDays: number, weekCount: number) {
  await syncWorld(w);
  const deps = dataSyncDeps(w, { lookbackDays, monthlyCallLimit: 1_000_000 });
  for (const kind of ['departures', 'attendance', 'leave', 'crm'] as const) {
    const { run } = await runRecordedSync(w, kind, deps);
    expect({ kind, status: run.status }).toEqual({ kind, status: 'succeeded' });
  }
  // As the demo's first start does after its syncs: the training history, imported from the sandbox's export.
  const training = await importDemoTraining(w.ds, w.corpId, w.sandbox!);
  expect(training).toMatchObject({ status: 'succeeded', rejected: 0 });
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
