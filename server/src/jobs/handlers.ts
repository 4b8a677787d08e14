import type { DataSource } from 'typeorm';
import type { Logger } from '../logger';
import type { Config } from '../config';
import type { DingTalkPort } from '../appTypes';
import { runOrgSync } from '../modules/sync/commands/orgSyncer';
import { createOrgSyncRun, createSyncRun } from '../modules/sync/commands/orgSyncRunCreator';
import { runDataSync } from '../modules/sync/commands/dataSyncRunner';
import { resyncUsers } from '../modules/sync/commands/userResyncer';
import { resyncAttendanceDays, resyncLeaveInstance } from '../modules/sync/commands/eventResync';
import { JOB_ATTEMPTS, type JobHandlers } from './jobTypes';
import { notifyJobHandlers, type NotifyHandlerDeps } from '../modules/notify/jobs/notifyJobs';
import { withCallTally } from '../dingtalk/callScope';
import { runRetention } from '../modules/retention/commands/retentionRunner';
import { purgeExpiredAudit } from '../modules/audit/commands/auditPurger';
import { payoutRunJobHandlers } from '../modules/pay/jobs/payoutRunJob';
import { firstStartTalentPeriods, lastCompletePeriod, runTalentRecompute, talentJobHandlers } from '../modules/talent/jobs/talentJobs';
import { runOutcomes } from '../modules/outcomes/commands/outcomesRunner';
import { currentRiskWeek } from '../modules/retention/queries/riskViews';
import { DEFAULT_SEGMENT_THRESHOLDS } from '../modules/sync/commands/customerSegments';
import { seedDemoAssessment } from '../modules/assessment/commands/demoAssessmentSeeder';
import { seedDemoPulse } from '../modules/pulse/commands/demoPulseSeeder';
import { seedDemoKpiInputs } from '../modules/pay/commands/demoKpiInputsSeeder';
import { firstStartKpiPeriods, kpiJobHandlers, nightlyKpiPeriods, runKpiScoring } from '../modules/pay/jobs/kpiScoreJob';
import type { KpiSettings } from '@liucai/shared';
import { importDemoTraining, type DemoTrainingSource } from '../modules/imports/commands/demoTrainingImporter';
import { refreshDataQuality } from '../modules/sync/commands/dataQualityRefresher';

export interface HandlerDeps {
  ds: DataSource;
  dingtalk: DingTalkPort;
  log: Logger;
  orgSyncConcurrency: number;
  monthlyCallLimit: number;
  /** Share of the month's calls kept for work notifications (config.budget.notifyShare). */
  notifyShare?: number;
  dataSyncLookbackDays: number;
  /** Lookback of the first start's runs (trigger `startup`): the demo reads more history than a real corp's first sync. */
  startupLookbackDays?: number;
  crm?: Config['crm'];
  leaveProcessCode: string | null;
  notify: NotifyHandlerDeps['notify'];
  /** The built-in sandbox (the demo): its first start also seeds a completed assessment cycle. */
  demo?: boolean;
  /** The demo's sandbox (where it listens, its admin): the first start imports its training export from there. */
  sandbox?: DemoTrainingSource | null;
  /** AUDIT_RETENTION_YEARS (default 6). */
  auditRetentionYears?: number;
  /** KPI rating window and promotion streak (config.kpi). */
  kpi?: KpiSettings;
}

/** Handler dependencies from a process's config and services (`sandbox`: the demo's, in sandbox mode). */
export function handlerDepsFrom(config: Config, ds: DataSource, dingtalk: DingTalkPort, log: Logger, sandbox: DemoTrainingSource | null = null): HandlerDeps {
  return {
    ds,
    dingtalk,
    log,
    orgSyncConcurrency: config.orgSyncConcurrency,
    monthlyCallLimit: config.monthlyCallLimit,
    notifyShare: config.budget.notifyShare,
    dataSyncLookbackDays: config.dataSyncLookbackDays,
    startupLookbackDays: config.startupLookbackDays,
    crm: config.crm,
    leaveProcessCode: config.leaveProcessCode,
    auditRetentionYears: config.audit.retentionYears,
    kpi: config.kpi,
    notify: { settings: config.notify, baseUrl: config.publicUrl ?? `http://localhost:${config.port}` },
    demo: config.dingtalk.mode === 'sandbox',
    sandbox: config.dingtalk.mode === 'sandbox' ? sandbox : null,
  };
}

/** Data syncs the nightly trigger runs, in order. */
export const NIGHTLY_DATA_SYNCS = ['departures', 'attendance', 'leave', 'crm'] as const;

/** The job handlers, shared by the BullMQ worker and the in-process runner. Each re-reads state and is safe to repeat. */
export function createJobHandlers(deps: HandlerDeps): JobHandlers {
  const syncDeps = { ds: deps.ds, source: deps.dingtalk, apiCalls: () => deps.dingtalk.callCount(), concurrency: deps.orgSyncConcurrency };
  const dataDeps = {
    ds: deps.ds,
    source: deps.dingtalk.data,
    apiCalls: () => deps.dingtalk.callCount(),
    concurrency: deps.orgSyncConcurrency,
    monthlyCallLimit: deps.monthlyCallLimit,
    notifyShare: deps.notifyShare ?? 0,
    lookbackDays: deps.dataSyncLookbackDays,
    ...(deps.startupLookbackDays !== undefined ? { startupLookbackDays: deps.startupLookbackDays } : {}),
    ...(deps.crm ? { crm: deps.crm } : {}),
    leaveProcessCode: deps.leaveProcessCode,
  };
  // After the radar: risk-turned-高 alerts, the 转型看板's rows, the monthly summary (a failure is logged, never thrown).
  const outcomesAfterRadar = async (corpId: string) => {
    try {
      const riskWeek = await currentRiskWeek(deps.ds, corpId);
      const result = await runOutcomes(deps.ds, corpId, { riskWeek, bigDealFen: deps.crm?.bigDealFen ?? DEFAULT_SEGMENT_THRESHOLDS.bigDealFen });
      deps.log.info({ corpId, ...result, months: result.months.length }, 'outcomes computed');
    } catch (err) {
      deps.log.warn({ err, corpId }, 'outcomes failed');
    }
  };
  return {
    ...notifyJobHandlers(deps),
    ...payoutRunJobHandlers(deps, (attempt) => attempt >= JOB_ATTEMPTS),
    ...talentJobHandlers(deps),
    ...kpiJobHandlers(deps),
    'data.sync': async ({ syncRunId }, { attempt }) => {
      const outcome = await runDataSync(dataDeps, syncRunId, { finalAttempt: attempt >= JOB_ATTEMPTS });
      if (outcome) deps.log.info({ syncRunId, ...outcome }, 'data sync finished');
    },
    'data.scheduledSync': async ({ corpId }) => {
      for (const kind of NIGHTLY_DATA_SYNCS) {
        const run = await createSyncRun(deps.ds, corpId, kind, 'schedule', null);
        if (!run) continue; // one is already running
        await runDataSync(dataDeps, run.id, { finalAttempt: true }).catch((err: unknown) => deps.log.warn({ err, kind }, 'nightly data sync failed'));
      }
      // Portraits and match scores from the night's data.
      await runTalentRecompute(deps, corpId, lastCompletePeriod()).catch((err: unknown) => deps.log.warn({ err }, 'nightly talent recompute failed'));
      // KPI of the last complete month (promotion streaks) and of the running one (my KPI so far).
      await runKpiScoring(deps, corpId, nightlyKpiPeriods()).catch((err: unknown) => deps.log.warn({ err }, 'nightly KPI scoring failed'));
      // The retention radar reads what the nightly syncs just wrote (a failure there never fails the syncs).
      await runRetention(deps.ds, corpId).then(
        (result) => deps.log.info({ corpId, ...result }, 'retention radar computed'),
        (err: unknown) => deps.log.warn({ err, corpId }, 'retention radar failed'),
      );
      await outcomesAfterRadar(corpId);
    },
    'retention.compute': async ({ corpId }) => {
      const result = await runRetention(deps.ds, corpId);
      deps.log.info({ corpId, ...result }, 'retention radar computed');
      await outcomesAfterRadar(corpId);
    },
    'data.startupSync': async ({ corpId, syncRunIds }, { attempt }) => {
      // In order (departures first: attendance and leave then read the people who left too). A retry skips the runs
      // already finished; on the last attempt a failed run stays failed and the next one still runs.
      const finalAttempt = attempt >= JOB_ATTEMPTS;
      for (const syncRunId of syncRunIds) {
        try {
          const outcome = await runDataSync(dataDeps, syncRunId, { finalAttempt });
          if (outcome) deps.log.info({ syncRunId, ...outcome }, 'first-start data sync finished');
        } catch (err) {
          if (!finalAttempt) throw err;
          deps.log.warn({ err, syncRunId }, 'first-start data sync failed');
        }
      }
      // The demo: its training history, as an HR import of the learning platform's export (DingTalk has none), once,
      // after the departures (the file names leavers) and before everything below that reads training.
      if (deps.demo && deps.sandbox) {
        await importDemoTraining(deps.ds, corpId, deps.sandbox)
          .then(async (run) => {
            if (!run) return;
            deps.log.info({ corpId, runId: run.id, rows: run.rowsTotal, created: run.created, rejected: run.rejected }, 'demo training imported');
            await refreshDataQuality(deps.ds, corpId, { followUpRecheckDays: deps.crm?.followUpRecheckDays ?? 30 });
          })
          .catch((err: unknown) => deps.log.warn({ err }, 'demo training not imported'));
      }
      await runTalentRecompute(deps, corpId, lastCompletePeriod()).catch((err: unknown) => deps.log.warn({ err }, 'first-start talent recompute failed'));
      // Earlier quarters the first sync covers whole, so the trend on 我的画像 starts with a past.
      for (const period of firstStartTalentPeriods(deps.startupLookbackDays ?? deps.dataSyncLookbackDays))
        await runTalentRecompute(deps, corpId, period).catch((err: unknown) => deps.log.warn({ err, period }, 'first-start talent recompute failed'));
      // The demo: a completed assessment cycle answered from each salesperson's behaviour, then its scores on the portraits.
      if (deps.demo)
        await seedDemoAssessment(deps.ds, corpId, lastCompletePeriod())
          .then((seeded) => (seeded ? runTalentRecompute(deps, corpId, lastCompletePeriod()) : undefined))
          .catch((err: unknown) => deps.log.warn({ err }, 'demo assessment not seeded'));
      // KPI from the behaviour the first sync read, month by month (never assigned). The demo first gets the inputs
      // DingTalk does not hold (customer surveys, supervisors' team-project ratings), derived from the same behaviour.
      const kpiPeriods = firstStartKpiPeriods(deps.startupLookbackDays ?? deps.dataSyncLookbackDays);
      if (deps.demo) await seedDemoKpiInputs(deps.ds, corpId, kpiPeriods).catch((err: unknown) => deps.log.warn({ err }, 'demo KPI inputs not seeded'));
      await runKpiScoring(deps, corpId, kpiPeriods).catch((err: unknown) => deps.log.warn({ err }, 'first-start KPI scoring failed'));
      // The radar from the first data too, so a new company does not wait for the night to see it.
      await runRetention(deps.ds, corpId).then(
        (result) => deps.log.info({ corpId, ...result }, 'first-start retention radar computed'),
        (err: unknown) => deps.log.warn({ err, corpId }, 'first-start retention radar failed'),
      );
      // The demo: two past months of pulse surveys answered from behaviour (the radar's bands), so 团队氛围 is real.
      if (deps.demo)
        await seedDemoPulse(deps.ds, corpId, lastCompletePeriod()).catch((err: unknown) => deps.log.warn({ err }, 'demo pulse surveys not seeded'));
      await outcomesAfterRadar(corpId);
    },
    'org.sync': async ({ syncRunId }, { attempt }) => {
      const result = await runOrgSync(syncDeps, syncRunId, { finalAttempt: attempt >= JOB_ATTEMPTS });
      if (result) deps.log.info({ syncRunId, ...result }, 'org sync finished');
    },
    'org.scheduledSync': async ({ corpId }) => {
      const run = await createOrgSyncRun(deps.ds, corpId, 'schedule', null);
      if (!run) return deps.log.info({ corpId }, 'scheduled org sync skipped: one is already running');
      // Runs inline: the scheduler's own job is the trigger, with its attempts. A failure leaves the run failed.
      await runOrgSync(syncDeps, run.id, { finalAttempt: true });
    },
    'org.eventSync': async ({ corpId }) => {
      const run = await createOrgSyncRun(deps.ds, corpId, 'event', null);
      if (!run) return deps.log.info({ corpId }, 'event org sync skipped: one is already running');
      await runOrgSync(syncDeps, run.id, { finalAttempt: true });
    },
    'attendance.resyncDays': async ({ corpId, checks }) => {
      // Its own metered calls only (a sync may be running on the same client meanwhile).
      const changed = await withCallTally((tally) => resyncAttendanceDays({ ...dataDeps, apiCalls: () => tally.metered }, corpId, checks));
      deps.log.info({ corpId, days: checks.length, changed }, 'attendance re-read after a check-in event');
    },
    'leave.syncInstance': async ({ corpId, processInstanceId }) => {
      const changed = await withCallTally((tally) => resyncLeaveInstance({ ...dataDeps, apiCalls: () => tally.metered }, corpId, processInstanceId));
      deps.log.info({ corpId, processInstanceId, changed }, 'leave re-read after an approval event');
    },
    'audit.purge': async ({ corpId }) => {
      const purged = await purgeExpiredAudit(deps.ds, corpId, { years: deps.auditRetentionYears ?? 6 });
      if (purged > 0) deps.log.info({ corpId, purged }, 'expired audit events purged');
    },
    'org.syncUsers': async ({ corpId, userids }) => {
      const result = await resyncUsers(deps.ds, deps.dingtalk, corpId, userids);
      deps.log.info({ corpId, updated: result.updated.length, left: result.left.length }, 'users re-synced after an event');
    },
  };
}
